// The tariffs page: the calculator answers as you type, and choosing a region or category
// shows its tariffs at once. Without this script both forms work by their buttons.
(function () {
  "use strict";

  var filter = document.querySelector("[data-tariff-filter]");
  if (filter) {
    filter.addEventListener("change", function () {
      filter.submit();
    });
  }

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
