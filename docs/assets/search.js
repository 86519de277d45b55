/* Influence Playbook: the search engine. Self-contained; no part of Material's search is used.

   The build writes search/index.json (playbook/render/search_index.py): one document per entry page and per
   section of a hand-written page, with a weight per kind, plus the synonyms and phrases of data/synonyms.yml.
   The search box (assets/search-box.js, on every page) loads this file, MiniSearch (assets/vendor/minisearch.js,
   pinned in package.json) and the index when a reader first searches; this file defines window.pbSearchEngine.
   Under node (tests/test_search_quality.py) it exports the same engine.

   How a query is read (docs/contributing.md#search has the rules for authors):
   1. Interview openers ("tell me about a time", "describe a situation where", "give an example of") are
      removed as phrases; such a query ranks interview questions higher.
   2. Words keep their meaning: "no", "not", "never", "say", "without" are kept; "can't" reads "can not".
      Only function words ("the", "to", "my", "how") are dropped.
   3. Known phrases ("say no", "disagree and commit", "one-way door") match as phrases.
   4. Synonyms: a reader's word also searches the site's words for it (date -> deadline).
   5. A word of 5 or more letters that matches nothing is corrected to the nearest word of the index
      (edit distance 1, 2 for words of 8 letters or more), and the results say what was searched for.
   6. Documents matching more of the query's words rank first; among those, the score (field-weighted
      BM25, title and also_called highest) times the document's weight: entries above learning paths,
      sources, guides, index pages and About pages, unless the query names the page or its kind. */
