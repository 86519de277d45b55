/* Influence Playbook: the browser core, loaded on every page (mkdocs.yml). playbook.store owns localStorage;
   helpers serve the tools; playbook.tool(name, {needs, root, setup}) registers a tool, whose setup(el) runs
   once per element matching root on each page view (Material's document$, also after instant navigation),
   after the tools it needs. A tool of few pages has its own file, named in TOOLS: the core adds its
   <script> when a page view shows its root. "pb:ready" on document: every tool of the view has run.
   Offline; nothing leaves this browser.
   Every other file here (not vendor/) has one form (docs/contributing.md#architecture, tests/test_js_modules.py): one
   (function () { "use strict"; var playbook = window.playbook; ... })(); that registers with playbook.tool, or,
   for a helper module (kit.js, search.js), adds to playbook and calls playbook.provide(name). No other name for
   playbook, no document$ but here, no function over 60 lines. Vendored scripts: TOOLS marks them `vendor`. */
(function () {
  "use strict";
  if (window.playbook) return;

  /* Scripts loaded on demand: name -> the file (next to this one) and the element that calls for it.
     `when` narrows further: the path bar of an entry page is needed only when the reader came from a path;
     such a tool can also be asked for with playbook.need(name, done). */
  var TOOLS = {
    "kit": { src: "kit.js" },  /* no root: helpers for the tools that need it (files, dates) */
    "fsrs": { src: "vendor/ts-fsrs/index.umd.js", vendor: true },  /* window.FSRS, for the review deck */
    /* The search box's engine (playbook.searchEngine) and MiniSearch (window.MiniSearch), on the first search. */
    "search": { src: "search.js" },
    "minisearch": { src: "vendor/minisearch.js", vendor: true },
    "views": { src: "views.js", root: ".pb-filter[data-url-state]" },
    "compact": { src: "compact.js", root: ".pb-filter" },
    /* Learning paths: the path page, the paths index, a step reached from its path (?path=) or while a path
       it belongs to is in progress ("pb:paths-recent"), an entry reached from a mentor's list (?mentee=). */
    "wayfinding": { src: "wayfinding.js", root: "[data-path-progress], [data-pathnav], [data-path-card], [data-mentee-add]",
      when: function () {
        return /[?&](path|mentee)=/.test(location.search) || document.querySelector("[data-path-progress], [data-path-card]") ||
          (document.querySelector("[data-pathnav]") && raw("paths-recent") !== null);
      } },
    "mentor": { src: "mentor.js", root: "[data-mentor]" },  /* a mentor's list: build it, copy its link, follow it */
    "drill": { src: "drill.js", root: "[data-drill]" },
    "find": { src: "find.js", root: "[data-find]" },
    "story-map": { src: "story-map.js", root: "[data-story-map]" },
    "self-assessment": { src: "self-assessment.js", root: "[data-assess]" },
    "review": { src: "review.js", root: "[data-review]" },
    "plan": { src: "plan.js", root: "[data-plan]" },
    /* Run mode is on many entry pages but used on few: loaded when opened (playbook.js, "run-opener") or
       when the address asks for it (?run=3). */
    "run": { src: "run.js", root: "[data-run]", when: function () { return /[?&]run(=|&|$)/.test(location.search); } }
  };

  /* The folder this script was loaded from ("…/assets/"), whatever the page's depth or the site's prefix. */
  var BASE = (function () {
    var me = document.currentScript || document.querySelector("script[src*='assets/core.js']");
    try { return new URL(".", me.src).href; } catch (e) { return new URL("assets/", location.href).href; }
  })();

  /* ---------------------------------------------------------------- helpers */
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  /* The page's JSON payload (a <script type="application/json"> or a data-json attribute), or null. */
  function payload(id) {
    var node = document.getElementById(id);
    try { return node ? JSON.parse(node.dataset.json || node.textContent) : null; } catch (e) { return null; }
  }
  function toast(text) {
    var t = el("div", text, "pb-toast"); t.setAttribute("role", "status");
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 1800);
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many || one + "s"); }
  /* A link to the clipboard, said in a toast (the link itself where the browser refuses). */
  function copyLink(url) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { toast("Link copied"); }, function () { toast(url); });
    } else { toast(url); }
  }
  /* Seconds as a timer shows them: "2:05". */
  function clock(seconds) { var m = Math.floor(seconds / 60), s = seconds % 60; return m + ":" + (s < 10 ? "0" : "") + s; }
  /* An address of this site from a site-relative one ("paths/" -> "…/paths/"): the site's root is the folder
     above this script's, whatever the page's depth or the site's prefix. */
  function siteUrl(rel) { return new URL(rel || "", new URL("..", BASE)).href; }

  /* ---- storage. Keys "pb:<name>", values JSON, read as untrusted: a value of the wrong shape is cleaned
     or reset with a notice and a backup ("pb:backup:<name>:<time>"); never throws. Schema 1 (no "pb:schema"):
     unchecked; 2: each key checked against SHAPES, old forms converted; 3: self-assessment answers per
     statement (see snapshot). */
  var PREFIX = "pb:", VERSION = 3, SCHEMA_KEY = "pb:schema";
  /* Caps: a stored value longer than `text` characters is not read; lists and maps keep at most so many items. */
  var LIMITS = { text: 2000000, marks: 2000, checklist: 500, steps: 1000, stories: 500, snapshots: 200, cards: 20000, backups: 3 };

  function str(v, max) { return typeof v === "string" && v.trim() ? v.slice(0, max || 200) : null; }
  /* A date as stored: an ISO date or time, at most 40 characters (a longer "date" is not one: a snapshot's `at` of
     900 KB once filled the key). */
  /* A stored date or time ("YYYY-MM-DD", or an ISO time): a real calendar day (no 30 February) that parses to a
     time in the years 1970 to 9999 in UTC ("9999-12-31T23:59:59-14:00" is year 10000 there, so it is refused). */
  var YEAR_MIN = Date.UTC(1970, 0, 1), YEAR_END = Date.UTC(10000, 0, 1);
  function isDate(v) {
    var m = typeof v === "string" && v.length <= 40 && /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    if (!m) return false;
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), t = Date.parse(v);
    return day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]) && isFinite(t) && t >= YEAR_MIN && t < YEAR_END;
  }

  /* A same-site path ("/tactics/x/", "/x/?a#b") or null: never a scheme, another host or "//host". */
  var SAFE_PATH = /^\/(?![\/\\])[^\s\\<>"'`]*$/;
  function safePath(url) {
    if (typeof url === "string") url = url.replace(/'/g, "%27");  /* a site folder may be named "o'brien" */
    if (typeof url !== "string" || url.length > 2000 || !SAFE_PATH.test(url)) return null;
    try {
      /* Normalised first ("/.//evil.example/a" becomes "//evil.example/a"), then checked again. */
      var u = new URL(url, location.origin), out = u.pathname + u.search + u.hash;
      return u.origin === location.origin && /^https?:$/.test(u.protocol) && SAFE_PATH.test(out) ? out : null;
    } catch (e) { return null; }
  }

  /* Each checker takes a parsed value and returns {value, dropped} (dropped: parts thrown away),
     or null when the value is unusable as a whole (it is then reset to the caller's fallback). */
  /* `max`: at most that many items are kept, the rest count as dropped. */
  function listOf(item, max) {
    return function (v) {
      if (!Array.isArray(v)) return null;
      var out = [], dropped = 0;
      v.forEach(function (x) { var c = out.length < max ? item(x) : null; if (c === null) dropped += 1; else out.push(c); });
      return { value: out, dropped: dropped };
    };
  }
  function mapOf(item, max) {
    return function (v) {
      if (!isObject(v)) return null;
      var out = Object.create(null), dropped = 0, n = 0;  /* data ids never meet Object.prototype ("constructor") */
      Object.keys(v).forEach(function (k) {
        var c = n < max && k.length <= 200 && k !== "__proto__" ? item(v[k], k) : null;
        if (c === null) dropped += 1; else { out[k] = c; n += 1; }
      });
      return { value: out, dropped: dropped };
    };
  }
  function mark(v) {
    if (!isObject(v)) return null;
    var title = str(v.title, 160), url = safePath(v.url);
    if (!title || !url) return null;
    return { title: title, url: url, at: isDate(v.at) ? v.at : "" };
  }
  function name(v) { return str(v, 120); }
  function story(v) {
    if (typeof v === "string") v = { title: v, competencies: [] };   /* schema 1 allowed bare titles */
    if (!isObject(v) || !str(v.title, 120)) return null;
    var comps = Array.isArray(v.competencies) ? v.competencies.slice(0, 100).filter(function (c) { return typeof c === "string" && /^[a-z0-9-]{1,80}$/.test(c); }) : [];
    return { title: v.title.trim().slice(0, 120), competencies: comps };
  }
  function checklist(v) {
    if (isObject(v)) v = Object.keys(v).filter(function (k) { return v[k] === true; });  /* schema 1 map */
    return listOf(name, LIMITS.checklist)(v);
  }
  function rating(v) { return typeof v === "number" && v >= 1 && v <= 3 && Math.floor(v) === v ? v : null; }
  function answer(v) { return v === 0 ? 0 : rating(v); }
  /* Self-assessment: per competency, per level statement, 0 did not come up, 1 not yet (or no), 2 sometimes,
     3 consistently (or yes). Schema 2
     kept one rating per competency (the level whose statement fitted): its statements up to that level
     become "consistently", so the chart is unchanged. */
  var LEVELS = ["senior", "staff", "principal"];
  function answers(v) {
    var out = {};
    Object.keys(v).slice(0, 100).forEach(function (k) {
      if (k === "__proto__" || !isObject(v[k])) return;
      var a = {}, any = false;
      LEVELS.forEach(function (l) { var r = answer(v[k][l]); if (r !== null) { a[l] = r; any = true; } });
      if (any) out[k] = a;
    });
    return out;
  }
  function snapshot(v) {
    if (!isObject(v) || !isDate(v.at)) return null;
    var out = {}, evidence = {};
    if (isObject(v.answers)) out = answers(v.answers);
    else if (isObject(v.ratings)) {
      var old = mapOf(rating, 100)(v.ratings).value;
      Object.keys(old).forEach(function (k) { out[k] = {}; LEVELS.slice(0, old[k]).forEach(function (l) { out[k][l] = 3; }); });
    } else return null;
    if (isObject(v.evidence)) Object.keys(v.evidence).slice(0, 100).forEach(function (k) { var s = str(v.evidence[k], 300); if (s && k !== "__proto__") evidence[k] = s; });
    return { at: v.at, answers: out, evidence: evidence };
  }
  /* A review card: FSRS (schema 3) or Leitner (converted by review.js, which holds the scheduler). An FSRS card is
     held to the rules ts-fsrs enforces when it grades (its next_state and date checks): finite numbers; a card
     past "new" has stability from S_MIN to S_MAX days, difficulty from 1 to 10, a last review that is not in the
     future (a minute of clock skew allowed) and a due date not before it. Any other card is dropped (a notice
     says so), so it is new again; review.js resets a card the scheduler refuses all the same. */
  var FSRS_RULES = { S_MIN: 0.001, S_MAX: 36500, D_MIN: 1, D_MAX: 10, SKEW: 60000 };
  function num(v, lo, hi) { return typeof v === "number" && isFinite(v) && v >= lo && v <= hi; }
  function count(v) { return num(v, 0, 1e6) ? Math.floor(v) : 0; }
  function cardState(v) {
    if (!isObject(v) || !isDate(v.due)) return null;
    if (typeof v.box === "number") {
      if (v.box < 1 || v.box > 5) return null;
      return { box: Math.floor(v.box), due: v.due.slice(0, 10), seen: count(v.seen) };
    }
    var R = FSRS_RULES, fresh = v.state === 0, last = isDate(v.last_review) ? Date.parse(v.last_review) : null;
    if ([0, 1, 2, 3].indexOf(v.state) === -1) return null;
    if (fresh ? !num(v.stability, 0, R.S_MAX) || !num(v.difficulty, 0, R.D_MAX)
      : !num(v.stability, R.S_MIN, R.S_MAX) || !num(v.difficulty, R.D_MIN, R.D_MAX) || last === null) return null;
    if (last !== null && (last > Date.now() + R.SKEW || Date.parse(v.due) < last)) return null;
    return { due: v.due, stability: v.stability, difficulty: v.difficulty, elapsed_days: count(v.elapsed_days),
      scheduled_days: count(v.scheduled_days), reps: count(v.reps), lapses: count(v.lapses), learning_steps: count(v.learning_steps),
      state: v.state, last_review: last === null ? null : v.last_review };
  }
  function plan(v) {
    if (!isObject(v)) return null;
    return { value: {
      date: isDate(v.date) ? v.date.slice(0, 10) : "",
      level: ["senior", "staff", "principal"].indexOf(v.level) !== -1 ? v.level : "staff",
      competencies: Array.isArray(v.competencies) ? v.competencies.slice(0, 1000).filter(function (c) { return typeof c === "string"; }).slice(0, 40) : []
    }, dropped: 0 };
  }
  /* A learning path's done steps: whole numbers from 1, each once, in order. */
  function steps(v) {
    if (!Array.isArray(v)) return null;
    var seen = new Set(), out = [], dropped = 0;
    v.forEach(function (n) {
      if (typeof n === "number" && n % 1 === 0 && n >= 1 && n <= LIMITS.steps && !seen.has(n)) { seen.add(n); out.push(n); } else dropped += 1;
    });
    return { value: out.sort(function (a, b) { return a - b; }), dropped: dropped };
  }

  /* The step of a learning path the reader opened or marked done last: a whole number from 1. */
  function stepAt(v) { return typeof v === "number" && v % 1 === 0 && v >= 1 && v <= LIMITS.steps ? { value: v, dropped: 0 } : null; }

  var SHAPES = {
    favourites: mapOf(mark, LIMITS.marks),
    tried: mapOf(mark, LIMITS.marks),
    "checklist:": checklist,
    "path:": steps,
    "path-at:": stepAt,
    stories: listOf(story, LIMITS.stories),
    "assessment": listOf(snapshot, LIMITS.snapshots),
    "assessment-draft": function (v) { var s = snapshot(v); return s ? { value: s, dropped: 0 } : null; },
    "review": mapOf(cardState, LIMITS.cards),
    "plan": plan
  };
  var LABELS = { favourites: "saved entries", tried: "tactics marked as used", "checklist:": "checklist ticks",
    "path:": "learning-path progress", "path-at:": "place on a learning path",
    stories: "interview stories", assessment: "self-assessment snapshots", "assessment-draft": "self-assessment in progress",
    review: "review-deck progress", plan: "interview plan" };

  function shapeOf(key) {
    if (SHAPES[key]) return key;
    var found = null;
    Object.keys(SHAPES).forEach(function (k) { if (k.slice(-1) === ":" && key.indexOf(k) === 0) found = k; });
    return found;
  }

  /* Notices: visible, polite, dismissable; one box per page. */
  var pending = [];
  function notice(text) {
    if (pending.indexOf(text) === -1) pending.push(text);
    showNotices();
  }
  function showNotices() {
    if (!pending.length || !document.body) return;
    var box = noticeBox("pb-notice", "Saved data in this browser");
    var ul = box.querySelector("ul");
    pending.forEach(function (text) { ul.appendChild(el("li", text)); });
    pending = [];
  }
  /* The page's box of that class (a titled list with Dismiss, after the page's title), made when missing. */
  function noticeBox(cls, title) {
    var host = document.querySelector("article.md-content__inner") || document.querySelector("main") || document.body;
    var box = host.querySelector("." + cls);
    if (box) return box;
    box = el("div", null, cls + " admonition warning pb-no-print"); box.setAttribute("role", "status");
    var close = el("button", "Dismiss", "md-button"); close.type = "button";
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(el("p", title, "admonition-title")); box.appendChild(el("ul")); box.appendChild(close);
    var h1 = host.querySelector("h1");
    if (h1 && h1.parentNode) h1.parentNode.insertBefore(box, h1.nextSibling); else host.insertBefore(box, host.firstChild);
    return box;
  }

  /* A copy served at another address than the one it was built for (site_url, in <meta name="pb-site-url">):
     Material's instant navigation matches links against sitemap.xml, whose addresses name site_url (it ignores
     only the scheme and host name), so there every click reloads the whole page, silently. Say so, and how to
     fix it. The site's root as served is the folder above this script's. */
  function checkAddress() {
    var meta = document.querySelector('meta[name="pb-site-url"]');
    if (!meta || !/^https?:$/.test(location.protocol)) return;
    var built, served;
    try { built = new URL(meta.getAttribute("content")); served = new URL("..", BASE); } catch (e) { return; }
    if (built.port === served.port && built.pathname === served.pathname) return;
    if (session.get("address-dismissed") === served.href) return;  /* dismissed in this tab's session */
    var box = noticeBox("pb-address", "This copy is served at another address than it was built for");
    /* Fixed at the bottom of the screen (playbook.css), so the page does not move when it appears. */
    box.querySelector("button").addEventListener("click", function () { session.set("address-dismissed", served.href); });
    var ul = box.querySelector("ul");
    ul.appendChild(el("li", "Built for " + built.href + ", served at " + served.href + ". Every page still opens, but each " +
      "click reloads the whole page instead of swapping it in place, and the address in the sitemap and the export " +
      "point to the other place."));
    ul.appendChild(el("li", "To fix it, whoever hosts this copy rebuilds it for this address: PLAYBOOK_SITE_URL=" +
      served.href + " mkdocs build (the README, \u201cDeploying on an intranet\u201d), or serves it where it was built for."));
  }

  /* This tab's session (sessionStorage, "pb:<name>"): short strings that last until the tab closes; never throws. */
  var session = {
    get: function (key) { try { var v = sessionStorage.getItem(PREFIX + key); return typeof v === "string" ? v.slice(0, 2000) : null; } catch (e) { return null; } },
    set: function (key, value) { try { sessionStorage.setItem(PREFIX + key, String(value).slice(0, 2000)); return true; } catch (e) { return false; } }
  };

  function raw(key) { try { return localStorage.getItem(PREFIX + key); } catch (e) { return null; } }

  function write(key, value) {
    var text = JSON.stringify(value);
    if (text.length > LIMITS.text) {  /* longer than get() reads back: refused before anything changes */
      notice("That change was not saved: your " + (LABELS[shapeOf(key)] || key) + " would take " + Math.ceil(text.length / 1000) +
        " KB, more than the " + LIMITS.text / 1000 + " KB this site keeps for them. Export and delete old items first.");
      return false;
    }
    try { localStorage.setItem(PREFIX + key, text); return true; }
    catch (e) {
      var full = e && (e.name === "QuotaExceededError" || e.code === 22 || e.name === "NS_ERROR_DOM_QUOTA_REACHED");
      notice(full
        ? "Your browser's storage for this site is full: the last change was not saved. Export what you need, then remove old items."
        : "Your browser refused to save (storage blocked or private mode): the last change was not saved.");
      return false;
    }
  }

  /* A copy of a stored text under "pb:backup:<key>:<time>", the last LIMITS.backups kept per key: the
     copy's key, or null when the browser refused it (storage full). */
  function backup(key, text) {
    if (text === null || key.indexOf("backup:") === 0) return null;
    var name = "backup:" + key + ":" + new Date().toISOString().replace(/[-:]/g, ""), base = name, n = 1;
    while (raw(name) !== null) { n += 1; name = base + "-" + n; }
    try { localStorage.setItem(PREFIX + name, text); } catch (e) { return null; }
    keys("backup:" + key + ":").sort().reverse().slice(LIMITS.backups).forEach(function (old) { if (old !== name) remove(old); });
    return name;
  }

  /* Keys whose unreadable text could not be copied: kept as they are, and not overwritten, on this page. */
  var held = {};
  function hold(key, label) {
    held[key] = true;
    notice("Your " + label + " could not be read, and there is no room in this browser's storage to keep a copy: " +
      "they are left as they are (key pb:" + key + ") and changes to them are not saved. Free some space (export and remove old items), then reload.");
  }

  /* Read a key: the parsed, checked value, or `fallback` when absent or unusable. */
  function get(key, fallback) {
    var text = raw(key);
    if (text === null) return fallback;
    var value, shape = shapeOf(key), label = LABELS[shape] || key, checked = null;
    if (text.length <= LIMITS.text) { try { value = JSON.parse(text); } catch (e) { value = undefined; } }
    if (value !== undefined) {
      if (shape) { try { checked = SHAPES[shape](value); } catch (e) { checked = null; } }
      else if (Array.isArray(fallback) ? Array.isArray(value) : isObject(fallback) ? isObject(value) : value !== null) checked = { value: value, dropped: 0 };
    }
    if (held[key]) return checked ? checked.value : fallback;
    if (!checked) {
      var copy = backup(key, text);
      if (!copy) { hold(key, label); return fallback; }
      remove(key);
      notice("Your " + label + " could not be read and were reset. A copy of the unreadable data is kept in this browser (key pb:" + copy + ").");
      return fallback;
    }
    if (checked.dropped) {
      var kept = backup(key, text);
      if (!kept) { hold(key, label); return checked.value; }
      write(key, checked.value);
      notice(checked.dropped + " unreadable item" + (checked.dropped === 1 ? " was" : "s were") + " removed from your " + label +
        ". A copy of the data as it was is kept in this browser (key pb:" + kept + ").");
    }
    return checked.value;
  }

  function set(key, value) {
    if (held[key]) {
      notice("That change was not saved: your earlier " + (LABELS[shapeOf(key)] || key) + " are kept as they were until there is room for a copy.");
      return false;
    }
    var shape = shapeOf(key);
    if (shape) {
      var checked = null;
      try { checked = SHAPES[shape](value); } catch (e) { checked = null; }
      if (!checked) { notice("That change could not be saved: it did not have the expected form."); return false; }
      value = checked.value;
    }
    return write(key, value);
  }

  function remove(key) { try { localStorage.removeItem(PREFIX + key); } catch (e) { /* ignore */ } }

  function keys(prefix) {
    var out = [];
    try {
      for (var i = 0; i < localStorage.length; i += 1) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX + (prefix || "")) === 0) out.push(k.slice(PREFIX.length));
      }
    } catch (e) { /* blocked */ }
    return out;
  }

  /* Bring stored data from older schemas to this one: check every known key once. */
  function migrate() {
    var from = Number(raw("schema") || 1);
    if (from >= VERSION) return from;
    keys().forEach(function (k) {
      if (!shapeOf(k)) return;
      var value = get(k, undefined);
      if (value !== undefined && JSON.stringify(value) !== raw(k)) write(k, value);
    });
    try { localStorage.setItem(SCHEMA_KEY, String(VERSION)); } catch (e) { /* blocked: migrate again next time */ }
    return VERSION;
  }

  /* Check a value (e.g. from an imported file) against a key's shape: {value, dropped}, or null. */
  function check(key, value) {
    var shape = shapeOf(key);
    if (!shape) return null;
    try { return SHAPES[shape](value); } catch (e) { return null; }
  }

  var store = { version: VERSION, check: check, get: get, set: set, remove: remove, keys: keys, notice: notice,
    safePath: safePath, session: session };

  /* ---------------------------------------------------------------- tools and page views */
  var tools = {};          /* name -> {root, when, src, needs, setup, state: "known"|"loading"|"ready"|"failed", done} */
  var view = null;         /* the current page view: {wanted: {name: true}, ran: {name: true}, announced} */

  Object.keys(TOOLS).forEach(function (n) {
    var t = TOOLS[n];
    tools[n] = { root: t.root, when: t.when, src: t.src, vendor: t.vendor, needs: [], setup: null, state: "known", done: new WeakSet() };
  });

  function applies(t) {
    if (!t.root) return false;
    try { return Boolean(document.querySelector(t.root)) && (!t.when || Boolean(t.when())); } catch (e) { return false; }
  }

  function load(n) {
    var t = tools[n];
    if (!t) return;
    if (t.state !== "known" || !t.src) return;
    t.state = "loading";
    var s = document.createElement("script");
    s.src = BASE + t.src;
    s.onload = function () {
      if (t.vendor && t.state === "loading") { t.setup = function () {}; provide(n); }
    };
    s.onerror = function () {
      t.state = "failed";
      if (window.console) console.warn("playbook: could not load", s.src);
      (t.waiting || []).splice(0).forEach(function (done) { done(false); });
      step();
    };
    document.head.appendChild(s);
  }

  function runTool(n) {
    var t = tools[n];
    all(t.root).forEach(function (root) {
      if (t.done.has(root)) return;
      t.done.add(root);
      try {
        t.setup(root);
        var ready = (root.dataset.toolReady || "").split(" ").filter(Boolean);
        if (ready.indexOf(n) === -1) ready.push(n);
        root.dataset.toolReady = ready.join(" ");
      } catch (e) { if (window.console) console.warn("playbook tool:", n, e); }
    });
  }

  /* Run every wanted tool whose code is here and whose needs have run on this page view; announce
     "pb:ready" once all have run (or failed to load). */
  function step() {
    if (!view) return;
    var progress = true;
    while (progress) {
      progress = false;
      Object.keys(view.wanted).forEach(function (n) {
        var t = tools[n];
        if (view.ran[n]) return;
        if (t.state === "failed") { view.ran[n] = true; progress = true; return; }
        if (t.state !== "ready") return;
        var waiting = t.needs.some(function (need) {
          var m = tools[need];
          if (!m.root) { load(need); return m.state === "known" || m.state === "loading"; }  /* a helper module */
          return view.wanted[need] && !view.ran[need];
        });
        if (waiting) return;
        view.ran[n] = true; progress = true;
        runTool(n);
      });
    }
    var left = Object.keys(view.wanted).filter(function (n) { return !view.ran[n]; });
    if (!left.length && !view.announced) {
      view.announced = true;
      document.dispatchEvent(new CustomEvent("pb:ready"));
    }
  }

  /* After an instant navigation the focused link is gone and the browser's Tab order restarts in the header, past
     "Skip to content": start it from the top of the new page, as a full page load does (not when the address
     names a section: the browser starts from there). */
  var views = 0;
  function focusFromTop() {
    views += 1;
    if (views === 1 || location.hash || (document.activeElement && document.activeElement !== document.body)) return;
    var mark = el("span"); mark.tabIndex = -1;
    document.body.insertBefore(mark, document.body.firstChild);
    mark.focus({ preventScroll: true }); mark.remove();
  }

  function pageView() {
    focusFromTop();
    showNotices();
    view = { wanted: {}, ran: {}, announced: false };
    Object.keys(tools).forEach(function (n) {
      if (!applies(tools[n])) return;
      view.wanted[n] = true;
      load(n);
    });
    step();
  }

  /* Register a tool: `root` a CSS selector, `setup(el)` run once per matching element on each page view,
     `needs` the names of tools that must have run first on the same page view (when the page has them). */
  function tool(n, spec) {
    if (!n || typeof spec.setup !== "function" || typeof spec.root !== "string") throw new Error("playbook.tool: a name, a root and a setup");
    var t = tools[n] || (tools[n] = { state: "known", done: new WeakSet() });
    if (t.state === "ready") return;  /* a file loaded twice */
    t.root = spec.root; t.setup = spec.setup; t.needs = spec.needs || []; t.when = spec.when || t.when;
    t.needs.forEach(function (need) { if (!tools[need]) throw new Error("playbook.tool " + n + ": unknown need " + need); });
    t.state = "ready";
    if (view && !view.ran[n] && applies(t)) { view.wanted[n] = true; view.announced = false; }
    if (t.waiting && t.waiting.length) {
      var mods = t.needs.filter(function (m) { return !tools[m].root; });
      (function after(i) {  /* its helper modules first, one after the other */
        if (i < mods.length) { need(mods[i], function () { after(i + 1); }); return; }
        runTool(n); t.waiting.splice(0).forEach(function (done) { done(true); });
      })(0);
    }
    step();
  }

  /* A helper module (a TOOLS entry without root) says it is loaded. */
  function provide(n) {
    var t = tools[n];
    if (!t) return;
    t.state = "ready";
    (t.waiting || []).splice(0).forEach(function (done) { done(true); });
    step();
  }

  /* Load a tool now (the reader asked for it), set it up on this page, then done(true), or done(false)
     when its file could not be loaded. */
  function need(n, done) {
    var t = tools[n];
    if (!t || t.state === "failed") { done(false); return; }
    if (t.state === "ready") { if (t.root) runTool(n); done(true); return; }
    (t.waiting = t.waiting || []).push(done);
    load(n);
  }
  function loaded(n) { return Boolean(tools[n]) && tools[n].state === "ready"; }

  /* A mentor's list as its link carries it (the encoded steps, after "#l="): at most this many characters, in
     mentor.js, which reads the link, and in wayfinding.js, which reads the list kept from it. 30 steps of an id
     and a 280-character note, each character up to 12 when percent-encoded, fit. */
  var LIST_MAX = 110000;

  window.playbook = { store: store, tool: tool, need: need, loaded: loaded, provide: provide, all: all, el: el,
    payload: payload, toast: toast, plural: plural, copyLink: copyLink, clock: clock, siteUrl: siteUrl, LIST_MAX: LIST_MAX };

  migrate();
  function start() {
    checkAddress();
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) window.document$.subscribe(pageView);
    else pageView();
  }
  /* After every script of the first page has run, so that their tools have registered. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
