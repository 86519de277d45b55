/* Run mode for every tactic and checklist (the steps or items of the kinds registry's run_field): full
   screen, one step at a time, a timer per step only when the data gives minutes (run.minutes): started once by the
   reader, it starts again by itself on each next step until paused; at zero a silent cue (the timer highlighted,
   an alert in words). Next/Back by keyboard (arrows, Page Up/Down, Esc) and by swiping, an end screen with the follow-up checklist. The URL carries the step (?run=3, ?run=end),
   so the view can be shared and survives a reload. */
(function () {
  "use strict";
  var T = window.playbook;

  T.tool("run", { root: "[data-run]", setup: function (root) {
    var screen = root.querySelector("[data-run-screen]"), body = root.querySelector("[data-run-body]");
    var steps = T.all("[data-run-step]", root).filter(function (s) { return !s.hasAttribute("data-run-end"); });
    var counted = steps.filter(function (s) { return !s.hasAttribute("data-run-words"); }).length;  /* the words screen is no step */
    var end = root.querySelector("[data-run-end]"), pages = steps.concat([end]);
    var progress = root.querySelector("[data-run-progress]"), back = root.querySelector("[data-run-back]"), next = root.querySelector("[data-run-next]");
    var timerWrap = root.querySelector("[data-run-timer-wrap]"), timer = root.querySelector("[data-run-timer]");
    var toggle = root.querySelector("[data-run-timer-toggle]"), alarm = root.querySelector("[data-run-alarm]");
    var unit = root.dataset.runUnit || "Step";
    /* running: the reader started the timer and has not paused it; each next step's timer then starts by itself. */
    var at = 0, left = 0, ticking = null, opener = null, running = false;

    function setUrl(value) {
      var url = new URL(location.href);
      if (value === null) url.searchParams.delete("run"); else url.searchParams.set("run", value);
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    }
    function clock() { var m = Math.floor(left / 60), s = left % 60; timer.textContent = m + ":" + (s < 10 ? "0" : "") + s; }
    function stop() { if (ticking) { clearInterval(ticking); ticking = null; } toggle.textContent = left > 0 ? "Start the timer" : "Restart the timer"; }
    /* Time is up: no sound; the timer turns and stays highlighted (class pb-run--up) and the alert says so. */
    function timeUp(on) { screen.classList.toggle("pb-run--up", on); }
    function start() {
      if (left <= 0) left = Number(pages[at].dataset.minutes) * 60;
      running = true; timeUp(false);
      alarm.textContent = ""; toggle.textContent = "Pause the timer";
      ticking = setInterval(function () {
        if (!document.body.contains(root)) { clearInterval(ticking); return; }
        left -= 1; clock();
        if (left <= 0) { stop(); timeUp(true); alarm.textContent = "Time is up for this " + unit.toLowerCase() + "."; }
      }, 1000);
    }
    function show(i) {
      at = Math.max(0, Math.min(pages.length - 1, i));
      pages.forEach(function (p, k) { p.hidden = k !== at; });
      var last = at === pages.length - 1;
      progress.textContent = last ? "Finished" : pages[at].hasAttribute("data-run-words") ? "Words to say" : unit + " " + (at + 1) + " of " + counted;
      back.disabled = at === 0;
      next.textContent = last ? "Close" : at === steps.length - 1 ? "Finish" : "Next";
      stop(); alarm.textContent = ""; timeUp(false);
      var minutes = Number(pages[at].dataset.minutes || 0);
      timerWrap.hidden = !minutes;
      left = minutes * 60; clock(); stop();
      if (running && minutes) start();
      setUrl(last ? "end" : String(at + 1));
      body.focus();
    }
    function open(i) {
      opener = document.activeElement;
      screen.hidden = false; document.documentElement.classList.add("pb-run-open");
      show(i);
    }
    function close() {
      stop(); running = false; timeUp(false); screen.hidden = true; document.documentElement.classList.remove("pb-run-open");
      setUrl(null);
      (opener && opener !== document.body && document.body.contains(opener) ? opener : root.querySelector("[data-run-open]")).focus();
    }
    function forward() { if (at === pages.length - 1) close(); else show(at + 1); }

    root.querySelector("[data-run-open]").addEventListener("click", function () { open(0); });
    root.querySelector("[data-run-close]").addEventListener("click", close);
    back.addEventListener("click", function () { show(at - 1); });
    next.addEventListener("click", forward);
    toggle.addEventListener("click", function () { if (ticking) { stop(); running = false; } else start(); });
    screen.addEventListener("keydown", function (e) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) && e.target.type !== "checkbox";
      if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (typing || e.altKey || e.ctrlKey || e.metaKey) { return; }
      else if (e.key === "ArrowRight" || e.key === "PageDown") { e.preventDefault(); forward(); }
      else if (e.key === "ArrowLeft" || e.key === "PageUp") { e.preventDefault(); show(at - 1); }
      else if (e.key === "Tab") {
        /* Keep the focus inside the dialog. */
        var focusable = T.all("button:not([disabled]), a[href], input, [tabindex='-1']", screen).filter(function (x) { return x.offsetParent !== null; });
        var first = focusable[0], lastOne = focusable[focusable.length - 1];
        if (e.shiftKey && document.activeElement === first) { e.preventDefault(); lastOne.focus(); }
        else if (!e.shiftKey && document.activeElement === lastOne) { e.preventDefault(); first.focus(); }
      }
    });
    var x0 = null, y0 = null;
    screen.addEventListener("touchstart", function (e) { x0 = e.changedTouches[0].clientX; y0 = e.changedTouches[0].clientY; }, { passive: true });
    screen.addEventListener("touchend", function (e) {
      if (x0 === null) return;
      var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0;
      x0 = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) { if (dx < 0) forward(); else show(at - 1); }
    });

    /* Opened from a shared address: ?run, ?run=3 or ?run=end */
    var wanted = new URL(location.href).searchParams.get("run");
    if (wanted !== null) open(wanted === "end" ? pages.length - 1 : Math.max(1, parseInt(wanted, 10) || 1) - 1);
  } });
})();
