/* Learning paths you can follow. A path page's step links carry ?path=<id>; on the step's page the matching
   "Step n of N" bar (server-rendered, hidden) is shown with Previous and Next, which carry ?path= on, so
   the context survives instant navigation and reload. Steps marked done are kept in this browser only
   (playbook.store, key "path:<id>": the done step numbers, checked there); the path page shows the progress.
   Loaded by the core (core.js) on a path page and on a page reached from a path. */
(function () {
  "use strict";
  var P = window.playbook, store = P.store;

  /* The done steps of a path, as a Set: numbers outside 1..total are ignored. */
  function doneSteps(id, total) {
    return new Set(store.get("path:" + id, []).filter(function (n) { return n <= total; }));
  }
  function saveSteps(id, steps) {
    var list = Array.from(steps);
    if (list.length) store.set("path:" + id, list); else store.remove("path:" + id);
  }
  function currentPath() {
    try { return new URLSearchParams(location.search).get("path"); } catch (e) { return null; }
  }

  /* A step's page, reached from a path: the bars of that path and step are shown, the others stay hidden. */
  P.tool("wayfinding", { root: "[data-path-progress], [data-pathnav]", setup: function (node) {
    if (node.hasAttribute("data-path-progress")) return progress(node);
    var id = currentPath();
    if (!id || node.dataset.pathnav !== id) { node.hidden = true; return; }
    var step = Number(node.dataset.step), total = Number(node.dataset.total);
    var state = node.querySelector("[data-path-state]"), mark = node.querySelector("[data-path-mark]");
    function render() {
      var done = doneSteps(id, total).has(step);
      if (state) state.textContent = done ? "· done" : "";
      if (mark) {
        mark.setAttribute("aria-pressed", String(done));
        mark.textContent = done ? "Step " + step + " done" : "Mark step " + step + " done";
      }
    }
    node.hidden = false;
    if (mark) mark.addEventListener("click", function () {
      var steps = doneSteps(id, total);
      if (steps.has(step)) steps.delete(step); else steps.add(step);
      saveSteps(id, steps);
      P.all("[data-pathnav='" + CSS.escape(id) + "'][data-step='" + step + "']").forEach(function (bar) { bar.dispatchEvent(new CustomEvent("pb:path-changed")); });
    });
    node.addEventListener("pb:path-changed", render);
    render();
  } });

  /* The path page: progress and a mark beside each step done. */
  function progress(box) {
    var id = box.dataset.pathProgress, total = Number(box.dataset.total);
    var article = box.closest("article") || document;
    function render() {
      var steps = doneSteps(id, total);
      box.querySelector("[data-path-count]").textContent = steps.size + " of " + total + " steps done";
      box.querySelector("progress").value = steps.size;
      box.querySelector("[data-path-reset]").hidden = !steps.size;
      P.all("[data-step-done]", article).forEach(function (mark) { mark.hidden = !steps.has(Number(mark.dataset.stepDone)); });
    }
    box.hidden = false;
    box.querySelector("[data-path-reset]").addEventListener("click", function () { saveSteps(id, []); render(); });
    render();
  }
})();
