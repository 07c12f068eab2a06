"""The version for the visually impaired (ГОСТ Р 52872-2019): the visitor's preferences.

They live in one cookie, `a11y`, that both the server and the optional script read and write:
`size-2.scheme-bw.images-off.spacing-wide` (any order; a missing part takes its default). No
cookie means the ordinary version.

Why server-side: the switch must work without JavaScript, so the server itself renders the
preference as classes on <html> (no flash of the ordinary version, no script needed). The
HTML then depends on the cookie, so `AccessibilityMiddleware` adds `Vary: Cookie` to every
HTML response. Pages stay cacheable: anonymous visitors carry no cookie at all (no session or
CSRF cookie on pages without forms), so they share one cached copy, and a visitor with the
preference gets one of a few dozen variants. A page cache in front of Django can key on the
`a11y` cookie alone (`Preferences.cache_key`) instead of the whole Cookie header.
"""

from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

COOKIE_NAME = "a11y"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

SIZES = ("1", "2", "3")
SCHEMES = ("wb", "bw", "blue")  # black on white, white on black, dark blue on light blue
IMAGES = ("on", "off")
SPACINGS = ("normal", "wide")


@dataclass(frozen=True)
class Preferences:
    enabled: bool = False
    size: str = "1"
    scheme: str = "wb"
    images: str = "on"
    spacing: str = "normal"

    @classmethod
    def from_cookie(cls, value: str | None) -> "Preferences":
        """Parses the cookie; anything unknown is ignored, so a forged cookie is harmless."""
        if not value:
            return cls()
        prefs = cls(enabled=True)
        for part in value.split("."):
            name, _, choice = part.partition("-")
            prefs = prefs.with_choice(name, choice)
        return prefs

    def with_choice(self, name: str, choice: str) -> "Preferences":
        allowed = {"size": SIZES, "scheme": SCHEMES, "images": IMAGES, "spacing": SPACINGS}
        if choice in allowed.get(name, ()):
            return replace(self, **{name: choice})
        return self

    @property
    def cookie_value(self) -> str:
        return f"size-{self.size}.scheme-{self.scheme}.images-{self.images}.spacing-{self.spacing}"

    @property
    def css_classes(self) -> str:
        """Classes for <html>; empty for the ordinary version."""
        if not self.enabled:
            return ""
        return (
            f"a11y a11y-size-{self.size} a11y-scheme-{self.scheme} "
            f"a11y-images-{self.images} a11y-spacing-{self.spacing}"
        )

    @property
    def cache_key(self) -> str:
        return self.cookie_value if self.enabled else "off"


def preferences(request: HttpRequest) -> Preferences:
    return Preferences.from_cookie(request.COOKIES.get(COOKIE_NAME))


class AccessibilityMiddleware:
    """Reads the preference once per request and marks HTML responses as varying on it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.a11y = preferences(request)
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])
        return response


def context_processor(request: HttpRequest) -> dict:
    return {"a11y": getattr(request, "a11y", None) or preferences(request)}
