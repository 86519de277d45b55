/* Learning paths you can follow, as places. A path page's step links carry ?path=<id>; on the step's page the
   matching "Step n of N" bars (server-rendered, hidden; one at the top, one at the end, both with "Mark step n
   done") are shown with Previous and Next, which carry ?path= on, so the context survives instant navigation
   and reload. While a path is in progress the step's breadcrumb reads Home › Paths › <path> › <step>, the
   left column lists the path's steps and the Paths tab is the active one, also when the step was opened
   without ?path= (search, a bookmark, a related link): the paths used last are remembered (key
   "paths-recent": {<path id>: ISO time}, read defensively here) and, of the paths the step belongs to, the
   one in progress used most recently is shown. A path is in progress once started (Start, a step opened from
   it, a step marked done) until all its steps are done or its progress is cleared.
   The path page and the paths index show progress with "Start" or "Continue where you left off": the step after
   the one opened or marked done last (key "path-at:<id>"), skipping steps done; the paths index puts the paths
   in progress first, the one used last on top. A step's page shown on its path names the path in the browser's
   title.
   A mentor's list opened from its link (mentor.js) leads to entries with ?mentee=<n>: the entry then shows
   "Step n of N" of that list and its progress, with Previous, Next, Mark done and the way back, and the
   mentor's note for that step under it (key "mentee-last": notes, and `named` when the link was cut).
   Done steps: key "path:<id>" (the done step numbers, checked by playbook.store). Loaded by the core. */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store;
  var RECENT = "paths-recent", MAX_RECENT = 50, ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

  var siteUrl = playbook.siteUrl;  /* data carries site-relative URLs */

  /* The done steps of a path, as a Set: numbers outside 1..total are ignored. */
  function doneSteps(id, total) {
    return new Set(store.get("path:" + id, []).filter(function (n) { return n <= total; }));
  }
  function saveSteps(id, steps) {
    var list = Array.from(steps);
    if (list.length) store.set("path:" + id, list); else store.remove("path:" + id);
  }
  function currentPath() {
    try { return new URLSearchParams(location.search).get("path"); } catch (e) { return null; }
  }

  /* The paths used lately: {id: time}, only well-formed ids and dates kept (the rest is ignored). */
  function recent() {
    var raw = store.get(RECENT, {}), out = {};
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
    Object.keys(raw).forEach(function (k) {
      var v = raw[k];
      if (ID.test(k) && typeof v === "string" && v.length <= 40 && !isNaN(Date.parse(v))) out[k] = v;
    });
    return out;
  }
  function touch(id) {
    if (!ID.test(id)) return;
    var r = recent();
    r[id] = new Date().toISOString();
    var ids = Object.keys(r).sort(function (a, b) { return r[b].localeCompare(r[a]); }).slice(0, MAX_RECENT), kept = {};
    ids.forEach(function (k) { kept[k] = r[k]; });
    store.set(RECENT, kept);
  }
  function forget(id) {
    var r = recent();
    if (!(id in r)) return;
    delete r[id];
    if (Object.keys(r).length) store.set(RECENT, r); else store.remove(RECENT);
  }

  /* A path's step list (data-steps: [[title, site-relative url], …]), checked. */
  function stepsOf(node) {
    var list;
    try { list = JSON.parse(node.dataset.steps || "[]"); } catch (e) { return []; }
    return Array.isArray(list) ? list.filter(function (s) { return Array.isArray(s) && typeof s[0] === "string" && typeof s[1] === "string"; }) : [];
  }
  /* Where to go next on a path (1-based), or 0 when every step is done: the first step not done after the one
     opened or marked done last ("path-at:<id>"), else the first step not done from the start. */
  function nextStep(id, done, total) {
    var at = store.get("path-at:" + id, 0), n;
    if (at > total) at = 0;
    for (n = at + 1; n <= total; n += 1) if (!done.has(n)) return n;
    for (n = 1; n <= total; n += 1) if (!done.has(n)) return n;
    return 0;
  }
  function openedStep(id, step) { store.set("path-at:" + id, step); }

  /* ------------------------------------------------------------- a step's page */
  /* The bars of this page: which path and which step to show. From ?path= first; else the path in progress
     used most recently among those this entry is a step of. */
  function chosen() {
    var bars = playbook.all("[data-pathnav]");
    var id = currentPath();
    if (id) {
      return bars.some(function (b) { return b.dataset.pathnav === id; }) ? { id: id, from: "address" } : null;
    }
    var r = recent(), best = null;
    bars.forEach(function (b) {
      var pid = b.dataset.pathnav, total = Number(b.dataset.total);
      if (!r[pid] || doneSteps(pid, total).size >= total) return;
      if (!best || r[pid] > r[best]) best = pid;
    });
    return best ? { id: best, from: "storage" } : null;
  }

  /* When an entry is twice in one path: the first of its places not done, else the first. */
  function chosenStep(id) {
    var tops = playbook.all(".pb-pathnav--top[data-pathnav='" + CSS.escape(id) + "']");
    if (!tops.length) return 0;
    var total = Number(tops[0].dataset.total), done = doneSteps(id, total);
    var open = tops.filter(function (b) { return !done.has(Number(b.dataset.step)); });
    return Number((open[0] || tops[0]).dataset.step);
  }

  var pageChoice = null;  /* {id, step} for this page view, computed by the first bar set up */
  function setupBar(node) {
    if (!pageChoice || pageChoice.url !== location.href) {
      var c = chosen();
      pageChoice = { url: location.href, id: c ? c.id : null, step: c ? chosenStep(c.id) : 0, from: c ? c.from : null, placed: false };
      if (c && c.from === "address") touch(c.id);
      if (c && pageChoice.step) openedStep(c.id, pageChoice.step);
    }
    var id = pageChoice.id, step = Number(node.dataset.step), total = Number(node.dataset.total);
    if (!id || node.dataset.pathnav !== id || step !== pageChoice.step) { node.hidden = true; return; }
    var state = node.querySelector("[data-path-state]"), mark = node.querySelector("[data-path-mark]");
    function render() {
      var done = doneSteps(id, total).has(step);
      if (state) state.textContent = done ? "· done" : "";
      if (mark) {
        mark.setAttribute("aria-pressed", String(done));
        mark.textContent = done ? "Step " + step + " done" : "Mark step " + step + " done";
      }
      var side = document.querySelector(".pb-sidenav--path");
      if (side) markSide(side, id, total);
    }
    node.hidden = false;
    /* Without ?path= the bar's links carry it already; the reader sees which path this is and can leave it. */
    if (mark) mark.addEventListener("click", function () {
      var steps = doneSteps(id, total);
      if (steps.has(step)) steps.delete(step); else { steps.add(step); openedStep(id, step); }
      saveSteps(id, steps);
      touch(id);
      playbook.all("[data-pathnav='" + CSS.escape(id) + "'][data-step='" + step + "']").forEach(function (bar) { bar.dispatchEvent(new CustomEvent("pb:path-changed")); });
    });
    node.addEventListener("pb:path-changed", render);
    if (node.classList.contains("pb-pathnav--top")) {
      /* Above the fold on a phone: right under the title, before the meta line and the summary. */
      var h1 = document.querySelector("article h1, .md-content h1");
      if (h1 && h1.parentNode && node.previousElementSibling !== h1) h1.parentNode.insertBefore(node, h1.nextSibling);
      place(node, id, step, total);
      nameInTitle("Step " + step + " of " + total + " of " + (node.dataset.pathTitle || ""));
    }
    render();
  }

  /* The browser's title says where the page stands: "<entry> · <where> - <site>" (Material's "<entry> - <site>"). */
  function nameInTitle(where) {
    var t = document.title, cut = t.lastIndexOf(" - ");
    if (t.indexOf(" · " + where) !== -1) return;
    document.title = cut > 0 ? t.slice(0, cut) + " · " + where + t.slice(cut) : t + " · " + where;
  }

  /* The breadcrumb, the left column and the tab say "this path". */
  function place(bar, id, step, total) {
    var steps = stepsOf(bar), title = bar.dataset.pathTitle || "", url = bar.dataset.pathUrl || "";
    if (!steps.length || !title || !url) return;
    var q = "?path=" + encodeURIComponent(id);
    var crumbs = document.querySelector("nav.md-path .md-path__list");
    if (crumbs && !crumbs.querySelector("[data-pb-path-crumb]")) {
      var home = crumbs.querySelector(".md-path__item");
      var items = playbook.all(".md-path__item", crumbs);
      items.forEach(function (li) { if (li !== home) li.hidden = true; });
      function crumb(text, href) {
        var li = playbook.el("li", null, "md-path__item"), inner = href ? playbook.el("a", null, "md-path__link") : playbook.el("span", null, "md-path__link pb-path__current");
        li.setAttribute("data-pb-path-crumb", "");
        if (href) inner.href = href; else inner.setAttribute("aria-current", "page");
        inner.appendChild(playbook.el("span", text, "md-ellipsis"));
        li.appendChild(inner); crumbs.appendChild(li);
      }
      crumb("Paths", siteUrl("paths/"));
      crumb(title, siteUrl(url));
      crumb("Step " + step + ": " + steps[step - 1][0]);
    }
    var primary = document.querySelector(".md-sidebar--primary .md-sidebar__inner") || document.querySelector(".md-sidebar--primary");
    if (primary && !primary.querySelector(".pb-sidenav--path")) {
      var nav = playbook.el("nav", null, "pb-sidenav pb-sidenav--path");
      nav.setAttribute("aria-label", "Learning path: " + title);
      nav.dataset.pathnavSide = id;
      var head = playbook.el("p", null, "pb-sidenav__title"), link = playbook.el("a", title);
      link.href = siteUrl(url); head.appendChild(link); nav.appendChild(head);
      var ol = playbook.el("ol", null, "pb-sidenav__list pb-sidenav__steps");
      steps.forEach(function (s, i) {
        var li = playbook.el("li"), a = playbook.el("a", s[0]);
        a.href = siteUrl(s[1]) + q;
        if (i + 1 === step) a.setAttribute("aria-current", "page");
        li.dataset.sideStep = String(i + 1);
        li.appendChild(a); li.appendChild(playbook.el("span", "", "pb-sidenav__done"));
        ol.appendChild(li);
      });
      nav.appendChild(ol);
      var all = playbook.el("p", null, "pb-sidenav__all"), back = playbook.el("a", "The whole path and your progress");
      back.href = siteUrl(url); all.appendChild(back); nav.appendChild(all);
      var kindNav = primary.querySelector(".pb-sidenav");
      if (kindNav) kindNav.parentNode.insertBefore(nav, kindNav); else primary.appendChild(nav);
      markSide(nav, id, total);
    }
    var paths = siteUrl("paths/");
    var tabs = playbook.all(".md-tabs__item");
    var tab = tabs.filter(function (li) { var a = li.querySelector("a"); return a && a.href.split("#")[0] === paths; })[0];
    if (tab) {
      tabs.forEach(function (li) { li.classList.remove("md-tabs__item--active"); });
      tab.classList.add("md-tabs__item--active");
    }
  }
  function markSide(nav, id, total) {
    var done = doneSteps(id, total);
    playbook.all("[data-side-step]", nav).forEach(function (li) {
      var on = done.has(Number(li.dataset.sideStep));
      li.classList.toggle("pb-sidenav__step--done", on);
      li.querySelector(".pb-sidenav__done").textContent = on ? " ✓ done" : "";
    });
  }

  /* ------------------------------------------------------------- path page and paths index */
  /* Progress, and the Start / Continue link: `go` the link, `steps` the step URLs (site-relative). */
  function renderGo(go, id, done, urls) {
    var total = urls.length, n = nextStep(id, done, total);
    if (!go || !total) return;
    var r = recent();
    go.hidden = false;
    if (!n) { go.textContent = "Done: review from the start"; go.href = siteUrl(urls[0]) + "?path=" + encodeURIComponent(id); return; }
    go.href = siteUrl(urls[n - 1]) + "?path=" + encodeURIComponent(id);
    go.textContent = done.size || r[id] || store.get("path-at:" + id, 0) ? "Continue where you left off: step " + n : "Start this path";
  }

  /* The path page: progress, a mark beside each step done, Start or Continue. */
  function progress(box) {
    var id = box.dataset.pathProgress, total = Number(box.dataset.total);
    var article = box.closest("article") || document;
    var urls = stepsOf(box).map(function (s) { return s[1]; });
    var go = article.querySelector(".pb-path-go [data-path-go]");
    function render() {
      var steps = doneSteps(id, total);
      box.querySelector("[data-path-count]").textContent = steps.size + " of " + total + " steps done";
      box.querySelector("progress").value = steps.size;
      box.querySelector("[data-path-reset]").hidden = !steps.size && !recent()[id];
      playbook.all("[data-step-done]", article).forEach(function (mark) { mark.hidden = !steps.has(Number(mark.dataset.stepDone)); });
      renderGo(go, id, steps, urls);
    }
    box.hidden = false;
    if (go) go.addEventListener("click", function () { touch(id); });
    box.querySelector("[data-path-reset]").addEventListener("click", function () { saveSteps(id, []); store.remove("path-at:" + id); forget(id); render(); });
    render();
  }

  /* A card of the paths index: "n of N done" and Start or Continue. */
  function card(node) {
    var id = node.dataset.pathCard, urls = stepsOf(node).map(function (s) { return s[1]; }), total = urls.length;
    var count = node.querySelector("[data-path-count]"), go = node.querySelector("[data-path-go]");
    var done = doneSteps(id, total);
    if (count) {
      count.hidden = false;
      count.textContent = done.size + " of " + total + " done";
      var r = recent();
      count.classList.toggle("pb-path-card__count--on", Boolean(done.size || r[id]));
    }
    renderGo(go, id, done, urls);
    if (go) go.addEventListener("click", function () { touch(id); });
    firstInProgress(node);
  }

  /* The paths index: the paths in progress (started, not all done) come first, the one used last on top; the
     others keep the page's order. */
  function firstInProgress(node) {
    var list = node.parentNode;
    if (!list) return;
    var r = recent(), cards = playbook.all(":scope > [data-path-card]", list);
    function time(c) {
      var id = c.dataset.pathCard, total = stepsOf(c).length;
      return r[id] && doneSteps(id, total).size < total ? r[id] : "";
    }
    var sorted = cards.map(function (c, i) { return { c: c, t: time(c), i: i }; }).sort(function (a, b) {
      return (a.t || b.t) && a.t !== b.t ? (b.t > a.t ? 1 : -1) : a.i - b.i;
    });
    if (sorted.every(function (x, i) { return x.c === cards[i]; })) return;
    sorted.forEach(function (x) { list.appendChild(x.c); });
  }

  /* ------------------------------------------------------------- a mentor's list, on an entry page */
  /* The list last opened from a mentor's link ("mentee-last": {l: the link's list, t: its title, titles,
     urls, key}), checked again here: only site-relative entry URLs, plain text shown with textContent. */
  function menteeList() {
    var v = store.get("mentee-last", {});
    if (!v || typeof v !== "object" || Array.isArray(v)) return null;
    var urls = Array.isArray(v.urls) ? v.urls.slice(0, 30) : [], titles = Array.isArray(v.titles) ? v.titles.slice(0, 30) : [];
    if (!urls.length || urls.length !== titles.length || typeof v.l !== "string" || v.l.length > playbook.LIST_MAX || !/^[A-Za-z0-9\-_.!~*'()%\/]*$/.test(v.l) || typeof v.key !== "string" || !/^[a-z0-9]{1,16}$/.test(v.key)) return null;
    var ok = urls.every(function (u) { return typeof u === "string" && /^[a-z]+\/[a-z0-9-]+\/$/.test(u); }) &&
      titles.every(function (t) { return typeof t === "string" && t.length <= 200; });
    var notes = Array.isArray(v.notes) && v.notes.length === urls.length ? v.notes.map(function (n) { return typeof n === "string" ? n.slice(0, 280) : ""; }) : urls.map(function () { return ""; });
    var named = typeof v.named === "number" && v.named > urls.length && v.named <= 100000 ? Math.floor(v.named) : 0;
    return ok ? { l: v.l, t: typeof v.t === "string" ? v.t.slice(0, 120) : "", urls: urls, titles: titles, key: v.key, notes: notes, named: named } : null;
  }
  function mentee(anchor) {
    var m = /[?&]mentee=(\d{1,2})(?:&|$)/.exec(location.search);
    if (!m) return;
    var list = menteeList(), n = Number(m[1]);
    if (!list || n < 1 || n > list.urls.length) return;
    var here = new URL(location.href);
    if (siteUrl(list.urls[n - 1]) !== here.origin + here.pathname) return;  /* this page is not that step */
    var total = list.urls.length, key = "path:@mentor-" + list.key;
    var back = siteUrl("mentor/") + "#l=" + list.l + (list.t ? "&t=" + encodeURIComponent(list.t) : "");  /* never sent to a server */
    var bar = playbook.el("nav", null, "pb-pathnav pb-pathnav--top pb-pathnav--mentee");
    bar.setAttribute("aria-label", "Your mentor's list");
    bar.dataset.searchExclude = "";
    var where = playbook.el("p", null, "pb-pathnav__where"), strong = playbook.el("strong", "Step " + n + " of " + total), a = playbook.el("a", list.t || "Your mentor's list");
    a.href = back + "&step=" + n;
    var state = playbook.el("span", "", "pb-pathnav__state");
    where.appendChild(strong); where.appendChild(document.createTextNode(" · ")); where.appendChild(a);
    where.appendChild(document.createTextNode(" ")); where.appendChild(state);
    var links = playbook.el("p", null, "pb-pathnav__links");
    var mark = playbook.el("button", "", "md-button pb-pathnav__mark"); mark.type = "button";
    links.appendChild(mark);
    function stepLink(k, label, primary) {
      var b = playbook.el("a", label + ": " + list.titles[k - 1], "md-button" + (primary ? " md-button--primary" : ""));
      b.href = siteUrl(list.urls[k - 1]) + "?mentee=" + k;
      links.appendChild(b);
    }
    if (n > 1) stepLink(n - 1, "Previous", false);
    if (n < total) stepLink(n + 1, "Next", true);
    else { var last = playbook.el("a", "Last step: back to the list", "md-button md-button--primary"); last.href = back; links.appendChild(last); }
    bar.appendChild(where); bar.appendChild(links);
    /* The mentor's note for this step, under the title with the list's progress; a cut list says so. */
    var count = playbook.el("span", "", "pb-pathnav__count");
    where.appendChild(document.createTextNode(" ")); where.appendChild(count);
    if (list.named) where.appendChild(playbook.el("span", " · cut from " + list.named + " steps to " + total, "pb-pathnav__cut"));
    var note = null;
    if (list.notes[n - 1]) {
      note = playbook.el("p", null, "pb-mentee-note");
      note.setAttribute("data-mentee-note", "");
      note.appendChild(playbook.el("strong", "Your mentor's note: "));
      note.appendChild(document.createTextNode(list.notes[n - 1]));
    }
    function render() {
      var all = doneSteps("@mentor-" + list.key, total), done = all.has(n);
      count.textContent = "(" + all.size + " of " + total + " done)";
      state.textContent = done ? "· done" : "";
      mark.setAttribute("aria-pressed", String(done));
      mark.textContent = done ? "Step " + n + " done" : "Mark step " + n + " done";
    }
    mark.addEventListener("click", function () {
      var steps = doneSteps("@mentor-" + list.key, total);
      if (steps.has(n)) steps.delete(n); else steps.add(n);
      if (steps.size) store.set(key, Array.from(steps)); else store.remove(key);
      render();
    });
    var h1 = document.querySelector("article h1, .md-content h1");
    if (h1 && h1.parentNode) h1.parentNode.insertBefore(bar, h1.nextSibling);
    else if (anchor.parentNode) anchor.parentNode.insertBefore(bar, anchor);
    if (note && bar.parentNode) bar.parentNode.insertBefore(note, bar.nextSibling);
    nameInTitle("Step " + n + " of " + total + " of " + (list.t || "your mentor's list"));
    render();
  }

  playbook.tool("wayfinding", { root: "[data-path-progress], [data-pathnav], [data-path-card], [data-mentee-add]", setup: function (node) {
    if (node.hasAttribute("data-path-progress")) return progress(node);
    if (node.hasAttribute("data-path-card")) return card(node);
    if (node.hasAttribute("data-mentee-add")) return mentee(node);
    return setupBar(node);
  } });
})();
