/* Find your move: three questions rank the situations, tactics and checklists by how many answers they fit,
   then by how specifically they fit (best first; situations first on a tie), and hide those that list none. The answers live
   in the page's query string (?who=peer&what=pushback&when=before), so the address can be sent and reopened;
   unknown values in the address are ignored. Offline; loaded by the core (core.js) on the page with [data-find],
   set up again after each instant navigation. */
(function () {
  "use strict";
  var playbook = window.playbook, all = playbook.all;
  var FIELDS = ["who", "what", "when"];

  function allowed(form, field) {
    return all("input[name='" + field + "']", form).map(function (input) { return input.value; });
  }
  function answers(form) {
    var out = {};
    FIELDS.forEach(function (field) {
      var checked = form.querySelector("input[name='" + field + "']:checked");
      out[field] = checked ? checked.value : "";
    });
    return out;
  }
  function fromAddress(form) {
    var params;
    try { params = new URLSearchParams(location.search); } catch (e) { params = new URLSearchParams(""); }
    FIELDS.forEach(function (field) {
      var value = params.get(field) || "";
      if (allowed(form, field).indexOf(value) === -1) value = "";
      all("input[name='" + field + "']", form).forEach(function (input) { input.checked = input.value === value; });
    });
  }
  function toAddress(chosen) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (field) { if (chosen[field]) params.set(field, chosen[field]); });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    try { history.replaceState(history.state, "", url); } catch (e) { /* a sandboxed page: the view still works */ }
  }
  /* How well an item fits (playbook/tools/find.py `fit` and `sort_key` say the same): `matched` counts each chosen
     answer the item lists and each question it leaves open (an empty list: any); `weight` counts the answers it
     lists, twice for one of its primary answers (data-primary); `narrowness` is higher when it lists few other
     values. An item that lists none of the chosen answers is hidden. Best fit first: matched, weight, then
     situations, tactics, checklists (data-kind), then narrowness, then the order of the page (by title). */
  function fit(item, chosen, items) {
    var matched = 0, explicit = 0, weight = 0, narrowness = 0;
    var primary = (item.dataset.primary || "").split(" ").filter(Boolean);
    FIELDS.forEach(function (field) {
      if (!chosen[field]) return;
      var values = (item.dataset[field] || "").split(" ").filter(Boolean);
      if (values.indexOf(chosen[field]) !== -1) {
        matched += 1; explicit += 1;
        weight += primary.indexOf(chosen[field]) !== -1 ? 2 : 1;
        narrowness += 1 / values.length;
      }
      else if (!values.length) matched += 1;
    });
    return { item: item, matched: matched, explicit: explicit, weight: weight, narrowness: Math.round(narrowness * 1e6),
             kind: Number(item.dataset.kind || 0), order: items.indexOf(item) };
  }
  function ranked(f, chosen) {
    return f.items.map(function (item) { return fit(item, chosen, f.items); }).sort(function (a, b) {
      return (b.matched - a.matched) || (b.weight - a.weight) || (a.kind - b.kind) || (b.narrowness - a.narrowness) || (a.order - b.order);
    });
  }
  /* Shows the items that fit, best first, each labelled with its fit; says how many fit. */
  function showRanked(f, order, asked) {
    var full = 0, some = 0;
    order.forEach(function (r) {
      var shown = !asked || r.explicit > 0;
      r.item.hidden = !shown;
      if (asked && shown && r.matched === asked) full += 1; else if (shown && asked) some += 1;
      var label = r.item.querySelector("[data-find-fit]");
      if (label) label.textContent = !asked ? "" : r.matched === asked ? (asked > 1 ? "fits all " + asked + " answers" : "fits your answer") : "fits " + r.matched + " of " + asked;
      f.list.appendChild(r.item);
    });
    var n = f.items.length;
    f.count.textContent = !asked ? n + (n === 1 ? " move fits" : " moves fit") + " any answer."
      : full === 0 ? "No move fits all your answers" + (some ? "; " + some + " fit some of them, best first." : ": change one to see more.")
      : full + (full === 1 ? " move fits" : " moves fit") + " your answers" + (some ? "; " + some + " more fit some of them." : ".");
  }
  /* The three best, linked at the top. */
  function showBest(f, order, asked) {
    var best = f.best;
    best.textContent = "";
    order.filter(function (r) { return asked && !r.item.hidden; }).slice(0, 3).forEach(function (r) {
      var li = document.createElement("li");
      li.appendChild(r.item.querySelector("a").cloneNode(true));
      var kind = r.item.querySelector(".pb-kindlabel");
      if (kind) { li.appendChild(document.createTextNode(" ")); li.appendChild(kind.cloneNode(true)); }
      best.appendChild(li);
    });
    best.hidden = !best.children.length;
  }
  function apply(f) {
    var chosen = answers(f.form);
    var asked = FIELDS.filter(function (field) { return chosen[field]; }).length;
    var order = ranked(f, chosen);
    showRanked(f, order, asked);
    showBest(f, order, asked);
    /* On a phone the panel sticks to the bottom: a control that gets focus is scrolled clear of it (find.css). */
    var top = f.root.querySelector("[data-find-top]");
    if (top) document.documentElement.style.setProperty("--pb-find-top", Math.ceil(top.getBoundingClientRect().height + 8) + "px");
    toAddress(chosen);
  }

  function setupFind(root) {
    root.dataset.ready = "1";
    var f = { root: root, form: root.querySelector("[data-find-form]"), count: root.querySelector("[data-find-count]"),
      items: all("[data-find-item]", root), list: root.querySelector("[data-find-list]"), best: root.querySelector("[data-find-best]") };
    f.form.hidden = false;
    f.form.addEventListener("change", function () { apply(f); });
    f.form.addEventListener("reset", function () { setTimeout(function () { apply(f); }, 0); });
    f.form.querySelector("[data-find-copy]").addEventListener("click", function () { playbook.copyLink(location.href); });
    fromAddress(f.form);
    apply(f);
  }

  playbook.tool("find", { root: "[data-find]", setup: setupFind });
})();
