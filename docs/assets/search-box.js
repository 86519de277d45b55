/* Influence Playbook: the search box, on every page. It adds the Search button to the header (and the "/", "s",
   "f" shortcuts) and opens our own dialog. The query engine (assets/search.js), MiniSearch
   (assets/vendor/minisearch.js) and the index (search/index.json) load only when a reader first searches, so
   a page view carries none of them (docs/contributing.md#search has how a query is read). ?q=words opens the
   dialog on those words. No part of Material's search is used. A tool of the core (core.js), on every page view. */
(function () {
  "use strict";
  var playbook = window.playbook, win = window, doc = win.document;
  if (win.pbSearch) return;
  var me = doc.currentScript;
  var here = me && me.src ? me.src : win.location.href;
  var url = function (path) { return new URL("../" + path, here).href; };  // assets/search-box.js -> site root
  var engine = null, loading = null, dialog, input, list, meta, help, button, active = -1, lastQuery = null;
  var KIND_LABEL = { situation: "Situation", tactic: "Tactic", model: "Mental model", checklist: "Checklist",
    prompt: "Interview question", path: "Learning path", source: "Source", page: "Guide", index: "Index", about: "About this site" };

  function script(name, value) {  // a module the core loads once (core.js TOOLS); resolves to what it defines
    return new Promise(function (resolve, reject) {
      playbook.need(name, function (ok) { if (ok) resolve(value()); else reject(new Error(name + ": not loaded")); });
    });
  }

  /* The engine, MiniSearch and the index, fetched side by side on first use (hover on the button warms up). */
  function load() {
    if (loading) return loading;
    var index = win.fetch(url("search/index.json")).then(function (r) {
      if (!r.ok) throw new Error("search index: HTTP " + r.status);
      return r.json();
    });
    loading = Promise.all([script("minisearch", function () { return win.MiniSearch; }), script("search", function () { return playbook.searchEngine; }), index])
      .then(function (got) {
        engine = new got[1].Engine(got[0], got[2], { deferBody: true });  // titles, phrasings, summaries: first
        win.fetch(url(got[2].body || "search/body.json")).then(function (r) {
          if (!r.ok) throw new Error("search body text: HTTP " + r.status);
          return r.json();
        }).then(function (body) { engine.addBodyText(body.text || []); win.setTimeout(bodyText, 0); })
          .catch(function () { /* the strong fields alone still answer */ });
        return engine;
      });
    loading.catch(function () {
      loading = null;
      if (meta) meta.textContent = "Search could not load. Reload the page to try again.";
    });
    return loading;
  }

  /* The pages' body text (search/body.json, fetched after the index) joins the index in slices after the first result, between the reader's keystrokes; the
     open query runs again once it is all in (the same results as the node runner from then on). */
  function bodyText() {
    var done = engine.indexBody(BODY_SLICE);
    if (!done) { win.setTimeout(bodyText, 0); return; }
    if (dialog) dialog.setAttribute("data-pb-search-complete", "");
    if (dialog && dialog.open && input.value.trim() && active < 0) { lastQuery = null; run(); }
  }
  var BODY_SLICE = 150;  // documents per slice: a few milliseconds each

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function build() {
    dialog = el("dialog", { "class": "pb-search", "aria-labelledby": "pb-search-title", "data-pb-search": "" });
    var form = el("form", { "class": "pb-search__form", role: "search", method: "dialog" });
    var label = el("label", { "for": "pb-search-input", id: "pb-search-title", "class": "pb-search__label" }, "Search the playbook");
    input = el("input", { id: "pb-search-input", "class": "pb-search__input", type: "search", autocomplete: "off",
      spellcheck: "false", placeholder: "Describe your problem, e.g. how to say no to a VP", role: "combobox",
      "aria-expanded": "false", "aria-controls": "pb-search-results", "aria-autocomplete": "list",
      "aria-describedby": "pb-search-meta", maxlength: "200" });  // MAX_QUERY
    var close = el("button", { type: "button", "class": "pb-search__close", "aria-label": "Close search" }, "\u00d7");
    meta = el("p", { id: "pb-search-meta", "class": "pb-search__meta", role: "status", "aria-live": "polite" });
    list = el("ul", { id: "pb-search-results", "class": "pb-search__results", role: "listbox", "aria-label": "Results" });
    form.appendChild(label); form.appendChild(input); form.appendChild(close);
    help = el("div", { "class": "pb-search__help", "data-pb-search-help": "", hidden: "" });
    dialog.appendChild(form); dialog.appendChild(meta); dialog.appendChild(help); dialog.appendChild(list);
    doc.body.appendChild(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); go(active >= 0 ? active : 0); });
    input.addEventListener("input", function () { run(); });
    input.addEventListener("keydown", function (e) {
      var n = list.children.length;
      if (e.key === "ArrowDown" && n) { e.preventDefault(); select((active + 1) % n); }
      else if (e.key === "ArrowUp" && n) { e.preventDefault(); select((active - 1 + n) % n); }
    });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });  // the backdrop
    // Escape closes it even when the browser holds back the dialog's own cancel (no fresh user activation)
    dialog.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); dialog.close(); } });
    list.addEventListener("click", function (e) { if (e.target.closest("a")) dialog.close(); });
    help.addEventListener("click", function (e) { if (e.target.closest("a[data-pb-internal]")) dialog.close(); });
  }

  function select(i) {  // the options are the result links themselves (an option holds nothing interactive)
    active = i;
    Array.prototype.forEach.call(list.children, function (li, k) { li.firstChild.setAttribute("aria-selected", k === i ? "true" : "false"); });
    var option = list.children[i] && list.children[i].firstChild;
    if (option) { input.setAttribute("aria-activedescendant", option.id); option.scrollIntoView({ block: "nearest" }); }
  }

  function go(i) {
    var a = list.children[i] && list.children[i].firstChild;
    if (a) { dialog.close(); a.click(); }
  }

  function run() {
    var query = input.value.slice(0, MAX_QUERY);
    if (!query.trim()) {
      list.textContent = ""; meta.textContent = ""; input.setAttribute("aria-expanded", "false");
      if (help) { help.textContent = ""; help.hidden = true; }
      return;
    }
    if (!engine) { meta.textContent = "Loading the search index\u2026"; load().then(run); return; }
    if (query === lastQuery) return;
    lastQuery = query;
    var t0 = win.performance.now();
    var found = engine.search(query);
    var shown = found.results.slice(0, 20);
    list.textContent = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
    shown.forEach(function (r, k) {
      var li = el("li", { role: "presentation", "class": "pb-search__item" });
      var a = el("a", { id: "pb-search-r" + k, role: "option", "aria-selected": "false", href: url(r.doc.url), "class": "pb-search__link",
        tabindex: "-1" });
      a.appendChild(el("span", { "class": "pb-search__kind" }, KIND_LABEL[r.doc.kind] || r.doc.kind));
      var title = el("span", { "class": "pb-search__title" }, r.doc.title);
      if (r.doc["new"]) title.appendChild(el("span", { "class": "pb-new" }, "New"));  // added in the last 30 days
      a.appendChild(title);
      if (r.doc.page) a.appendChild(el("span", { "class": "pb-search__page" }, "in " + r.doc.page));
      if (r.doc.summary) a.appendChild(el("span", { "class": "pb-search__summary" }, r.doc.summary));
      li.appendChild(a);
      list.appendChild(li);
    });
    var count = found.results.length;
    var text = count ? (count === 1 ? "1 result" : count + " results") + (count > shown.length ? ", the first " + shown.length + " shown" : "") : "No results";
    if (found.corrected) text = "Showing results for \u201c" + found.searchedFor + "\u201d. " + text;
    meta.textContent = text;
    input.setAttribute("aria-expanded", shown.length ? "true" : "false");
    list.setAttribute("data-query", query);  // the query these results answer
    dialog.setAttribute("data-ms", String(Math.round(win.performance.now() - t0)));
    helpFor(query, found);
  }

  /* Find your move's answers that a query's words name (who is in the way, what is happening): the link opens the
     page with them chosen. */
  var FIND = [
    ["who", "executive", /\b(vp|svp|cto|ceo|exec\w*|director|leadership|skip level|senior leader)/],
    ["who", "manager", /\b(manager|boss|my lead)\b/],
    ["who", "stakeholder", /\b(stakeholders?|pm|product manager|product|customer|business)\b/],
    ["who", "owning-team", /\b(other team|another team|owners?|dependency|platform team)\b/],
    ["who", "peer", /\b(peers?|colleagues?|coworkers?|tech lead|architect)\b/],
    ["what", "certainty", /\b(date|deadline|eta|forecast|estimate|status|certainty|when will)\b/],
    ["what", "wrong-decision", /\b(overruled|went against|lost the|wrong decision|rejected|shot down)\b/],
    ["what", "deadlock", /\b(blocked|deadlock\w*|waiting on|priorit\w*)\b/],
    ["what", "stalled", /\b(stuck|stalled|nothing happens|going nowhere|ignor\w*|no reply|not engag\w*)\b/],
    ["what", "pushback", /\b(push(es|ed)? back|pushback|objections?|disagree\w*)\b/],
    ["what", "conflict", /\b(conflict|fight|argu\w*|clash\w*|tension)\b/]
  ];
  function findLink(query) {
    var q = query.toLowerCase(), params = [], seen = {};
    FIND.forEach(function (f) {
      if (!seen[f[0]] && f[2].test(q)) { seen[f[0]] = true; params.push(f[0] + "=" + encodeURIComponent(f[1])); }
    });
    return url("find/") + (params.length ? "?" + params.join("&") : "");
  }

  /* The project's page for a new issue when the site names its repository (Material's source link), else null. */
  function suggestLink(query) {
    var source = doc.querySelector("a.md-source[href]");
    if (!source) return null;
    var repo = source.href.replace(/\/+$/, "");
    var title = encodeURIComponent("Entry suggestion: " + query);
    var body = encodeURIComponent("I searched the playbook for \u201c" + query + "\u201d and found no page that answers it.\n\nWhat I was trying to do:\n");
    if (/gitlab/.test(repo)) return repo + "/-/issues/new?issue[title]=" + title + "&issue[description]=" + body;
    return repo + "/issues/new?title=" + title + "&body=" + body;
  }

  /* When no page answers the query well: say so, offer Find your move with the query's words, the closest page of
     each kind and, when the site names its repository, a link to suggest an entry. Links only: nothing is sent
     anywhere unless the reader follows one. */
  function helpFor(query, found) {
    help.textContent = "";
    if (found.good !== false || !query.trim()) { help.hidden = true; return; }
    help.hidden = false;
    help.appendChild(el("p", { "class": "pb-search__none" }, "No page answers \u201c" + (found.searchedFor || query) + "\u201d well."));
    var tryFind = el("p");
    tryFind.appendChild(doc.createTextNode("Try "));
    tryFind.appendChild(el("a", { href: findLink(query), "data-pb-internal": "", "data-pb-search-find": "" }, "Find your move"));
    tryFind.appendChild(doc.createTextNode(": three questions about who is in the way and what is happening."));
    help.appendChild(tryFind);
    var closest = engine.closest(found.results, 4);
    if (closest.length) {
      help.appendChild(el("p", {}, "Closest pages by kind:"));
      var ul = el("ul", { "class": "pb-search__closest" });
      closest.forEach(function (r) {
        var li = el("li");
        li.appendChild(el("span", { "class": "pb-search__kind" }, KIND_LABEL[r.doc.kind] || r.doc.kind));
        li.appendChild(el("a", { href: url(r.doc.url), "data-pb-internal": "" }, r.doc.title));
        ul.appendChild(li);
      });
      help.appendChild(ul);
    }
    var suggest = suggestLink(query);
    if (suggest) {
      var p = el("p");
      p.appendChild(el("a", { href: suggest, "data-pb-search-suggest": "", rel: "noopener" }, "Suggest an entry"));
      p.appendChild(doc.createTextNode(" on the project\u2019s issue page (it opens there; nothing is sent until you submit it)."));
      help.appendChild(p);
    }
  }

  function open(query) {
    if (!dialog || !doc.body.contains(dialog)) build();
    if (!dialog.open) dialog.showModal();
    if (typeof query === "string") { input.value = query; }
    input.focus();
    input.select();
    load();
    lastQuery = null;
    run();
  }

  function ensureButton() {
    if (doc.querySelector("[data-pb-search-open]")) return;
    var header = doc.querySelector(".md-header__inner");
    if (!header) return;
    button = el("button", { type: "button", "class": "md-header__button md-icon pb-search-open", "data-pb-search-open": "",
      "aria-label": "Search", title: "Search (/)", "aria-haspopup": "dialog", "aria-keyshortcuts": "/ s f" });
    button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.516 6.516 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>' +
      '<span class="pb-search-open__text">Search</span>';
    button.addEventListener("click", function () { open(); });
    button.addEventListener("pointerenter", function () { load(); }, { once: true });  // warm up on hover
    var source = header.querySelector(".md-header__source");
    header.insertBefore(button, source || null);
  }

  doc.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    if (e.key === "/" || e.key === "s" || e.key === "f") { e.preventDefault(); open(); }
  });

  /* ---- caps and decoding (issue 33): a query is at most MAX_QUERY characters; ?q= never throws. */
  var MAX_QUERY = 200;
  function fromAddress(raw) {
    var text = raw.replace(/\+/g, " ");
    try { text = decodeURIComponent(text); } catch (e) { /* malformed percent-encoding: the text as it is */ }
    return text.slice(0, MAX_QUERY);
  }

  function onPage() {
    ensureButton();
    var m = /[?&]q=([^&#]*)/.exec(win.location.search);
    if (m) open(fromAddress(m[1]));
  }
  playbook.tool("search-box", { root: "[data-md-component=container]", setup: onPage });  /* replaced on each page view */

  win.pbSearch = { open: open, load: load, search: function (q) { return load().then(function (e) { return e.search(q); }); } };
})();
