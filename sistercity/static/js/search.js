// The header's live search as an accessible combobox (WAI-ARIA 1.2, list autocomplete): the
// results htmx puts under the header are a listbox; ArrowDown/ArrowUp move through its options
// (the input keeps the focus, aria-activedescendant names the option), Enter opens the one
// chosen, Escape closes the list. Without JavaScript the form still submits to the search page.
(function () {
  function options(box) { return Array.prototype.slice.call(box.querySelectorAll("[role=option]")); }
  function setup() {
    var input = document.getElementById("search-input");
    var box = document.getElementById("search-live");
    if (!input || !box) { return; }
    function choose(option) {
      options(box).forEach(function (o) { o.setAttribute("aria-selected", o === option ? "true" : "false"); });
      if (option) { input.setAttribute("aria-activedescendant", option.id); option.scrollIntoView({block: "nearest"}); }
      else { input.removeAttribute("aria-activedescendant"); }
    }
    function close() { box.innerHTML = ""; input.setAttribute("aria-expanded", "false"); choose(null); }
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.target === box) { input.setAttribute("aria-expanded", options(box).length ? "true" : "false"); choose(null); }
    });
    input.addEventListener("keydown", function (event) {
      var all = options(box);
      var current = all.indexOf(document.getElementById(input.getAttribute("aria-activedescendant") || ""));
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length) { return; }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        choose(all[(current + step + all.length) % all.length]);
      } else if (event.key === "Enter" && current >= 0) {
        event.preventDefault();
        window.location.href = all[current].href;
      } else if (event.key === "Escape") {
        close();
      }
    });
  }
  document.addEventListener("DOMContentLoaded", setup);
})();
