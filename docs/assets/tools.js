/* Influence Playbook: helpers shared by the practice and interview tools (one file per tool uses
   them): element building, downloads, dates, and running a tool once per page, also after each
   instant navigation. */
(function () {
  "use strict";

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /* HTML made by the build (render.present) from the page's own JSON payload: never reader input. */
  function html(tag, markup, cls) { var e = el(tag, null, cls); e.innerHTML = markup; return e; }

  function download(name, type, text) {
    var a = el("a"); a.href = URL.createObjectURL(new Blob([text], { type: type })); a.download = name;
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /* The page's JSON payload, or null. */
  function payload(id) {
    var node = document.getElementById(id);
    try { return node ? JSON.parse(node.dataset.json || node.textContent) : null; } catch (e) { return null; }
  }

  /* Dates as local calendar days, "YYYY-MM-DD". */
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function day(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function parseDay(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    if (!m) return null;
    var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d.getMonth() === Number(m[2]) - 1 ? d : null;
  }
  function addDays(s, n) { var d = parseDay(s); d.setDate(d.getDate() + n); return day(d); }
  function today() { return day(new Date()); }
  function daysBetween(a, b) { return Math.round((parseDay(b) - parseDay(a)) / 86400000); }
  function longDay(s) {
    return parseDay(s).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric" });
  }

  /* Read a chosen file as JSON; `done(value)` or `fail(message)`, never a throw. */
  function readJson(input, done, fail) {
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > 1000000) { fail("The file is larger than 1 MB."); input.value = ""; return; }
    file.text().then(function (text) {
      var value;
      try { value = JSON.parse(text); } catch (e) { fail("The file is not valid JSON."); input.value = ""; return; }
      try { done(value); } catch (e) { fail("The file does not have the expected form."); }
      input.value = "";
    }, function () { fail("The file could not be read."); });
  }

  /* Run `setup(root)` once for each element matching `selector` on every page view. */
  function tool(selector, setup) {
    function run() {
      all(selector).forEach(function (root) {
        if (root.dataset.toolReady) return;
        try { setup(root); root.dataset.toolReady = "1"; }
        catch (e) { if (window.console) console.warn("playbook tool:", selector, e); }
      });
    }
    if (typeof window.document$ !== "undefined") window.document$.subscribe(run);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  window.pbTools = { el: el, all: all, html: html, download: download, payload: payload, day: day, parseDay: parseDay,
    addDays: addDays, today: today, daysBetween: daysBetween, longDay: longDay, readJson: readJson, tool: tool };
})();
