"""Whole responses of public pages for anonymous visitors, from the shared cache (Redis at
scale, so every app server sees one copy), and never stale.

What is cached: a GET or HEAD answered 200 to a visitor who is not logged in, carries no
cookie but the CSRF token's and the registered variant cookies (`a11y`), and got nothing
private back (no `Cache-Control: private/no-store/no-cache`, no cookie but the CSRF token).
The key is the scheme, host, path, query, language, variant cookies and `Accept` header.

Why it is never stale: a copy remembers the versions (core/content_version.py) it was
rendered under — the page tree's and those of the records its page type shows
(core/expiry.py) — read *before* rendering, and a hit compares them with the current ones.
A change renews its versions when it commits, on every server at once. What follows the clock
expires at its boundary (`expiry.register_clock`), and at the latest at Moscow midnight.

Forms: the CSRF token in a cached page is replaced by a placeholder when the copy is stored,
and each hit fills in a token for the visitor's own CSRF cookie (set when missing), so a form
posted after a cached GET is accepted. Such a copy is `private` for shared caches, except for a
proxy that says it speaks ESI (`Surrogate-Capability`, deploy/varnish.vcl): it gets the page
with an ESI include in place of the token's input, shares that, and writes in each visitor's
token itself.

The hit path is `cached_response(environ)`: a WSGI wrapper (`PageCacheApplication`, in
ruses/wsgi.py) answers a hit before Django builds a request, so no middleware, URL resolver,
database or template runs; `PageCacheMiddleware` (first in MIDDLEWARE) stores on a miss, lets
one request of a burst render while the others wait for its copy, and serves hits to clients
that bypass the wrapper (the test client, runserver)."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.cookie import parse_cookie
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    _unmask_cipher_token,
)
from django.utils import timezone
from django.utils.cache import get_max_age
from django.utils.http import http_date

from . import expiry
from .content_version import generation, versions

logger = logging.getLogger(__name__)
Found = TypeVar("Found")

KEY_PREFIX = "page:"
# Safety net: a copy is dropped after this long even if no version changed.
TIMEOUT = 60 * 60
# A burst of requests for a page being rendered waits this long for the first one's copy.
WAIT_SECONDS = 2.0
WAIT_STEP = 0.02
# Held in the cached HTML in place of the CSRF token (a masked token is 64 letters/digits).
PLACEHOLDER = b"csrf-token-placeholder-8f2c1e0a"
# What `{% csrf_token %}` draws, and what a proxy that speaks ESI gets in its place.
CSRF_INPUT = b'<input type="hidden" name="csrfmiddlewaretoken" value="' + PLACEHOLDER + b'">'
ESI_CSRF_INPUT = b'<esi:include src="/_esi/csrf-input"/>'
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
CSRF_SECRET = re.compile(rf"[A-Za-z0-9]{{{CSRF_SECRET_LENGTH}}}")
_UNEVEN_BYTES = bytes(range(256 - 256 % len(CSRF_ALLOWED_CHARS), 256))
_LETTER_OF_BYTE = bytes(
    ord(CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)]) for byte in range(256)
)
# A dict, not str.index: masking a token on every hit of a page with a form took twice as long.
_INDEX_OF_LETTER = {letter: index for index, letter in enumerate(CSRF_ALLOWED_CHARS)}
_letters = ""  # read from the random source, not yet used
_letters_lock = threading.Lock()
# Per request or set by the cache itself, never copied from the stored response.
PER_REQUEST_HEADERS = {
    "x-request-id",
    "date",
    "expires",
    "set-cookie",
    "etag",
    "cache-control",
    "content-length",
}

STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}
# Copies this process has read: a hit reads only the generation while nothing changes.
LOCAL_ENTRIES = 500

_local: dict[str, _Copy] = {}
_variant_cookies: dict[str, Callable[[str], str]] = {}
_hit_actions: dict[str, Callable[..., None]] = {}


def register_variant_cookie(name: str, normalise: Callable[[str], str]) -> None:
    """A cookie that changes how pages render (the version for the visually impaired): each
    normalised value gets its own copy; any other cookie bypasses the cache."""
    _variant_cookies[name] = normalise


def register_hit_action(name: str, action: Callable[..., None]) -> None:
    """Something a view does on every request (search counts its queries): a view asks for it
    on its response with `on_hit(response, name, *args)`, and every hit calls `action(*args)`."""
    _hit_actions[name] = action


def on_hit(response: HttpResponse, name: str, *args) -> None:
    response.page_cache_hit_action = (name, args)


@dataclass
class Entry:
    versions: dict[str, str]
    expires_at: float
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    csrf: bool  # the body holds PLACEHOLDER
    hit_action: tuple[str, tuple] | None
    wsgi_headers: list[tuple[str, str]]  # of a plain hit: the same for every visitor
    # The body for a proxy that speaks ESI, when every token is a form's input; a class default
    # for the copies stored before it existed.
    esi_body: bytes | None = None


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


def request_key(environ: dict, *, ignoring_cookie: str = "") -> str | None:
    """The cache key of a request, or None when its answer must not come from the cache; with
    `ignoring_cookie`, the key the request would have without that cookie."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in environ:
        return None
    path = environ.get("PATH_INFO", "")
    if path.startswith(tuple(settings.PAGE_CACHE_SKIP_PATHS)):
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    if set(cookies) - set(_variant_cookies) - {settings.CSRF_COOKIE_NAME, ignoring_cookie}:
        return None  # a session, messages or anything unknown: personal, never shared
    segment = path.split("/", 2)[1] if path.count("/") > 1 else ""
    language = segment if segment in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    parts = [
        environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http"),
        environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
        path,
        environ.get("QUERY_STRING", ""),
        language,
        variant(cookies),
        environ.get("HTTP_ACCEPT", ""),
    ]
    return KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def variant(cookies: dict[str, str]) -> str:
    """The normalised values of the variant cookies among these."""
    return ";".join(
        f"{name}={normalise(cookies[name])}"
        for name, normalise in sorted(_variant_cookies.items())
        if name in cookies
    )


