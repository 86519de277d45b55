/* Phones: a filter bar's chips fold behind one "Filters" button so the list itself (the question bank's
   questions) shows above the fold. The chips stay in the page; on wider screens the button is not shown
   (playbook.css). Loaded by the core (core.js) on pages with a filter bar; runs after the bar is set up
   ("filters") and its choices are read from the address ("views"). */
(function () {
  "use strict";
  var playbook = window.playbook;
  var phone = window.matchMedia ? window.matchMedia("(max-width: 44.984375em)") : null;

  function active(bar) {
    return playbook.all(".pb-filter__button[aria-pressed='true']", bar).filter(function (b) { return b.dataset.tag; }).length;
  }

  playbook.tool("compact", { root: ".pb-filter", needs: ["filters", "views"], setup: function (bar) {
    if (bar.querySelector(".pb-filter__toggle")) return;
    var toggle = playbook.el("button", null, "pb-filter__toggle");
    toggle.type = "button";
    function label() {
      var open = bar.dataset.collapsed !== "true", n = active(bar);
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = (open ? "Hide filters" : "Filters") + (n ? " (" + n + " on)" : "");
    }
    toggle.addEventListener("click", function () {
      bar.dataset.collapsed = bar.dataset.collapsed === "true" ? "false" : "true"; label();
    });
    bar.addEventListener("click", function (e) { if (e.target !== toggle) label(); });
    bar.insertBefore(toggle, bar.firstChild);
    bar.dataset.collapsed = phone && phone.matches && !active(bar) ? "true" : "false";
    label();
  } });
})();
