// Self-assessment: the browser half of `kitgen diagnose`. The scorer below
// is a line-by-line port of generator/diagnose.c (dx_read_values, dx_score,
// dx_recommend) and dx_normalise, reading the model and catalogue that
// dx_model_json writes into the page; tests/diagnose/run.sh checks that both
// give the same JSON for the same file. The rest fills the results panel and
// writes a content file. No framework, no network.
(function () {
  "use strict";

  // ---- numbers, as the C side reads and prints them -----------------------

  // g_ascii_strtod with the whole text consumed (diagnose.c): decimal or hex
  // notation, optional leading white space; anything else is NaN.
  var DECIMAL = /^[\t\n\v\f\r ]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  var HEX = /^[\t\n\v\f\r ]*([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$/;
  function parseNumber(text) {
    if (DECIMAL.test(text)) return Number(text.trim());
    var h = HEX.exec(text);
    if (h && (h[2] || h[3])) {
      var v = parseInt((h[2] || "0") + h[3], 16) * Math.pow(2, (h[4] ? Number(h[4]) : 0) - 4 * h[3].length);
      return h[1] === "-" ? -v : v;
    }
    return NaN;
  }

  // printf("%.Nf"): the nearest decimal to the exact binary value, and on an
  // exact tie the even one (glibc; toFixed would round up: 0.5625 → 0.563).
  // x is a tie at N decimals exactly when x·2^(N+1) is an odd integer.
  function fixed(x, n) {
    var t = x * Math.pow(2, n + 1);
    if (!isFinite(t) || !Number.isInteger(t) || Math.abs(t % 2) !== 1) return x.toFixed(n);
    var twice = t * Math.pow(5, n); // 2·x·10^N, odd, exact at these sizes
    var units = (twice - 1) / 2;    // the neighbour below
    if (units % 2 !== 0) units += 1;
    var digits = String(Math.abs(units));
    while (digits.length <= n) digits = "0" + digits;
    var sign = units < 0 || (units === 0 && x < 0) ? "-" : "";
    return sign + (n ? digits.slice(0, -n) + "." + digits.slice(-n) : digits);
  }

  // ---- the scorer -----------------------------------------------------------

  function has(obj, key) {
    return obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key);
  }

  // dx_normalise
  function normalise(ind, v) {
    var r;
    if (ind.method === "yesno") return v >= 0.5 ? 1 : 0;
    if (ind.method === "log") {
      if (v <= ind.nmin) return 0;
      r = (Math.log(v) - Math.log(ind.nmin)) / (Math.log(ind.nmax) - Math.log(ind.nmin));
    } else {
      r = (v - ind.nmin) / (ind.nmax - ind.nmin);
    }
    return r < 0 ? 0 : r > 1 ? 1 : r;
  }

  function Scorer(model) {
    this.model = model;
    this.ind = [];      // indicators in model order, each with its field index
    this.index = {};    // id -> position in this.ind
    var self = this;
    model.fields.forEach(function (f, fi) {
      f.first = self.ind.length;
      f.indicators.forEach(function (ind) {
        ind.field = fi;
        self.index[ind.id] = self.ind.length;
        self.ind.push(ind);
      });
    });
  }

  Scorer.prototype.indicatorIndex = function (id) {
    return typeof id === "string" && has(this.index, id) ? this.index[id] : -1;
  };

  // dx_read_values: every indicator once, a number in its range; yes/no
  // indicators also take yes/no/true/false. values: {id: number, string or
  // boolean} (a boolean is YAML's true/false). Errors come in the order the
  // C side records them: unknown and out-of-range in the order given, then
  // the missing ones in model order.
  Scorer.prototype.read = function (values) {
    var n = this.ind.length, value = new Array(n), norm = new Array(n), seen = new Array(n);
    var errors = [], given = {};
    for (var k = 0; k < n; k++) { value[k] = 0; norm[k] = 0; seen[k] = false; }
    var keys = values && typeof values === "object" ? Object.keys(values) : [];
    for (var i = 0; i < keys.length; i++) {
      var id = keys[i], raw = values[id], at = this.indicatorIndex(id);
      given[id] = true;
      if (at < 0) {
        errors.push({ indicator: id, kind: "unknown", message: "unknown indicator '" + id + "'" });
        continue;
      }
      var ind = this.ind[at], text = typeof raw === "boolean" ? String(raw) : raw, x = NaN;
      if (typeof text === "number") {
        x = text;
      } else if (typeof text === "string") {
        x = text === "" ? NaN : parseNumber(text);
        if (ind.method === "yesno" && (text === "true" || text === "yes")) x = 1;
        if (ind.method === "yesno" && (text === "false" || text === "no")) x = 0;
      }
      if (!isFinite(x) || x < ind.lo || x > ind.hi) {
        errors.push({ indicator: id, kind: "range", lo: ind.lo, hi: ind.hi,
                      message: "value of '" + id + "' is out of range: '" +
                               (typeof text === "string" || typeof text === "number" ? String(text) : "…") + "'" });
        continue;
      }
      seen[at] = true;
      value[at] = x;
      norm[at] = normalise(ind, x);
    }
    for (k = 0; k < n; k++)
      if (!seen[k] && !given[this.ind[k].id])
        errors.push({ indicator: this.ind[k].id, kind: "missing",
                      message: "missing indicator '" + this.ind[k].id + "'" });
    return { value: value, norm: norm, errors: errors };
  };

  Scorer.prototype.holds = function (r, cond) {
    var k = this.indicatorIndex(cond.indicator);
    return k >= 0 && r.value[k] >= cond.min;
  };

  // dx_score: field scores, the index, the highest stage climbed in order.
  Scorer.prototype.score = function (r) {
    var m = this.model, self = this;
    r.field = [];
    r.index = 0;
    m.fields.forEach(function (fd, f) {
      var s = 0, n = fd.indicators.length;
      for (var k = fd.first; k < fd.first + n; k++)
        s += fd.share ? r.norm[k] : self.ind[k].weight * r.norm[k];
      // a share field counts items: 66 of 86 is 66/86, not a sum of 1/86s
      r.field[f] = fd.share ? 100.0 * s / n : 100.0 * s;
      r.index += fd.weight * r.field[f];
    });
    // Criteria of a share field, as LOSI reports them: present / size.
    r.group = m.groups.map(function (g, gi) {
      var present = 0;
      for (var k = 0; k < self.ind.length; k++) if (self.ind[k].group === gi) present += r.norm[k];
      return present / g.size;
    });
    r.stage = 0;
    for (var i = 0; i < m.stages.length; i++) {
      var st = m.stages[i], ok = r.index + 1e-9 >= st.min, any = st.any.length === 0, j;
      for (j = 0; j < st.any.length; j++) any = this.holds(r, st.any[j]) || any;
      for (j = 0; j < st.all.length; j++) ok = this.holds(r, st.all[j]) && ok;
      for (j = 0; j < st.floor.length; j++) ok = this.holds(r, st.floor[j]) && ok;
      if (!ok || !any) break; // stages are climbed in order
      r.stage = i;
    }
  };

  // dx_recommend: every system of the catalogue, ranked by
  // need × gap × (0.5 + 0.5 × readiness) × (1 + foundation × n).
  Scorer.prototype.recommend = function (r, stated) {
    var m = this.model, self = this;
    stated = Array.isArray(stated) ? stated : [];
    var nstated = stated.length;
    var recs = m.catalogue.map(function (sys) {
      var rec = { slug: sys.slug, need: 0, gap: 1, readiness: 1, priority: 0,
                  problems: [], met: [], missing: [], unknown: [], providesTo: 0 };
      var nsys = sys.problems.length;
      sys.problems.forEach(function (p) { if (stated.indexOf(p) >= 0) rec.problems.push(p); });
      if (nstated && nsys)
        rec.need = rec.problems.length / nstated + 0.5 * rec.problems.length / nsys;
      var ds = has(m.systems, sys.slug) ? m.systems[sys.slug] : null;
      var at = ds ? self.indicatorIndex(ds.has) : -1;
      rec.gap = at >= 0 ? 1.0 - r.norm[at] : 1.0;
      var assessed = 0;
      sys.requires.forEach(function (id) {
        if (!has(m.requirements, id)) { rec.unknown.push(id); return; }
        assessed++;
        (self.holds(r, m.requirements[id]) ? rec.met : rec.missing).push(id);
      });
      // Requirements the model cannot assess count as half met.
      var known = assessed + rec.unknown.length;
      rec.readiness = known > 0 ? (rec.met.length + 0.5 * rec.unknown.length) / known : 1.0;
      return rec;
    });
    // A system that provides what other candidates need comes first.
    recs.forEach(function (a, i) {
      var ds = has(m.systems, a.slug) ? m.systems[a.slug] : null;
      for (var j = 0; ds && ds.provides && j < recs.length; j++) {
        var b = recs[j];
        if (i === j || b.need <= 0) continue;
        for (var k = 0; k < b.missing.length; k++)
          if (ds.provides.indexOf(b.missing[k]) >= 0) { a.providesTo++; break; }
      }
      a.priority = a.need * a.gap * (0.5 + 0.5 * a.readiness) * (1.0 + m.foundation * a.providesTo);
    });
    recs.sort(function (x, y) {
      if (x.priority !== y.priority) return x.priority > y.priority ? -1 : 1;
      return x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0;
    });
    r.recs = recs;
    r.top = [];
    for (var i = 0; i < recs.length && r.top.length < m.top; i++) {
      if (recs[i].priority <= 0) break;
      r.top.push(recs[i]);
    }
  };

  // The whole evaluation with its details; r.errors non-empty means no
  // scores (as dx_evaluate returns NULL).
  Scorer.prototype.run = function (values, problems) {
    var r = this.read(values);
    if (r.errors.length) return r;
    this.score(r);
    this.recommend(r, problems);
    return r;
  };

  // dx_result_json, byte for byte.
  Scorer.prototype.json = function (r) {
    var m = this.model;
    var out = '{"index":' + fixed(r.index, 1) + ',"stage":"' + m.stages[r.stage].id + '","fields":{';
    out += m.fields.map(function (f, i) { return '"' + f.id + '":' + fixed(r.field[i], 1); }).join(",");
    out += "}";
    // A share field's score and criteria on LOSI's 0–1 scale, four decimals.
    var crit = [];
    m.fields.forEach(function (f, fi) {
      if (!f.share) return;
      var parts = ['"total":' + fixed(r.field[fi] / 100.0, 4)];
      m.groups.forEach(function (g, gi) { if (g.field === fi) parts.push('"' + g.id + '":' + fixed(r.group[gi], 4)); });
      crit.push('"' + f.id + '":{' + parts.join(",") + "}");
    });
    if (crit.length) out += ',"criteria":{' + crit.join(",") + "}";
    out += ',"recommend":[';
    out += r.top.map(function (rec) {
      return '{"system":"' + rec.slug + '","priority":' + fixed(rec.priority, 3) + "}";
    }).join(",");
    return out + "]}";
  };

  // ---- the page -------------------------------------------------------------

  var modelScript = document.getElementById("dx-model");
  if (!modelScript) return;
  var scorer = new Scorer(JSON.parse(modelScript.textContent));

  // The API the tests use: the same JSON shape as `kitgen diagnose --json`
  // (numbers rounded as it prints them), or {errors: [...]} when the values
  // are missing, unknown or out of range.
  window.kitgenDiagnose = {
    model: scorer.model,
    evaluate: function (values, problems) {
      var r = scorer.run(values, problems);
      return r.errors.length ? { errors: r.errors } : JSON.parse(scorer.json(r));
    },
    json: function (values, problems) {
      var r = scorer.run(values, problems);
      return r.errors.length ? null : scorer.json(r);
    },
    details: function (values, problems) { return scorer.run(values, problems); },
    fixed: fixed,
    parseNumber: parseNumber
  };

  var form = document.getElementById("dx-form");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var lang = form.getAttribute("data-lang") || "en";
  var results = document.getElementById("dx-results");
  var output = document.getElementById("dx-output");
  var status = document.getElementById("dx-status");
  var city = document.getElementById("dx-city");
  var date = document.getElementById("dx-date");

  // Texts and links in the page's language (assess.xsl, <template id="dx-labels">).
  var labels = { msg: {}, problem: {}, requirement: {}, stage: {}, system: {}, city: [] };
  var tpl = document.getElementById("dx-labels");
  var box = tpl && tpl.content ? tpl.content : tpl;
  if (box) {
    Array.prototype.forEach.call(box.querySelectorAll("[data-msg]"), function (e) { labels.msg[e.getAttribute("data-msg")] = e.textContent; });
    Array.prototype.forEach.call(box.querySelectorAll("[data-problem]"), function (e) { labels.problem[e.getAttribute("data-problem")] = e.textContent; });
    Array.prototype.forEach.call(box.querySelectorAll("[data-requirement]"), function (e) { labels.requirement[e.getAttribute("data-requirement")] = e.textContent; });
    Array.prototype.forEach.call(box.querySelectorAll("[data-stage]"), function (e) { labels.stage[e.getAttribute("data-stage")] = e.textContent; });
    Array.prototype.forEach.call(box.querySelectorAll("[data-system]"), function (e) {
      labels.system[e.getAttribute("data-system")] = { title: e.textContent, href: e.getAttribute("href") };
    });
    Array.prototype.forEach.call(box.querySelectorAll("[data-city]"), function (e) {
      labels.city.push({ slug: e.getAttribute("data-city"), name: e.textContent });
    });
  }
  function msg(key, fills) {
    var text = has(labels.msg, key) ? labels.msg[key] : key;
    Object.keys(fills || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(fills[k])); });
    return text;
  }
  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var inputs = Array.prototype.slice.call(form.querySelectorAll("[data-indicator]"));

  function setError(input, text) {
    var holder = document.getElementById(input.id + "-error");
    if (holder) holder.textContent = text || "";
    if (text) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  // The form's values as the C side would read them from a file: an empty
  // input is a missing indicator.
  function formValues() {
    var values = {};
    inputs.forEach(function (input) {
      var v = input.value.trim();
      if (input.getAttribute("data-method") !== "yesno" && input.validity && input.validity.badInput) v = "?";
      if (v !== "") values[input.getAttribute("data-indicator")] = v;
    });
    return values;
  }
  function formProblems() {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=problems]"), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
  }

  // Marks every input the scorer rejects; returns the first, or null.
  function showErrors(errors) {
    var first = null, byId = {};
    errors.forEach(function (e) { byId[e.indicator] = e; });
    inputs.forEach(function (input) {
      var e = byId[input.getAttribute("data-indicator")], text = "";
      if (e && e.kind === "missing")
        text = msg(input.getAttribute("data-method") === "yesno" ? "assess.missing_yesno" : "assess.missing");
      else if (e && e.kind === "range")
        text = msg("assess.out_of_range", { lo: e.lo, hi: e.hi });
      else if (e)
        text = msg("assess.unknown");
      setError(input, text);
      if (text && !first) first = input;
    });
    return first;
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function reasonList(rec) {
    var ul = el("ul", { "class": "reasons" });
    function line(key, ids, kind, cls) {
      if (!ids.length) return;
      var names = ids.map(function (id) { return has(labels[kind], id) ? labels[kind][id] : id; });
      ul.appendChild(el("li", cls ? { "class": cls } : {}, msg(key) + ": " + names.join(", ")));
    }
    line("dx.addresses", rec.problems, "problem");
    line("dx.met", rec.met, "requirement");
    line("dx.missing", rec.missing, "requirement", "missing");
    line("dx.unknown", rec.unknown, "requirement", "muted");
    if (rec.providesTo) ul.appendChild(el("li", {}, msg("dx.foundation")));
    return ul;
  }

  function render(r) {
    var m = scorer.model;
    results.setAttribute("aria-busy", "true");
    document.getElementById("dx-index").textContent = fixed(r.index, 1);
    var stageName = has(labels.stage, m.stages[r.stage].id) ? labels.stage[m.stages[r.stage].id] : m.stages[r.stage].id;
    document.getElementById("dx-stage").textContent = stageName;
    Array.prototype.forEach.call(document.querySelectorAll("#dx-ladder [data-stage]"), function (li) {
      var i = -1;
      m.stages.forEach(function (st, j) { if (st.id === li.getAttribute("data-stage")) i = j; });
      li.className = "stage" + (i >= 0 && i <= r.stage ? " reached" : "") + (i === r.stage ? " current" : "");
      if (i === r.stage) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
      var min = li.querySelector(".dx-min");
      if (min && i >= 0) min.textContent = "(≥ " + m.stages[i].min + (m.stages[i].own ? "; " + msg("dx.own") : "") + ")";
    });
    m.fields.forEach(function (f, i) {
      var li = document.querySelector('#dx-bars [data-field="' + f.id + '"]');
      if (!li) return;
      li.querySelector(".dx-bar-fill").style.width = Math.max(0, Math.min(100, r.field[i])) + "%";
      li.querySelector(".dx-bar-value").textContent = fixed(r.field[i], 1);
    });
    var list = document.getElementById("dx-recommend");
    list.textContent = "";
    r.top.forEach(function (rec) {
      var sys = has(labels.system, rec.slug) ? labels.system[rec.slug] : { title: rec.slug, href: root + lang + "/systems/" + rec.slug + "/" };
      var li = el("li", { "data-system": rec.slug });
      var h = el("h4");
      h.appendChild(el("a", { href: sys.href }, sys.title));
      li.appendChild(h);
      li.appendChild(reasonList(rec));
      var formula = msg("dx.priority") + ": " + fixed(rec.priority, 3) + " = " + msg("dx.need") + " " + fixed(rec.need, 2) +
        " × " + msg("dx.gap") + " " + fixed(rec.gap, 2) + " × (0.5 + 0.5 × " + msg("dx.readiness") + " " + fixed(rec.readiness, 2) + ")";
      if (rec.providesTo) formula += " × (1 + " + m.foundation + " × " + rec.providesTo + ")";
      li.appendChild(el("p", { "class": "small muted" }, formula));
      list.appendChild(li);
    });
    document.getElementById("dx-none").hidden = r.top.length > 0;
    output.hidden = false;
    var summary = msg("assess.results_summary", { index: fixed(r.index, 1), stage: stageName });
    if (r.top.length) {
      var first = r.top[0].slug;
      summary += " " + msg("assess.first", { system: has(labels.system, first) ? labels.system[first].title : first });
    }
    setStatus(summary);
    results.setAttribute("aria-busy", "false");
  }

  // Scores the form; returns the result, or null after marking the errors.
  function scoreForm() {
    var r = scorer.run(formValues(), formProblems());
    var first = showErrors(r.errors);
    if (r.errors.length) {
      output.hidden = true;
      setStatus(msg("assess.invalid", { n: r.errors.length }));
      if (first) first.focus();
      return null;
    }
    render(r);
    return r;
  }

  // ---- the city and the content file ---------------------------------------

  function slugify(name) {
    var s = name.normalize ? name.normalize("NFKD") : name;
    s = s.replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return s || "city";
  }
  // The catalogue city a typed name names (its page name), or null.
  function knownCity(name) {
    var n = name.trim().toLowerCase();
    if (!n) return null;
    for (var i = 0; i < labels.city.length; i++) {
      var c = labels.city[i];
      if (c.slug === n || c.name.trim().toLowerCase() === n || c.slug === slugify(name)) return c;
    }
    return null;
  }
  function cityNote() {
    var note = document.getElementById("dx-city-note"), name = city.value.trim();
    var c = knownCity(name);
    note.textContent = !name ? "" : c ? msg("assess.city_known", { city: c.name })
                                       : msg("assess.city_new", { slug: slugify(name) });
    if (name) setError(city, "");
  }

  function yamlString(s) {
    return JSON.stringify(s.replace(/[\r\n]+/g, " ")); // a JSON string is a YAML double-quoted scalar
  }

  // The diagnosis as a content file, in the format of
  // content/diagnostics/maputo-2013.en.md, values as the form holds them.
  function contentFile(r) {
    var name = city.value.trim(), c = knownCity(name), slug = c ? c.slug : slugify(name);
    var shown = c ? c.name : name, day = date.value;
    var lines = ["---",
      "title: " + yamlString(msg("assess.file_title", { city: shown })),
      "summary: " + yamlString(msg("assess.file_summary", { city: shown, date: day })),
      "city: " + slug,
      "date: " + day,
      "sample: false",
      "problems: [" + formProblems().join(", ") + "]",
      "values:"];
    scorer.ind.forEach(function (ind, k) {
      var v = r.value[k];
      lines.push("  " + ind.id + ": " + (ind.method === "yesno" ? (v >= 0.5 ? "yes" : "no") : String(v)));
    });
    lines.push("---", "", "## " + msg("assess.file_heading"), "", msg("assess.file_body"), "");
    return { name: slug + "-" + day + "." + lang + ".md", text: lines.join("\n") };
  }

  function download() {
    var r = scoreForm(), bad = [];
    setError(date, date.value ? "" : msg("assess.date_missing"));
    setError(city, city.value.trim() ? "" : msg("assess.city_missing"));
    if (!city.value.trim()) bad.push(city);
    if (!date.value) bad.push(date);
    if (bad.length) {
      var n = bad.length + (r ? 0 : form.querySelectorAll('[data-indicator][aria-invalid="true"]').length);
      setStatus(msg("assess.invalid", { n: n }));
      (r ? bad[0] : form.querySelector('[aria-invalid="true"]')).focus();
      return;
    }
    if (!r) return;
    var file = contentFile(r);
    var url = URL.createObjectURL(new Blob([file.text], { type: "text/markdown;charset=utf-8" }));
    var a = el("a", { href: url, download: file.name });
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    setStatus(status.textContent + " " + msg("assess.downloaded", { file: file.name }));
  }

  // A sample's values into the form (the "Load these values" buttons).
  function load(button) {
    form.reset();
    inputs.forEach(function (input) { setError(input, ""); });
    city.value = button.getAttribute("data-city") || "";
    date.value = button.getAttribute("data-date") || "";
    var problems = (button.getAttribute("data-problems") || "").split(" ");
    Array.prototype.forEach.call(form.querySelectorAll("input[name=problems]"), function (c) { c.checked = problems.indexOf(c.value) >= 0; });
    (button.getAttribute("data-values") || "").split(";").forEach(function (pair) {
      var eq = pair.indexOf("="), id = pair.slice(0, eq), v = pair.slice(eq + 1);
      var input = document.getElementById("dx-i-" + id);
      if (!input || eq < 0) return;
      if (input.getAttribute("data-method") === "yesno") {
        var x = v === "yes" || v === "true" ? 1 : v === "no" || v === "false" ? 0 : parseNumber(v);
        input.value = x >= 0.5 ? "yes" : "no";
      } else {
        input.value = v;
      }
    });
    cityNote();
    output.hidden = true;
    setStatus(msg("assess.loaded", { title: button.getAttribute("data-title") || "" }));
    form.scrollIntoView();
    city.focus();
  }

  // ---- wiring ----------------------------------------------------------------

  results.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll(".dx-actions, #dx-download-note, .dx-load-wrap"), function (e) { e.hidden = false; });
  if (!date.value) date.value = new Date().toISOString().slice(0, 10);
  form.addEventListener("submit", function (e) { e.preventDefault(); scoreForm(); });
  document.getElementById("dx-download").addEventListener("click", download);
  city.addEventListener("input", cityNote);
  // A corrected answer loses its message at once; new errors wait for Score.
  inputs.forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.getAttribute("aria-invalid") !== "true" || input.value.trim() === "") return;
      var one = {};
      one[input.getAttribute("data-indicator")] = input.value.trim();
      if (!scorer.read(one).errors.some(function (x) { return x.kind !== "missing"; })) setError(input, "");
    });
  });
  date.addEventListener("change", function () { if (date.value) setError(date, ""); });
  Array.prototype.forEach.call(document.querySelectorAll(".dx-load"), function (b) {
    b.addEventListener("click", function () { load(b); });
  });
})();
