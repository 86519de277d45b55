/* Influence Playbook: the search query, made to match how readers type a problem.
   Material hands the query to lunr in a web worker; every word becomes a prefix query ("in" -> "in*"),
   so short and common words ("in", "for", "a", "with") match hundreds of words and flood the results,
   while "decisions" misses "decision". Before the query reaches the worker (message type 2 is a query
   in Material 9.x) this script: drops a colon that ends a word (lunr reads "word:" as a field name),
   drops stop words and filler ("how", "my", "getting"), keeps a one- or two-letter word exact, and cuts
   common endings so every form of a word matches ("migrating" -> "migrat*", "executives" -> "executiv*").
   A query made only of stop words keeps its longer words. */
(function () {
  "use strict";

  var STOP = ("a able about across after all almost also am among an and any are as at be because been but by can " +
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his how however " +
    "i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only " +
    "or other our own rather said say says she should since so some than that the their them then there these they this " +
    "tis to too twas us wants was we were what when where which while who whom why will with would yet you your " +
    // filler in plain-language questions: it names no problem and no move
    "getting gets doing deal dealing handle handling someone somebody something thing things way ways really " +
    "want need needs help stuff i'm i've don't doesn't won't can't isn't").split(" ");
  var stop = {};
  STOP.forEach(function (w) { stop[w] = true; });

  var ENDINGS = [["ation", ""], ["ments", ""], ["ment", ""], ["ies", ""], ["ing", ""], ["sses", "ss"], ["ches", "ch"],
    ["shes", "sh"], ["xes", "x"], ["ed", ""], ["es", "e"], ["s", ""], ["e", ""]];

  function stem(word) {
    if (word.length < 5 || /ss$|us$|is$/.test(word)) return word;
    for (var i = 0; i < ENDINGS.length; i += 1) {
      var end = ENDINGS[i][0];
      if (word.slice(-end.length) === end) {
        var base = word.slice(0, -end.length) + ENDINGS[i][1];
        if (base.length >= 4) return stem2(base);
      }
    }
    return word;
  }
  function stem2(base) { return base.length > 4 && base.slice(-1) === "e" ? base.slice(0, -1) : base; }

  function rewrite(query) {
    if (/[+\-~^*"]\S|\S[~^*]/.test(query.replace(/(\w)-(?=\w)/g, "$1 "))) return query;  // lunr syntax: as typed
    var words = query.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/:(?=\s|$)/g, " ")
      .split(/[\s\-\u2013\u2014\/,.;!?()]+/).map(function (w) { return w.replace(/^'+|'+$/g, "").replace(/'s$/, ""); })
      .filter(Boolean);
    var kept = words.filter(function (w) { return !stop[w]; });
    if (!kept.length) kept = words.filter(function (w) { return w.length > 2 && !/'/.test(w); });
    if (!kept.length) return query;
    return kept.map(function (w) { return w.length <= 2 ? w + "^1" : stem(w); }).join(" ");
  }
  window.pbSearchQuery = rewrite;

  if (typeof Worker !== "undefined" && !Worker.prototype.pbQueryPatched) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === 2 && typeof message.data === "string") {
        args[0] = { type: 2, data: rewrite(message.data) };
      }
      return post.apply(this, args);
    };
    Worker.prototype.pbQueryPatched = true;
  }
})();
