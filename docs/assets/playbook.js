/* Influence Playbook: what many pages use, registered with the core (core.js): index filters, checklists,
   "Save to my playbook" and "I used this" marks, the My playbook lists, the opener of run mode, the ¶
   copy-link beside headings.
   Stored only in this browser through playbook.store. */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store, all = playbook.all;

  /* Index pages: filter cards by one or more facets (tag, competency, level). */
  playbook.tool("filters", { root: "[data-filter-list]", setup: function (list) {
    var bar = list.previousElementSibling;
    while (bar && !bar.classList.contains("pb-filter")) { bar = bar.previousElementSibling; }
    if (!bar) return;
    bar.hidden = false;
    var cards = all("[data-tags]", list);
    var count = bar.querySelector(".pb-filter__count");
    function apply() {
      var active = {};
      all(".pb-filter__button[aria-pressed='true']", bar).forEach(function (b) {
        if (b.dataset.tag) active[b.dataset.facet || "tags"] = b.dataset.tag;
      });
      var shown = 0;
      cards.forEach(function (card) {
        var ok = Object.keys(active).every(function (facet) {
          return (card.dataset[facet] || "").split(" ").indexOf(active[facet]) !== -1;
        });
        card.hidden = !ok; if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " of " + cards.length + " shown";
    }
    all(".pb-filter__button", bar).forEach(function (button) {
      button.addEventListener("click", function () {
        var facet = button.dataset.facet || "tags";
        all(".pb-filter__button", bar).forEach(function (b) {
          if ((b.dataset.facet || "tags") === facet) b.setAttribute("aria-pressed", String(b === button));
        });
        apply();
      });
    });
    apply();
  } });

  /* Checklists: boxes keep their state across reloads; a reset button. */
  playbook.tool("checklist", { root: "form.pb-checklist", setup: function (form) {
    var key = "checklist:" + form.dataset.checklist;
    var boxes = all("input[type='checkbox']", form);
    var saved = new Set(store.get(key, []));
    boxes.forEach(function (box) {
      box.checked = saved.has(box.name);
      box.addEventListener("change", function () {
        store.set(key, boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.name; }));
      });
    });
    form.addEventListener("reset", function () { store.remove(key); setTimeout(function () { playbook.toast("All boxes cleared"); }, 0); });
  } });
  playbook.tool("print-button", { root: ".pb-print", setup: function (button) {
    button.addEventListener("click", function () { window.print(); });
  } });
  playbook.tool("page-address", { root: ".pb-url", setup: function (node) { node.textContent = location.href.split("#")[0]; } });

  /* Favourites ("Save to my playbook") and "I used this" marks, kept in this browser only. */
  var MARKS = { "pb-star": ["favourites", "Save to my playbook", "Saved to my playbook"],
    "pb-tried": ["tried", "I used this", "Used: marked"] };
  playbook.tool("marks", { root: ".pb-star, .pb-tried", setup: function (button) {
    var spec = MARKS[button.classList.contains("pb-star") ? "pb-star" : "pb-tried"], key = spec[0];
    function render() {
      var on = Boolean(store.get(key, {})[button.dataset.ref]);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = on ? spec[2] : spec[1];
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var marks = store.get(key, {});
      if (marks[button.dataset.ref]) { delete marks[button.dataset.ref]; }
      else { marks[button.dataset.ref] = { title: button.dataset.title, url: location.pathname, at: new Date().toISOString() }; }
      store.set(key, marks); render();
    });
    render();
  } });

  /* My playbook: lists what was saved and marked as used. */
  function myPlaybook(root) {
    [["favourites", "Nothing saved yet: use “Save to my playbook” on any entry."],
     ["tried", "No tactic marked yet: use “I used this” on a tactic you have tried."]].forEach(function (spec) {
      var list = root.querySelector("[data-list='" + spec[0] + "']");
      if (!list) return;
      list.textContent = "";
      var marks = store.get(spec[0], {});
      var refs = Object.keys(marks).sort(function (a, b) { return marks[a].title.localeCompare(marks[b].title); });
      if (!refs.length) { list.appendChild(playbook.el("li", spec[1])); return; }
      refs.forEach(function (ref) {
        var li = playbook.el("li"), a = playbook.el("a", marks[ref].title), remove = playbook.el("button", "Remove", "pb-filter__button");
        a.href = store.safePath(marks[ref].url) || "#";
        remove.type = "button"; remove.setAttribute("aria-label", "Remove " + marks[ref].title);
        remove.addEventListener("click", function () { var m = store.get(spec[0], {}); delete m[ref]; store.set(spec[0], m); myPlaybook(root); });
        li.appendChild(a); li.appendChild(document.createTextNode(" ")); li.appendChild(remove);
        list.appendChild(li);
      });
    });
  }
  playbook.tool("my-playbook", { root: "[data-my-playbook]", setup: myPlaybook });

  /* Run mode (run.js) is loaded when the reader opens it: the click is handed on once it is set up. */
  playbook.tool("run-opener", { root: "[data-run-open]", setup: function (button) {
    button.addEventListener("click", function (e) {
      if (playbook.loaded("run")) return;
      e.stopImmediatePropagation();
      button.setAttribute("aria-busy", "true");
      playbook.need("run", function (ok) {
        button.removeAttribute("aria-busy");
        if (ok) button.click(); else playbook.toast("Run mode could not be loaded: reload the page and try again.");
      });
    });
  } });

  /* Copy-link: the ¶ beside each heading copies the section's address. */
  playbook.tool("copy-link", { root: ".md-typeset .headerlink", setup: function (link) {
    link.setAttribute("title", "Copy the link to this section");
    link.addEventListener("click", function () {
      /* Resolve against the page: under instant navigation Material has already made the href absolute.
         The page's address without its query (a learning path's ?path=) plus the section's anchor. */
      var target = new URL(link.getAttribute("href"), location.href);
      playbook.copyLink(target.origin + target.pathname + target.hash);
    });
  } });
})();
