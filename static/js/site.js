/* Progressive enhancement only: every control works as a plain link or form without it.
   The settings of the version for the visually impaired apply at once, without a page load:
   the same `a11y` cookie as /accessibility/ sets (see home/accessibility.py). */
(function () {
    "use strict";
    var root = document.documentElement;
    var names = ["size", "scheme", "images", "spacing"];

    function current(name) {
        var match = root.className.match(new RegExp("(?:^|\\s)a11y-" + name + "-(\\S+)"));
        return match ? match[1] : "";
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[data-a11y-name]") : null;
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
            return;
        }
        var name = link.getAttribute("data-a11y-name");
        var value = link.getAttribute("data-a11y-value");
        root.className = root.className.replace(new RegExp("(^|\\s)a11y-" + name + "-\\S+"), "$1a11y-" + name + "-" + value);
        var cookie = names.map(function (n) { return n + "-" + current(n); }).join(".");
        var secure = location.protocol === "https:" ? "; secure" : "";
        document.cookie = "a11y=" + cookie + "; path=/; max-age=31536000; samesite=lax" + secure;
        var group = link.closest("ul");
        if (group) {
            group.querySelectorAll("a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
        }
        link.setAttribute("aria-current", "true");
        event.preventDefault();
    });
})();