def _is_current(entry: Entry) -> bool:
    return entry.expires_at > time.time() and versions(list(entry.versions)) == entry.versions


@dataclass
class _Copy:
    """This process's copy of an entry, the generation (core/content_version.py) under which
    it was last found current, and its body split around the CSRF placeholder."""

    entry: Entry
    checked: str | bytes | None
    parts: list[bytes]


def _current_copy(key: str) -> _Copy | None:
    """This process's copy when nothing changed since it was last found current (one read of
    the generation: a memory read with the file cache), else when its versions are still the
    current ones; else the shared copy, which this process then keeps."""
    seen = generation()  # first: a change committed after this read renews it
    copy = _local.get(key)
    if copy is not None and copy.entry.expires_at > time.time():
        if seen is not None and copy.checked == seen:
            return copy
        if _is_current(copy.entry):
            copy.checked = seen
            return copy
    _local.pop(key, None)
    entry = cache.get(key)
    if entry is None or not _is_current(entry):
        return None
    if len(_local) >= LOCAL_ENTRIES:
        _local.pop(next(iter(_local), None), None)  # the oldest
    copy = _local[key] = _Copy(entry, seen, entry.body.split(PLACEHOLDER))
    return copy


def _hit(key: str) -> _Copy | None:
    copy = _current_copy(key)
    if copy is not None and copy.entry.hit_action:
        name, args = copy.entry.hit_action
        try:
            _hit_actions[name](*args)
        except Exception:  # counting must never cost the visitor the page
            logger.exception("Page cache hit action %s failed", name)
    return copy


def cached_response(environ: dict, key: str | None = None) -> HttpResponse | None:
    """The answer from the cache, or None on a miss. Runs nothing of Django's request cycle."""
    key = key or request_key(environ)
    copy = _hit(key) if key is not None else None
    if copy is None:
        return None
    return _http_response(*_answer(copy, environ))


def _http_response(status: int, headers: list[tuple[str, str]], body: bytes) -> HttpResponse:
    response = HttpResponse(body, status=status)
    for name, value in headers:
        if name == "Set-Cookie":
            response.cookies.load(value)
        else:
            response[name] = value
    return response


def _answer(copy: _Copy, environ: dict) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body of a hit."""
    entry = copy.entry
    head = environ["REQUEST_METHOD"] == "HEAD"
    if entry.esi_body is not None and _speaks_esi(environ):
        return _esi_answer(entry, head)
    if not entry.csrf:
        if environ.get("HTTP_IF_NONE_MATCH") == entry.etag:
            return 304, _not_modified_headers(entry.etag, False), b""
        return entry.status, entry.wsgi_headers, b"" if head else entry.body  # built when stored
    secret = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.CSRF_COOKIE_NAME, "")
    new_secret = not CSRF_SECRET.fullmatch(secret)
    if new_secret:
        secret = _random_letters(CSRF_SECRET_LENGTH)
    # A page whose token was made for another cookie is another page for this visitor.
    etag = _etag(f"{entry.etag}{secret}".encode())
    if environ.get("HTTP_IF_NONE_MATCH") == etag and not new_secret:
        return 304, _not_modified_headers(etag, True), b""
    body = _masked_token(secret).encode().join(copy.parts)
    headers = [
        *entry.headers,
        ("Content-Length", str(len(body))),
        ("ETag", etag),
        ("Cache-Control", _cache_control(True)),
        ("X-Page-Cache", "hit"),
    ]
    if new_secret:
        headers.append(("Set-Cookie", _csrf_cookie(secret)))
    return entry.status, headers, b"" if head else body


def _speaks_esi(environ: dict) -> bool:
    return "ESI/1.0" in environ.get("HTTP_SURROGATE_CAPABILITY", "")


def _esi_answer(entry: Entry, head: bool) -> tuple[int, list[tuple[str, str]], bytes]:
    """A page with a form, for a proxy that fills in each visitor's token: it may keep the page
    as long as any other (`Surrogate-Control`, which only surrogates read); what it passes on
    stays private (`Cache-Control`), as the visitor's token is in it then."""
    headers = [
        *entry.headers,
        ("Content-Length", str(len(entry.esi_body))),
        ("Cache-Control", _cache_control(True)),
        ("Surrogate-Control", f'content="ESI/1.0", max-age={settings.PAGE_CACHE_SHARED_MAX_AGE}'),
        ("X-Page-Cache", "hit"),
    ]
    return entry.status, headers, b"" if head else entry.esi_body


