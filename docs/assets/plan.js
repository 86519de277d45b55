/* Interview countdown (/interview/plan/): a day-by-day plan from today to the interview date, printable,
   and as an iCalendar file (RFC 5545: CRLF line ends, lines folded at 75 octets, text escaped, one
   all-day VEVENT per session with a stable UID). Inputs kept in playbook.store "plan". */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store;

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
        "DTEND;VALUE=DATE:" + playbook.addDays(s.date, 1).replace(/-/g, ""),
        "SUMMARY:" + escapeText(s.title),
        "DESCRIPTION:" + escapeText(description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  /* ---- The plan ----
     Made from the advice (model.advice: PrepAdvice in playbook/tools/practice.py, also printed on /interview/):
     every day from today (at most advice.max_days before) to the interview is a working day, a rest day (one a
     week, from a week's plan up), the light last day, or the interview day; more than advice.weeks weeks out,
     only advice.early_weekdays are working days. The working days get, in order: finding the stories, one story
     each (stories_min to stories_max), the map, a drill per competency, and the mock interviews, each on a day
     of its own, the last on the final working day; spare days sharpen a story out loud. */
  function weekday(d) { return playbook.parseDay(d).getDay(); }
  /* The week's rest day (from a week's plan up). Where it would fall on the last advice.stop_new days (the final
     working day, with the last mock, and the light day), it moves to the day before them. */
  function isRest(d, left, days, A) {
    if (days < A.rest_from || left <= A.stop_new) return false;
    if (weekday(d) === A.rest_weekday) return true;
    if (left !== A.stop_new + 1) return false;
    for (var k = 1; k <= A.stop_new; k += 1) if (weekday(playbook.addDays(d, k)) === A.rest_weekday) return true;
    return false;
  }
  /* The days from today (at most advice.max_days before the interview) that get a session: {calendar, work}. */
  function planDays(input, A) {
    var first = playbook.today(), days = playbook.daysBetween(first, input.date);
    if (days > A.max_days) { first = playbook.addDays(input.date, -A.max_days); days = A.max_days; }
    var calendar = [], work = [];
    for (var i = 0; i < days; i += 1) {
      var d = playbook.addDays(first, i), left = days - i, entry = { date: d, type: "work" };
      if (left === 1) entry.type = "light";
      else if (isRest(d, left, days, A)) entry.type = "rest";
      else if (left > A.weeks * 7 && A.early_weekdays.indexOf(weekday(d)) === -1) continue;  /* early weeks: a few days */
      calendar.push(entry);
      if (entry.type === "work") work.push(entry);
    }
    return { calendar: calendar, work: work };
  }
  function task(kind, key, title, text, url, stories) { return { kind: kind, key: key, title: title, text: text, url: url, stories: stories || 0 }; }
  /* The tasks of a plan of W working days, in order: finding the stories, one story each, the map, a drill per
     competency, then the mock interviews (mocks). */
  function planTasks(p, A, links, W) {
    var nStories = p.stories = W >= A.stories_max_from ? A.stories_max : A.stories_min;
    var nMocks = p.mocks = W >= A.mocks_from ? A.mocks : W >= 2 ? 1 : 0;
    var units = [task("find", "stories", "Find your stories", "Decide which staff archetype the role is, then list every piece of work from the last three years that changed someone's mind: aim for " + nStories + " or more", links.story_map)];
    for (var s = 0; s < nStories; s += 1) {
      var c = p.competencies[s % p.competencies.length];
      units.push(task("story", "story-" + (s + 1), "Write story " + (s + 1) + " of " + nStories + ": " + c.title,
        "Write one " + c.title.toLowerCase() + " story on the STAR+ sheet, in the first person, with numbers", links.prep_sheet, 1));
    }
    units.push(task("map", "map", "Map your stories", "Put the " + nStories + " stories on the coverage map; dig for a better one where a competency has none", links.story_map));
    p.competencies.forEach(function (c) {
      units.push(task("drill", "drill-" + c.id, "Drill: " + c.title, "Answer two " + c.title.toLowerCase() + " questions out loud, three minutes each, then check them against the " + p.level + " signals", links.drill));
    });
    var mocks = [];
    for (var m = 0; m < nMocks; m += 1) {
      mocks.push(task("mock", "mock-" + (m + 1), "Mock interview " + (m + 1) + " of " + nMocks, "A " + A.mock_minutes + "-minute mock interview at " + p.level + " level with a mentor or peer, on questions you have not drilled" + (m ? "; then fix the weakest answer" : ""), links.bank));
    }
    return { units: units, mocks: mocks };
  }
  /* A spare day: sharpen a story already written (out loud, against the clock), or, before any is, read the bank. */
  function sharpen(p, links, n, written) {
    if (!written) return task("collect", "collect-" + (n + 1), "Read the question bank", "Read three questions in the bank and note which of your work each reminds you of", links.bank);
    var j = (n + written - 1) % written, c = p.competencies[j % p.competencies.length];  /* the story written last, then each in turn */
    return task("sharpen", "sharpen-" + (n + 1), "Sharpen story " + (j + 1) + ": " + c.title, "Tell your " + c.title.toLowerCase() + " story out loud against the clock and cut it to three minutes; ten minutes of the review deck after", links.star_guide);
  }
  /* Working days: mocks on days of their own (the last on the final working day, the others spread before it);
     everything else in order over the remaining days, several a day when days are few. One list of tasks per
     working day. */
  function spread(p, links, units, mocks, W) {
    var groups = [];
    for (var w = 0; w < W; w += 1) groups.push([]);
    var nMocks = mocks.length;
    mocks.forEach(function (t, k) { groups[W - 1 - Math.round((nMocks - 1 - k) * (W - 1) / (nMocks + 1))].push(t); });
    var free = [];
    for (var g = 0; g < W; g += 1) if (!groups[g].length) free.push(g);
    if (!free.length) {
      units.forEach(function (t) { groups[W - 1].unshift(t); });  /* one working day, taken by a mock: all on it */
      return groups;
    }
    var per = Math.ceil(units.length / free.length), chunks = [];
    for (var k = 0; k < units.length; k += per) chunks.push(units.slice(k, k + per));
    var at = chunks.map(function (ch, n) { return Math.floor(n * free.length / chunks.length); });
    var spare = 0, written = 0;
    free.forEach(function (slot, n) {
      var j = at.indexOf(n), tasks = j !== -1 ? chunks[j] : [sharpen(p, links, spare++, written)];
      written += tasks.filter(function (t) { return t.kind === "story"; }).length;
      groups[slot] = groups[slot].concat(tasks);
    });
    return groups;
  }
  function makePlan(input, model) {
    var A = model.advice, links = model.links, level = input.level;
    var comps = model.competencies.filter(function (c) { return input.competencies.indexOf(c.id) !== -1; });
    if (!comps.length) comps = model.competencies.slice().sort(function (a, b) { return b.prompts - a.prompts; }).slice(0, 5);
    var p = { date: input.date, level: level, competencies: comps, sessions: null, stories: 0, mocks: 0 };
    var days = planDays(input, A), calendar = days.calendar, work = days.work, W = work.length;
    var t = planTasks(p, A, links, W);
    var light = task("light", "final", "Light day", "Reread your prep sheets and do one short review-deck session; add nothing new. Sleep well", links.review);
    var rest = task("rest", "rest", "Rest day", "No preparation today: stories improve when you come back to them", "");
    var interview = task("interview", "interview", "Interview day", "Reread the first line of your three strongest stories, nothing else; arrive early. Afterwards, note the questions you were asked", "");
    if (!W) {
      /* No working day: the essentials on the last day, briefly. */
      calendar[0].tasks = [task("story", "outline", "Outline your stories", "Outline " + p.stories + " stories in one line each (situation, what you did, the number), and say the two strongest out loud", links.prep_sheet, p.stories), light];
    } else {
      var groups = spread(p, links, t.units, t.mocks, W);
      work.forEach(function (e, n) { e.tasks = groups[n]; });
    }
    calendar.forEach(function (e) {
      if (e.type === "rest") e.tasks = [rest];
      else if (e.type === "light" && !e.tasks) e.tasks = [light];
    });
    calendar.push({ date: input.date, type: "interview", tasks: [interview] });
    p.sessions = calendar.map(function (e) {
      var tasks = e.tasks, title = tasks.length === 1 ? tasks[0].title : tasks[0].title + " and " + (tasks.length - 1) + " more";
      return { date: e.date, type: e.type, key: e.type === "work" ? tasks.map(function (x) { return x.key; }).join("+") : e.type + "-" + e.date, title: title, tasks: tasks };
    });
    return p;
  }

  playbook.tool("plan", { root: "[data-plan]", needs: ["kit"], setup: function (root) {
    var model = playbook.payload("pb-plan-data"), form = root.querySelector("[data-plan-form]");
    var status = root.querySelector("[data-plan-status]"), out = root.querySelector("[data-plan-out]");
    var dateInput = root.querySelector("[data-plan-date]"), current = null;
    dateInput.min = playbook.addDays(playbook.today(), 1);

    function read() {
      return { date: dateInput.value, level: form.elements.level.value,
        competencies: playbook.all("input[name='competency']:checked", form).map(function (c) { return c.value; }) };
    }
    function draw(input, announce) {
      if (!playbook.parseDay(input.date) || playbook.daysBetween(playbook.today(), input.date) < 1) {
        out.hidden = true; status.textContent = "Pick an interview date after today."; return;
      }
      current = makePlan(input, model);
      root.querySelector("[data-plan-heading]").textContent = "Your plan to " + playbook.longDay(input.date);
      var working = current.sessions.filter(function (x) { return x.type === "work" || x.type === "light"; }).length;
      root.querySelector("[data-plan-summary]").textContent = playbook.plural(working, "day") + " of preparation at " + input.level + " level: " +
        playbook.plural(current.stories, "story", "stories") + ", " + playbook.plural(current.mocks, "mock interview") + ", covering " +
        current.competencies.map(function (c) { return c.title; }).join(", ") + ".";
      var ol = root.querySelector("[data-plan-days]"); ol.textContent = "";
      current.sessions.forEach(function (s) {
        var li = playbook.el("li", null, "pb-plan__day pb-plan__day--" + s.type); li.dataset.session = s.key; li.dataset.type = s.type; li.dataset.date = s.date;
        li.appendChild(playbook.el("strong", playbook.longDay(s.date) + ": ")); li.appendChild(document.createTextNode(s.title));
        var ul = playbook.el("ul");
        s.tasks.forEach(function (t) {
          var item = playbook.el("li", t.text + " "); item.dataset.task = t.kind; if (t.stories) item.dataset.stories = t.stories;
          if (t.url) { var a = playbook.el("a", "(open)"); a.href = t.url; a.setAttribute("aria-label", "Open the tool for: " + t.title); item.appendChild(a); }
          ul.appendChild(item);
        });
        li.appendChild(ul); ol.appendChild(li);
      });
      out.hidden = false;
      playbook.all(".pb-url", root).forEach(function (e) { e.textContent = location.href.split("#")[0]; });
      if (announce) status.textContent = "Plan ready: " + playbook.plural(working, "day") + " of preparation until " + playbook.longDay(input.date) + ".";
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var input = read();
      store.set("plan", input);
      draw(input, true);
    });
    root.querySelector("[data-plan-ics]").addEventListener("click", function () {
      if (current) playbook.download("interview-plan-" + current.date + ".ics", "text/calendar", ics(current));
    });
    root.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
    var saved = store.get("plan", null);
    if (saved && saved.date) {
      dateInput.value = saved.date; form.elements.level.value = saved.level;
      playbook.all("input[name='competency']", form).forEach(function (c) { c.checked = saved.competencies.indexOf(c.value) !== -1; });
      if (playbook.daysBetween(playbook.today(), saved.date) >= 1) draw(saved, false);
    }
  } });
})();
