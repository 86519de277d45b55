/* Find your move: three questions narrow the list of situations, tactics and checklists. The answers live
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
    function apply() {
      var chosen = answers(), shown = 0;
      items.forEach(function (item) {
        var fits = FIELDS.every(function (field) {
          var values = (item.dataset[field] || "").split(" ").filter(Boolean);
          return !chosen[field] || !values.length || values.indexOf(chosen[field]) !== -1;
        });
        item.hidden = !fits;
        if (fits) shown += 1;
      });
      all("[data-find-group]", root).forEach(function (group) {
        group.hidden = !group.querySelector("[data-find-item]:not([hidden])");
      });
      var any = FIELDS.some(function (field) { return chosen[field]; });
      count.textContent = shown === 0
        ? "No move fits all three answers: change one to see more."
        : shown + (shown === 1 ? " move fits" : " moves fit") + (any ? " your answers." : " any answer.");
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
