"""Page routes remembered by each process under the page-tree version: a page requested again
is found without a query.

Wagtail finds the page of a request by its site (one query), the root page in the active
language (the locale and the page: two), the path (HomePage.route: one, the specific page:
one), and before serving reads the view restrictions of the page and its ancestors (two). All
of it changes only with the page tree, whose version (core/content_version.PAGES) every
publish, unpublish, move, deletion and view-restriction change renews on every process at once.
So the first request of a host, path and language under a version keeps a pickled copy of what
routing found, taken before the page serves (`remember`, a before_serve_page hook); the next
ones under that version restore their own copy of it (`RouteCacheMiddleware`). Pages that
serve forms (POST) gain most: they are never in the page cache."""

from __future__ import annotations

import pickle
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .content_version import PAGES, versions

# (host, path, language) → (page-tree version, pickled site, page, route args, restrictions)
_routes: dict[tuple[str, str, str], tuple[str, bytes]] = {}
# A bound on memory: past it the process starts over (no LRU bookkeeping on every hit).
MAX_ROUTES = 2000


class RouteCacheMiddleware:
    """After LocaleMiddleware (the key holds the active language) and CommonMiddleware (which
    has checked the host)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.ROUTE_CACHE:
            return self.get_response(request)
        key = (request.get_host(), request.path_info, get_language())
        tree = versions([PAGES])[PAGES]
        stored = _routes.get(key)
        if stored is not None and stored[0] == tree:
            site, page, args, kwargs, restrictions = pickle.loads(stored[1])
            _use_restrictions(page, restrictions)
            # Where Wagtail's serve view and Site.find_for_request look first.
            request._wagtail_site = site
            request._wagtail_route_for_request = (page, args, kwargs)
        else:
            request.route_to_remember = (key, tree)
        return self.get_response(request)


def remember(page: Page, request: HttpRequest, args, kwargs) -> None:
    """Keeps the route Wagtail just found for the request (the before_serve_page hook)."""
    pending = getattr(request, "route_to_remember", None)
    if pending is None:
        return
    key, tree = pending
    restrictions = list(page.get_view_restrictions())
    try:
        # One pickle: the bound view method of a routable page stays bound to this very page.
        data = pickle.dumps((Site.find_for_request(request), page, args, kwargs, restrictions))
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # a page that cannot be copied is routed afresh every time
    finally:
        _use_restrictions(page, restrictions)  # Wagtail's check next reads them once, not twice
    if len(_routes) >= MAX_ROUTES:
        _routes.clear()
    _routes[key] = (tree, data)


def _use_restrictions(page: Page, restrictions: list) -> None:
    page.get_view_restrictions = lambda: restrictions  # this request's copy only
