// The search page: reads the index kitgen writes under search/ (a manifest,
// chunks of postings by token range, one fragment per document) with
// <script> tags, so it works from a web host and from file:// alike.
// Tokens are made exactly as kitgen makes them (search_tokenize): folded
// (accents of U+0300–U+036F removed, lower case), words by the same ICU
// word rules (Intl.Segmenter), Han, Hangul and kana as character bigrams.
(function () {
  "use strict";
  var box = document.getElementById("search-results");
  var form = document.getElementById("search-form");
  if (!box || !form || !window.Promise || !String.prototype.normalize) return;
  var input = form.querySelector("input[name=q]");
  var all = document.getElementById("all-pages");
  var root = box.getAttribute("data-root") || "";
  var lang = box.getAttribute("data-lang");
  var text = function (k) { return box.getAttribute("data-" + k) || ""; };
  var PAGE = 10;

  var manifest = null, chunks = {}, docs = {}, loading = {};
  window.kgSearch = {
    manifest: function (m) { manifest = m; },
    chunk: function (h, d) { chunks[h] = d; },
    doc: function (i, d) { docs[i] = d; }
  };
  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (ok, fail) {
        var s = document.createElement("script");
        s.src = root + src;
        s.onload = ok;
        s.onerror = function () { fail(new Error(src)); };
        document.head.appendChild(s);
      });
    }
    return loading[src];
  }

  // ---- tokens, as search_tokenize in kitgen ----------------------------------
  function isCjk(c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF) ||
      (c >= 0x3130 && c <= 0x318F) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
  }
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();
  }
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter("en", { granularity: "word" }) : null;
  function words(s) {
    var out = [];
    if (segmenter) {
      for (var it = segmenter.segment(s)[Symbol.iterator](), r = it.next(); !r.done; r = it.next())
        if (r.value.isWordLike) out.push({ t: r.value.segment, i: r.value.index });
      return out;
    }
    var re = /[\p{L}\p{M}\p{N}]+/gu, m;
    while ((m = re.exec(s))) out.push({ t: m[0], i: m.index });
    return out;
  }
  // Runs of one class: Han/Hangul/kana runs go on across word boundaries
  // that touch, other words end at theirs.
  function runs(s) {
    var out = [], run = null;
    words(s).forEach(function (w) {
      var p = w.i;
      Array.from(w.t).forEach(function (ch) {
        var cjk = isCjk(ch.codePointAt(0));
        if (!(run && run.cjk === cjk && p === run.end && (cjk || p !== w.i))) {
          run = { cjk: cjk, cps: [] };
          out.push(run);
        }
        run.cps.push(ch);
        p += ch.length;
        run.end = p;
      });
    });
    return out;
  }
  // A query's terms: each needs all its tokens (a Han or Hangul word's
  // bigrams); a Latin word, or one Han character, also matches as a prefix.
  function terms(q) {
    var out = [];
    runs(fold(q)).forEach(function (r) {
      var n = r.cps.length, t = [];
      if (r.cjk && n === 1) t = [r.cps[0]];
      else if (r.cjk) for (var i = 0; i + 1 < n; i++) t.push(r.cps[i] + r.cps[i + 1]);
      else if (n >= 2 && n <= 40) t = [r.cps.join("")];
      if (t.length) out.push({ tokens: t, prefix: !r.cjk || n === 1, text: r.cps.join("") });
    });
    return out;
  }

  // ---- the index ---------------------------------------------------------------
  function cmp(a, b) { // code point order, as kitgen sorts (UTF-8 bytes)
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }
  function chunksFor(tok, prefix) {
    var c = manifest.chunks, lo = 0, hi = c.length - 1;
    while (lo < hi) { // the last chunk whose first token is <= tok
      var mid = (lo + hi + 1) >> 1;
      if (cmp(c[mid][0], tok) <= 0) lo = mid; else hi = mid - 1;
    }
    var out = [c[lo][1]];
    for (var j = lo + 1; prefix && j < c.length && c[j][0].indexOf(tok) === 0; j++) out.push(c[j][1]);
    return out;
  }
  function postings(list) { // [doc, weight, doc step, weight, …] -> {doc: weight}
    var m = {}, d = 0;
    for (var i = 0; i < list.length; i += 2) { d += list[i]; m[d] = list[i + 1]; }
    return m;
  }
  function idf(list) { return Math.log(1 + manifest.docs / (list.length / 2)); }
  // Scores of one term: the sum over its tokens, each document needing all.
  function scoreTerm(term) {
    var total = null;
    term.tokens.forEach(function (tok) {
      var best = {};
      chunksFor(tok, term.prefix).forEach(function (h) {
        var ch = chunks[h] || {};
        Object.keys(ch).forEach(function (k) {
          var exact = k === tok;
          if (!exact && !(term.prefix && k.indexOf(tok) === 0)) return;
          var p = postings(ch[k]), f = idf(ch[k]) * (exact ? 1 : 0.6);
          Object.keys(p).forEach(function (d) { best[d] = Math.max(best[d] || 0, p[d] * f); });
        });
      });
      if (total === null) total = best;
      else {
        var next = {};
        Object.keys(total).forEach(function (d) { if (best[d]) next[d] = total[d] + best[d]; });
        total = next;
      }
    });
    return total || {};
  }
  function langOf(d) {
    for (var i = 0; i < manifest.langs.length; i++) {
      var l = manifest.langs[i];
      if (d >= l[1] && d < l[1] + l[2]) return l[0];
    }
    return "";
  }
  // Documents matching every term (or, when none does, any), best first.
  function rank(ts) {
    var per = ts.map(scoreTerm), scores = {};
    var every = Object.keys(per[0]).filter(function (d) { return per.every(function (p) { return p[d]; }); });
    if (every.length) every.forEach(function (d) { scores[d] = per.reduce(function (s, p) { return s + p[d]; }, 0); });
    else per.forEach(function (p) { Object.keys(p).forEach(function (d) { scores[d] = (scores[d] || 0) + p[d]; }); });
    var ids = Object.keys(scores).map(Number);
    ids.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return {
      here: ids.filter(function (d) { return langOf(d) === lang; }),
      other: ids.filter(function (d) { return langOf(d) !== lang; })
    };
  }

  // ---- results -----------------------------------------------------------------
  function href(u) {
    if (location.protocol === "file:" && /\/$/.test(u)) u += "index.html";
    return root + u;
  }
  // Appends s to el with each query word marked; folding keeps positions
  // (every character is folded alone, its index remembered).
  function marked(el, s, ts) {
    var f = "", at = [], i = 0;
    Array.from(s).forEach(function (ch) {
      var x = fold(ch);
      for (var k = 0; k < x.length; k++) at.push(i);
      f += x;
      i += ch.length;
    });
    at.push(s.length);
    var hits = [];
    ts.forEach(function (t) {
      for (var p = f.indexOf(t.text); t.text && p >= 0; p = f.indexOf(t.text, p + 1))
        hits.push([at[p], at[p + t.text.length]]);
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    var last = 0;
    hits.forEach(function (h) {
      if (h[0] < last) return;
      el.appendChild(document.createTextNode(s.slice(last, h[0])));
      var m = document.createElement("mark");
      m.textContent = s.slice(h[0], h[1]);
      el.appendChild(m);
      last = h[1];
    });
    el.appendChild(document.createTextNode(s.slice(last)));
    return hits.length;
  }
  // About 180 characters of the text around the first query word.
  function snippet(d, ts) {
    var sources = [d.b || "", d.s || ""];
    for (var k = 0; k < sources.length; k++) {
      var s = sources[k], f = fold(s), p = -1;
      ts.forEach(function (t) { var q = f.indexOf(t.text); if (q >= 0 && (p < 0 || q < p)) p = q; });
      if (p < 0) continue;
      var start = Math.max(0, p - 60), end = Math.min(s.length, start + 180);
      while (start > 0 && start > p - 80 && !/\s/.test(s[start - 1])) start--;
      return (start > 0 ? "… " : "") + s.slice(start, end) + (end < s.length ? " …" : "");
    }
    return d.s || "";
  }
  function item(id, ts) {
    var d = docs[id], li = document.createElement("li"), a = document.createElement("a");
    a.href = href(d.u);
    a.setAttribute("hreflang", d.l);
    if (d.l !== lang) { a.lang = d.l; li.lang = d.l; }
    marked(a, d.t, ts);
    var h = document.createElement("h3");
    h.appendChild(a);
    li.appendChild(h);
    var tag = document.createElement("p");
    tag.className = "tag";
    tag.textContent = (text("kind-" + d.k) || d.k) + (d.l !== lang ? " · " + (text("lang-" + d.l.toLowerCase()) || d.l) : "");
    li.appendChild(tag);
    var p = document.createElement("p");
    p.className = "snippet";
    marked(p, snippet(d, ts), ts);
    li.appendChild(p);
    return li;
  }
  function section(title, ids, ts) {
    var sec = document.createElement("section"), h = document.createElement("h2");
    h.textContent = title;
    sec.appendChild(h);
    var ol = document.createElement("ol");
    ol.className = "results";
    sec.appendChild(ol);
    var shown = 0;
    function more() {
      var next = ids.slice(shown, shown + PAGE);
      shown += next.length;
      return Promise.all(next.map(function (id) { return load("search/d/" + id + ".js"); })).then(function () {
        next.forEach(function (id) { ol.appendChild(item(id, ts)); });
        var old = sec.querySelector(".more");
        if (old) old.remove();
        if (shown < ids.length) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "more button secondary";
          b.textContent = text("more");
          b.addEventListener("click", more);
          sec.appendChild(b);
        }
      });
    }
    return more().then(function () { return sec; });
  }

  var current = 0;
  function run(q) {
    var mine = ++current, ts = terms(q);
    if (all) all.hidden = ts.length > 0;
    if (!ts.length) { box.textContent = ""; return Promise.resolve(); }
    box.setAttribute("aria-busy", "true");
    return load("search/index.js").then(function () {
      var need = {};
      ts.forEach(function (t) { t.tokens.forEach(function (tok) { chunksFor(tok, t.prefix).forEach(function (h) { need[h] = 1; }); }); });
      return Promise.all(Object.keys(need).map(function (h) { return load("search/c/" + h + ".js"); }));
    }).then(function () {
      var r = rank(ts), parts = [];
      if (r.here.length) parts.push(section(text("here"), r.here, ts));
      if (r.other.length) parts.push(section(text("other"), r.other, ts));
      return Promise.all(parts).then(function (secs) {
        if (mine !== current) return;
        box.textContent = "";
        var count = document.createElement("p");
        count.className = "count";
        count.textContent = (r.here.length + r.other.length ? text("count") : text("none"))
          .replace("{n}", r.here.length + r.other.length).replace("{query}", q);
        box.appendChild(count);
        secs.forEach(function (s) { box.appendChild(s); });
        box.removeAttribute("aria-busy");
      });
    }).catch(function (e) {
      box.textContent = text("error");
      box.removeAttribute("aria-busy");
      if (window.console) console.warn(e);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// in some browsers */ }
      run(input.value);
    }, 250);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) {
    input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
    run(input.value);
  }
})();
