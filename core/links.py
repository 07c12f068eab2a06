"""Named links to another app's service, so that a page links to it without a foreign key
into that app. The app that offers the service registers a resolver in `AppConfig.ready()`:

    register("appeal-status", appeal_status_url, _("Appeal status"))

and a template asks for it by name: `{% load service_links %}{% service_url "appeal-status"
as url %}`; an editor chooses one by its label in a block (`choices()`). A link whose app is
not installed, or whose page is not live, resolves to ""."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

Resolver = Callable[[HttpRequest | None], str | None]

_resolvers: dict[str, Resolver] = {}
_labels: dict[str, Any] = {}


def register(name: str, resolver: Resolver, label: Any = None) -> None:
    """`label` (a lazy translation) offers the link to editors; without it, code alone uses it."""
    _resolvers[name] = resolver
    if label is not None:
        _labels[name] = label


def choices() -> list[tuple[str, str]]:
    """For a block's choice of link (a callable, so that migrations do not freeze the list)."""
    return list(_labels.items())


def service_url(name: str, request: HttpRequest | None = None) -> str:
    """The URL of the named service in the active language, or "" when there is none."""
    resolver = _resolvers.get(name)
    return (resolver(request) if resolver else None) or ""
