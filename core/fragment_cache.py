"""Parts of a page's HTML from the shared cache, so that a page the page cache does not hold
(after a publish or a deploy, with `PAGE_CACHE=off`) renders its layout around copies
instead of running every template:

    {% load fragments %}
    {% fragment "content" %}…{% endfragment %}      what the page shows: per URL, under the
                                                    versions its page type shows
    {% fragment "header" layout %}…{% endfragment %}   the page tree's and site settings' only
    {% fragment "footer" layout shared %}…{% endfragment %}   one for every URL

Never stale, by the page cache's own rules (core/page_cache.py): a fragment is shared only with
requests the page cache could answer with the same page (GET or HEAD, no cookie but the CSRF
token's and the `a11y` variant's; keyed by scheme, host, path, query, language, variant and
`Accept`, or, `shared`, by language and variant alone), and kept only when the response turns
out storable (no `private`, no cookie set: a customer's own answer is never kept; a view that
is personal only in its content may vouch for the rest, `share_all_but_content`). Its key holds
the versions (core/content_version.py) read before rendering, so a change makes it unreachable
on every process at once; one of a page type bound to the clock expires at its boundary
(core/expiry.py), every one at Moscow midnight. A CSRF token is kept as a placeholder and
filled with a token for the visitor's cookie on every use. A burst of requests for a missing
fragment renders it once (`page_cache.claim`).

`FRAGMENT_CACHE=off` renders everything (`make run` and the tests, whose transactions never
commit a version, leave it off)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from . import expiry, page_cache
from .content_version import PAGES, versions

KEY_PREFIX = "fragment:"
# Copies this process has used: a key names the versions, so a copy is current while they are.
LOCAL_ENTRIES = 2000


@dataclass(frozen=True)
class Fragment:
    expires_at: float
    parts: tuple[str, ...]  # the HTML split around the CSRF placeholder

    def html(self, request: HttpRequest) -> str:
        if len(self.parts) == 1:
            return self.parts[0]
        return "".join(
            part if index == 0 else get_token(request) + part
            for index, part in enumerate(self.parts)
        )


_local: dict[str, Fragment] = {}


def enabled() -> bool:
    return getattr(settings, "FRAGMENT_CACHE", True)


def share_all_but_content(request: HttpRequest, own_cookie: str) -> None:
    """For a view whose answer is personal only in its "content" fragment, and only by
    `own_cookie`, which it alone reads (a confirmation that the visitor's signed cookie names):
    its other fragments are what the same request without that cookie would get, so they are
    shared under that request's key, and kept although the answer is private. Call it before
    rendering."""
    request._fragments_own_cookie = own_cookie


def _own_cookie(request: HttpRequest) -> str:
    return getattr(request, "_fragments_own_cookie", "")


def _shareable_as(request: HttpRequest) -> str | None:
    """The page cache's key of this request (once per request), or None when what it renders
    may be personal."""
    if not hasattr(request, "_fragment_request_key"):
        key = page_cache.request_key(request.META, ignoring_cookie=_own_cookie(request))
        user = getattr(request, "user", None)
        if getattr(request, "is_preview", False) or (user is not None and user.is_authenticated):
            key = None
        request._fragment_request_key = key
    return request._fragment_request_key


def fragment_key(request: HttpRequest, name: str, *, layout: bool, shared: bool) -> str | None:
    """The key of fragment `name` as this request would render it now, or None: not shareable."""
    request_key = _shareable_as(request)
    if request_key is None:
        return None
    served = page_cache.page_type(request)
    names = [PAGES] if layout else expiry.version_names(served)
    seen = versions(names)  # before rendering: a change committed meanwhile misses next time
    variants = page_cache.variant(request.COOKIES) if shared else request_key
    parts = [name, get_language(), variants, *(seen[name] for name in names)]
    return KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def render(
    request: HttpRequest, name: str, draw: Callable[[], str], *, layout: bool, shared: bool
) -> str:
    """Fragment `name` from the cache, or drawn by `draw()` and kept if the response allows."""
    if not enabled() or (name == "content" and _own_cookie(request)):
        return draw()
    key = fragment_key(request, name, layout=layout, shared=shared)
    if key is None:
        return draw()
    found = _find(key)
    claimed = False
    if found is None:
        claimed = page_cache.claim(key)
        if not claimed:
            found = page_cache.wait_for(key, lambda: _find(key))
    if found is not None:
        return found.html(request)
    html = draw()
    # FragmentCacheMiddleware keeps it once the response shows it may, and releases the claim.
    request.__dict__.setdefault("_fragments_drawn", []).append(
        _Drawn(key, html, page_cache.page_type(request), layout, claimed)
    )
    return html


def _find(key: str) -> Fragment | None:
    found = _local.get(key)
    if found is None:
        found = cache.get(key)
        if found is None:
            return None
        if len(_local) >= LOCAL_ENTRIES:
            _local.pop(next(iter(_local)))  # the oldest
        _local[key] = found
    if found.expires_at <= time.time():
        _local.pop(key, None)
        return None
    return found


@dataclass(frozen=True)
class _Drawn:
    key: str
    html: str
    page_type: str | None
    layout: bool  # shows nothing bound to the clock but "today"
    claimed: bool


def _keep(request: HttpRequest, drawn: _Drawn) -> None:
    stripped = page_cache.strip_csrf_token(request, drawn.html.encode())
    if stripped is None:
        return
    expires_at = page_cache.expiry_time(drawn.page_type, clock=not drawn.layout)
    timeout = int(expires_at - time.time())
    if timeout < 1:
        return
    body, _csrf = stripped
    parts = tuple(part.decode() for part in body.split(page_cache.PLACEHOLDER))
    cache.set(drawn.key, Fragment(expires_at, parts), timeout=timeout)


class FragmentCacheMiddleware:
    """Keeps the fragments a request drew once its response shows whether they may be shared
    (`page_cache.storable`), and releases their claims."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        drawn = request.__dict__.get("_fragments_drawn")
        if drawn:
            try:
                if page_cache.storable(request, response, private=bool(_own_cookie(request))):
                    for fragment in drawn:
                        _keep(request, fragment)
            finally:
                for fragment in drawn:
                    if fragment.claimed:
                        page_cache.release(fragment.key)
        return response
