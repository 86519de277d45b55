/* Influence Playbook: helpers for the tools that need them (needs: ["kit"]): downloads, reading a chosen
   file (UTF-8 only), calendar days. Loaded by the core (core.js) before such a tool is set up. */
(function () {
  "use strict";
  var playbook = window.playbook;

  function download(name, type, text) {
    var a = playbook.el("a"); a.href = URL.createObjectURL(new Blob([text], { type: type })); a.download = name;
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
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

  /* A chosen file as text: UTF-8 only (a Latin-1 or UTF-16 file is refused, never read as mojibake), at most
     `max` bytes. Calls done(text) or fail(message); never throws. The input is cleared for the next choice. */
  var MAX_FILE = 1000000;
  function readText(input, done, fail, max) {
    var file = input.files && input.files[0];
    if (!file) return;
    function clear() { try { input.value = ""; } catch (e) { /* ignore */ } }
    max = max || MAX_FILE;
    if (file.size > max) { clear(); fail("The file is larger than " + Math.round(max / 1000000) + " MB."); return; }
    file.arrayBuffer().then(function (buffer) {
      var text;
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(buffer); }
      catch (e) { clear(); fail("The file is not UTF-8 text (it may have been saved as Latin-1 or UTF-16): save it as UTF-8 and try again."); return; }
      clear();
      done(text.replace(/^\uFEFF/, ""));
    }, function () { clear(); fail("The file could not be read."); });
  }
  /* The same, parsed as JSON. */
  function readJson(input, done, fail, max) {
    readText(input, function (text) {
      var value;
      try { value = JSON.parse(text); } catch (e) { fail("The file is not valid JSON."); return; }
      try { done(value); } catch (e) { fail("The file does not have the expected form."); }
    }, fail, max);
  }

  playbook.download = download; playbook.readText = readText; playbook.readJson = readJson; playbook.day = day; playbook.parseDay = parseDay;
  playbook.addDays = addDays; playbook.today = today; playbook.daysBetween = daysBetween; playbook.longDay = longDay;
  playbook.provide("kit");
})();
