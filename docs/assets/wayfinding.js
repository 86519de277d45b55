/* Learning paths you can follow. A path page's step links carry ?path=<id>; on the step's page the matching
   "Step n of N" bar (server-rendered, hidden) is shown with Previous and Next, which carry ?path= on, so
   the context survives instant navigation and reload. Steps marked done are kept in this browser only
   (window.pbStore, key "path:<id>": the done step numbers); the path page shows the progress.
   Stored values are untrusted: anything that is not a step number of this path is ignored. */
(function () {
  "use strict";

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function store() { return window.pbStore; }

  function doneSteps(id, total) {
    var raw = store() ? store().get("path:" + id, []) : [];
    if (!Array.isArray(raw)) return [];
    return raw.filter(function (n, i) {
      return typeof n === "number" && n % 1 === 0 && n >= 1 && n <= total && raw.indexOf(n) === i;
    });
  }
  function saveSteps(id, steps) {
    if (!store()) return;
    if (steps.length) store().set("path:" + id, steps.sort(function (a, b) { return a - b; }));
    else store().remove("path:" + id);
  }
  function currentPath() {
    try { return new URLSearchParams(location.search).get("path"); } catch (e) { return null; }
  }

  /* A step's page, reached from a path */
  function initStepBars() {
    var id = currentPath();
    var bars = all("[data-pathnav]");
    if (!bars.length) return;
    bars.forEach(function (bar) { bar.hidden = true; });
    if (!id) return;
    var mine = bars.filter(function (bar) { return bar.dataset.pathnav === id; });
    if (!mine.length) return;
    var step = Number(mine[0].dataset.step), total = Number(mine[0].dataset.total);
    mine = mine.filter(function (bar) { return Number(bar.dataset.step) === step; });
    function render() {
      var done = doneSteps(id, total).indexOf(step) !== -1;
      mine.forEach(function (bar) {
        var state = bar.querySelector("[data-path-state]");
        if (state) state.textContent = done ? "· done" : "";
        var mark = bar.querySelector("[data-path-mark]");
        if (mark) {
          mark.setAttribute("aria-pressed", String(done));
          mark.textContent = done ? "Step " + step + " done" : "Mark step " + step + " done";
        }
      });
    }
    mine.forEach(function (bar) {
      bar.hidden = false;
      var mark = bar.querySelector("[data-path-mark]");
      if (mark) mark.addEventListener("click", function () {
        var steps = doneSteps(id, total), at = steps.indexOf(step);
        if (at === -1) steps.push(step); else steps.splice(at, 1);
        saveSteps(id, steps); render();
      });
    });
    render();
  }

  /* The path page: progress and a mark beside each step done */
  function initProgress() {
    all("[data-path-progress]").forEach(function (box) {
      var id = box.dataset.pathProgress, total = Number(box.dataset.total);
      var article = box.closest("article") || document;
      function render() {
        var steps = doneSteps(id, total);
        box.querySelector("[data-path-count]").textContent = steps.length + " of " + total + " steps done";
        box.querySelector("progress").value = steps.length;
        box.querySelector("[data-path-reset]").hidden = !steps.length;
        all("[data-step-done]", article).forEach(function (mark) {
          mark.hidden = steps.indexOf(Number(mark.dataset.stepDone)) === -1;
        });
      }
      box.hidden = false;
      box.querySelector("[data-path-reset]").addEventListener("click", function () { saveSteps(id, []); render(); });
      render();
    });
  }

  function init() { initStepBars(); initProgress(); }

  if (typeof window.document$ !== "undefined") { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
