// Runs the shipped search (docs/assets/search.js with the vendored MiniSearch) under node, as the browser does.
// stdin: {"index": "<path of search/index.json>", "queries": ["..."], "top": 3}; search/body.json is read beside it
// stdout: {"ms": <time to build the index>, "results": [{"query", "urls", "searchedFor", "corrected"}]}
"use strict";
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..");
const MiniSearch = require(path.join(root, "docs/assets/vendor/minisearch.js"));
global.window = { playbook: { provide() {} } };  // search.js is a module of the browser core (core.js): a stub core
require(path.join(root, "docs/assets/search.js"));
const search = global.window.playbook.searchEngine;
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const t0 = process.hrtime.bigint();
const data = JSON.parse(fs.readFileSync(input.index, "utf8"));
if (data.body) {  // the body text, as the search box adds it after its first result
  const texts = JSON.parse(fs.readFileSync(path.join(path.dirname(input.index), "..", data.body), "utf8")).text;
  data.docs.forEach((d, i) => { d.text = texts[i] || ""; });
}
const engine = new search.Engine(MiniSearch, data);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const results = input.queries.map((query) => {
  const found = engine.search(query, { typing: false });
  return { query, urls: found.results.slice(0, input.top || 3).map((r) => r.doc.url), searchedFor: found.searchedFor, corrected: found.corrected, good: found.good !== false };
});
process.stdout.write(JSON.stringify({ ms, results }));
