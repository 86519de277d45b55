/* Interview countdown (/interview/plan/): a day-by-day plan from today to the interview date, printable,
   and as an iCalendar file (RFC 5545: CRLF line ends, lines folded at 75 octets, text escaped, one
   all-day VEVENT per session with a stable UID). Inputs kept in playbook.store "plan". */
(function () {
  "use strict";
  var T = window.playbook, store = T.store;
  var MAX_SESSIONS = 21;

  /* ---- iCalendar ---- */
  function escapeText(s) { return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n"); }  /* a lone CR too: it would end the line */
  function fold(line) {
    var enc = new TextEncoder(), out = [], cur = "", size = 0, limit = 75;
    Array.from(line).forEach(function (ch) {
      var n = enc.encode(ch).length;
      if (size + n > limit) { out.push(cur); cur = " "; size = 1; limit = 75; }
      cur += ch; size += n;
    });
    out.push(cur);
    return out.join("\r\n");
  }
  function stampNow() { return new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"); }
  function ics(plan) {
    var host = location.hostname || "influence-playbook", now = stampNow();
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Influence Playbook//Interview countdown//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText("Interview plan for " + plan.date)];
    plan.sessions.forEach(function (s) {
      var description = s.tasks.map(function (t) { return "- " + t.text + (t.url ? " " + new URL(t.url, location.href).href : ""); }).join("\n");
      lines.push("BEGIN:VEVENT",
        "UID:" + escapeText("interview-" + plan.date.replace(/-/g, "") + "-" + s.key + "@" + host),
        "DTSTAMP:" + now,
        "DTSTART;VALUE=DATE:" + s.date.replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + T.addDays(s.date, 1).replace(/-/g, ""),
        "SUMMARY:" + escapeText(s.title),
        "DESCRIPTION:" + escapeText(description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  /* ---- The plan ---- */
  function makePlan(input, model) {
    var first = T.today(), days = T.daysBetween(first, input.date);
    if (days > 56) { first = T.addDays(input.date, -56); days = 56; }
    var links = model.links, level = input.level;
    var comps = model.competencies.filter(function (c) { return input.competencies.indexOf(c.id) !== -1; });
    if (!comps.length) comps = model.competencies.slice().sort(function (a, b) { return b.prompts - a.prompts; }).slice(0, 5);
    var core = [{ key: "stories", title: "Find your stories", text: "List every piece of work from the last three years that changed someone's mind, and map them", url: links.story_map }];
    comps.forEach(function (c) {
      core.push({ key: "story-" + c.id, title: "Write a story: " + c.title, text: "Write one " + c.title.toLowerCase() + " story on the STAR+ sheet, in the first person, with numbers", url: links.prep_sheet });
      core.push({ key: "drill-" + c.id, title: "Drill: " + c.title, text: "Answer two " + c.title.toLowerCase() + " questions out loud, three minutes each, then check them against the " + level + " signals", url: links.drill });
    });
    var mock = { key: "mock", title: "Mock interview", text: "A 45-minute mock interview at " + level + " level with a mentor or peer, on questions you have not drilled", url: links.bank };
    var last = { key: "final", title: "Light review and rest", text: "Reread your prep sheets and do one short review-deck session; add nothing new", url: links.review };
    var review = function (i) { return { key: "review-" + i, title: "Review deck", text: "Fifteen minutes of the review deck: clear what is due today", url: links.review }; };

    var count = Math.max(1, Math.min(days, MAX_SESSIONS)), dates = [];
    for (var i = 0; i < count; i += 1) dates.push(T.addDays(first, count === 1 ? days - 1 : Math.round(i * (days - 1) / (count - 1))));
    var groups = [];
    if (count >= 3) {
      var slots = count - 2, per = Math.ceil(core.length / slots), chunks = [];
      for (var k = 0; k < core.length; k += per) chunks.push(core.slice(k, k + per));
      /* Chunks in order, spread over the slots from the first day; free slots become review-deck sessions. */
      var at = chunks.map(function (c, n) { return Math.floor(n * slots / chunks.length); });
      for (var s = 0; s < slots; s += 1) groups.push(at.indexOf(s) !== -1 ? chunks[at.indexOf(s)] : [review(s)]);
      groups.push([mock], [last]);
    } else if (count === 2) { groups.push(core, [mock, last]); }
    else { groups.push(core.concat([mock, last])); }
    var sessions = groups.map(function (tasks, j) {
      var title = tasks.length === 1 ? tasks[0].title : tasks[0].title + " and " + (tasks.length - 1) + " more";
      return { date: dates[j], key: tasks.map(function (t) { return t.key; }).join("+"), title: title, tasks: tasks };
    });
    return { date: input.date, level: level, competencies: comps, sessions: sessions };
  }

  T.tool("plan", { root: "[data-plan]", needs: ["kit"], setup: function (root) {
    var model = T.payload("pb-plan-data"), form = root.querySelector("[data-plan-form]");
    var status = root.querySelector("[data-plan-status]"), out = root.querySelector("[data-plan-out]");
    var dateInput = root.querySelector("[data-plan-date]"), current = null;
    dateInput.min = T.addDays(T.today(), 1);

    function read() {
      return { date: dateInput.value, level: form.elements.level.value,
        competencies: T.all("input[name='competency']:checked", form).map(function (c) { return c.value; }) };
    }
    function draw(input, announce) {
      if (!T.parseDay(input.date) || T.daysBetween(T.today(), input.date) < 1) {
        out.hidden = true; status.textContent = "Pick an interview date after today."; return;
      }
      current = makePlan(input, model);
      root.querySelector("[data-plan-heading]").textContent = "Your plan to " + T.longDay(input.date);
      root.querySelector("[data-plan-summary]").textContent = current.sessions.length + (current.sessions.length === 1 ? " session" : " sessions") + " at " + input.level + " level, covering " +
        current.competencies.map(function (c) { return c.title; }).join(", ") + ".";
      var ol = root.querySelector("[data-plan-days]"); ol.textContent = "";
      current.sessions.forEach(function (s) {
        var li = T.el("li", null, "pb-plan__day"); li.dataset.session = s.key;
        li.appendChild(T.el("strong", T.longDay(s.date) + ": ")); li.appendChild(document.createTextNode(s.title));
        var ul = T.el("ul");
        s.tasks.forEach(function (t) {
          var item = T.el("li", t.text + " ");
          if (t.url) { var a = T.el("a", "(open)"); a.href = t.url; a.setAttribute("aria-label", "Open the tool for: " + t.title); item.appendChild(a); }
          ul.appendChild(item);
        });
        li.appendChild(ul); ol.appendChild(li);
      });
      out.hidden = false;
      T.all(".pb-url", root).forEach(function (e) { e.textContent = location.href.split("#")[0]; });
      if (announce) status.textContent = "Plan ready: " + current.sessions.length + (current.sessions.length === 1 ? " session" : " sessions") + " until " + T.longDay(input.date) + ".";
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var input = read();
      store.set("plan", input);
      draw(input, true);
    });
    root.querySelector("[data-plan-ics]").addEventListener("click", function () {
      if (current) T.download("interview-plan-" + current.date + ".ics", "text/calendar", ics(current));
    });
    root.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
    var saved = store.get("plan", null);
    if (saved && saved.date) {
      dateInput.value = saved.date; form.elements.level.value = saved.level;
      T.all("input[name='competency']", form).forEach(function (c) { c.checked = saved.competencies.indexOf(c.value) !== -1; });
      if (T.daysBetween(T.today(), saved.date) >= 1) draw(saved, false);
    }
  } });
})();
