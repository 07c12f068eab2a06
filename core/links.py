"""Named links to another app's service, so that a page links to it without a foreign key
into that app. The app that offers the service registers a resolver in `AppConfig.ready()`:

    register("appeal-status", appeal_status_url)

and a template asks for it by name: `{% load service_links %}{% service_url "appeal-status"
as url %}`. A link whose app is not installed, or whose page is not live, resolves to ""."""

from collections.abc import Callable

from django.http import HttpRequest

Resolver = Callable[[HttpRequest | None], str | None]

_resolvers: dict[str, Resolver] = {}


def register(name: str, resolver: Resolver) -> None:
    _resolvers[name] = resolver


def service_url(name: str, request: HttpRequest | None = None) -> str:
    """The URL of the named service in the active language, or "" when there is none."""
    resolver = _resolvers.get(name)
    return (resolver(request) if resolver else None) or ""
