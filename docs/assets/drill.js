/* Practice drill (/interview/drill/): draw a question from the chosen competencies, time the answer,
   then compare with the notes. Offline, keyboard operable. Loaded by the core (core.js) on the drill page.
   One drill's state is one object, `d`: its elements, the prompts, the seconds left and the timer. */
(function () {
  "use strict";
  var playbook = window.playbook, all = playbook.all, el = playbook.el;

  function show(d, seconds) { d.timer.textContent = playbook.clock(seconds); }
  /* The toggle says what it will do: pause a running timer, resume a paused one, restart one that ran out. */
  function stop(d) {
    if (d.ticking) { clearInterval(d.ticking); d.ticking = null; }
    if (d.timer.dataset.state === "running") d.timer.dataset.state = "paused";
    d.toggle.textContent = d.left > 0 ? "Resume the timer" : "Restart the timer";
  }
  function tick(d) {
    if (!document.body.contains(d.root)) { clearInterval(d.ticking); d.ticking = null; return; }  /* left the page */
    d.left -= 1; show(d, d.left);
    if (d.left <= 0) {
      stop(d); d.timer.dataset.state = "done"; d.timer.setAttribute("aria-live", "assertive");
      d.timer.textContent = "Time: compare with the notes";
    }
  }
  function start(d) {
    if (d.ticking) clearInterval(d.ticking);
    if (d.left <= 0) { d.left = Math.max(1, Number(d.minutes.value) || 2) * 60; show(d, d.left); }
    d.timer.dataset.state = "running"; d.toggle.textContent = "Pause the timer";
    d.timer.removeAttribute("aria-live");
    d.ticking = setInterval(function () { tick(d); }, 1000);
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
  function draw(d) {
    var chosen = all("[data-drill-competency]:checked", d.root).map(function (c) { return c.value; });
    var pool = d.prompts.filter(function (p) {
      return !chosen.length || p.competencies.some(function (c) { return chosen.indexOf(c) !== -1; });
    });
    if (pool.length > 1 && d.last) pool = pool.filter(function (p) { return p.id !== d.last; });
    var current = d.current = pool[Math.floor(Math.random() * pool.length)];
    d.last = current.id;
    d.left = Math.max(1, Number(d.minutes.value) || 2) * 60; show(d, d.left);
    d.card.hidden = false;
    d.card.dataset.prompt = current.id;
    d.root.querySelector("[data-drill-meta]").textContent = current.title + " · " + current.competency_titles.join(", ");
    var q = d.root.querySelector("[data-drill-question]");
    q.innerHTML = current.question;
    /* The card from its top, so the question and the timer are both on screen on a phone */
    q.focus({ preventScroll: true }); d.card.scrollIntoView({ block: "start" });
    d.next.textContent = "Next question";
    d.notes.hidden = true; d.notes.textContent = ""; d.reveal.setAttribute("aria-expanded", "false");
    start(d);  /* the clock runs from the draw: the question is on screen */
  }
  function showNotes(d) {
    var current = d.current, notes = d.notes;
    notes.textContent = "";
    notes.appendChild(section("Level signals", current.levels));
    notes.appendChild(section("What the interviewer listens for", current.listen_for));
    notes.appendChild(section("Markers of a strong answer", current.strong_answer));
    notes.appendChild(section("Follow-up questions", current.follow_ups));
    var link = el("a", "Open the full question page: " + current.title); link.href = current.url;
    var p = el("p"); p.appendChild(link); notes.appendChild(p);
    notes.hidden = false; d.reveal.setAttribute("aria-expanded", "true");
  }

  function setupDrill(root) {
    var d = { root: root, prompts: playbook.payload("pb-drill-data") || [], card: root.querySelector("[data-drill-card]"),
      timer: root.querySelector("[data-drill-timer]"), toggle: root.querySelector("[data-drill-timer-toggle]"),
      reveal: root.querySelector("[data-drill-reveal]"), notes: root.querySelector("[data-drill-notes]"),
      minutes: root.querySelector("[data-drill-minutes]"), next: root.querySelector("[data-drill-next]"),
      left: 0, ticking: null, current: null, last: null };
    d.next.addEventListener("click", function () { draw(d); });
    d.toggle.addEventListener("click", function () { if (d.ticking) stop(d); else start(d); });
    d.reveal.addEventListener("click", function () {
      if (d.notes.hidden) { stop(d); showNotes(d); } else { d.notes.hidden = true; d.reveal.setAttribute("aria-expanded", "false"); }
    });
  }

  playbook.tool("drill", { root: "[data-drill]", setup: setupDrill });
})();
