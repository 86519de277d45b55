/* Review deck (/practice/review/): spaced repetition over cards the build makes from the data, scheduled
   with FSRS (the vendored ts-fsrs, docs/assets/vendor/ts-fsrs/, the scheduler Anki uses). Progress per card id
   in playbook.store "review": an FSRS card {due, stability, difficulty, elapsed_days, scheduled_days, reps,
   lapses, learning_steps, state, last_review}; Leitner progress ({box, due, seen}) from earlier versions is
   converted on first use. Space reveals, 1-4 grade (Again, Hard, Good, Easy); export and import progress. */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store;

  /* Anki's text import: tab-separated, HTML allowed. Every note on one physical line: line breaks become
     <br>, tabs spaces; a field holding a double quote is quoted, with quotes doubled. Tags are one column,
     separated by spaces. */
  function field(text) {
    text = String(text).replace(/>\s*[\r\n]+\s*</g, "><").replace(/\r\n|\r|\n/g, "<br>").replace(/\t/g, " ");
    return /"/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function absolute(markup) {
    var t = document.createElement("template"); t.innerHTML = markup;
    playbook.all("a[href]", t.content).forEach(function (a) { a.setAttribute("href", new URL(a.getAttribute("href"), location.href).href); });
    return t.innerHTML;
  }
  function tsv(cards) {
    var lines = ["#separator:tab", "#html:true", "#columns:Front\tBack\tTags\tGUID", "#tags column:3", "#guid column:4"];
    cards.forEach(function (c) {
      var back = absolute(c.back + '<p>From the Influence Playbook: <a href="' + c.url + '">' + playbook.el("b", c.title).innerHTML + "</a></p>");
      var tags = ["influence-playbook", "influence-playbook::" + c.kind].concat(c.tags.map(function (t) { return "influence-playbook::tag::" + t; }));
      lines.push([field(absolute(c.front)), field(back), field(tags.join(" ")), field("influence-playbook:" + c.id)].join("\t"));
    });
    return lines.join("\n") + "\n";
  }

  /* ---- FSRS: short learning steps (10 minutes) so "Again" comes back today; days after that. */
  var F = null, scheduler = null, GRADES = ["", "Again", "Hard", "Good", "Easy"];
  function fsrs() {
    if (!scheduler) {
      F = window.FSRS;
      scheduler = F.fsrs(F.generatorParameters({ enable_fuzz: false, learning_steps: ["10m"], relearning_steps: ["10m"] }));
    }
    return scheduler;
  }
  function plain(card) {
    return { due: card.due.toISOString(), stability: card.stability, difficulty: card.difficulty, elapsed_days: card.elapsed_days,
      scheduled_days: card.scheduled_days, reps: card.reps, lapses: card.lapses, learning_steps: card.learning_steps || 0,
      state: card.state, last_review: card.last_review ? card.last_review.toISOString() : null };
  }
  function live(stored) { return F.TypeConvert.card(stored); }
  /* A Leitner card: reviewed and remembered for its box's interval, so FSRS starts it in review with that
     stability (the days after which it is recalled nine times in ten). */
  function fromLeitner(old, boxes) {
    var days = boxes[Math.min(boxes.length, old.box) - 1], due = playbook.parseDay(old.due) || new Date();
    var last = new Date(Math.min(due.getTime() - days * 86400000, Date.now()));  /* never in the future (ts-fsrs refuses it) */
    return { due: due.toISOString(), stability: days, difficulty: 5, elapsed_days: 0, scheduled_days: days, reps: old.seen || 1,
      lapses: 0, learning_steps: 0, state: 2, last_review: last.toISOString() };
  }
  function isLeitner(c) { return c && typeof c.box === "number"; }
  function dueDay(c) { return playbook.day(new Date(c.due)); }
  /* Due by the end of today (local): compared as times, never as text ("10000-01-01" sorts before "2026-…"). */
  function endOfToday() { var d = new Date(); d.setHours(24, 0, 0, 0); return d.getTime(); }
  function isDue(c) { var t = Date.parse(c.due); return !isFinite(t) || t < endOfToday(); }
  function later(a, b) { return (a.last_review || "") > (b.last_review || ""); }

  /* One deck's state is one object, `v`: its elements, the cards, the card shown (current) and the cards graded
     "Again" in this session (again). */
  function progress() { return store.get("review", {}); }
  /* Leitner progress of earlier versions, converted once. */
  function migrate(v) {
    var p = progress(), n = 0;
    Object.keys(p).forEach(function (id) { if (isLeitner(p[id])) { p[id] = fromLeitner(p[id], v.boxes); n += 1; } });
    if (n && store.set("review", p)) v.status.textContent = "Your progress on " + n + " card" + (n === 1 ? "" : "s") + " moved to the FSRS scheduler; nothing was lost.";
  }
  function selection(v) {
    var kinds = playbook.all("[data-review-kind]:checked", v.root).map(function (b) { return b.value; }), tag = v.tagSel.value;
    return v.cards.filter(function (c) { return kinds.indexOf(c.kind) !== -1 && (!tag || c.tags.indexOf(tag) !== -1); });
  }
  function due(list) {
    var p = progress();
    return list.filter(function (c) { return !p[c.id] || isDue(p[c.id]); })
      .sort(function (a, b) { var x = p[a.id] ? Date.parse(p[a.id].due) : Infinity, y = p[b.id] ? Date.parse(p[b.id].due) : Infinity; return x < y ? -1 : x > y ? 1 : 0; });
  }
  function next(v) {
    var list = selection(v), queue = due(list), root = v.root;
    root.querySelector("[data-review-due]").textContent = String(queue.length);
    root.querySelector("[data-review-shown]").textContent = String(list.length);
    /* Cards graded "Again" come back after the others. */
    var waiting = new Set(v.again), fresh = queue.filter(function (c) { return !waiting.has(c.id); });
    var current = v.current = fresh[0] || queue[0] || null;
    root.querySelector("[data-review-empty]").hidden = Boolean(current);
    v.card.hidden = !current;
    if (!current) return;
    v.card.dataset.card = current.id;
    var state = progress()[current.id];
    root.querySelector("[data-review-meta]").textContent = current.kind_title + " · " + (state ? "seen " + state.reps + " time" + (state.reps === 1 ? "" : "s") : "new card");
    v.front.innerHTML = current.front;       /* HTML made by the build from the data (render.present) */
    v.back.innerHTML = current.back;
    var link = playbook.el("p"), a = playbook.el("a", "Open " + current.title); a.href = current.url; link.appendChild(a); v.back.appendChild(link);
    v.back.hidden = true; v.grades.hidden = true; v.reveal.hidden = false; v.reveal.setAttribute("aria-expanded", "false");
  }
  function show(v) {
    if (!v.current || !v.back.hidden) return;
    v.back.hidden = false; v.grades.hidden = false; v.reveal.hidden = true; v.reveal.setAttribute("aria-expanded", "true");
    v.grades.querySelector("[data-grade='3']").focus();
  }
  function grade(v, n) {
    var current = v.current;
    if (!current || v.back.hidden) return;
    var p = progress(), now = new Date(), reset = false;
    var sched = p[current.id] && !isLeitner(p[current.id]) ? live(p[current.id]) : F.createEmptyCard(now);
    try { p[current.id] = plain(fsrs().next(sched, now, n).card); }
    catch (e) {  /* saved progress the scheduler refuses: the card starts again as new, and the reader is told */
      reset = true;
      p[current.id] = plain(fsrs().next(F.createEmptyCard(now), now, n).card);
    }
    if (isDue(p[current.id])) { if (v.again.indexOf(current.id) === -1) v.again.push(current.id); }
    else v.again = v.again.filter(function (id) { return id !== current.id; });
    if (!store.set("review", p)) return;
    var days = playbook.daysBetween(playbook.today(), dueDay(p[current.id]));
    v.status.textContent = (reset ? "This card's saved progress could not be scheduled, so it was reset to new. " : "") + "Graded " + GRADES[n] + ": " + (days < 1 ? "back later today." : "next in " + days + " day" + (days === 1 ? "" : "s") + ".");
    next(v);
    if (!v.card.hidden) v.front.focus();
  }
  /* Space reveals, 1-4 grades, from anywhere on the page but a field or a control. */
  function keys(v) {
    function onKey(e) {
      if (!document.body.contains(v.root)) { document.removeEventListener("keydown", onKey); return; }  /* left the page */
      if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA|BUTTON|SUMMARY|A)$/.test(e.target.tagName)) return;
      if (document.querySelector(".md-search__input:focus")) return;
      if (e.key === " " && v.current && v.back.hidden) { e.preventDefault(); show(v); }
      else if (/^[1-4]$/.test(e.key) && v.current && !v.back.hidden) { e.preventDefault(); grade(v, Number(e.key)); }
    }
    document.addEventListener("keydown", onKey);
    /* Number keys also work while a grade button has the focus. */
    v.grades.addEventListener("keydown", function (e) { if (/^[1-4]$/.test(e.key)) { e.preventDefault(); grade(v, Number(e.key)); } });
  }
  /* Import progress (this version's or a Leitner export): merged card by card, the more recent review wins. */
  function importProgress(v, value) {
    var status = v.status, checked = value && value.kind === "review-progress" ? store.check("review", value.cards) : null;
    if (!checked) { status.textContent = "Not imported: the file is not a review-progress export. Your progress is unchanged."; return; }
    var p = progress(), added = 0, newer = 0, kept = 0, unknown = 0;
    Object.keys(checked.value).forEach(function (id) {
      if (!v.known.has(id)) { unknown += 1; return; }
      var c = isLeitner(checked.value[id]) ? fromLeitner(checked.value[id], v.boxes) : checked.value[id];
      if (!p[id]) { p[id] = c; added += 1; } else if (later(c, p[id])) { p[id] = c; newer += 1; } else kept += 1;
    });
    if (!store.set("review", p)) { status.textContent = "Not imported: your progress would not fit in this browser's storage. Your progress is unchanged."; return; }
    next(v);
    status.textContent = "Imported progress: " + added + " new card" + (added === 1 ? "" : "s") + ", " + newer + " updated (reviewed more recently in the file), " +
      kept + " kept (yours were more recent)." + (checked.dropped ? " " + checked.dropped + " unreadable entr" + (checked.dropped === 1 ? "y was" : "ies were") + " dropped." : "") +
      (unknown ? " " + unknown + " card" + (unknown === 1 ? " is" : "s are") + " not in this deck and " + (unknown === 1 ? "was" : "were") + " dropped." : "");
  }
  function files(v) {
    v.root.querySelector("[data-review-export]").addEventListener("click", function () {
      var list = selection(v);
      playbook.download("influence-playbook-deck.tsv", "text/tab-separated-values", tsv(list));
      v.status.textContent = "Exported " + list.length + " cards for Anki (File, Import).";
    });
    v.root.querySelector("[data-review-export-progress]").addEventListener("click", function () {
      playbook.download("review-progress.json", "application/json", JSON.stringify({ version: 2, kind: "review-progress", scheduler: "fsrs", cards: progress() }, null, 2));
    });
    var input = v.root.querySelector("[data-review-import]");
    input.addEventListener("change", function () {
      playbook.readJson(input, function (value) { importProgress(v, value); },
        function (message) { v.status.textContent = "Not imported: " + message + " Your progress is unchanged."; });
    });
  }

  function setupReview(root) {
    var data = playbook.payload("pb-review-data");
    var v = { root: root, cards: data.cards, boxes: data.boxes, card: root.querySelector("[data-review-card]"),
      front: root.querySelector("[data-review-front]"), back: root.querySelector("[data-review-back]"),
      reveal: root.querySelector("[data-review-reveal]"), grades: root.querySelector("[data-review-grades]"),
      status: root.querySelector("[data-review-status]"), tagSel: root.querySelector("[data-review-tag]"),
      current: null, again: [], known: new Set(data.cards.map(function (c) { return c.id; })) };
    fsrs();
    migrate(v);
    v.reveal.addEventListener("click", function () { show(v); });
    playbook.all("[data-grade]", v.grades).forEach(function (b) { b.addEventListener("click", function () { grade(v, Number(b.dataset.grade)); }); });
    playbook.all("[data-review-kind]", root).forEach(function (b) { b.addEventListener("change", function () { next(v); }); });
    v.tagSel.addEventListener("change", function () { next(v); });
    keys(v);
    files(v);
    next(v);
  }

  playbook.tool("review", { root: "[data-review]", needs: ["kit", "fsrs"], setup: setupReview });
})();
