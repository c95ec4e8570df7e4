// The downloads page: a filter by city, kind and language over the grouped
// lists the page already is without script. Groups with nothing left are
// hidden; a disclosure of other languages opens when it holds a match for a
// chosen language.
(function () {
  "use strict";
  var form = document.getElementById("dl-filter");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll(".dl-group li[data-kind]"));
  var count = form.querySelector(".dl-count");
  var template = form.getAttribute("data-count") || "{n}";
  function apply() {
    var want = {};
    ["city", "kind", "lang"].forEach(function (n) { want[n] = form.elements[n].value; });
    var shown = 0;
    items.forEach(function (li) {
      var ok = ["city", "kind", "lang"].every(function (n) {
        return !want[n] || li.getAttribute("data-" + n) === want[n];
      });
      li.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".dl-group"), function (g) {
      g.hidden = !g.querySelector("li[data-kind]:not([hidden])");
      Array.prototype.forEach.call(g.querySelectorAll(".dl-others"), function (d) {
        var any = d.querySelector("li[data-kind]:not([hidden])");
        d.hidden = !any;
        if (want.lang && any) d.open = true;
      });
    });
    if (count) count.textContent = template.replace("{n}", shown);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