def _not_modified_headers(etag: str, csrf: bool) -> list[tuple[str, str]]:
    return [("ETag", etag), ("Cache-Control", _cache_control(csrf)), ("X-Page-Cache", "hit")]


def _random_letters(count: int) -> str:
    """Letters of the CSRF alphabet from the system's random source, each used once. Bytes
    above the last whole multiple of the alphabet's size are dropped, so every letter is as
    likely. The source is read 4 KB at a time: a read is a system call, which hands the GIL to
    another of the worker's threads and waits to get it back (two reads a hit held the pages
    with a form at 15,400-15,900 requests/s under `make serve`, 16,900-19,300 without)."""
    global _letters
    with _letters_lock:
        while len(_letters) < count:
            _letters += os.urandom(4096).translate(_LETTER_OF_BYTE, _UNEVEN_BYTES).decode()
        taken, _letters = _letters[:count], _letters[count:]
    return taken


def _forget_letters() -> None:
    """In a forked child: letters the parent read are the parent's (and its other children's)."""
    global _letters
    _letters = ""


os.register_at_fork(after_in_child=_forget_letters)


def _masked_token(secret: str) -> str:
    """The secret masked as Django's CSRF middleware does (`_mask_cipher_secret`)."""
    mask = _random_letters(CSRF_SECRET_LENGTH)
    letters, index = CSRF_ALLOWED_CHARS, _INDEX_OF_LETTER
    size = len(letters)
    return mask + "".join(
        [letters[(index[s] + index[m]) % size] for s, m in zip(secret, mask, strict=True)]
    )


def _csrf_cookie(secret: str) -> str:
    """The Set-Cookie value of a new CSRF cookie, as CsrfViewMiddleware sets it."""
    attributes = [
        f"{settings.CSRF_COOKIE_NAME}={secret}",
        f"expires={http_date(time.time() + settings.CSRF_COOKIE_AGE)}",
        f"Max-Age={settings.CSRF_COOKIE_AGE}",
        f"Path={settings.CSRF_COOKIE_PATH}",
    ]
    if settings.CSRF_COOKIE_DOMAIN:
        attributes.append(f"Domain={settings.CSRF_COOKIE_DOMAIN}")
    if settings.CSRF_COOKIE_SECURE:
        attributes.append("Secure")
    if settings.CSRF_COOKIE_HTTPONLY:
        attributes.append("HttpOnly")
    if settings.CSRF_COOKIE_SAMESITE:
        attributes.append(f"SameSite={settings.CSRF_COOKIE_SAMESITE}")
    return "; ".join(attributes)


def _etag(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _cache_control(csrf: bool) -> str:
    """Browsers revalidate (ETag → 304); a shared cache (CDN, proxy) keeps a page briefly and is
    purged on change; a page with a visitor's CSRF token is not for shared caches."""
    if csrf:
        return "private, max-age=0, must-revalidate"
    return f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SHARED_MAX_AGE}"


def storable(request: HttpRequest, response: HttpResponse, *, private: bool = False) -> bool:
    """Whether the response may be kept for other visitors; with `private`, whether it could be
    but for its own Cache-Control (core/fragment_cache.share_all_but_content)."""
    if response.status_code != 200 or response.streaming:
        return False
    user = getattr(request, "user", None)
    if (user is not None and user.is_authenticated) or getattr(request, "is_preview", False):
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    if private:
        return True
    directives = {
        part.strip().split("=")[0].lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }
    return not directives & {"private", "no-store", "no-cache"} and get_max_age(response) != 0


