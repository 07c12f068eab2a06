/* Autocomplete for the search boxes (the header's #site-search, the search page's
   #search-query and the address page's #address-query). Progressive enhancement: without it the forms submit as usual.
   Suggestions come as JSON from <form action>suggest/?q=… */
(function () {
  "use strict";

  function enhance(input) {
    var form = input.form;
    if (!form || !window.fetch) return;
    var endpoint = input.dataset.autocomplete || form.getAttribute("action").replace(/\/?$/, "/") + "suggest/";
    var list = document.createElement("ul");
    var listId = input.id + "-suggestions";
    var active = -1;
    var timer = null;
    var controller = null;

    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.style.position = form.style.position || "relative";
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function show(items) {
      list.innerHTML = "";
      active = -1;
      if (!items.length) return close();
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        a.href = item.url;
        a.textContent = item.title;
        if (item.section) {
          var small = document.createElement("span");
          small.className = "search-suggestions__section";
          small.textContent = item.section;
          a.appendChild(small);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function move(step) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      if (active >= 0) options[active].removeAttribute("aria-selected");
      active = (active + step + options.length) % options.length;
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) return close();
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { show(data.suggestions || []); })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("a")[active].href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }

  document.querySelectorAll("#site-search, #search-query, #address-query").forEach(enhance);
})();
