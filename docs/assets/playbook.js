/* Influence Playbook: progressive enhancements. Everything works offline and stores only in this
   browser (localStorage); nothing is ever sent anywhere. Runs again after each instant navigation. */
(function () {
  "use strict";

  var store = window.pbStore;  /* docs/assets/storage.js: the one owner of browser storage */

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function toast(text) {
    var el = document.createElement("div");
    el.className = "pb-toast"; el.setAttribute("role", "status"); el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 1800);
  }
  window.pbToast = toast;

  /* Index pages: filter cards by one or more facets (tag, competency, level). */
  function initFilters() {
    all("[data-filter-list]").forEach(function (list) {
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
            var values = (card.dataset[facet] || "").split(" ");
            return values.indexOf(active[facet]) !== -1;
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
    });
  }

  /* Checklists: boxes keep their state across reloads; a reset and a print button. */
  function initChecklists() {
    all("form.pb-checklist").forEach(function (form) {
      var key = "checklist:" + form.dataset.checklist;
      var boxes = all("input[type='checkbox']", form);
      var saved = store.get(key, []);
      boxes.forEach(function (box) {
        box.checked = saved.indexOf(box.name) !== -1;
        box.addEventListener("change", function () {
          store.set(key, boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.name; }));
        });
      });
      form.addEventListener("reset", function () { store.remove(key); setTimeout(function () { toast("All boxes cleared"); }, 0); });
    });
    all(".pb-print").forEach(function (button) { button.addEventListener("click", function () { window.print(); }); });
    all(".pb-url").forEach(function (el) { el.textContent = location.href.split("#")[0]; });
  }

  /* Favourites ("Save to my playbook") and "I used this" marks, kept in this browser only. */
  function initMarks() {
    [["pb-star", "favourites", "Save to my playbook", "Saved to my playbook"],
     ["pb-tried", "tried", "I used this", "Used: marked"]].forEach(function (spec) {
      all("." + spec[0]).forEach(function (button) {
        var marks = store.get(spec[1], {});
        function render() {
          var on = Boolean(store.get(spec[1], {})[button.dataset.ref]);
          button.setAttribute("aria-pressed", String(on));
          button.textContent = on ? spec[3] : spec[2];
        }
        button.hidden = false;
        button.addEventListener("click", function () {
          marks = store.get(spec[1], {});
          if (marks[button.dataset.ref]) { delete marks[button.dataset.ref]; }
          else { marks[button.dataset.ref] = { title: button.dataset.title, url: location.pathname, at: new Date().toISOString() }; }
          store.set(spec[1], marks); render();
        });
        render();
      });
    });
  }

  /* My playbook: lists what was saved and marked as used. */
  function initMyPlaybook() {
    all("[data-my-playbook]").forEach(function (root) {
      [["favourites", "Nothing saved yet: use “Save to my playbook” on any entry."],
       ["tried", "No tactic marked yet: use “I used this” on a tactic you have tried."]].forEach(function (spec) {
        var list = root.querySelector("[data-list='" + spec[0] + "']");
        if (!list) return;
        list.textContent = "";
        var marks = store.get(spec[0], {});
        var refs = Object.keys(marks).sort(function (a, b) { return marks[a].title.localeCompare(marks[b].title); });
        if (!refs.length) { var p = document.createElement("li"); p.textContent = spec[1]; list.appendChild(p); return; }
        refs.forEach(function (ref) {
          var li = document.createElement("li"), a = document.createElement("a"), remove = document.createElement("button");
          a.href = store.safePath(marks[ref].url) || "#"; a.textContent = marks[ref].title;
          remove.type = "button"; remove.className = "pb-filter__button"; remove.textContent = "Remove";
          remove.setAttribute("aria-label", "Remove " + marks[ref].title);
          remove.addEventListener("click", function () { var m = store.get(spec[0], {}); delete m[ref]; store.set(spec[0], m); initMyPlaybook(); });
          li.appendChild(a); li.appendChild(document.createTextNode(" ")); li.appendChild(remove);
          list.appendChild(li);
        });
      });
    });
  }

  /* Copy-link: the ¶ beside each heading copies the section's address. */
  function initCopyLinks() {
    all(".md-typeset .headerlink").forEach(function (link) {
      link.setAttribute("title", "Copy the link to this section");
      link.addEventListener("click", function () {
        /* Resolve against the page: under instant navigation Material has already made the href absolute.
           The page's address without its query (a learning path's ?path=) plus the section's anchor. */
        var target = new URL(link.getAttribute("href"), location.href);
        var url = target.origin + target.pathname + target.hash;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () { toast("Link copied"); }, function () { toast(url); });
        } else { toast(url); }
      });
    });
  }

  function init() {
    /* One failing feature must not stop the others. */
    [initFilters, initChecklists, initMarks, initMyPlaybook, initCopyLinks].forEach(function (step) {
      try { step(); } catch (e) { if (window.console) console.warn("playbook:", step.name, e); }
    });
    document.dispatchEvent(new CustomEvent("pb:ready"));
  }

  if (typeof window.document$ !== "undefined") { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
