/* Run mode for every tactic and checklist (the steps or items of the kinds registry's run_field): full
   screen, one step at a time, a timer per step only when the data gives minutes (run.minutes): started once by the
   reader, it starts again by itself on each next step until paused; at zero a silent cue (the timer highlighted,
   an alert in words). Next/Back by keyboard (arrows, Page Up/Down, Esc) and by swiping, an end screen with the follow-up checklist. The URL carries the step (?run=3, ?run=end),
   so the view can be shared and survives a reload. */
(function () {
  "use strict";
  var playbook = window.playbook;
  /* One run screen's state is one object, `r`: its elements, the step shown (at), the seconds left, the timer
     (ticking), whether the reader runs it (running) and the element focused before it opened (opener). */

  function setUrl(value) {
    var url = new URL(location.href);
    if (value === null) url.searchParams.delete("run"); else url.searchParams.set("run", value);
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
  function clock(r) { r.timer.textContent = playbook.clock(r.left); }
  function stop(r) { if (r.ticking) { clearInterval(r.ticking); r.ticking = null; } r.toggle.textContent = r.left > 0 ? "Start the timer" : "Restart the timer"; }
  /* Time is up: no sound; the timer turns and stays highlighted (class pb-run--up) and the alert says so. */
  function timeUp(r, on) { r.screen.classList.toggle("pb-run--up", on); }
  function start(r) {
    if (r.left <= 0) r.left = Number(r.pages[r.at].dataset.minutes) * 60;
    r.running = true; timeUp(r, false);
    r.alarm.textContent = ""; r.toggle.textContent = "Pause the timer";
    r.ticking = setInterval(function () {
      if (!document.body.contains(r.root)) { clearInterval(r.ticking); return; }
      r.left -= 1; clock(r);
      if (r.left <= 0) { stop(r); timeUp(r, true); r.alarm.textContent = "Time is up for this " + r.unit.toLowerCase() + "."; }
    }, 1000);
  }
  function show(r, i) {
    var pages = r.pages, at = r.at = Math.max(0, Math.min(pages.length - 1, i));
    pages.forEach(function (p, k) { p.hidden = k !== at; });
    var last = at === pages.length - 1;
    r.progress.textContent = last ? "Finished" : pages[at].hasAttribute("data-run-words") ? "Words to say" : r.unit + " " + (at + 1) + " of " + r.counted;
    r.back.disabled = at === 0;
    r.next.textContent = last ? "Close" : at === r.steps.length - 1 ? "Finish" : "Next";
    stop(r); r.alarm.textContent = ""; timeUp(r, false);
    var minutes = Number(pages[at].dataset.minutes || 0);
    r.timerWrap.hidden = !minutes;
    r.left = minutes * 60; clock(r); stop(r);
    if (r.running && minutes) start(r);
    setUrl(last ? "end" : String(at + 1));
    r.body.focus();
  }
  function open(r, i) {
    r.opener = document.activeElement;
    r.screen.hidden = false; document.documentElement.classList.add("pb-run-open");
    show(r, i);
  }
  function close(r) {
    stop(r); r.running = false; timeUp(r, false); r.screen.hidden = true; document.documentElement.classList.remove("pb-run-open");
    setUrl(null);
    var opener = r.opener;
    (opener && opener !== document.body && document.body.contains(opener) ? opener : r.root.querySelector("[data-run-open]")).focus();
  }
  function forward(r) { if (r.at === r.pages.length - 1) close(r); else show(r, r.at + 1); }

  function onKey(r, e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) && e.target.type !== "checkbox";
    if (e.key === "Escape") { e.preventDefault(); close(r); }
    else if (typing || e.altKey || e.ctrlKey || e.metaKey) { return; }
    else if (e.key === "ArrowRight" || e.key === "PageDown") { e.preventDefault(); forward(r); }
    else if (e.key === "ArrowLeft" || e.key === "PageUp") { e.preventDefault(); show(r, r.at - 1); }
    else if (e.key === "Tab") {
      /* Keep the focus inside the dialog. */
      var focusable = playbook.all("button:not([disabled]), a[href], input, [tabindex='-1']", r.screen).filter(function (x) { return x.offsetParent !== null; });
      var first = focusable[0], lastOne = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); lastOne.focus(); }
      else if (!e.shiftKey && document.activeElement === lastOne) { e.preventDefault(); first.focus(); }
    }
  }
  function swipe(r) {
    var x0 = null, y0 = null;
    r.screen.addEventListener("touchstart", function (e) { x0 = e.changedTouches[0].clientX; y0 = e.changedTouches[0].clientY; }, { passive: true });
    r.screen.addEventListener("touchend", function (e) {
      if (x0 === null) return;
      var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0;
      x0 = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) { if (dx < 0) forward(r); else show(r, r.at - 1); }
    });
  }

  function runScreen(root) {
    var steps = playbook.all("[data-run-step]", root).filter(function (s) { return !s.hasAttribute("data-run-end"); });
    var end = root.querySelector("[data-run-end]");
    return { root: root, screen: root.querySelector("[data-run-screen]"), body: root.querySelector("[data-run-body]"), steps: steps,
      counted: steps.filter(function (s) { return !s.hasAttribute("data-run-words"); }).length,  /* the words screen is no step */
      pages: steps.concat([end]), progress: root.querySelector("[data-run-progress]"), back: root.querySelector("[data-run-back]"),
      next: root.querySelector("[data-run-next]"), timerWrap: root.querySelector("[data-run-timer-wrap]"),
      timer: root.querySelector("[data-run-timer]"), toggle: root.querySelector("[data-run-timer-toggle]"),
      alarm: root.querySelector("[data-run-alarm]"), unit: root.dataset.runUnit || "Step",
      at: 0, left: 0, ticking: null, opener: null, running: false };
  }

  function setupRun(root) {
    var r = runScreen(root);
    root.querySelector("[data-run-open]").addEventListener("click", function () { open(r, 0); });
    root.querySelector("[data-run-close]").addEventListener("click", function () { close(r); });
    r.back.addEventListener("click", function () { show(r, r.at - 1); });
    r.next.addEventListener("click", function () { forward(r); });
    r.toggle.addEventListener("click", function () { if (r.ticking) { stop(r); r.running = false; } else start(r); });
    r.screen.addEventListener("keydown", function (e) { onKey(r, e); });
    swipe(r);
    /* Opened from a shared address: ?run, ?run=3 or ?run=end */
    var wanted = new URL(location.href).searchParams.get("run");
    if (wanted !== null) open(r, wanted === "end" ? r.pages.length - 1 : Math.max(1, parseInt(wanted, 10) || 1) - 1);
  }

  playbook.tool("run", { root: "[data-run]", setup: setupRun });
})();
