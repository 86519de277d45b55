/* Phones: a filter bar's chips fold behind one "Filters" button so the list itself (the question bank's
   questions) shows above the fold. The chips stay in the page; on wider screens the button is not shown
   (playbook.css). Runs after playbook.js has shown the bars, again after each instant navigation. */
(function () {
  "use strict";

  var phone = window.matchMedia ? window.matchMedia("(max-width: 44.984375em)") : null;

  function active(bar) {
    return Array.prototype.filter.call(bar.querySelectorAll(".pb-filter__button[aria-pressed='true']"), function (b) {
      return b.dataset.tag;
    }).length;
  }

  function initBar(bar) {
    if (bar.querySelector(".pb-filter__toggle")) return;
    var toggle = document.createElement("button");
    toggle.type = "button"; toggle.className = "pb-filter__toggle";
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
  }

  function init() { Array.prototype.forEach.call(document.querySelectorAll(".pb-filter"), initBar); }

  if (typeof window.document$ !== "undefined") { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
