// A page shown again after a refusal: move the focus to the error summary (GOV.UK pattern), so a
// keyboard or screen-reader user lands on what to correct, and each link there leads to its field.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});
