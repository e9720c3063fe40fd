// A page shown again after a refusal: move the focus to the error summary (GOV.UK pattern), so a
// keyboard or screen-reader user lands on what to correct, and each link there leads to its field.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});

// Behaviour that would otherwise be an inline handler, which the Content-Security-Policy refuses:
// a form with data-confirm asks before it is sent; a field with data-autosubmit sends its form
// when it changes (the form keeps a submit button inside <noscript> for pages without scripts).
document.addEventListener("submit", function (event) {
  var message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]") && event.target.form) {
    event.target.form.requestSubmit();
  }
});