def strip_csrf_token(request: HttpRequest, body: bytes) -> tuple[bytes, bool] | None:
    """The body with every CSRF token of this request replaced by the placeholder; None when the
    secret itself shows in it (then the copy is not shared)."""
    secret = request.META.get("CSRF_COOKIE")  # the visitor's, or the one made for this page
    if not secret:
        return body, False
    found = False

    def replace(match: re.Match) -> bytes:
        nonlocal found
        if _unmask_cipher_token(match.group().decode()) == secret:
            found = True
            return PLACEHOLDER
        return match.group()

    body = MASKED_TOKEN.sub(replace, body)
    if secret.encode() in body:
        return None
    return body, found


def page_type(request: HttpRequest) -> str | None:
    """The label of the type of the page this request serves (core/wagtail_hooks.py); None for
    a view that is not a page."""
    page = getattr(request, "page_cache_page", None)
    return page.specific_class._meta.label if page is not None else None


def expiry_time(page_type: str | None, *, clock: bool = True) -> float:
    """When a copy of a page of this type (None: any view) expires by the clock; without
    `clock`, of what shows nothing bound to it but "today"."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    boundaries = [midnight + timedelta(days=1)]
    moment = expiry.next_change(page_type) if clock else None
    if moment is not None:
        boundaries.append(moment)
    return min(min(boundaries).timestamp(), time.time() + TIMEOUT)


def claim(key: str) -> bool:
    """Whether this request renders what `key` names (a page, a fragment): the first of a burst
    does, and calls `release(key)` once its copy is stored; the others `wait_for` that copy."""
    return cache.add(f"{key}:rendering", 1, timeout=int(WAIT_SECONDS * 5))


def release(key: str) -> None:
    cache.delete(f"{key}:rendering")


def wait_for(key: str, find: Callable[[], Found | None]) -> Found | None:
    """What `find()` finds once the request rendering `key` stored it; None when that request
    stored nothing or took too long (then the caller renders it too)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
        found = find()
        if found is not None:
            return found
        if not cache.get(f"{key}:rendering"):
            return None
    return None


def store(
    key: str, request: HttpRequest, response: HttpResponse, seen: dict[str, str]
) -> Entry | None:
    """Keeps the response under the versions `seen` before it was rendered; the copy kept."""
    stripped = strip_csrf_token(request, response.content)
    if stripped is None:
        return None
    body, csrf = stripped
    served = page_type(request)
    names = expiry.version_names(served)
    expires_at = expiry_time(served)
    timeout = expires_at - time.time()
    if timeout <= 1:
        return None
    etag = _etag(body)
    esi_body = body.replace(CSRF_INPUT, ESI_CSRF_INPUT) if csrf else None
    if esi_body is not None and PLACEHOLDER in esi_body:
        esi_body = None  # a token outside a form's input: no proxy could write it in
    headers = [(n, v) for n, v in response.items() if n.lower() not in PER_REQUEST_HEADERS]
    entry = Entry(
        versions={name: seen[name] for name in names},
        expires_at=expires_at,
        status=response.status_code,
        headers=headers,
        body=body,
        etag=etag,
        csrf=csrf,
        hit_action=getattr(response, "page_cache_hit_action", None),
        wsgi_headers=[
            *headers,
            ("Content-Length", str(len(body))),
            ("ETag", etag),
            ("Cache-Control", _cache_control(csrf)),
            ("X-Page-Cache", "hit"),
        ],
        esi_body=esi_body,
    )
    cache.set(key, entry, timeout=int(timeout))
    if not csrf:
        response["ETag"] = etag
    response["Cache-Control"] = _cache_control(csrf)
    return entry


class PageCacheMiddleware:
    """First in MIDDLEWARE: serves hits the WSGI wrapper did not see, stores misses, and lets
    one request of a burst render a page while the others wait for its copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request_key(request.META) if enabled() else None
        if key is None:
            return self.get_response(request)
        hit = cached_response(request.META, key)
        if hit is not None:
            return hit
        rendering = claim(key)
        if not rendering:
            hit = wait_for(key, lambda: cached_response(request.META, key))
            if hit is not None:
                return hit
        try:
            # Read before rendering: a change committed meanwhile makes this copy a miss.
            seen = versions(expiry.version_names(None))
            response = self.get_response(request)
            if storable(request, response):
                entry = store(key, request, response, seen)
                if entry is not None and entry.esi_body is not None and _speaks_esi(request.META):
                    response = _http_response(*_esi_answer(entry, request.method == "HEAD"))
                response["X-Page-Cache"] = "miss"
            return response
        finally:
            if rendering:
                release(key)


class PageCacheApplication:
    """WSGI: answers a hit before Django's handler runs; everything else goes to Django."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = request_key(environ) if enabled() else None
        copy = _hit(key) if key is not None else None
        if copy is None:
            return self.application(environ, start_response)
        status, headers, body = _answer(copy, environ)
        start_response(STATUS_LINES[status], headers)
        return [body]
