/* A mentor's list in one link (docs/mentor.md, template mentor.html.j2). The mentor picks entries (here, from
   "Add to a mentee list" on any entry: ?add=<kind/id>, or from the saved entries) into an ordered list with an
   optional note per step, kept in this browser ("pb:mentor-list"), and copies one link:
     mentor/#l=<step>~<step>…&t=<title>   a step is <kind/id>, or <kind/id>!<note, URL-encoded; ~ and ! too>
   The list travels in the fragment, which a browser never sends to a server (a query string over about 8 KB
   gets HTTP 414); links of earlier versions (?l=…#step-3) still open. Past 8 KB the mentor is told the link
   is long (some chat tools cut it). A link longer than playbook.LIST_MAX characters is refused.
   At most 30 steps, a note at most 280 characters, a title at most 120. Opened with ?l=, the page is the
   mentee's path: each id is checked against the entries this page carries (data-json), unknown, malformed
   or repeated ones are dropped with a notice; notes and titles are shown as text, never as HTML. Each step
   links to its entry with ?mentee=<n>, where wayfinding.js shows Step n of N, Previous, Next, Mark done and
   the way back (from "pb:mentee-last", written here). Done marks: "pb:path:@mentor-<hash of the ids>". */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store;
  var MAX_STEPS = 30, MAX_NOTE = 280, MAX_TITLE = 120;
  var REF = /^[a-z]+\/[a-z0-9][a-z0-9-]{0,99}$/;

  /* A parameter of the list: from the fragment (#l=…&t=…&step=n), else from the query string (older links). */
  function rawParam(name) {
    var inHash = /(?:^#|&)l=/.test(location.hash);
    var m = inHash ? new RegExp("[#&]" + name + "=([^&]*)").exec(location.hash) : new RegExp("[?&]" + name + "=([^&#]*)").exec(location.search);
    return m ? m[1] : name === "add" ? rawParamQuery(name) : null;
  }
  function rawParamQuery(name) {
    var m = new RegExp("[?&]" + name + "=([^&#]*)").exec(location.search);
    return m ? m[1] : null;
  }
  var LONG_LINK = 8000;  /* characters (= bytes: the link is percent-encoded): the mentor is warned past it */
  function decode(s) { try { return decodeURIComponent(s.replace(/\+/g, " ")); } catch (e) { return null; } }
  function encodeNote(s) { return encodeURIComponent(s).replace(/[!~'()*]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); }); }
  function clean(s, max) { return typeof s === "string" ? s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim().slice(0, max) : ""; }
  function short(s) { s = String(s); return s.length > 40 ? s.slice(0, 40) + "…" : s; }

  /* FNV-1a of the ids, base 36: the done marks of one list. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(36);
  }

  function encodeList(steps) {
    return steps.map(function (s) { return s.id + (s.note ? "!" + encodeNote(s.note) : ""); }).join("~");
  }

  /* The steps a link names, checked: {steps: [{id, note}], problems: [text]}. */
  function decodeList(raw, entries) {
    var problems = [], steps = [], seen = new Set();
    if (raw.length > playbook.LIST_MAX) return { steps: [], problems: ["The link is longer than a list of " + MAX_STEPS + " steps can be: it was not read."] };
    var parts = raw.split("~").filter(function (p) { return p !== ""; });
    var named = parts.length;  /* a cut list is said on the list itself, on screen and in print (follow) */
    var unknown = [], repeated = 0, badNotes = 0, longNotes = 0;
    parts.slice(0, MAX_STEPS).forEach(function (part) {
      var bang = part.indexOf("!"), rawId = bang === -1 ? part : part.slice(0, bang), id = decode(rawId);
      if (id === null || !REF.test(id) || !entries.has(id)) { unknown.push(id === null ? rawId : id); return; }
      if (seen.has(id)) { repeated += 1; return; }
      seen.add(id);
      var note = "";
      if (bang !== -1) {
        var text = decode(part.slice(bang + 1));
        if (text === null) badNotes += 1;
        else { note = clean(text, Infinity); if (note.length > MAX_NOTE) { longNotes += 1; note = note.slice(0, MAX_NOTE); } }
      }
      steps.push({ id: id, note: note });
    });
    if (unknown.length) problems.push(playbook.plural(unknown.length, "step") + " named no entry of this playbook (renamed, removed or mistyped) and " +
      (unknown.length === 1 ? "was" : "were") + " left out: " + unknown.slice(0, 5).map(short).join(", ") + (unknown.length > 5 ? ", …" : "") + ".");
    if (repeated) problems.push(playbook.plural(repeated, "repeated step") + " left out.");
    if (badNotes) problems.push(playbook.plural(badNotes, "note") + " could not be read and " + (badNotes === 1 ? "was" : "were") + " left out.");
    if (longNotes) problems.push(playbook.plural(longNotes, "note") + " longer than " + MAX_NOTE + " characters " + (longNotes === 1 ? "was" : "were") + " shortened.");
    return { steps: steps, problems: problems, named: named };
  }

  /* The mentor's list in this browser, checked like a link. */
  function readDraft(entries) {
    var v = store.get("mentor-list", {}), steps = [], seen = new Set();
    if (!v || typeof v !== "object" || Array.isArray(v)) v = {};
    (Array.isArray(v.steps) ? v.steps : []).slice(0, MAX_STEPS).forEach(function (s) {
      if (!s || typeof s !== "object" || typeof s.id !== "string" || !entries.has(s.id) || seen.has(s.id)) return;
      seen.add(s.id); steps.push({ id: s.id, note: clean(s.note, MAX_NOTE) });
    });
    return { t: clean(v.t, MAX_TITLE), steps: steps };
  }
  function saveDraft(draft) {
    if (!draft.steps.length && !draft.t) store.remove("mentor-list"); else store.set("mentor-list", draft);
  }

  /* ------------------------------------------------------------ the page */
  /* The page's state is one object, `m`: the page element, the entries it carries (id -> {id, title, summary,
     kind, tags}), the box for notices. The builder adds its own, `b` (below). */
  function entryUrl(id) { return playbook.siteUrl(id + "/"); }
  function entriesOf(root) {
    var data, entries = new Map();
    try { data = JSON.parse(root.dataset.json || "{}"); } catch (e) { data = {}; }
    (Array.isArray(data.entries) ? data.entries : []).forEach(function (e) {
      if (Array.isArray(e) && typeof e[0] === "string") entries.set(e[0], { id: e[0], title: String(e[1]), summary: String(e[2] || ""), kind: String(e[3] || ""),
        tags: Array.isArray(e[4]) ? e[4].filter(function (t) { return typeof t === "string"; }) : [] });
    });
    return entries;
  }
  function notify(m, lines, title) {
    if (!lines.length) return;
    var box = playbook.el("div", null, "admonition warning pb-mentor__notice");
    box.appendChild(playbook.el("p", title, "admonition-title"));
    var ul = playbook.el("ul");
    lines.forEach(function (t) { ul.appendChild(playbook.el("li", t)); });
    box.appendChild(ul); m.notices.appendChild(box);
  }

  /* ------------------------------------------------------------ the mentee's view */
  /* The list as a link names it, kept for the entry pages ("mentee-last", read by wayfinding.js), with what was
     cut said and the printout's density chosen: {steps, key}, or null when no step can be shown. */
  function openList(m, raw) {
    var list = decodeList(raw, m.entries), entries = m.entries;
    var titleRaw = rawParam("t"), title = titleRaw ? clean(decode(titleRaw.slice(0, MAX_TITLE * 12)) || "", MAX_TITLE) : "";
    notify(m, list.problems, "Part of this list could not be used");
    var view = m.root.querySelector("[data-mentor-view]");
    view.hidden = false;
    if (title) view.querySelector("[data-mentee-title]").textContent = title;
    var steps = list.steps, total = steps.length;
    if (!total) {
      view.querySelector("[data-mentee-steps]").replaceWith(playbook.el("p", "This list has no step that can be shown. Ask your mentor for the link again."));
      view.querySelector("[data-mentee-go]").hidden = true; return null;
    }
    var canon = encodeList(steps), key = "@mentor-" + hash(steps.map(function (s) { return s.id; }).join(" "));
    store.set("mentee-last", { l: canon, t: title, key: key.slice(8), urls: steps.map(function (s) { return s.id + "/"; }),
      titles: steps.map(function (s) { return entries.get(s.id).title; }), notes: steps.map(function (s) { return s.note; }),
      named: list.named > MAX_STEPS ? list.named : 0 });
    var cut = view.querySelector("[data-mentee-cut]");
    if (cut && list.named > MAX_STEPS) {
      cut.hidden = false;
      cut.textContent = "This list was cut: its link named " + list.named + " steps and a list holds " + MAX_STEPS +
        " at most, so steps " + (MAX_STEPS + 1) + " to " + list.named + " were left out. Ask your mentor for the rest in a second list.";
    }
    /* The printout fits one page (A4 and Letter): smaller type for a longer list, then no summaries and each
       note on its title's line. */
    var chars = steps.reduce(function (n, s) { var e = entries.get(s.id); return n + e.title.length + e.summary.length + s.note.length + 60; }, 0);
    var bare = steps.reduce(function (n, s) { return n + entries.get(s.id).title.length + s.note.length + 60; }, 0);
    m.root.dataset.print = chars <= 3500 ? "normal" : chars <= 6000 ? "dense" : bare <= 6000 ? "short" : "shortest";
    return { view: view, steps: steps, key: key };
  }
  function doneOf(f) { return new Set(store.get("path:" + f.key, []).filter(function (n) { return n <= f.steps.length; })); }
  function renderFollow(f) {
    var d = doneOf(f), total = f.steps.length, view = f.view;
    view.querySelector("[data-mentee-count]").textContent = d.size + " of " + total + " steps done";
    var bar = view.querySelector("progress"); bar.max = total; bar.value = d.size;
    var go = view.querySelector("[data-mentee-go]"), next = 0;
    for (var n = 1; n <= total; n += 1) if (!d.has(n)) { next = n; break; }
    go.href = entryUrl(f.steps[(next || 1) - 1].id) + "?mentee=" + (next || 1);
    go.textContent = !next ? "All done: review from the start" : d.size ? "Continue where you left off: step " + next : "Start with step 1";
    playbook.all("[data-mentee-step]", f.ol).forEach(function (li) {
      var k = Number(li.dataset.menteeStep), on = d.has(k), b = li.querySelector("[data-mentee-mark]");
      li.classList.toggle("pb-mentee__step--done", on);
      b.setAttribute("aria-pressed", String(on));
      b.textContent = on ? "Step " + k + " done" : "Mark step " + k + " done";
    });
  }
  function followStep(f, s, i) {
    var e = f.entries.get(s.id), k = i + 1, li = playbook.el("li", null, "pb-mentee__step");
    li.id = "step-" + k; li.dataset.menteeStep = String(k);
    var head = playbook.el("p", null, "pb-mentee__head"), a = playbook.el("a", e.title);
    a.href = entryUrl(s.id) + "?mentee=" + k;
    head.appendChild(a); head.appendChild(document.createTextNode(" ")); head.appendChild(playbook.el("span", e.kind, "pb-kindlabel"));
    li.appendChild(head);
    if (e.summary) li.appendChild(playbook.el("p", e.summary, "pb-mentee__summary"));
    if (s.note) {
      var note = playbook.el("p", null, "pb-mentee__note");
      note.appendChild(playbook.el("strong", "Your mentor's note: "));
      note.appendChild(document.createTextNode(s.note));
      li.appendChild(note);
    }
    var mark = playbook.el("button", "", "md-button pb-mentee__mark"); mark.type = "button"; mark.dataset.menteeMark = "";
    mark.addEventListener("click", function () {
      var d = doneOf(f);
      if (d.has(k)) d.delete(k); else d.add(k);
      if (d.size) store.set("path:" + f.key, Array.from(d)); else store.remove("path:" + f.key);
      renderFollow(f);
    });
    var p = playbook.el("p", null, "pb-mentee__actions"); p.appendChild(mark); li.appendChild(p);
    f.ol.appendChild(li);
  }
  function follow(m, raw) {
    var f = openList(m, raw);
    if (!f) return;
    f.entries = m.entries; f.ol = f.view.querySelector("[data-mentee-steps]");
    f.ol.textContent = "";
    f.steps.forEach(function (s, i) { followStep(f, s, i); });
    renderFollow(f);
    var back = Number(rawParam("step"));  /* "back to the list" from step n: that step in view */
    var target = back ? document.getElementById("step-" + back) : null;
    if (target) target.scrollIntoView({ block: "center" });
  }

  /* ------------------------------------------------------------ the mentor's builder */
  /* The builder's state is one object, `b`: the page's `m`, the list being built (draft), the builder's elements,
     and the entries found for the words typed (ranked, for the words asked). */
  /* ?add=<kind/id> (from "Add to a mentee list" on an entry): added, said, and taken off the address. */
  function addFromAddress(b) {
    var add = rawParam("add"), m = b.m, entries = m.entries, draft = b.draft;
    if (add === null) return;
    var id = decode(add);
    if (id !== null && REF.test(id) && entries.has(id)) {
      if (draft.steps.some(function (s) { return s.id === id; })) playbook.toast("Already in your list: " + entries.get(id).title);
      else if (draft.steps.length >= MAX_STEPS) notify(m, ["Your list has " + MAX_STEPS + " steps, the most a link holds: remove one first."], "Not added");
      else { draft.steps.push({ id: id, note: "" }); saveDraft(draft); }
      var back = playbook.el("p", null, "pb-mentor__back"), a = playbook.el("a", "Back to " + entries.get(id).title);
      a.href = entryUrl(id); back.appendChild(document.createTextNode("Added: " + entries.get(id).title + ". ")); back.appendChild(a);
      m.notices.appendChild(back);
    } else notify(m, ["“" + short(id === null ? add : id) + "” is not an entry of this playbook: nothing was added."], "Not added");
    try { history.replaceState(history.state, "", location.pathname + location.hash); } catch (e) { /* ignore */ }
  }
  function link(b) {
    return b.page + "#l=" + encodeList(b.draft.steps) + (b.draft.t ? "&t=" + encodeNote(b.draft.t) : "");
  }
  function refreshLink(b) {
    var has = b.draft.steps.length > 0, section = b.section;
    b.linkInput.value = has ? link(b) : "";
    b.open.hidden = !has;
    if (has) b.open.href = link(b);
    var url = has ? link(b) : "", long = section.querySelector("[data-mentor-long]");
    long.hidden = url.length <= LONG_LINK;
    long.textContent = long.hidden ? "" : "This link is " + Math.ceil(url.length / 1000) + " KB long. It works in any browser (the list is " +
      "after the #, which is never sent to a server), but some chat and mail tools cut links this long: shorten the notes if it arrives cut.";
    section.querySelector("[data-mentor-copy]").disabled = !has;
  }
  /* A step of the list being built: its entry, its note, Up, Down and Remove. */
  function buildStep(b, s, i) {
    var draft = b.draft, e = b.m.entries.get(s.id), li = playbook.el("li", null, "pb-mentor__step");
    var head = playbook.el("p", null, "pb-mentor__head"), a = playbook.el("a", e.title);
    a.href = entryUrl(s.id);
    head.appendChild(a); head.appendChild(document.createTextNode(" ")); head.appendChild(playbook.el("span", e.kind, "pb-kindlabel"));
    li.appendChild(head);
    var label = playbook.el("label", "Note for step " + (i + 1) + " (optional, " + MAX_NOTE + " characters at most)"), area = playbook.el("textarea");
    area.id = "pb-mentor-note-" + (i + 1); label.htmlFor = area.id; area.maxLength = MAX_NOTE; area.rows = 2; area.value = s.note;
    area.dataset.mentorNote = String(i + 1);
    area.addEventListener("input", function () { s.note = clean(area.value, MAX_NOTE); saveDraft(b.draft); refreshLink(b); });
    li.appendChild(label); li.appendChild(area);
    var tools = playbook.el("p", null, "pb-mentor__tools");
    [["Up", -1], ["Down", 1]].forEach(function (mv) {
      var button = playbook.el("button", mv[0], "md-button"); button.type = "button";
      button.setAttribute("aria-label", "Move " + e.title + " " + mv[0].toLowerCase());
      var j = i + mv[1];
      button.disabled = j < 0 || j >= draft.steps.length;
      button.addEventListener("click", function () { var x = draft.steps[i]; draft.steps[i] = draft.steps[j]; draft.steps[j] = x; saveDraft(b.draft); render(b); });
      tools.appendChild(button);
    });
    var rm = playbook.el("button", "Remove", "md-button"); rm.type = "button"; rm.setAttribute("aria-label", "Remove " + e.title);
    rm.addEventListener("click", function () { draft.steps.splice(i, 1); saveDraft(b.draft); render(b); });
    tools.appendChild(rm);
    li.appendChild(tools);
    b.ol.appendChild(li);
  }
  function render(b) {
    b.ol.textContent = "";
    b.draft.steps.forEach(function (s, i) { buildStep(b, s, i); });
    b.section.querySelector("[data-mentor-empty]").hidden = b.draft.steps.length > 0;
    b.section.querySelector("[data-mentor-count]").textContent = playbook.plural(b.draft.steps.length, "step") + " (" + MAX_STEPS + " at most)";
    refreshLink(b);
    renderSaved(b);
    renderFound(b);
  }

  /* Finding an entry: words (the site's search engine, window.pbSearch; titles and summaries while it loads or
     if it cannot), a kind and a tag narrow the entries; at most SHOWN are listed, each with Add. */
  var SHOWN = 12;
  function inList(b, id) { return b.draft.steps.some(function (s) { return s.id === id; }); }
  function addId(b, id) {
    if (!b.m.entries.has(id) || inList(b, id)) return false;
    if (b.draft.steps.length >= MAX_STEPS) { playbook.toast("A list holds " + MAX_STEPS + " steps at most"); return false; }
    b.draft.steps.push({ id: id, note: "" }); saveDraft(b.draft); return true;
  }
  function plainMatch(entries, words) {
    var ws = words.toLowerCase().split(/\s+/).filter(Boolean), out = [];
    entries.forEach(function (e) {
      var text = (e.title + " " + e.summary).toLowerCase();
      if (ws.every(function (w) { return text.indexOf(w) !== -1; })) out.push(e.id);
    });
    return out;
  }
  function search(b) {
    var words = b.q.value.trim(), entries = b.m.entries;
    b.asked = words;
    if (!words) { b.ranked = null; renderFound(b); return; }
    b.ranked = plainMatch(entries, words);
    renderFound(b);
    if (!window.pbSearch || typeof window.pbSearch.search !== "function") return;
    window.pbSearch.search(words).then(function (out) {
      if (b.asked !== words) return;  /* the reader has typed on */
      var ids = [];
      (out && out.results || []).forEach(function (r) {
        var url = r && r.doc && typeof r.doc.url === "string" ? r.doc.url.split("#")[0].replace(/\/$/, "") : "";
        if (entries.has(url) && ids.indexOf(url) === -1) ids.push(url);
      });
      b.ranked = ids;
      renderFound(b);
    }, function () { /* the plain match stays */ });
  }
  /* An entry with its Add button (or "In the list"), in the found or the saved list. */
  function addButton(b, id, label, then) {
    var has = inList(b, id), button = playbook.el("button", has ? "In the list" : "Add", "md-button"); button.type = "button"; button.disabled = has;
    button.setAttribute("aria-label", (has ? "In the list: " : "Add ") + label);
    button.addEventListener("click", function () { if (addId(b, id)) { render(b); if (then) then(); } });
    return button;
  }
  function renderFound(b) {
    var kind = b.kindSel.value, tag = b.tagSel.value, entries = b.m.entries, found = b.found;
    var ids = b.ranked || Array.from(entries.keys());
    var list = ids.filter(function (id) { var e = entries.get(id); return (!kind || e.kind === kind) && (!tag || e.tags.indexOf(tag) !== -1); });
    b.results.textContent = "";
    if (!b.q.value.trim() && !kind && !tag) { found.textContent = "Type a word, or pick a kind or a tag, to see entries."; return; }
    found.textContent = !list.length ? "No entry matches: try another word, kind or tag."
      : playbook.plural(list.length, "entry", "entries") + (list.length > SHOWN ? ", the first " + SHOWN + " shown: narrow with a word, a kind or a tag" : "");
    list.slice(0, SHOWN).forEach(function (id) {
      var e = entries.get(id), li = playbook.el("li");
      var a = playbook.el("a", e.title); a.href = entryUrl(id);
      li.appendChild(a); li.appendChild(document.createTextNode(" ")); li.appendChild(playbook.el("span", e.kind, "pb-kindlabel"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(addButton(b, id, e.title, function () { playbook.toast("Added: " + e.title); }));
      b.results.appendChild(li);
    });
  }
  /* The saved entries (My playbook), each with Add. */
  function renderSaved(b) {
    var ul = b.section.querySelector("[data-mentor-saved]"), saved = store.get("favourites", {}), entries = b.m.entries;
    ul.textContent = "";
    var refs = Object.keys(saved).filter(function (r) { return entries.has(r); });
    if (!refs.length) { ul.appendChild(playbook.el("li", "Nothing saved yet: “Save to my playbook” on an entry puts it here.")); return; }
    refs.sort(function (x, y) { return entries.get(x).title.localeCompare(entries.get(y).title); }).forEach(function (r) {
      var li = playbook.el("li");
      li.appendChild(playbook.el("span", entries.get(r).title + " "));
      li.appendChild(addButton(b, r, entries.get(r).title, null));
      ul.appendChild(li);
    });
  }
  function copyListLink(b) {
    var url = link(b), linkInput = b.linkInput;
    linkInput.value = url;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { playbook.toast("Link copied: " + playbook.plural(b.draft.steps.length, "step")); },
        function () { linkInput.select(); playbook.toast("Copy the selected link"); });
    } else { linkInput.select(); playbook.toast("Copy the selected link"); }
  }
  function builder(m) {
    var section = m.root.querySelector("[data-mentor-build]");
    return { m: m, section: section, page: playbook.siteUrl("mentor/"), draft: readDraft(m.entries),
      titleInput: section.querySelector("[data-mentor-title]"), ol: section.querySelector("[data-mentor-steps]"),
      linkInput: section.querySelector("[data-mentor-link]"), open: section.querySelector("[data-mentor-open]"),
      q: section.querySelector("[data-mentor-q]"), kindSel: section.querySelector("[data-mentor-kind]"),
      tagSel: section.querySelector("[data-mentor-tag]"), found: section.querySelector("[data-mentor-found]"),
      results: section.querySelector("[data-mentor-results]"), ranked: null, asked: "" };
  }
  function build(m) {
    var b = builder(m);
    b.section.hidden = false;
    addFromAddress(b);
    b.titleInput.value = b.draft.t;
    b.titleInput.addEventListener("input", function () { b.draft.t = clean(b.titleInput.value, MAX_TITLE); saveDraft(b.draft); refreshLink(b); });
    var kinds = [];
    m.entries.forEach(function (e) { if (kinds.indexOf(e.kind) === -1) kinds.push(e.kind); });
    kinds.forEach(function (k) { var o = document.createElement("option"); o.value = k; o.textContent = k; b.kindSel.appendChild(o); });
    b.q.addEventListener("input", function () { search(b); });
    b.kindSel.addEventListener("change", function () { renderFound(b); });
    b.tagSel.addEventListener("change", function () { renderFound(b); });
    b.section.querySelector("[data-mentor-copy]").addEventListener("click", function () { copyListLink(b); });
    b.section.querySelector("[data-mentor-clear]").addEventListener("click", function () {
      b.draft = { t: "", steps: [] }; b.titleInput.value = ""; saveDraft(b.draft); render(b);
    });
    render(b);
  }

  function setupMentor(root) {
    var m = { root: root, entries: entriesOf(root), notices: root.querySelector("[data-mentor-notices]") };
    /* A list opened on this page (the mentor's "Open it as your mentee will") changes only the fragment. */
    window.addEventListener("hashchange", function onHash() {
      if (!document.body.contains(root)) { window.removeEventListener("hashchange", onHash); return; }
      if (/(?:^#|&)l=/.test(location.hash)) location.reload();
    });
    var l = rawParam("l");
    root.classList.add("pb-mentor--ready");  /* the room kept for the builder or the list is no longer needed */
    if (l !== null) follow(m, l); else build(m);
  }

  playbook.tool("mentor", { root: "[data-mentor]", setup: setupMentor });
})();
