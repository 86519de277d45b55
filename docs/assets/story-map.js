/* Story-coverage map (/interview/story-map/): your interview stories against the competencies, the gaps,
   and questions to practise; export, import (merge by default, replace when asked, undo) and print. Stored
   only in this browser ("stories"). Loaded by the core (core.js) on the story-map page. */
(function () {
  "use strict";
  var playbook = window.playbook, all = playbook.all, el = playbook.el, store = playbook.store;

  /* One map's state is one object, `m`: its elements and the page's model (competencies, prompts per competency). */
  var MAX = 500;
  function stories() { return store.get("stories", []); }
  function save(m, list) { if (store.set("stories", list)) render(m); }
  function many(n) { return playbook.plural(n, "story", "stories"); }
  function key(s) { return s.title.trim().toLowerCase(); }

  /* The table head: one column per story, each with its remove button. */
  function matrixHead(m, list) {
    var head = el("tr"); head.appendChild(el("th", "Competency"));
    list.forEach(function (s, i) {
      var th = el("th"); th.scope = "col"; th.appendChild(document.createTextNode(s.title + " "));
      var del = el("button", "✕", "pb-filter__button pb-no-print"); del.type = "button";
      del.setAttribute("aria-label", "Remove the story " + s.title);
      del.addEventListener("click", function () { var l = stories(); l.splice(i, 1); save(m, l); });
      th.appendChild(del); head.appendChild(th);
    });
    head.appendChild(el("th", "Stories"));
    var thead = el("thead"); thead.appendChild(head);
    return thead;
  }
  /* The table body: a row per competency; the competencies no story covers are returned. */
  function matrixBody(m, list, table) {
    var body = el("tbody"), gaps = [];
    m.model.competencies.forEach(function (c) {
      var tr = el("tr"); var th = el("th", c.title); th.scope = "row"; tr.appendChild(th);
      var n = 0;
      list.forEach(function (s) {
        var has = s.competencies.indexOf(c.id) !== -1; if (has) n += 1;
        var td = el("td", has ? "✓" : ""); if (has) td.setAttribute("aria-label", "covered"); tr.appendChild(td);
      });
      var total = el("td", String(n)); if (!n) { total.className = "pb-gap"; total.textContent = "gap"; gaps.push(c); }
      tr.appendChild(total); body.appendChild(tr);
    });
    table.appendChild(body);
    return gaps;
  }
  function render(m) {
    var list = stories();
    var matrix = m.root.querySelector("[data-story-matrix]");
    var gapsEl = m.root.querySelector("[data-story-gaps]");
    matrix.textContent = ""; gapsEl.textContent = "";
    matrix.appendChild(el("h2", "Coverage: " + list.length + " " + (list.length === 1 ? "story" : "stories")));
    var table = el("table", null, "pb-matrix");
    table.appendChild(matrixHead(m, list));
    var gaps = matrixBody(m, list, table);
    matrix.appendChild(table);
    if (!gaps.length) return;
    gapsEl.appendChild(el("h2", "Gaps, and questions to practise"));
    gaps.forEach(function (c) {
      var line = el("p", null, "pb-gap-line");
      line.appendChild(el("strong", c.title + ": "));
      (m.model.prompts[c.id] || []).slice(0, 3).forEach(function (p, i) {
        if (i) line.appendChild(document.createTextNode(" · "));
        var a = el("a", p.title); a.href = p.url; line.appendChild(a);
      });
      gapsEl.appendChild(line);
    });
  }

  function markdown(m) {
    var list = stories(), lines = ["# My interview stories", ""], counts = new Map();
    list.forEach(function (s) {
      lines.push("- **" + s.title + "**: " + s.competencies.map(function (id) { return m.titles.get(id) || id; }).join(", "));
      s.competencies.forEach(function (c) { counts.set(c, (counts.get(c) || 0) + 1); });
    });
    lines.push("", "## Coverage", "");
    m.model.competencies.forEach(function (c) {
      var n = counts.get(c.id) || 0;
      lines.push("- " + c.title + ": " + (n ? n + " " + (n === 1 ? "story" : "stories") : "gap"));
    });
    return lines.join("\n") + "\n";
  }

  /* ---- Import: merge by default, show what changes, replace only when asked; undo either. */
  /* The file's stories, checked: {list, notes} where notes say what was dropped and why. Linear: a Map of
     titles (never a plain object: "__proto__" and "constructor" are titles like any other). */
  function parseImport(m, text) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { throw new Error("The file is not valid JSON: it is not a story export."); }
    var list = Array.isArray(parsed) ? parsed : (parsed && Array.isArray(parsed.stories) ? parsed.stories : null);
    if (!list) throw new Error("The file holds no list of stories: it is not a story export.");
    if (list.length > MAX) throw new Error("The file holds " + list.length + " entries; at most " + MAX + " stories can be imported at once. Split the file.");
    var out = [], seen = new Map(), untitled = 0, twice = 0, unknown = 0;
    list.forEach(function (s) {
      if (!s || typeof s.title !== "string" || !s.title.trim()) { untitled += 1; return; }
      var comps = Array.isArray(s.competencies) ? s.competencies : [], kept = [];
      comps.forEach(function (c) { if (m.known.has(c) && kept.indexOf(c) === -1) kept.push(c); else unknown += 1; });
      var story = { title: s.title.trim().slice(0, 120), competencies: kept };
      if (seen.has(key(story))) { twice += 1; return; }
      seen.set(key(story), true); out.push(story);
    });
    if (!out.length) throw new Error("The file holds no story with a title: nothing to import.");
    var notes = [];
    if (untitled) notes.push(untitled + " " + (untitled === 1 ? "entry has" : "entries have") + " no title and will not be imported.");
    if (twice) notes.push(many(twice) + " appear" + (twice === 1 ? "s" : "") + " twice in the file: imported once.");
    if (unknown) notes.push(unknown + " competenc" + (unknown === 1 ? "y is" : "ies are") + " not in this playbook (or repeated) and will be left out.");
    return { list: out, notes: notes };
  }
  function merged(current, incoming) {
    var out = current.map(function (s) { return { title: s.title, competencies: s.competencies.slice() }; });
    var byKey = new Map(), added = 0, updated = 0;
    out.forEach(function (s) { if (!byKey.has(key(s))) byKey.set(key(s), s); });
    incoming.forEach(function (s) {
      var same = byKey.get(key(s));
      if (!same) { s = { title: s.title, competencies: s.competencies.slice() }; out.push(s); byKey.set(key(s), s); added += 1; return; }
      var have = new Set(same.competencies), extra = s.competencies.filter(function (c) { return !have.has(c); });
      if (extra.length) { same.competencies = same.competencies.concat(extra); updated += 1; }
    });
    return { list: out, added: added, updated: updated };
  }
  function offerUndo(m, before, text) {
    var undoBar = m.undoBar;
    undoBar.textContent = "";
    undoBar.appendChild(el("span", text + " "));
    var undo = el("button", "Undo", "md-button"); undo.type = "button";
    undo.addEventListener("click", function () {
      if (store.set("stories", before)) { render(m); undoBar.textContent = "Restored: " + before.length + " " + (before.length === 1 ? "story" : "stories") + "."; }
    });
    undoBar.appendChild(undo);
  }
  function apply(m, list, before, text) {
    if (!store.set("stories", list)) return;
    render(m); m.review.hidden = true; m.review.textContent = "";
    offerUndo(m, before, text);
  }
  /* What merging and replacing would do, in words. */
  function reviewText(review, file, current, merge, over) {
    var incoming = file.list;
    review.appendChild(el("h2", "Import " + many(incoming.length)));
    file.notes.forEach(function (n) { review.appendChild(el("p", n, "pb-import-note")); });
    review.appendChild(el("p", "Merge (the default): " + merge.added + " new " + (merge.added === 1 ? "story" : "stories") + " added, " + merge.updated +
      " existing " + (merge.updated === 1 ? "story gains" : "stories gain") + " competencies, nothing removed. You would have " + merge.list.length + "." +
      (over ? " That is more than " + MAX + ": remove some stories first, or replace." : "")));
    review.appendChild(el("p", "Replace: your " + current.length + " saved " + (current.length === 1 ? "story is" : "stories are") + " removed and the file's " + incoming.length + " kept."));
    var ul = el("ul"); incoming.slice(0, 20).forEach(function (s) { ul.appendChild(el("li", s.title)); }); review.appendChild(ul);
    if (incoming.length > 20) review.appendChild(el("p", "… and " + many(incoming.length - 20) + " more."));
  }
  function showReview(m, file) {
    var incoming = file.list, current = stories(), mg = merged(current, incoming), review = m.review;
    var over = mg.list.length > MAX;
    review.textContent = "";
    reviewText(review, file, current, mg, over);
    var buttons = el("p");
    var merge = el("button", "Merge into my stories", "md-button md-button--primary"); merge.type = "button"; merge.disabled = over;
    var replace = el("button", "Replace my " + current.length + " stories", "md-button pb-danger"); replace.type = "button";
    var cancel = el("button", "Cancel", "md-button"); cancel.type = "button";
    var dropped = file.notes.length ? " " + file.notes.join(" ").replace(/ will not be imported| will be left out/g, " not imported") : "";
    merge.addEventListener("click", function () { apply(m, mg.list, current, "Imported: " + mg.added + " added, " + mg.updated + " updated." + dropped); });
    replace.addEventListener("click", function () { apply(m, incoming, current, "Replaced your " + many(current.length) + " with " + incoming.length + "." + dropped); });
    cancel.addEventListener("click", function () { review.hidden = true; review.textContent = ""; m.undoBar.textContent = "Import cancelled: nothing changed."; });
    buttons.appendChild(merge); buttons.appendChild(document.createTextNode(" "));
    buttons.appendChild(replace); buttons.appendChild(document.createTextNode(" ")); buttons.appendChild(cancel);
    review.appendChild(buttons);
    review.hidden = false; (over ? replace : merge).focus();
  }

  function addStory(m, event) {
    var form = m.form;
    event.preventDefault();
    var name = form.elements.title.value.trim();
    var comps = all("input[name='competency']:checked", form).map(function (c) { return c.value; });
    if (!name) return;
    var list = stories(); list.push({ title: name, competencies: comps }); save(m, list);
    form.reset(); form.elements.title.focus();
    playbook.toast("Story added");
  }
  function files(m) {
    var root = m.root;
    all("[data-story-export]", root).forEach(function (b) {
      b.addEventListener("click", function () {
        if (b.dataset.storyExport === "json") playbook.download("interview-stories.json", "application/json", JSON.stringify({ version: 1, stories: stories() }, null, 2));
        else playbook.download("interview-stories.md", "text/markdown", markdown(m));
      });
    });
    function refuse(message) { m.review.hidden = true; m.undoBar.textContent = "Not imported: " + message + " Your saved stories are unchanged."; }
    var importInput = root.querySelector("[data-story-import]");
    importInput.addEventListener("change", function () {
      playbook.readText(importInput, function (text) {
        try { showReview(m, parseImport(m, text)); } catch (e) { refuse(e.message); }
      }, refuse);
    });
  }
  function clearAll(m) {
    var before = stories();
    if (!before.length) { m.undoBar.textContent = "There are no saved stories to remove."; return; }
    if (window.confirm("Remove all " + before.length + " stories from this browser? You can undo this until you leave the page.")) {
      if (store.set("stories", [])) { render(m); offerUndo(m, before, "Removed " + before.length + " " + (before.length === 1 ? "story" : "stories") + "."); }
    }
  }

  function setupStoryMap(root) {
    var model = playbook.payload("pb-story-data");
    var m = { root: root, model: model, form: root.querySelector("[data-story-form]"),
      review: root.querySelector("[data-story-review]"), undoBar: root.querySelector("[data-story-undo]"),
      titles: new Map(model.competencies.map(function (c) { return [c.id, c.title]; })),
      known: new Set(model.competencies.map(function (c) { return c.id; })) };
    m.form.addEventListener("submit", function (event) { addStory(m, event); });
    files(m);
    root.querySelector("[data-story-print]").addEventListener("click", function () { window.print(); });
    root.querySelector("[data-story-clear]").addEventListener("click", function () { clearAll(m); });
    root.exportMarkdown = function () { return markdown(m); };
    render(m);
  }

  playbook.tool("story-map", { root: "[data-story-map]", needs: ["kit"], setup: setupStoryMap });
})();