(function (root, factory) {
  "use strict";
  var engine = factory();
  if (typeof module === "object" && module.exports) module.exports = engine;
  else root.pbSearchEngine = engine;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ---------------------------------------------------------------- words
  function map() { return Object.create(null); }  // no inherited keys: "constructor" is a word like any other

  var STOP = map();
  ("a an the of to in on at for with and or but is are was were be been being am i me my mine myself you your yours " +
    "we our us it its this that these those do does did done how what which who whom whose about as by from into onto " +
    "than then there their them they he she his her him so if just very really also some any can could would should " +
    "will shall may might must has have had having get got gets getting thing things stuff someone somebody something " +
    "way ways go going doing want wants need needs help handle handling deal dealing lot lots let make sure").split(" ")
    .forEach(function (w) { STOP[w] = true; });

  var IRREGULAR = Object.assign(map(), { said: "say", says: "say", went: "go", led: "lead", lost: "lose", built: "build", made: "make",
    ran: "run", told: "tell", gave: "give", grew: "grow", chose: "choose", wrote: "write", brought: "bring",
    thought: "think", taught: "teach", kept: "keep", took: "take", felt: "feel", won: "win", spoke: "speak",
    broke: "break", shot: "shoot", people: "people", children: "child", men: "man", women: "woman" });

  function undouble(w) { return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w; }

  /* A light English stemmer, the same for the index and the query: every form of a word meets one stem
     (escalate, escalating, escalation -> escalat; decisions -> decision). */
  var STEMS = map();
  function stem(w) {
    var s = STEMS[w];
    if (s === undefined) s = STEMS[w] = stem1(w);
    return s;
  }
  function stem1(w) {
    if (IRREGULAR[w]) return IRREGULAR[w];
    if (w.length <= 3 || /[0-9]/.test(w)) return w;
    var s = w;
    if (/ies$/.test(s) && s.length > 4) s = s.slice(0, -3) + "y";
    else if (/sses$/.test(s)) s = s.slice(0, -2);
    else if (/(ch|sh|x)es$/.test(s)) s = s.slice(0, -2);
    else if (/[^su]s$/.test(s) && !/(is|us|ss)$/.test(s)) s = s.slice(0, -1);
    if (/ied$/.test(s) && s.length > 4) s = s.slice(0, -3) + "y";
    else if (/ing$/.test(s) && s.length > 5) s = undouble(s.slice(0, -3));
    else if (/ed$/.test(s) && s.length > 4 && !/eed$/.test(s)) s = undouble(s.slice(0, -2));
    if (/ational$/.test(s)) s = s.slice(0, -5) + "e";
    else if (/ation$/.test(s) && s.length > 6) s = s.slice(0, -3) + "e";
    else if (/ments?$/.test(s) && s.length > 7) s = s.replace(/ments?$/, "");
    else if (/ly$/.test(s) && s.length > 5) s = s.slice(0, -2);
    if (/[^e]e$/.test(s) && s.length > 3) s = s.slice(0, -1);
    if (/y$/.test(s) && s.length > 4) s = s.slice(0, -1) + "i";
    return s;
  }

  /* Text -> words, lower case: accents dropped, "can't" -> "can not", hyphens split ("one-way" -> one way). */
  function words(text) {
    var t = String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/\bcan't\b|\bcannot\b/g, "can not").replace(/\bwon't\b/g, "will not").replace(/n't\b/g, " not")
      .replace(/'(s|re|ve|ll|d|m)\b/g, "");
    return t.split(/[^a-z0-9]+/).filter(Boolean);
  }

  /* Hyphenated and slashed compounds also as one word ("pre-mortem" -> premortem), for readers who write them so. */
  function compounds(text) {
    var out = [];
    String(text || "").toLowerCase().replace(/([a-z]+)[-\u2010\u2011]([a-z]+)/g, function (_, a, b) { out.push(a + b); return _; });
    return out;
  }

  function phraseKey(stems) { return stems.join("_"); }

  // ---------------------------------------------------------------- the engine
  function Engine(MiniSearch, data) {
    var self = this;
    this.data = data;
    this.phrases = map();   // first stem -> [stems of each known phrase starting with it]
    this.rules = [];     // [{reader: [[stems]...], site: [[stems]...]}]
    var addPhrase = function (stems) {
      if (stems.length < 2) return;
      stems.key = phraseKey(stems);
      (self.phrases[stems[0]] = self.phrases[stems[0]] || []).push(stems);
    };
    var stemsOf = function (text) { return words(text).map(stem); };
    (data.phrases || []).forEach(function (p) { addPhrase(stemsOf(p)); });
    (data.synonyms || []).forEach(function (rule) {
      var r = { reader: rule.reader.map(stemsOf), site: rule.site.map(stemsOf) };
      r.reader.concat(r.site).forEach(addPhrase);
      self.rules.push(r);
    });
    Object.keys(this.phrases).forEach(function (k) { self.phrases[k].sort(function (a, b) { return b.length - a.length; }); });

    var vocabulary = this.vocabulary = map();  // surface word -> how often the pages use it
    var known = this.stems = map();             // every token of the index
    var phrases = this.phrases;
    var tokenize = function (text) {
      var ws = words(text), n = ws.length, out = [], stems = new Array(n), i, j, k;
      for (i = 0; i < n; i += 1) {
        if (ws[i].length > 1) vocabulary[ws[i]] = (vocabulary[ws[i]] || 0) + 1;
        stems[i] = stem(ws[i]);
      }
      compounds(text).forEach(function (c) { vocabulary[c] = (vocabulary[c] || 0) + 1; out.push(stem(c)); });
      for (i = 0; i < n; i += 1) {
        if (!STOP[ws[i]]) out.push(stems[i]);
        var starting = phrases[stems[i]];
        if (!starting) continue;
        for (k = 0; k < starting.length; k += 1) {
          var p = starting[k];
          for (j = 1; j < p.length && stems[i + j] === p[j]; j += 1) { /* compare the rest of the phrase */ }
          if (j === p.length) out.push(p.key);
        }
      }
      for (i = 0; i < out.length; i += 1) known[out[i]] = true;
      return out;
    };
    this.mini = new MiniSearch({
      idField: "i",
      fields: ["title", "also_called", "summary", "headings", "page", "text"],
      storeFields: [],
      tokenize: tokenize,
      processTerm: function (t) { return t; },
      extractField: function (doc, field) {
        var v = doc[field];
        return Array.isArray(v) ? v.join(" | ") : (v == null ? "" : v);  // the id field too (0 is an id)
      },
      searchOptions: {
        tokenize: function (t) { return [t]; },
        processTerm: function (t) { return t; },
        boost: { title: 6, also_called: 5, summary: 2, headings: 2, page: 1, text: 0.4 },
        bm25: { k: 1.2, b: 0.7, d: 0.5 }
      }
    });
    this.mini.addAll(data.docs.map(function (d, i) { return Object.assign({ i: i }, d); }));
    this.titles = map();  // the words of a title -> its documents: a query that is a page's title lists that page first
    data.docs.forEach(function (d, i) { var k = words(d.title).join(" "); (self.titles[k] = self.titles[k] || []).push(i); });
  }

  var OPENERS = [
    /^(?:can you |could you )?tell me about (?:a|the|one) (?:time|situation|case|moment|occasion)(?: when| where| that| in which)?(?: you)?\b/,
    /^(?:can you |could you )?tell me about\b/,
    /^(?:can you |could you )?describe (?:a|the|one) (?:time|situation|case|moment|occasion)(?: when| where| that| in which)?(?: you)?\b/,
    /^(?:can you |could you )?(?:give|share) (?:me |us )?(?:an |one )?example (?:of|from)(?: a| the)?(?: time| situation)?(?: when| where| that)?(?: you)?\b/,
    /^(?:can you |could you )?walk me through\b/,
    /^have you ever\b/,
    /^(?:what did you do|how did you)\b/,
    /^how do you\b/
  ];

  /* Caps (issue 33): a pasted page of unknown words costs at most MAX_CORRECTED scans of the vocabulary. */
  var MAX_QUERY = 200, MAX_CORRECTED = 4;

  /* The query as groups of alternatives: each group is one reader word or phrase and what it may also be
     written as (synonyms, its correction). */
  Engine.prototype.parse = function (query, typing) {
    var self = this, fixes = 0;
    var q = String(query || "").slice(0, MAX_QUERY).toLowerCase().trim();
    var interview = false;
    for (var k = 0; k < OPENERS.length; k += 1) {
      if (OPENERS[k].test(q)) { q = q.replace(OPENERS[k], " ").trim(); interview = true; break; }
    }
    var ws = words(q);
    var stems = ws.map(stem);
    var groups = [], shown = [], corrected = false, used = map();
    var last = ws.length - 1;
    // synonyms first (longest reader phrase wins), then known phrases, then single words
    var i = 0;
    while (i < ws.length) {
      var match = self.ruleAt(stems, i);
      if (match) {
        var alts = [phraseKey(match.words)].concat(match.rule.site.map(phraseKey));
        match.rule.reader.forEach(function (r) { alts.push(phraseKey(r)); });
        groups.push({ terms: unique(alts.filter(function (a) { return self.stems[a]; })), words: ws.slice(i, i + match.words.length) });
        shown.push(ws.slice(i, i + match.words.length).join(" "));
        i += match.words.length;
        continue;
      }
      var phrase = self.phraseAt(stems, i);
      if (phrase) {
        groups.push({ terms: [phraseKey(phrase)], words: ws.slice(i, i + phrase.length) });
        shown.push(ws.slice(i, i + phrase.length).join(" "));
        i += phrase.length;
        continue;
      }
      var w = ws[i], s = stems[i];
      if (STOP[w] || used[s]) { shown.push(w); i += 1; continue; }
      used[s] = true;
      var prefix = typing && i === last && w.length >= 3 && !self.stems[s];  // an unfinished word, not one the index has
      if (!self.stems[s] && !(prefix && self.hasPrefix(s))) {
        var fix = null;
        if (w.length >= 5 && fixes < MAX_CORRECTED) { fixes += 1; fix = self.correct(w); }
        if (fix) {
          corrected = true;
          shown.push(fix);
          var fs = stem(fix), fr = self.ruleAt([fs], 0);
          groups.push({ terms: unique([fs].concat(fr ? fr.rule.site.map(phraseKey) : []).filter(function (a) { return self.stems[a]; })), words: [fix] });
          i += 1;
          continue;
        }
      }
      shown.push(w);
      groups.push({ terms: [s], words: [w], prefix: prefix });
      i += 1;
    }
    if (!groups.length && ws.length) {  // a query of function words only: search them as typed
      ws.forEach(function (x) { groups.push({ terms: [stem(x)], words: [x] }); });
    }
    return { groups: groups, interview: interview, corrected: corrected, searchedFor: shown.join(" "), words: ws };
  };

  Engine.prototype.ruleAt = function (stems, i) {
    var best = null;
    this.rules.forEach(function (rule) {
      rule.reader.forEach(function (r) {
        if (r.length && phraseKey(stems.slice(i, i + r.length)) === phraseKey(r) && (!best || r.length > best.words.length)) {
          best = { rule: rule, words: r };
        }
      });
    });
    return best;
  };

  Engine.prototype.phraseAt = function (stems, i) {
    var list = this.phrases[stems[i]] || [];
    for (var k = 0; k < list.length; k += 1) {
      if (phraseKey(stems.slice(i, i + list[k].length)) === phraseKey(list[k]) && this.stems[phraseKey(list[k])]) return list[k];
    }
    return null;
  };

  Engine.prototype.hasPrefix = function (s) {
    for (var t in this.stems) if (t.lastIndexOf(s, 0) === 0) return true;
    return false;
  };

  /* The index word nearest to `word`: edit distance 1, or 2 for words of 8 letters or more; ties go to
     the word more documents use. */
  Engine.prototype.correct = function (word) {
    var max = word.length >= 8 ? 2 : 1, best = null, bestD = max + 1, bestN = 0;
    for (var v in this.vocabulary) {
      if (Math.abs(v.length - word.length) > max || v.length < 4 || /^[0-9]+$/.test(v)) continue;
      var d = distance(word, v, max);
      var n = this.vocabulary[v];
      if (d < bestD || (d === bestD && n > bestN)) { best = v; bestD = d; bestN = n; }
    }
    return bestD <= max ? best : null;
  };

  function distance(a, b, max) {  // Damerau (adjacent swaps) - Levenshtein, stopping early past max
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j += 1) prev.push(j);
    for (i = 1; i <= a.length; i += 1) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j += 1) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < low) low = v;
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  var ENTRY_WEIGHT = 0.7;  // documents weighing less (paths, sources, guides, indexes, About) come after every entry

  var KIND_WORDS = {  // a query naming a kind of page lifts that kind to the entries' rank
    source: /\b(sources?|books?|articles?|papers?|bibliography|reading list)\b/,
    path: /\b(learning paths?|paths?|curriculum)\b/,
    about: /\b(contribut\w*|maintainers?|schema|json|api|export|benchmark|zensical)\b/,
    index: /\b(index|list of)\b/,
    page: /\b(guide|drill|star|review deck|prep sheet|countdown|worked example|self assessment|question bank)\b/
  };


  /* The documents for `query`, best first: [{doc, score, matched}]. `typing`: the last word may be unfinished. */
  Engine.prototype.search = function (query, options) {
    options = options || {};
    var self = this, parsed = this.parse(query, options.typing !== false && !/\s$/.test(query || ""));
    if (!parsed.words.length) return { results: [], searchedFor: "", corrected: false, groups: 0 };
    var totals = map();
    var groups = parsed.groups.filter(function (g) { return g.terms.length; }).length || 1;
    parsed.groups.forEach(function (g, gi) {
      if (!g.terms.length) return;
      // a group scores its best alternative (a word and its synonyms are one word of the query, not several)
      var best = map();
      g.terms.forEach(function (term, k) {
        self.mini.search(term, { prefix: g.prefix && k === 0 }).forEach(function (r) {
          if (!best[r.id] || r.score > best[r.id].score) best[r.id] = r;
        });
      });
      Object.keys(best).forEach(function (id) {
        var r = best[id];
        var t = totals[id] || (totals[id] = { id: id, score: 0, matched: 0, strong: 0 });
        t.score += r.score;
        t.matched += 1;
        var fields = map();
        Object.keys(r.match).forEach(function (term) { r.match[term].forEach(function (f) { fields[f] = true; }); });
        if (Object.keys(fields).some(function (f) { return f !== "text"; })) t.strong += 1;
      });
      g.index = gi;
    });
    var qwords = parsed.words.filter(function (w) { return !STOP[w]; }).map(stem);
    var named = function (doc) {
      if (KIND_WORDS[doc.kind] && KIND_WORDS[doc.kind].test(parsed.words.join(" "))) return true;
      var tw = words(doc.title).filter(function (w) { return !STOP[w]; }).map(stem);
      // the title is in the query, or a query of two words or more is all in the title
      return (tw.length >= 2 && tw.every(function (w) { return qwords.indexOf(w) >= 0; })) ||
        (qwords.length >= 2 && qwords.every(function (w) { return tw.indexOf(w) >= 0; }));
    };
    var list = Object.keys(totals).map(function (id) {
      var t = totals[id], doc = self.data.docs[id];
      var weight = doc.weight;
      if (doc.kind === "prompt" && parsed.interview) weight = 1.15;
      else if (weight < 1 && named(doc)) weight = 1;
      var share = t.matched / groups;
      return { doc: doc, score: t.score * weight * share * share, matched: t.matched, strong: t.strong, all: t.matched === groups,
        entry: weight >= ENTRY_WEIGHT };
    });
    var top = list.length ? Math.max.apply(null, list.map(function (r) { return r.score; })) : 1;
    (self.titles[parsed.words.join(" ")] || []).forEach(function (id) {  // the query is this page's title
      var r = list.filter(function (x) { return x.doc === self.data.docs[id]; })[0];
      if (!r) list.push(r = { doc: self.data.docs[id], matched: groups, strong: groups, all: true, score: 0 });
      r.score = top * 2 + r.score;
      r.entry = true;
    });
    list.sort(function (a, b) { return (b.entry - a.entry) || (b.score - a.score); });
    return { results: list, searchedFor: parsed.searchedFor, corrected: parsed.corrected, groups: parsed.groups.length };
  };

  return { Engine: Engine, stem: stem, words: words, distance: distance };
});
