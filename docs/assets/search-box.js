/* Influence Playbook: the search box, on every page. It adds the Search button to the header (and the "/", "s",
   "f" shortcuts) and opens our own dialog. The query engine (assets/search.js), MiniSearch
   (assets/vendor/minisearch.js) and the index (search/index.json) load only when a reader first searches, so
   a page view carries none of them (docs/contributing.md#search has how a query is read). ?q=words opens the
   dialog on those words. Self-contained; no part of Material's search is used. */
(function (win) {
  "use strict";
  var doc = win.document;
  if (!doc || win.pbSearch) return;
  var me = doc.currentScript;
  var here = me && me.src ? me.src : win.location.href;
  var url = function (path) { return new URL("../" + path, here).href; };  // assets/search-box.js -> site root
  var engine = null, loading = null, dialog, input, list, meta, button, active = -1, lastQuery = null;
  var KIND_LABEL = { situation: "Situation", tactic: "Tactic", model: "Mental model", checklist: "Checklist",
    prompt: "Interview question", path: "Learning path", source: "Source", page: "Guide", index: "Index", about: "About this site" };

  function script(path, global) {  // a script of this site, once; resolves to the global it defines
    return new Promise(function (resolve, reject) {
      if (win[global]) return resolve(win[global]);
      var s = doc.createElement("script");
      s.src = url(path);
      s.onload = function () { return win[global] ? resolve(win[global]) : reject(new Error(path + ": no " + global)); };
      s.onerror = function () { reject(new Error(path + ": not loaded")); };
      doc.head.appendChild(s);
    });
  }

  /* The engine, MiniSearch and the index, fetched side by side on first use (hover on the button warms up). */
  function load() {
    if (loading) return loading;
    var index = win.fetch(url("search/index.json")).then(function (r) {
      if (!r.ok) throw new Error("search index: HTTP " + r.status);
      return r.json();
    });
    loading = Promise.all([script("assets/vendor/minisearch.js", "MiniSearch"), script("assets/search.js", "pbSearchEngine"), index])
      .then(function (got) { engine = new got[1].Engine(got[0], got[2]); return engine; });
    loading.catch(function () {
      loading = null;
      if (meta) meta.textContent = "Search could not load. Reload the page to try again.";
    });
    return loading;
  }

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
    dialog.appendChild(form); dialog.appendChild(meta); dialog.appendChild(list);
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
    if (!query.trim()) { list.textContent = ""; meta.textContent = ""; input.setAttribute("aria-expanded", "false"); return; }
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
      a.appendChild(el("span", { "class": "pb-search__title" }, r.doc.title));
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
  if (win.document$ && typeof win.document$.subscribe === "function") win.document$.subscribe(onPage);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", onPage);
  else onPage();

  win.pbSearch = { open: open, load: load, search: function (q) { return load().then(function (e) { return e.search(q); }); } };
})(window);
