/* Runs docs/assets/core.js under node with a stub window (no DOM) and prints playbook.store.check(KEY, stdin JSON):
   the storage shapes that imports and localStorage go through (tests/test_store_dates.py). */
const fs = require("fs"), vm = require("vm");
const mem = {};
const ctx = { console, URL, setTimeout, Date, JSON, Math, Number, String, Object, Array, Set, Map, isNaN, isFinite, encodeURIComponent, decodeURIComponent,
  localStorage: { getItem: k => (k in mem ? mem[k] : null), setItem: (k, v) => { mem[k] = String(v); }, removeItem: k => { delete mem[k]; }, key: i => Object.keys(mem)[i], get length() { return Object.keys(mem).length; } },
  location: { search: "", hash: "", pathname: "/", href: "http://x/" },
  document: { readyState: "loading", addEventListener() {}, querySelector() { return null; }, querySelectorAll() { return []; } } };
ctx.window = ctx;
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), ctx);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(ctx.playbook.store.check(process.argv[3], input)));
