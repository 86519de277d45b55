/* Find your move: three questions rank the situations, tactics and checklists by how many answers they fit,
   then by how specifically they fit (best first; situations first on a tie), and hide those that list none. The answers live
   in the page's query string (?who=peer&what=pushback&when=before), so the address can be sent and reopened;
   unknown values in the address are ignored. Offline; runs again after each instant navigation. */
(function () {
  "use strict";

  var FIELDS = ["who", "what", "when"];

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function initFind() {
    var root = document.querySelector("[data-find]");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    var form = root.querySelector("[data-find-form]");
    var count = root.querySelector("[data-find-count]");
    var items = all("[data-find-item]", root);
    var list = root.querySelector("[data-find-list]");
    var best = root.querySelector("[data-find-best]");
    form.hidden = false;

    function allowed(field) {
      return all("input[name='" + field + "']", form).map(function (input) { return input.value; });
    }
    function answers() {
      var out = {};
      FIELDS.forEach(function (field) {
        var checked = form.querySelector("input[name='" + field + "']:checked");
        out[field] = checked ? checked.value : "";
      });
      return out;
    }
    function fromAddress() {
      var params;
      try { params = new URLSearchParams(location.search); } catch (e) { params = new URLSearchParams(""); }
      FIELDS.forEach(function (field) {
        var value = params.get(field) || "";
        if (allowed(field).indexOf(value) === -1) value = "";
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
    function fit(item, chosen) {
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
    function apply() {
      var chosen = answers();
      var asked = FIELDS.filter(function (field) { return chosen[field]; }).length;
      var ranked = items.map(function (item) { return fit(item, chosen); });
      ranked.sort(function (a, b) {
        return (b.matched - a.matched) || (b.weight - a.weight) || (a.kind - b.kind) || (b.narrowness - a.narrowness) || (a.order - b.order);
      });
      var full = 0, some = 0;
      ranked.forEach(function (r) {
        var shown = !asked || r.explicit > 0;
        r.item.hidden = !shown;
        if (asked && shown && r.matched === asked) full += 1; else if (shown && asked) some += 1;
        var label = r.item.querySelector("[data-find-fit]");
        if (label) label.textContent = !asked ? "" : r.matched === asked ? (asked > 1 ? "fits all " + asked + " answers" : "fits your answer") : "fits " + r.matched + " of " + asked;
        list.appendChild(r.item);
      });
      count.textContent = !asked ? items.length + (items.length === 1 ? " move fits" : " moves fit") + " any answer."
        : full === 0 ? "No move fits all your answers" + (some ? "; " + some + " fit some of them, best first." : ": change one to see more.")
        : full + (full === 1 ? " move fits" : " moves fit") + " your answers" + (some ? "; " + some + " more fit some of them." : ".");
      best.textContent = "";
      ranked.filter(function (r) { return asked && !r.item.hidden; }).slice(0, 3).forEach(function (r) {
        var li = document.createElement("li");
        var a = r.item.querySelector("a").cloneNode(true);
        li.appendChild(a);
        var kind = r.item.querySelector(".pb-kindlabel");
        if (kind) { li.appendChild(document.createTextNode(" ")); li.appendChild(kind.cloneNode(true)); }
        best.appendChild(li);
      });
      best.hidden = !best.children.length;
      /* On a phone the panel sticks to the bottom: a control that gets focus is scrolled clear of it (find.css). */
      var top = root.querySelector("[data-find-top]");
      if (top) document.documentElement.style.setProperty("--pb-find-top", Math.ceil(top.getBoundingClientRect().height + 8) + "px");
      toAddress(chosen);
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    var copy = form.querySelector("[data-find-copy]");
    copy.addEventListener("click", function () {
      var url = location.href;
      var say = window.pbToast || function () {};
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { say("Link copied"); }, function () { say(url); });
      } else { say(url); }
    });
    fromAddress();
    apply();
  }

  if (typeof window.document$ !== "undefined") { window.document$.subscribe(initFind); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", initFind); }
  else { initFind(); }
})();
