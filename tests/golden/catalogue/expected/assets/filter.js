// Systems catalogue: show one field's cards. Without this script every
// field is listed and the filter links jump to its section.
(function () {
  "use strict";
  var links = document.querySelectorAll(".filter a[data-filter]");
  var sections = document.querySelectorAll("section.field");
  function show(field) {
    sections.forEach(function (s) {
      s.hidden = field !== "" && s.getAttribute("data-field") !== field;
    });
    links.forEach(function (a) {
      // Links, not buttons: the chosen one is marked current.
      if (a.getAttribute("data-filter") === field) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
  }
  links.forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      show(a.getAttribute("data-filter"));
      history.replaceState(null, "", a.getAttribute("href"));
    });
  });
  var m = /^#field-(.+)$/.exec(location.hash);
  if (m) show(m[1]);
})();
