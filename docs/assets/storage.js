/* Influence Playbook: the one module that owns browser storage (localStorage). Loaded first.

   Every key is "pb:<name>" and every value JSON. Stored state is untrusted: a value of the wrong
   shape (another tab, an old version, a hand edit, an extension) is cleaned or reset, with a visible
   notice and a backup under "pb:backup:<name>", and never throws. URLs read back are only ever
   same-site paths. A write the browser refuses (storage full or blocked) is reported to the reader.

   Schema versions ("pb:schema"):
     1 (no "pb:schema" key): favourites, tried, checklist:<id>, stories, written without checks.
     2: the same keys, each checked against SHAPES below; checklists saved as {name: true} maps and
        stories saved as plain strings are converted; new keys for the practice tools. */
(function () {
  "use strict";
  if (window.pbStore && window.pbStore.version) return;

  var PREFIX = "pb:", VERSION = 2, SCHEMA_KEY = "pb:schema";

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function str(v, max) { return typeof v === "string" && v.trim() ? v.slice(0, max || 200) : null; }
  function isDate(v) { return typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) && !isNaN(Date.parse(v)); }

  /* A same-site path ("/tactics/x/", "/x/?a#b") or null: never a scheme, another host or "//host". */
  function safePath(url) {
    if (typeof url !== "string" || !/^\/(?![\/\\])[^\s\\<>"'`]*$/.test(url)) return null;
    try {
      var u = new URL(url, location.origin);
      return u.origin === location.origin && /^https?:$/.test(u.protocol) ? u.pathname + u.search + u.hash : null;
    } catch (e) { return null; }
  }

  /* Each checker takes a parsed value and returns {value, dropped} (dropped: parts thrown away),
     or null when the value is unusable as a whole (it is then reset to the caller's fallback). */
  function listOf(item) {
    return function (v) {
      if (!Array.isArray(v)) return null;
      var out = [], dropped = 0;
      v.forEach(function (x) { var c = item(x); if (c === null) dropped += 1; else out.push(c); });
      return { value: out, dropped: dropped };
    };
  }
  function mapOf(item) {
    return function (v) {
      if (!isObject(v)) return null;
      var out = {}, dropped = 0;
      Object.keys(v).forEach(function (k) {
        var c = item(v[k], k);
        if (c === null || k === "__proto__") dropped += 1; else out[k] = c;
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
    var comps = Array.isArray(v.competencies) ? v.competencies.filter(function (c) { return typeof c === "string" && /^[a-z0-9-]{1,80}$/.test(c); }) : [];
    return { title: v.title.trim().slice(0, 120), competencies: comps };
  }
  function checklist(v) {
    if (isObject(v)) v = Object.keys(v).filter(function (k) { return v[k] === true; });  /* schema 1 map */
    return listOf(name)(v);
  }
  function rating(v) { return typeof v === "number" && v >= 1 && v <= 3 && Math.floor(v) === v ? v : null; }
  function snapshot(v) {
    if (!isObject(v) || !isDate(v.at) || !isObject(v.ratings)) return null;
    var ratings = mapOf(rating)(v.ratings).value, evidence = {};
    if (isObject(v.evidence)) Object.keys(v.evidence).forEach(function (k) { var s = str(v.evidence[k], 300); if (s && k !== "__proto__") evidence[k] = s; });
    return { at: v.at, ratings: ratings, evidence: evidence };
  }
  function cardState(v) {
    if (!isObject(v) || typeof v.box !== "number" || v.box < 1 || v.box > 5 || !isDate(v.due)) return null;
    return { box: Math.floor(v.box), due: v.due.slice(0, 10), seen: typeof v.seen === "number" && v.seen >= 0 ? Math.floor(v.seen) : 0 };
  }
  function plan(v) {
    if (!isObject(v)) return null;
    return { value: {
      date: isDate(v.date) ? v.date.slice(0, 10) : "",
      level: ["senior", "staff", "principal"].indexOf(v.level) !== -1 ? v.level : "staff",
      competencies: Array.isArray(v.competencies) ? v.competencies.filter(function (c) { return typeof c === "string"; }).slice(0, 40) : []
    }, dropped: 0 };
  }

  var SHAPES = {
    favourites: mapOf(mark),
    tried: mapOf(mark),
    "checklist:": checklist,
    stories: listOf(story),
    "assessment": listOf(snapshot),
    "assessment-draft": function (v) { var s = snapshot(v); return s ? { value: s, dropped: 0 } : null; },
    "review": mapOf(cardState),
    "plan": plan
  };
  var LABELS = { favourites: "saved entries", tried: "tactics marked as used", "checklist:": "checklist ticks",
    stories: "interview stories", assessment: "self-assessment snapshots", "assessment-draft": "self-assessment in progress",
    review: "review-deck progress", plan: "interview plan" };

  function shapeOf(key) {
    if (SHAPES[key]) return key;
    var found = null;
    Object.keys(SHAPES).forEach(function (k) { if (k.slice(-1) === ":" && key.indexOf(k) === 0) found = k; });
    return found;
  }

  /* ---- Notices: visible, polite, dismissable; one box per page ---- */
  var pending = [];
  function notice(text) {
    if (pending.indexOf(text) === -1) pending.push(text);
    showNotices();
  }
  function showNotices() {
    if (!pending.length || !document.body) return;
    var host = document.querySelector("article.md-content__inner") || document.querySelector("main") || document.body;
    var box = host.querySelector(".pb-notice");
    if (!box) {
      box = document.createElement("div");
      box.className = "pb-notice admonition warning"; box.setAttribute("role", "status");
      var title = document.createElement("p"); title.className = "admonition-title"; title.textContent = "Saved data in this browser";
      var list = document.createElement("ul");
      var close = document.createElement("button");
      close.type = "button"; close.className = "md-button"; close.textContent = "Dismiss";
      close.addEventListener("click", function () { box.remove(); });
      box.appendChild(title); box.appendChild(list); box.appendChild(close);
      var h1 = host.querySelector("h1");
      if (h1 && h1.parentNode) h1.parentNode.insertBefore(box, h1.nextSibling); else host.insertBefore(box, host.firstChild);
    }
    var ul = box.querySelector("ul");
    pending.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; ul.appendChild(li); });
    pending = [];
  }

  function raw(key) { try { return localStorage.getItem(PREFIX + key); } catch (e) { return null; } }

  function write(key, value) {
    try { localStorage.setItem(PREFIX + key, JSON.stringify(value)); return true; }
    catch (e) {
      var full = e && (e.name === "QuotaExceededError" || e.code === 22 || e.name === "NS_ERROR_DOM_QUOTA_REACHED");
      notice(full
        ? "Your browser's storage for this site is full: the last change was not saved. Export what you need, then remove old items."
        : "Your browser refused to save (storage blocked or private mode): the last change was not saved.");
      return false;
    }
  }

  function backup(key, text) {
    try { if (text !== null && key.indexOf("backup:") !== 0) localStorage.setItem(PREFIX + "backup:" + key, text); } catch (e) { /* best effort */ }
  }

  /* Read a key: the parsed, checked value, or `fallback` when absent or unusable. */
  function get(key, fallback) {
    var text = raw(key);
    if (text === null) return fallback;
    var value, label = LABELS[shapeOf(key)] || key;
    try { value = JSON.parse(text); } catch (e) { value = undefined; }
    var shape = shapeOf(key), checked = null;
    if (value !== undefined) {
      if (shape) { try { checked = SHAPES[shape](value); } catch (e) { checked = null; } }
      else if (Array.isArray(fallback) ? Array.isArray(value) : isObject(fallback) ? isObject(value) : value !== null) checked = { value: value, dropped: 0 };
    }
    if (!checked) {
      backup(key, text);
      try { localStorage.removeItem(PREFIX + key); } catch (e) { /* ignore */ }
      notice("Your " + label + " could not be read and were reset. A copy of the unreadable data is kept in this browser (key pb:backup:" + key + ").");
      return fallback;
    }
    if (checked.dropped) {
      backup(key, text);
      write(key, checked.value);
      notice(checked.dropped + " unreadable item" + (checked.dropped === 1 ? " was" : "s were") + " removed from your " + label + ".");
    }
    return checked.value;
  }

  function set(key, value) {
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

  /* Check a value (e.g. from an imported file) against a key's shape: the cleaned value, or null. */
  function check(key, value) {
    var shape = shapeOf(key);
    if (!shape) return null;
    try { var c = SHAPES[shape](value); return c ? c.value : null; } catch (e) { return null; }
  }

  window.pbStore = { version: VERSION, check: check, get: get, set: set, remove: remove, keys: keys, notice: notice,
    safePath: safePath, migrate: migrate, shapes: Object.keys(SHAPES) };
  migrate();
  if (typeof window.document$ !== "undefined") window.document$.subscribe(showNotices);
  else document.addEventListener("DOMContentLoaded", showNotices);
})();
