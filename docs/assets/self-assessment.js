/* Self-assessment (/practice/self-assessment/): answer each level statement of each competency for the last
   six months (a habit: not yet 1, sometimes 2, consistently 3, and for a habit that starts "When…" also
   "did not come up" 0; an event: no 1, yes 3; clearable), draw a radar chart (inline SVG), keep dated snapshots
   and compare two. A competency's level: the highest level whose statement is met (3), whatever is answered
   below it, plus half a level when the statement just above is a habit kept sometimes (2). "Did not come up"
   counts neither way; a competency with no other answer is not rated. State through playbook.store:
   "assessment-draft" (answers in progress) and "assessment" (snapshots), both
   {at, answers: {competency: {senior|staff|principal: 0-3}}, evidence}. */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store;
  var MAX_SNAPSHOTS = 200, SVG = "http://www.w3.org/2000/svg", LEVELS = ["senior", "staff", "principal"],
    NAMES = ["Not yet senior", "Senior", "Staff", "Principal"];

  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  /* 0 to 3 in halves, or null when no statement of the competency is answered other than "did not come up".
     A statement not met below the highest one met does not lower it: in six months an event may not happen. */
  function score(a) {
    if (!a || !LEVELS.some(function (l) { return a[l] >= 1; })) return null;
    var top = 0;
    LEVELS.forEach(function (l, i) { if (a[l] === 3) top = i + 1; });
    return top + (top < LEVELS.length && a[LEVELS[top]] === 2 ? 0.5 : 0);
  }
  function describe(v) {
    if (v === null) return "Not rated";
    var whole = Math.floor(v);
    return v === whole ? NAMES[whole] : (whole ? NAMES[whole] + ", part way to " + NAMES[whole + 1] : "Part way to Senior");
  }
  function scores(answers) { var out = Object.create(null); Object.keys(answers).forEach(function (k) { out[k] = score(answers[k]); }); return out; }
  function stamp(at) { return at.slice(0, 10) + (at.length > 10 ? " " + at.slice(11, 16) : ""); }


  /* One assessment's state is one object, `s`: its elements, the competencies, and the snapshot "Compare with"
     selects after a save (compareNext). */
  function draft() { return store.get("assessment-draft", null) || { at: new Date().toISOString(), answers: {}, evidence: {} }; }
  function snapshots() { return store.get("assessment", []); }

  function fillForm(s) {
    var d = draft(), form = s.form;
    s.comps.forEach(function (c) {
      var a = d.answers[c.id] || {};
      LEVELS.forEach(function (l) { playbook.all("input[name='rate-" + c.id + "-" + l + "']", form).forEach(function (r) { r.checked = Number(r.value) === a[l]; }); });
      form.elements["evidence-" + c.id].value = d.evidence[c.id] || "";
    });
  }
  function readForm(s) {
    var d = { at: new Date().toISOString(), answers: {}, evidence: {} }, form = s.form;
    s.comps.forEach(function (c) {
      LEVELS.forEach(function (l) {
        var on = form.querySelector("input[name='rate-" + c.id + "-" + l + "']:checked");
        if (on) (d.answers[c.id] = d.answers[c.id] || {})[l] = Number(on.value);
      });
      var ev = form.elements["evidence-" + c.id].value.trim();
      if (ev) d.evidence[c.id] = ev.slice(0, 300);
    });
    return d;
  }

  function series(value) {
    if (value === "now") return { label: "Your answers now", ratings: scores(draft().answers) };
    var s = snapshots()[Number(value)];
    return s ? { label: "Snapshot of " + stamp(s.at), ratings: scores(s.answers) } : null;
  }
  /* "Compare with" never offers what the chart already shows. */
  function options(s) {
    var selA = s.selA, selB = s.selB, a = selA.value || "now", b = s.compareNext !== null ? s.compareNext : selB.value, list = snapshots();
    s.compareNext = null;
    a = series(a) ? a : "now";
    if (b === a || !series(b)) b = "";
    [selA, selB].forEach(function (sel) { sel.textContent = ""; });
    selB.appendChild(new Option("Nothing", ""));
    [selA, selB].forEach(function (sel) {
      if (sel === selA || a !== "now") sel.appendChild(new Option("Your answers now", "now"));
      list.forEach(function (x, i) { if (sel === selA || String(i) !== a) sel.appendChild(new Option("Snapshot of " + stamp(x.at), String(i))); });
    });
    selA.value = a; selB.value = b;
  }

  function chart(s, a, b) {
    var comps = s.comps;
    var fig = s.root.querySelector("[data-assess-chart]");
    /* Labels at least 12 px as drawn: on a narrow screen the chart is drawn larger in its own units. */
    var W = 640, width = fig.clientWidth || W, scale = Math.min(1, width / W);
    /* Too narrow for the names beside the axes: the axes are numbered and the names listed below. */
    var font = Math.max(14, 12.5 / scale), small = Math.max(11, 12 / scale), numbered = scale < 0.75, wrap = 16;
    var R = numbered ? 200 : 140, cx = W / 2, pad = R + 12 + (numbered ? 1.2 : 3.3) * font * 1.1, cy = pad, H = 2 * pad, n = comps.length;
    fig.textContent = "";
    var title = a.label + (b ? " compared with " + b.label.toLowerCase() : "");
    var root_ = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": "pb-radar-title pb-radar-desc", class: "pb-radar__svg" });
    var t = svg("title", { id: "pb-radar-title" }); t.textContent = "Radar chart: " + title;
    var desc = svg("desc", { id: "pb-radar-desc" });
    desc.textContent = comps.map(function (c) { return c.title + ": " + describe(a.ratings[c.id] === undefined ? null : a.ratings[c.id]) + (b ? " (compared: " + describe(b.ratings[c.id] === undefined ? null : b.ratings[c.id]) + ")" : ""); }).join("; ");
    root_.appendChild(t); root_.appendChild(desc);
    function at(i, v) { var ang = -Math.PI / 2 + 2 * Math.PI * i / n; return [cx + R * v / 3 * Math.cos(ang), cy + R * v / 3 * Math.sin(ang)]; }
    for (var level = 1; level <= 3; level += 1) {
      root_.appendChild(svg("polygon", { class: "pb-radar__ring", points: comps.map(function (c, i) { return at(i, level).join(","); }).join(" ") }));
      var lbl = svg("text", { class: "pb-radar__level", x: cx + 4, y: cy - R * level / 3 + small * 1.1, "font-size": small }); lbl.textContent = NAMES[level];
      root_.appendChild(lbl);
    }
    comps.forEach(function (c, i) {
      var end = at(i, 3), out = at(i, 3 + 8 / R * 3), cos = (out[0] - cx) / R;
      root_.appendChild(svg("line", { class: "pb-radar__axis", x1: cx, y1: cy, x2: end[0], y2: end[1] }));
      var text = svg("text", { class: "pb-radar__label", x: out[0], y: out[1], "font-size": font, "text-anchor": cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle" });
      var words = numbered ? [String(i + 1)] : c.title.split(" "), lines = [""];
      words.forEach(function (w) { if ((lines[lines.length - 1] + " " + w).trim().length > wrap && lines[lines.length - 1]) lines.push(w); else lines[lines.length - 1] = (lines[lines.length - 1] + " " + w).trim(); });
      var lh = font * 1.1, up = out[1] < cy - R * 0.9, down = out[1] > cy + R * 0.9;
      var dy0 = up ? -(lines.length - 1) * lh : down ? font * 0.8 : -(lines.length - 1) * lh / 2 + font * 0.35;
      lines.forEach(function (line, k) { var span = svg("tspan", { x: out[0], dy: k ? lh : dy0 }); span.textContent = line; text.appendChild(span); });
      root_.appendChild(text);
    });
    [[b, "b"], [a, "a"]].forEach(function (pair) {
      var s = pair[0]; if (!s) return;
      var pts = comps.map(function (c, i) { return at(i, s.ratings[c.id] || 0); });
      root_.appendChild(svg("polygon", { class: "pb-radar__area pb-radar__area--" + pair[1], points: pts.map(function (p) { return p.join(","); }).join(" ") }));
      pts.forEach(function (p, i) {
        root_.appendChild(svg("circle", { class: "pb-radar__point pb-radar__point--" + pair[1], cx: p[0], cy: p[1], r: 4.5, "data-series": pair[1], "data-competency": comps[i].id }));
      });
    });
    fig.appendChild(root_);
    var cap = playbook.el("figcaption");
    if (numbered) {
      var names = playbook.el("ol", null, "pb-radar__names");
      comps.forEach(function (c) { names.appendChild(playbook.el("li", c.title)); });
      cap.appendChild(names);
    }
    cap.appendChild(playbook.el("span", "▬ " + a.label, "pb-radar__key--a"));
    if (b) { cap.appendChild(document.createTextNode("  ")); cap.appendChild(playbook.el("span", "┅ " + b.label, "pb-radar__key--b")); }
    fig.appendChild(cap);
  }
  function table(s, a, b) {
    var root = s.root;
    var tb = root.querySelector("[data-assess-table] tbody");
    root.querySelector("[data-assess-table] [data-col='a']").textContent = a.label;
    var colB = root.querySelector("[data-assess-table] [data-col='b']");
    colB.hidden = !b; colB.textContent = b ? b.label : "";
    tb.textContent = "";
    s.comps.forEach(function (c) {
      var tr = playbook.el("tr"), th = playbook.el("th", c.title); th.scope = "row"; tr.appendChild(th);
      tr.appendChild(playbook.el("td", describe(a.ratings[c.id] === undefined ? null : a.ratings[c.id])));
      if (b) tr.appendChild(playbook.el("td", describe(b.ratings[c.id] === undefined ? null : b.ratings[c.id])));
      tb.appendChild(tr);
    });
  }
  function weakest(s, a) {
    var root = s.root, comps = s.comps;
    var box = root.querySelector("[data-assess-weak]");
    playbook.all("[data-grow]", root).forEach(function (g) { g.hidden = true; root.querySelector(".pb-assess__result").appendChild(g); });
    var rated = comps.filter(function (c) { return a.ratings[c.id] !== undefined && a.ratings[c.id] !== null; });
    box.textContent = "";
    if (!rated.length) { box.appendChild(playbook.el("p", "Answer at least one statement to see where to grow.")); return; }
    var low = Math.min.apply(null, rated.map(function (c) { return a.ratings[c.id]; }));
    var pick = rated.filter(function (c) { return a.ratings[c.id] === low; }).slice(0, 3);
    var unrated = comps.length - rated.length;
    box.appendChild(playbook.el("p", "Your lowest: " + pick.map(function (c) { return c.title + " (" + describe(low).toLowerCase() + ")"; }).join(", ") + "." +
      (unrated ? " " + unrated + " not rated yet." : "")));
    pick.forEach(function (c) { var g = root.querySelector("[data-grow='" + c.id + "']"); if (g) { g.hidden = false; box.appendChild(g); } });
  }
  function list(s) {
    var ul = s.root.querySelector("[data-assess-list]"); ul.textContent = "";
    snapshots().forEach(function (snap, i) {
      var li = playbook.el("li", "Snapshot of " + stamp(snap.at) + ": " + Object.keys(snap.answers).length + " of " + s.comps.length + " answered ");
      var del = playbook.el("button", "Delete", "pb-filter__button"); del.type = "button";
      del.setAttribute("aria-label", "Delete the snapshot of " + stamp(snap.at));
      del.addEventListener("click", function () {
        var all = snapshots(), gone = all.splice(i, 1)[0];
        if (store.set("assessment", all)) { s.selA.value = "now"; s.selB.value = ""; update(s); s.status.textContent = "Deleted the snapshot of " + stamp(gone.at) + "."; }
      });
      li.appendChild(del); ul.appendChild(li);
    });
    if (!snapshots().length) ul.appendChild(playbook.el("li", "No snapshot yet."));
  }

  function update(s) {
    options(s);
    var a = series(s.selA.value) || series("now"), b = s.selB.value ? series(s.selB.value) : null;
    chart(s, a, b); table(s, a, b); weakest(s, a); list(s);
  }

  function importFile(s, value) {
    var checked = value && value.kind === "self-assessment" ? store.check("assessment", value.snapshots) : null;
    if (!checked) { s.status.textContent = "Not imported: the file is not a self-assessment export. Your snapshots are unchanged."; return; }
    var all = snapshots(), seen = new Set(all.map(function (x) { return x.at; })), same = 0;
    var added = checked.value.filter(function (x) { if (seen.has(x.at)) { same += 1; return false; } seen.add(x.at); return true; });
    if (all.length + added.length > MAX_SNAPSHOTS) {
      s.status.textContent = "Not imported: you would have " + (all.length + added.length) + " snapshots, more than " + MAX_SNAPSHOTS + ". Delete old snapshots first. Your snapshots are unchanged.";
      return;
    }
    /* The file's answers in progress become the current answers; different answers already here are kept
       as a snapshot first, so nothing is lost. */
    var fileDraft = value.draft ? store.check("assessment-draft", value.draft) : null, current = draft(), kept = false;
    var restoring = fileDraft && Object.keys(fileDraft.value.answers).length > 0;
    if (restoring && Object.keys(current.answers).length && JSON.stringify(current.answers) !== JSON.stringify(fileDraft.value.answers) &&
        !seen.has(current.at) && all.length + added.length < MAX_SNAPSHOTS) { added.push(current); kept = true; }
    if (store.set("assessment", all.concat(added).sort(function (x, y) { return x.at < y.at ? -1 : 1; }))) {
      if (restoring) { store.set("assessment-draft", fileDraft.value); fillForm(s); }
      update(s);
      var answered = restoring ? Object.keys(fileDraft.value.answers).length : 0;
      s.status.textContent = "Imported " + playbook.plural(added.length - (kept ? 1 : 0), "new snapshot") +
        (restoring ? " and your answers in progress (" + answered + " of " + s.comps.length + " competencies answered, from " + stamp(fileDraft.value.at) + ")" : "") +
        "; nothing was removed." + (kept ? " Your earlier answers here were kept as a snapshot of " + stamp(current.at) + "." : "") +
        (same ? " " + same + (same === 1 ? " snapshot was" : " snapshots were") + " already here." : "") +
        (checked.dropped ? " " + checked.dropped + " unreadable snapshot" + (checked.dropped === 1 ? " was" : "s were") + " dropped (no valid date or ratings)." : "");
    } else s.status.textContent = "Not imported: the snapshots would not fit in the room this site keeps for them. Your snapshots are unchanged.";
  }

  function clearOne(s, button) {
    var id = button.dataset.assessClear;
    LEVELS.forEach(function (l) { playbook.all("input[name='rate-" + id + "-" + l + "']", s.form).forEach(function (r) { r.checked = false; }); });
    store.set("assessment-draft", readForm(s)); update(s);
    s.status.textContent = "Cleared your answers for " + button.closest("[data-competency]").dataset.title + ".";
  }
  function saveSnapshot(s) {
    var d = readForm(s);
    if (!Object.keys(d.answers).length) { s.status.textContent = "Answer at least one statement before saving a snapshot."; return; }
    var all = snapshots(); all.push(d);
    if (store.set("assessment", all)) {
      s.selA.value = "now"; s.compareNext = String(all.length - 1); update(s);
      s.status.textContent = "Saved the snapshot of " + stamp(d.at) + ": the chart compares your answers now with it.";
    }
  }

  function setupAssessment(root) {
    var form = root.querySelector("[data-assess-form]");
    var s = { root: root, form: form, selA: root.querySelector("[data-assess-a]"), selB: root.querySelector("[data-assess-b]"),
      status: root.querySelector("[data-assess-status]"), compareNext: null,
      comps: playbook.all("[data-competency]", form).map(function (f) { return { id: f.dataset.competency, title: f.dataset.title }; }) };
    form.addEventListener("change", function () { store.set("assessment-draft", readForm(s)); update(s); });
    form.addEventListener("input", function (e) { if (e.target.type === "text") store.set("assessment-draft", readForm(s)); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    s.selA.addEventListener("change", function () { update(s); }); s.selB.addEventListener("change", function () { update(s); });
    playbook.all("[data-assess-clear]", form).forEach(function (button) {
      button.addEventListener("click", function () { clearOne(s, button); });
    });
    root.querySelector("[data-assess-save]").addEventListener("click", function () { saveSnapshot(s); });
    root.querySelector("[data-assess-print]").addEventListener("click", function () { window.print(); });
    root.querySelector("[data-assess-export]").addEventListener("click", function () {
      playbook.download("self-assessment.json", "application/json", JSON.stringify({ version: 1, kind: "self-assessment", snapshots: snapshots(), draft: draft() }, null, 2));
    });
    var input = root.querySelector("[data-assess-import]");
    input.addEventListener("change", function () {
      playbook.readJson(input, function (value) { importFile(s, value); },
        function (message) { s.status.textContent = "Not imported: " + message + " Your snapshots are unchanged."; });
    });
    fillForm(s); update(s);
  }

  playbook.tool("self-assessment", { root: "[data-assess]", needs: ["kit"], setup: setupAssessment });
})();
