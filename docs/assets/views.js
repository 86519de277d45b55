/* Shareable views: a filter bar marked data-url-state (the question bank) keeps its choices in the page's
   query string (?competency=influence&level=staff&archetype=architect), so the view can be sent and
   reopened; unknown values in the address are ignored. Choosing a level shows, on each card, what a
   strong answer at that level shows. Loaded by the core (core.js) on pages with such a bar; runs after
   the "filters" tool (playbook.js) has set the bar up. */
(function () {
  "use strict";
  var playbook = window.playbook, all = playbook.all;
  var PARAMS = { competencies: "competency", levels: "level", archetypes: "archetype", tags: "tag" };

  function facetOf(button) { return button.dataset.facet || "tags"; }

  function pressed(bar) {
    var out = {};
    all(".pb-filter__button[aria-pressed='true']", bar).forEach(function (b) { if (b.dataset.tag) out[facetOf(b)] = b.dataset.tag; });
    return out;
  }

  function showSignals(bar) {
    var level = pressed(bar).levels || "";
    var list = bar.nextElementSibling;
    while (list && !list.hasAttribute("data-filter-list")) { list = list.nextElementSibling; }
    if (!list) return;
    all(".pb-card__signal", list).forEach(function (signal) { signal.hidden = signal.dataset.level !== level; });
  }

  function toAddress(bar) {
    var params;
    try { params = new URLSearchParams(location.search); } catch (e) { params = new URLSearchParams(""); }
    var chosen = pressed(bar);
    all(".pb-filter__button", bar).forEach(function (b) { params.delete(PARAMS[facetOf(b)] || facetOf(b)); });
    Object.keys(chosen).forEach(function (facet) { params.set(PARAMS[facet] || facet, chosen[facet]); });
    var query = params.toString();
    try { history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash); }
    catch (e) { /* the view still works */ }
  }

  function fromAddress(bar) {
    var params;
    try { params = new URLSearchParams(location.search); } catch (e) { return; }
    var facets = {};
    all(".pb-filter__button", bar).forEach(function (b) { facets[facetOf(b)] = true; });
    Object.keys(facets).forEach(function (facet) {
      var value = params.get(PARAMS[facet] || facet);
      if (!value) return;
      var match = all(".pb-filter__button", bar).filter(function (b) { return facetOf(b) === facet && b.dataset.tag === value; })[0];
      if (match && match.getAttribute("aria-pressed") !== "true") match.click();  /* the filters tool applies it */
    });
  }

  playbook.tool("views", { root: ".pb-filter[data-url-state]", needs: ["filters"], setup: function (bar) {
    fromAddress(bar);
    all(".pb-filter__button", bar).forEach(function (button) {
      button.addEventListener("click", function () { showSignals(bar); toAddress(bar); });
    });
    showSignals(bar);
    toAddress(bar);
  } });
})();
