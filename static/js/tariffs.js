// The tariffs page: the calculator answers as you type (the server does the arithmetic, so
// the amounts are exactly those of the plain form). Without this script the form works by its
// button. The region and category form is left to its button: submitting on change would move
// keyboard users away while they choose (WCAG 3.2.2).
(function () {
  "use strict";

  var form = document.querySelector("[data-tariff-calculator]");
  var result = document.getElementById("tariff-calculator-result");
  if (!form || !result || !window.fetch) {
    return;
  }
  var timer = null;
  var latest = 0;

  function update() {
    var query = new URLSearchParams(new FormData(form)).toString();
    var ticket = ++latest;
    fetch(form.dataset.resultUrl + "?" + query, { headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && ticket === latest) {
          result.innerHTML = html;
          if (window.history && window.history.replaceState) {
            window.history.replaceState(null, "", "?" + query + "#tariff-calculator-title");
          }
        }
      })
      .catch(function () {
        // Offline or a server error: the Calculate button still submits the form.
      });
  }

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 250);
  });
})();
