/* Practice drill (/interview/drill/): draw a question from the chosen competencies, time the answer,
   then compare with the notes. Offline, keyboard operable. Loaded by the core (core.js) on the drill page. */
(function () {
  "use strict";
  var P = window.playbook, all = P.all, el = P.el;

  P.tool("drill", { root: "[data-drill]", setup: function (root) {
    var prompts = P.payload("pb-drill-data") || [];
    var card = root.querySelector("[data-drill-card]");
    var timerEl = root.querySelector("[data-drill-timer]");
    var toggle = root.querySelector("[data-drill-timer-toggle]");
    var reveal = root.querySelector("[data-drill-reveal]");
    var notes = root.querySelector("[data-drill-notes]");
    var minutes = root.querySelector("[data-drill-minutes]");
    var left = 0, ticking = null, current = null, last = null;

    function show(seconds) {
      var m = Math.floor(seconds / 60), s = seconds % 60;
      timerEl.textContent = m + ":" + (s < 10 ? "0" : "") + s;
    }
    /* The toggle says what it will do: pause a running timer, resume a paused one, restart one that ran out. */
    function stop() {
      if (ticking) { clearInterval(ticking); ticking = null; }
      if (timerEl.dataset.state === "running") timerEl.dataset.state = "paused";
      toggle.textContent = left > 0 ? "Resume the timer" : "Restart the timer";
    }
    function start() {
      if (ticking) clearInterval(ticking);
      if (left <= 0) { left = Math.max(1, Number(minutes.value) || 2) * 60; show(left); }
      timerEl.dataset.state = "running"; toggle.textContent = "Pause the timer";
      timerEl.removeAttribute("aria-live");
      ticking = setInterval(function () {
        if (!document.body.contains(root)) { clearInterval(ticking); ticking = null; return; }  /* left the page */
        left -= 1; show(left);
        if (left <= 0) { stop(); timerEl.dataset.state = "done"; timerEl.setAttribute("aria-live", "assertive"); timerEl.textContent = "Time: compare with the notes"; }
      }, 1000);
    }
    /* Texts arrive as HTML the build rendered and sanitised (macros/present.py): the same as on the pages. */
    function section(title, items) {
      var wrap = el("div"); wrap.appendChild(el("h2", title));  /* the page has only its h1 above: no skipped level */
      var ul = el("ul"); items.forEach(function (item) {
        var li = el("li");
        if (item.label) { li.appendChild(el("strong", item.label + ": ")); }
        var span = el("span"); span.innerHTML = item.html || item; li.appendChild(span);
        ul.appendChild(li);
      }); wrap.appendChild(ul);
      return wrap;
    }
    function draw() {
      var chosen = all("[data-drill-competency]:checked", root).map(function (c) { return c.value; });
      var pool = prompts.filter(function (p) {
        return !chosen.length || p.competencies.some(function (c) { return chosen.indexOf(c) !== -1; });
      });
      if (pool.length > 1 && last) pool = pool.filter(function (p) { return p.id !== last; });
      current = pool[Math.floor(Math.random() * pool.length)];
      last = current.id;
      left = Math.max(1, Number(minutes.value) || 2) * 60; show(left);
      card.hidden = false;
      card.dataset.prompt = current.id;
      root.querySelector("[data-drill-meta]").textContent = current.title + " · " + current.competency_titles.join(", ");
      var q = root.querySelector("[data-drill-question]");
      q.innerHTML = current.question;
      /* The card from its top, so the question and the timer are both on screen on a phone */
      q.focus({ preventScroll: true }); card.scrollIntoView({ block: "start" });
      next.textContent = "Next question";
      notes.hidden = true; notes.textContent = ""; reveal.setAttribute("aria-expanded", "false");
      start();  /* the clock runs from the draw: the question is on screen */
    }
    function showNotes() {
      notes.textContent = "";
      notes.appendChild(section("Level signals", current.levels));
      notes.appendChild(section("What the interviewer listens for", current.listen_for));
      notes.appendChild(section("Markers of a strong answer", current.strong_answer));
      notes.appendChild(section("Follow-up questions", current.follow_ups));
      var link = el("a", "Open the full question page: " + current.title); link.href = current.url;
      var p = el("p"); p.appendChild(link); notes.appendChild(p);
      notes.hidden = false; reveal.setAttribute("aria-expanded", "true");
    }
    var next = root.querySelector("[data-drill-next]");
    next.addEventListener("click", draw);
    toggle.addEventListener("click", function () { if (ticking) stop(); else start(); });
    reveal.addEventListener("click", function () { if (notes.hidden) { stop(); showNotes(); } else { notes.hidden = true; reveal.setAttribute("aria-expanded", "false"); } });
  } });
})();
