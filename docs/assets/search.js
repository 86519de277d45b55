/* Influence Playbook: the search engine. Self-contained; no part of Material's search is used.

   The build writes search/index.json (playbook/render/search_index.py): one document per entry page and per
   section of a hand-written page, with a weight per kind, plus the query vocabulary of data/synonyms.yml; and
   search/body.json, the documents' body text. The search box (assets/search-box.js, on every page) loads the
   index, MiniSearch (assets/vendor/minisearch.js, pinned in package.json) and this file when a reader first
   searches, then the body text in slices (Engine options.deferBody, addBodyText, indexBody); this file is the
   core's module "search" (core.js): it defines playbook.searchEngine. Under node tests/search_run.js loads the
   same engine, indexing everything at once.

   docs/contributing.md#search has the rules and their reasons. In short: interview openers go; typos are
   corrected first (same first letter, never a word of data `keep`), then confusions, so every later step reads
   the corrected words; phrases naming an interview or a kind of page set the intent and are optional words;
   filler (data) and numbers go, on the query side only; synonyms and phrases; then each page is scored by fit
   (BM25 over weighted fields, times the cube of the share of meaningful words it carries) times its weight, a
   soft weight by kind and intent, never a tier. */
(function () {
  "use strict";
  var playbook = window.playbook;  /* under node, tests/search_run.js gives a stub */

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
    var t = String(text || "");
    if (/[^\x00-\x7f]/.test(t)) t = t.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");  // accents, only when there are any
    t = t.toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/\bcan't\b|\bcannot\b/g, "can not").replace(/\bwon't\b/g, "will not").replace(/n't\b/g, " not")
      .replace(/'(s|re|ve|ll|d|m)\b/g, "");
    return t.split(/[^a-z0-9]+/).filter(Boolean).reduce(function (out, w) {
      var c = BARE[w];  // "cant", "doesnt", "theyre" typed without the apostrophe
      if (c) out.push.apply(out, c); else out.push(w);
      return out;
    }, []);
  }
  var BARE = map();
  ("cant:can not|dont:do not|doesnt:does not|didnt:did not|isnt:is not|arent:are not|wasnt:was not|werent:were not|" +
    "havent:have not|hasnt:has not|shouldnt:should not|couldnt:could not|wouldnt:would not|wont:will not|" +
    "im:i|ive:i|youre:you|theyre:they|theyve:they|its:it|whats:what|thats:that").split("|")
    .forEach(function (p) { var kv = p.split(":"); BARE[kv[0]] = kv[1].split(" "); });

  /* Hyphenated and slashed compounds also as one word ("pre-mortem" -> premortem), for readers who write them so. */
  function compounds(text) {
    var out = [];
    if (!/[-\u2010\u2011]/.test(text)) return out;  // most texts have no hyphen: skip the slower pattern
    String(text || "").toLowerCase().replace(/([a-z]+)[-\u2010\u2011]([a-z]+)/g, function (_, a, b) { out.push(a + b); return _; });
    return out;
  }

  function phraseKey(stems) { return stems.join("_"); }

  // ---------------------------------------------------------------- the engine
  /* How much a word weighs by where a page carries it: its title and the readers' phrasings for it first, its
     summary and headings next, its body text last (docs/contributing.md#search). */
  var FIELD_BOOST = { title: 6, also_called: 5, asked_as: 4, summary: 2.5, headings: 2, page: 1, text: 0.4 };

  /* options.deferBody: index the strong fields (title, phrasings, summary, headings) now and the body text later, in
     slices (indexBody): the first result comes from the strong fields at any size, the body text joins within
     seconds. Without it (node, the tests) everything is indexed at once; the final results are the same. */
  function Engine(MiniSearch, data, options) {
    var self = this;
    options = options || {};
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
    // query side only (data/synonyms.yml): filler is dropped, a confusion is replaced, an interview phrase sets the intent
    this.filler = (data.filler || []).map(function (f) { return words(f); }).filter(function (f) { return f.length; })
      .sort(function (a, b) { return b.length - a.length; });
    var longestFirst = function (a, b) { return b.words.length - a.words.length; };
    this.soft = (data.soft || []).map(function (f) { return { words: words(f) }; }).filter(function (f) { return f.words.length; })
      .sort(longestFirst);
    this.audiences = [];  // [{tag, words}]: "my staff engineer" says the reader manages one
    (data.audiences || []).forEach(function (a) {
      a.phrases.forEach(function (p) { self.audiences.push({ tag: a.tag, words: words(p) }); });
    });
    this.audiences.sort(longestFirst);
    this.confusions = [];
    (data.confusions || []).forEach(function (c) {
      c.heard.forEach(function (h) { self.confusions.push({ heard: words(h), meant: words(c.meant) }); });
    });
    this.confusions.sort(function (a, b) { return b.heard.length - a.heard.length; });
    this.interviewPhrases = (data.interview || []).map(function (f) { return words(f); }).filter(function (f) { return f.length; });
    this.kindPhrases = [];  // [{kind, words}]: "checklist", "interview questions" name a kind of page
    Object.keys(data.kinds || {}).forEach(function (kind) {
      data.kinds[kind].forEach(function (p) { self.kindPhrases.push({ kind: kind, words: words(p) }); });
    });
    this.kindPhrases.sort(function (a, b) { return b.words.length - a.words.length; });
    this.intentWords = this.kindPhrases.concat(this.interviewPhrases.map(function (p) { return { kind: null, words: p }; }))
      .sort(function (a, b) { return b.words.length - a.words.length; });
    this.queryWords = map();  // words the query side knows (synonyms, filler, intents): never "corrected"
    [data.phrases, data.filler, data.soft, data.interview].concat((data.audiences || []).map(function (a) { return a.phrases; })).concat((data.synonyms || []).map(function (r) { return r.reader.concat(r.site); }))
      .concat(Object.keys(data.kinds || {}).map(function (kd) { return data.kinds[kd]; }))
      .concat((data.confusions || []).map(function (c) { return c.heard; }))
      .forEach(function (list) { (list || []).forEach(function (p) { words(p).forEach(function (w) { self.queryWords[w] = true; }); }); });
    this.keep = map();
    (data.keep || []).forEach(function (k) { words(k).forEach(function (w) { self.keep[w] = true; }); });
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
    var make = function (fields) {
      return new MiniSearch({
        idField: "i",
        fields: fields,
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
          boost: FIELD_BOOST,
          bm25: { k: 1.2, b: 0.7, d: 0.5 }
        }
      });
    };
    this.docs = data.docs.map(function (d, i) { return Object.assign({ i: i }, d); });
    this.mini = make(["title", "also_called", "asked_as", "summary", "headings", "page"]);
    this.mini.addAll(this.docs);
    this.body = make(["text"]);  // the body text: most of the index's weight, so it may come in slices
    this.bodyDone = 0;
    this.hasBody = this.docs.some(function (d) { return d.text; });  // node merges search/body.json in first
    this.titles = null;  // made with the body text (indexBody): the first result does not wait for it
    if (!options.deferBody) this.indexBody();
  }

  /* The words of each title and reader's phrasing -> its documents: a query typed as a page's title or as one of its
     phrasings lists that page first. */
  Engine.prototype.titleMap = function () {
    var titles = map();
    this.data.docs.forEach(function (d, i) {
      [d.title].concat(d.asked_as || [], d.also_called || []).forEach(function (t) {
        var k = words(t).join(" "), list = titles[k] || (titles[k] = []);
        if (list.indexOf(i) < 0) list.push(i);
      });
    });
    return titles;
  };

  /* The body text of every document (search/body.json), in the index's order; index it with indexBody. */
  Engine.prototype.addBodyText = function (texts) {
    this.docs.forEach(function (d, i) { d.text = texts[i] || ""; });
    this.hasBody = true;
  };

  /* Index the next `slice` documents' body text (all of them when no slice is given); true when every one is in. */
  Engine.prototype.indexBody = function (slice) {
    if (!this.titles) this.titles = this.titleMap();
    if (!this.hasBody) return false;
    var end = slice ? Math.min(this.docs.length, this.bodyDone + slice) : this.docs.length;
    this.body.addAll(this.docs.slice(this.bodyDone, end));
    this.bodyDone = end;
    return end >= this.docs.length;
  };

  /* MiniSearch results for one term over the strong fields and the body text, by document: {score, fields}. */
  Engine.prototype.lookup = function (term, prefix) {
    var out = map();
    var add = function (r) {
      var o = out[r.id] || (out[r.id] = { id: r.id, score: 0, strong: false });
      o.score += r.score;
      Object.keys(r.match).forEach(function (t) { if (r.match[t].some(function (f) { return f !== "text"; })) o.strong = true; });
    };
    this.mini.search(term, { prefix: prefix }).forEach(add);
    if (this.bodyDone) this.body.search(term, { prefix: prefix }).forEach(add);
    return out;
  };

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
  var STRONG_OPENERS = 6;  // the first six openers make an interview query; "what did you do", "how do you" only strip

  /* Caps (issue 33): a pasted page of unknown words costs at most MAX_CORRECTED scans of the vocabulary. */
  var MAX_QUERY = 200, MAX_CORRECTED = 4;

  function startsWith(list, i, phrase) {
    for (var j = 0; j < phrase.length; j += 1) if (list[i + j] !== phrase[j]) return false;
    return true;
  }

  /* The query as groups of alternatives: each group is one meaningful reader word or phrase and what it may also
     be written as (synonyms, its correction). Filler is dropped first, confusions and typos are corrected, and
     every later step (kind words, titles) reads the corrected words. */
  Engine.prototype.parse = function (query, typing) {
    var self = this, fixes = 0;
    var q = String(query || "").slice(0, MAX_QUERY).toLowerCase().trim();
    var interview = false, corrected = false, i, k;
    for (k = 0; k < OPENERS.length; k += 1) {
      if (OPENERS[k].test(q)) { q = q.replace(OPENERS[k], " ").trim(); interview = k < STRONG_OPENERS; break; }
    }
    var raw = words(q), last = raw.length - 1;
    // 1. typos, on every word before anything else reads the query: a word neither the pages nor the vocabulary of
    //    data/synonyms.yml knows is replaced by the nearest page word (not a real word the `keep` list names)
    var typed = raw.map(function (w, x) {
      var s = stem(w);
      if (STOP[w] || self.stems[s] || self.queryWords[w] || w.length < 5 || self.keep[w] || /[0-9]/.test(w)) return w;
      if (typing && x === last && self.hasPrefix(s)) return w;  // an unfinished word
      if (fixes >= MAX_CORRECTED) return w;
      fixes += 1;
      var fix = self.correct(w);
      if (fix) corrected = true;
      return fix || w;
    });
    // 2. confusions: a real word for a site word that sounds like it
    var ws = [];
    for (i = 0; i < typed.length;) {
      var conf = null;
      for (k = 0; k < self.confusions.length && !conf; k += 1) if (startsWith(typed, i, self.confusions[k].heard)) conf = self.confusions[k];
      if (conf) { ws.push.apply(ws, conf.meant); i += conf.heard.length; corrected = true; continue; }
      ws.push(typed[i]);
      i += 1;
    }
    var text = ws.join(" ");  // the corrected query: it may name a page ("question bank", "contributing")
    // 3. intent: phrases naming a kind of page or an interview set the intent and are searched as optional words
    //    (they add to a page's score, not to the words it must cover); filler and numbers go
    //    "my staff engineer" (an audience) sets whom the query is for; soft words ("staff engineer") are optional too
    var kinds = map(), kept = [], optional = [], display = [], audience = null;  // display: the query as searched, filler gone
    for (i = 0; i < ws.length;) {
      var named = null, fill = null, soft = null, aud = null;
      for (k = 0; k < self.audiences.length && !aud; k += 1) if (startsWith(ws, i, self.audiences[k].words)) aud = self.audiences[k];
      if (aud) {
        audience = aud.tag;
        optional.push.apply(optional, aud.words);
        display.push.apply(display, aud.words);
        i += aud.words.length;
        continue;
      }
      for (k = 0; k < self.intentWords.length && !named; k += 1) if (startsWith(ws, i, self.intentWords[k].words)) named = self.intentWords[k];
      if (named) {
        if (named.kind) kinds[named.kind] = true; else interview = true;
        optional.push.apply(optional, named.words);
        display.push.apply(display, named.words);
        i += named.words.length;
        continue;
      }
      var kept1 = self.phraseAt(ws.slice(i).map(stem), 0);  // a known phrase is never filler ("one-way door")
      for (k = 0; k < self.filler.length && !fill; k += 1) if (startsWith(ws, i, self.filler[k])) fill = self.filler[k];
      if (fill && !kept1) { i += fill.length; continue; }
      for (k = 0; k < self.soft.length && !soft; k += 1) if (startsWith(ws, i, self.soft[k].words)) soft = self.soft[k];
      if (soft && !kept1) {
        optional.push.apply(optional, soft.words);
        display.push.apply(display, soft.words);
        i += soft.words.length;
        continue;
      }
      if (/^[0-9]+$/.test(ws[i]) && !kept1) { i += 1; continue; }  // numbers name no problem
      kept.push(ws[i]);
      display.push(ws[i]);
      i += 1;
    }
    if (kinds.prompt) interview = true;
    if (!kept.filter(function (w) { return !STOP[w]; }).length) { kept = ws.slice(); optional = []; display = ws.slice(); }  // as typed
    ws = kept;
    // 4. synonyms (longest reader phrase first), known phrases, single words
    var stems = ws.map(stem);
    var groups = [], used = map();
    i = 0;
    while (i < ws.length) {
      var match = self.ruleAt(stems, i);
      if (match) {
        var alts = [phraseKey(match.words)].concat(match.rule.site.map(phraseKey));
        match.rule.reader.forEach(function (r) { alts.push(phraseKey(r)); });
        groups.push({ terms: unique(alts.filter(function (a) { return self.stems[a]; })), words: ws.slice(i, i + match.words.length) });
        i += match.words.length;
        continue;
      }
      var phrase = self.phraseAt(stems, i);
      if (phrase) {
        groups.push({ terms: [phraseKey(phrase)], words: ws.slice(i, i + phrase.length) });
        i += phrase.length;
        continue;
      }
      var w = ws[i], s = stems[i];
      i += 1;
      if (STOP[w] || used[s]) continue;
      used[s] = true;
      var prefix = typing && i - 1 === ws.length - 1 && w === raw[last] && w.length >= 3 && !self.stems[s];
      groups.push({ terms: [s], words: [w], prefix: prefix });
    }
    if (!groups.length && ws.length) {  // a query of function words only: search them as typed
      ws.forEach(function (x) { groups.push({ terms: [stem(x)], words: [x] }); });
    }
    optional.filter(function (w) { return !STOP[w]; }).forEach(function (w) {
      if (!used[stem(w)] && self.stems[stem(w)]) { used[stem(w)] = true; groups.push({ terms: [stem(w)], words: [w], optional: true }); }
    });
    return { groups: groups, interview: interview, corrected: corrected, searchedFor: display.join(" "), words: ws,
      text: text, kinds: kinds, audience: audience };
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

  /* The index word nearest to `word`: edit distance 1 (two edits turn real words into other words: abrasive,
     abusive), with the same first letter (or its first two letters swapped): a typo keeps the word's start, while a
     different first letter makes another word (hiring, firing). Ties go to the word more documents use. */
  Engine.prototype.correct = function (word) {
    var max = 1, best = null, bestD = max + 1, bestN = 0;
    for (var v in this.vocabulary) {
      if (Math.abs(v.length - word.length) > max || v.length < 4 || /^[0-9]+$/.test(v)) continue;
      if (v[0] !== word[0] && !(v[0] === word[1] && v[1] === word[0])) continue;
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

  /* Kind is a soft weight by what the query is for, never a tier: it multiplies a page's score (its own weight,
     the kinds registry's search_boost or PAGE_WEIGHTS), so a page that answers much better still wins. */
  var INTENT = {
    problem: { prompt: 0.45, page: 0.8, about: 0.5 },                     // a reader's problem: situations and tactics
    interview: { prompt: 1.8, page: 1.5, index: 2, situation: 0.65, tactic: 0.6, model: 0.7, checklist: 0.9, about: 0.5 }
  };
  var AUDIENCE = { named: 1.8, other: 0.8 };  // pages for the reader a query names ("my staff engineer"), and for one it does not
  var OPTIONAL = 0.5;  // the share of an intent word's score a page gets ("interview" in "architecture interview")
  var INTERVIEW_PAGE = /interview|prep|star|drill|question bank|story/;  // guides for candidates, lifted by an interview query

  var KIND_WORDS = {  // a query naming a kind of page lifts that kind
    source: /\b(sources?|books?|articles?|papers?|bibliography|reading list)\b/,
    path: /\b(learning paths?|curriculum)\b/,
    about: /\b(contribut\w*|maintainers?|schema|json|api|export|benchmark|zensical|asked as|also called|synonyms?)\b/,
    index: /\b(index|list of|all (situations|tactics|models|checklists|questions))\b/,
    page: /\b(guide|drill|star|review deck|prep sheet|countdown|worked example|self assessment|question bank|find your move|practice|tool|worksheet|template|mock)\b/
  };  // the phrases that name the entry kinds are data (data/synonyms.yml, kinds)

  /* The documents for `query`, best first: [{doc, score, matched, all}]. `typing`: the last word may be unfinished. */
  Engine.prototype.search = function (query, options) {
    options = options || {};
    var self = this, parsed = this.parse(query, options.typing !== false && !/\s$/.test(query || ""));
    if (!parsed.words.length) return { results: [], searchedFor: "", corrected: false, groups: 0, interview: false };
    var totals = map(), n = this.docs.length;
    var live = parsed.groups.filter(function (g) { return g.terms.length; });
    var groups = live.filter(function (g) { return !g.optional; }).length || 1;
    var weightSum = 0;  // the query's meaningful words, each weighed by how rare it is among the documents
    live.forEach(function (g) {
      // a group scores its best alternative (a word and its synonyms are one word of the query, not several)
      var best = map();
      g.terms.forEach(function (term, k) {
        var found = self.lookup(term, g.prefix && k === 0);
        Object.keys(found).forEach(function (id) {
          var r = found[id];
          if (!best[id] || r.score > best[id].score) best[id] = r;
        });
      });
      var ids = Object.keys(best);
      var rarity = Math.log(1 + n / Math.max(1, ids.length));  // "every" or "team" covers little; "bottleneck" much
      if (!g.optional) weightSum += rarity;
      ids.forEach(function (id) {
        var r = best[id];
        var t = totals[id] || (totals[id] = { id: id, score: 0, matched: 0, strong: 0, covered: 0, strongly: 0 });
        if (g.optional) { t.score += r.score * OPTIONAL; return; }  // an intent word adds evidence, not coverage
        t.score += r.score;
        t.matched += 1;
        t.covered += rarity;
        if (r.strong) { t.strong += 1; t.strongly += rarity; }
      });
    });
    weightSum = weightSum || 1;
    var said = parsed.words.join(" ");  // what the reader meant: corrected, without filler
    var qwords = parsed.words.filter(function (w) { return !STOP[w]; }).map(stem);
    var meaningful = function (text) { return words(text).filter(function (w) { return !STOP[w]; }).map(stem); };
    var titled = function (doc) {  // the title is in the query, or a query of two words or more is all in the title
      var tw = doc._tw || (doc._tw = meaningful(doc.title));
      return (tw.length >= 2 && tw.every(function (w) { return qwords.indexOf(w) >= 0; })) ||
        (qwords.length >= 2 && qwords.every(function (w) { return tw.indexOf(w) >= 0; }));
    };
    var phrased = function (doc) {  // the query is one of the readers' phrasings for the page, give or take a word
      var ps = doc._ps || (doc._ps = (doc.asked_as || []).concat(doc.also_called || []).map(meaningful));
      return qwords.length >= 1 && ps.some(function (p) {
        return p.length <= qwords.length + 1 && qwords.every(function (w) { return p.indexOf(w) >= 0; });
      });
    };
    var intent = INTENT[parsed.interview ? "interview" : "problem"];
    var weightOf = function (doc) {
      var kindNamed = parsed.kinds[doc.kind] || (KIND_WORDS[doc.kind] && KIND_WORDS[doc.kind].test(parsed.text));
      if (doc.kind === "about") return kindNamed ? 1 : doc.weight * intent.about;  // maintainer pages: only when asked for
      var w = doc.weight * (intent[doc.kind] || 1);
      if (doc.kind === "page" && parsed.interview && !INTERVIEW_PAGE.test((doc.page || doc.title).toLowerCase()) &&
          doc.url.lastIndexOf("interview/", 0) !== 0) w = doc.weight;  // the interview section's guides, whatever their titles
      if (doc.tags) w *= doc.tags.indexOf(parsed.audience) >= 0 ? AUDIENCE.named : AUDIENCE.other;
      else if (parsed.audience && (doc.kind === "situation" || doc.kind === "tactic")) w *= AUDIENCE.other;
      if (kindNamed) w = Math.max(w, 1.3);
      else if (titled(doc) || ((intent[doc.kind] || 1) >= 0.8 && phrased(doc))) w = Math.min(Math.max(w, 1.1), w * 1.5);  // a soft lift: a prompt named by a problem query stays below the situation
      return w;
    };
    var list = Object.keys(totals).filter(function (id) { return totals[id].matched; }).map(function (id) {
      var t = totals[id], doc = self.data.docs[id];
      var share = t.covered / weightSum;
      // coverage counts more than any one word's strength: every meaningful word beats some of them, and a rare
      // word of the query counts more towards it than a common one
      var cover = share * share * share * (0.5 + 0.5 * t.strongly / weightSum);
      return { doc: doc, score: t.score * weightOf(doc) * cover, matched: t.matched, strong: t.strong, all: t.matched === groups };
    });
    var top = list.length ? Math.max.apply(null, list.map(function (r) { return r.score; })) : 1;
    var titles = self.titles || map();  // until the body text comes in, no title rule (the query runs again then)
    (titles[parsed.text] || titles[said] || []).forEach(function (id) {  // the query is this page's title
      var r = list.filter(function (x) { return x.doc === self.data.docs[id]; })[0];
      if (!r) list.push(r = { doc: self.data.docs[id], matched: groups, strong: groups, all: true, score: 0 });
      r.score = top * 2 + r.score;
    });
    list.sort(function (a, b) { return b.score - a.score; });
    return { results: list, searchedFor: parsed.searchedFor, corrected: parsed.corrected, groups: groups,
      interview: parsed.interview, good: good(list, groups) };
  };

  /* Whether the best result answers the query: it carries more than half of the meaningful words (the one word of a
     one-word query), one of them in its
     title, phrasings, summary or headings. A query without a good match says so and offers other ways in. */
  function good(list, groups) {
    var r = list[0];
    if (!r) return false;
    return r.strong >= 1 && (groups === 1 || r.matched * 2 > groups);
  }

  /* The best page of each kind for the words of a query that found no good match (the closest pages by kind). */
  Engine.prototype.closest = function (results, n) {
    var seen = map(), out = [];
    results.forEach(function (r) {
      if (out.length >= (n || 4) || seen[r.doc.kind] || r.doc.kind === "about" || r.doc.kind === "index") return;
      seen[r.doc.kind] = true;
      out.push(r);
    });
    return out;
  };

  playbook.searchEngine = { Engine: Engine, stem: stem, words: words, distance: distance };
  playbook.provide("search");
})();
