from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from .accessibility import COOKIE_MAX_AGE, COOKIE_NAME, preferences


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public site, never the admin or the forms' result pages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "Disallow: /accessibility/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def accessibility_settings(request: HttpRequest) -> HttpResponse:
    """The switch of the version for the visually impaired, usable without JavaScript: a link
    such as `/accessibility/?size=2&next=/clients/` stores the choice in the `a11y` cookie and
    goes back. `mode=on` / `mode=off` turn the version on and off. Only a display preference
    changes, so a GET link is safe; it is never cached and crawlers are kept off it."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    add_never_cache_headers(response)
    if request.GET.get("mode") == "off":
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
    prefs = preferences(request)
    for name in ("size", "scheme", "images", "spacing"):
        if name in request.GET:
            prefs = prefs.with_choice(name, request.GET[name])
    response.set_cookie(
        COOKIE_NAME,
        prefs.cookie_value,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=False,  # static/js/site.js changes it without a page load
    )
    return response
