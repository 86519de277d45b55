/* Review deck (/practice/review/): spaced repetition with Leitner boxes over cards the build makes
   from the data. Progress per card id in playbook.store "review": {box, due, seen}. Space reveals, 1-3 grade. */
(function () {
  "use strict";
  var T = window.playbook, store = T.store;

  /* Anki's text import: tab-separated, HTML allowed; a field holding a tab, a line break or a double
     quote is quoted, with quotes doubled. Tags are one column, separated by spaces. */
  function field(text) {
    text = String(text);
    return /[\t\r\n"]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function absolute(markup) {
    var t = document.createElement("template"); t.innerHTML = markup;
    T.all("a[href]", t.content).forEach(function (a) { a.setAttribute("href", new URL(a.getAttribute("href"), location.href).href); });
    return t.innerHTML;
  }
  function tsv(cards) {
    var lines = ["#separator:tab", "#html:true", "#columns:Front\tBack\tTags\tGUID", "#tags column:3", "#guid column:4"];
    cards.forEach(function (c) {
      var back = absolute(c.back + '<p>From the Influence Playbook: <a href="' + c.url + '">' + T.el("b", c.title).innerHTML + "</a></p>");
      var tags = ["influence-playbook", "influence-playbook::" + c.kind].concat(c.tags.map(function (t) { return "influence-playbook::tag::" + t; }));
      lines.push([field(absolute(c.front)), field(back), field(tags.join(" ")), field("influence-playbook:" + c.id)].join("\t"));
    });
    return lines.join("\n") + "\n";
  }

  T.tool("review", { root: "[data-review]", needs: ["kit"], setup: function (root) {
    var data = T.payload("pb-review-data");
    var cards = data.cards, boxes = data.boxes;
    var card = root.querySelector("[data-review-card]"), front = root.querySelector("[data-review-front]");
    var back = root.querySelector("[data-review-back]"), reveal = root.querySelector("[data-review-reveal]");
    var grades = root.querySelector("[data-review-grades]"), status = root.querySelector("[data-review-status]");
    var tagSel = root.querySelector("[data-review-tag]");
    var current = null, again = [];

    function progress() { return store.get("review", {}); }
    function selection() {
      var kinds = T.all("[data-review-kind]:checked", root).map(function (b) { return b.value; }), tag = tagSel.value;
      return cards.filter(function (c) { return kinds.indexOf(c.kind) !== -1 && (!tag || c.tags.indexOf(tag) !== -1); });
    }
    function due(list) {
      var p = progress(), today = T.today();
      return list.filter(function (c) { return !p[c.id] || p[c.id].due <= today; })
        .sort(function (a, b) { var x = p[a.id] ? p[a.id].due : "9", y = p[b.id] ? p[b.id].due : "9"; return x < y ? -1 : x > y ? 1 : 0; });
    }
    function next() {
      var list = selection(), queue = due(list);
      root.querySelector("[data-review-due]").textContent = String(queue.length);
      root.querySelector("[data-review-shown]").textContent = String(list.length);
      /* Cards graded "Again" come back after the others. */
      var fresh = queue.filter(function (c) { return again.indexOf(c.id) === -1; });
      current = fresh[0] || queue[0] || null;
      root.querySelector("[data-review-empty]").hidden = Boolean(current);
      card.hidden = !current;
      if (!current) return;
      card.dataset.card = current.id;
      var state = progress()[current.id];
      root.querySelector("[data-review-meta]").textContent = current.kind_title + " · " + (state ? "box " + state.box : "new card");
      front.innerHTML = current.front;       /* HTML made by the build from the data (render.present) */
      back.innerHTML = current.back;
      var link = T.el("p"), a = T.el("a", "Open " + current.title); a.href = current.url; link.appendChild(a); back.appendChild(link);
      back.hidden = true; grades.hidden = true; reveal.hidden = false; reveal.setAttribute("aria-expanded", "false");
    }
    function show() {
      if (!current || !back.hidden) return;
      back.hidden = false; grades.hidden = false; reveal.hidden = true; reveal.setAttribute("aria-expanded", "true");
      grades.querySelector("[data-grade='3']").focus();
    }
    function grade(n) {
      if (!current || back.hidden) return;
      var p = progress(), s = p[current.id] || { box: 1, seen: 0 };
      var box = n === 1 ? 1 : n === 2 ? s.box : Math.min(boxes.length, s.box + 1);
      var dueOn = n === 1 ? T.today() : T.addDays(T.today(), boxes[box - 1]);
      p[current.id] = { box: box, due: dueOn, seen: (s.seen || 0) + 1 };
      if (n === 1) again.push(current.id); else again = again.filter(function (id) { return id !== current.id; });
      if (!store.set("review", p)) return;
      status.textContent = "Graded " + ["", "Again", "Hard", "Good"][n] + ": " + (n === 1 ? "back later today." : "next in " + boxes[box - 1] + " day" + (boxes[box - 1] === 1 ? "" : "s") + ".");
      next();
      if (!card.hidden) front.focus();
    }

    reveal.addEventListener("click", show);
    T.all("[data-grade]", grades).forEach(function (b) { b.addEventListener("click", function () { grade(Number(b.dataset.grade)); }); });
    T.all("[data-review-kind]", root).forEach(function (b) { b.addEventListener("change", next); });
    tagSel.addEventListener("change", next);
    function onKey(e) {
      if (!document.body.contains(root)) { document.removeEventListener("keydown", onKey); return; }  /* left the page */
      if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA|BUTTON|SUMMARY|A)$/.test(e.target.tagName)) return;
      if (document.querySelector(".md-search__input:focus")) return;
      if (e.key === " " && current && back.hidden) { e.preventDefault(); show(); }
      else if (/^[123]$/.test(e.key) && current && !back.hidden) { e.preventDefault(); grade(Number(e.key)); }
    }
    document.addEventListener("keydown", onKey);
    /* Number keys also work while a grade button has the focus. */
    grades.addEventListener("keydown", function (e) { if (/^[123]$/.test(e.key)) { e.preventDefault(); grade(Number(e.key)); } });
    root.querySelector("[data-review-export]").addEventListener("click", function () {
      var list = selection();
      T.download("influence-playbook-deck.tsv", "text/tab-separated-values", tsv(list));
      status.textContent = "Exported " + list.length + " cards for Anki (File, Import).";
    });
    root.querySelector("[data-review-export-progress]").addEventListener("click", function () {
      T.download("review-progress.json", "application/json", JSON.stringify({ version: 1, kind: "review-progress", cards: progress() }, null, 2));
    });
    next();
  } });
})();
