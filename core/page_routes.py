"""Routes an app serves under a routable page of another app, so that they follow the page
wherever an editor moves it, without the page's app importing theirs. The app that serves
them registers its URL patterns in `AppConfig.ready()`:

    register("disclosure.OutagesPage", [path("subscribe/", view, name="alerts_subscribe")])

and the page type adds them to its own routes (`get_subpage_urls`, below). Each view is called
as a method of the page: `view(page, request, *args, **kwargs)`; `page.reverse_subpage(name)`
gives its path below the page."""

from django.urls import URLPattern

_routes: dict[str, list[URLPattern]] = {}


def register(page_type: str, patterns: list[URLPattern]) -> None:
    _routes.setdefault(page_type, []).extend(patterns)


class RoutesOfOtherApps:
    """Mixed into a RoutablePageMixin page type before it: its routes first, then those other
    apps registered for it."""

    @classmethod
    def get_subpage_urls(cls):
        return tuple(super().get_subpage_urls()) + tuple(_routes.get(cls._meta.label, ()))
