"""The header menu and the language switch, built from the live page tree."""

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def locale_home(request: HttpRequest, language_code: str | None = None) -> Page | None:
    """The home page of a language version of the current site (the current language by default)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language_code = language_code or translation.get_language()
    return (
        Page.objects.filter(
            translation_key=site.root_page.translation_key,
            locale__language_code=language_code,
        )
        .live()
        .first()
    )


def home_path(request: HttpRequest, current_page: Page | None) -> str | None:
    """The tree path of the current language's home: a page's ancestor at depth 2 costs no
    query; other views (search, 404) look the home up."""
    if isinstance(current_page, Page):
        return current_page.path[: Page.steplen * 2]
    home = locale_home(request)
    return home.path if home else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, current_page: Page | None = None) -> dict:
    """Two levels of pages shown in menus, in one query."""
    request = context["request"]
    items: list[dict] = []
    path = home_path(request, current_page)
    if path is not None:
        pages = (
            Page.objects.live()
            .public()
            .in_menu()
            .filter(path__startswith=path, depth__in=(3, 4))
            .order_by("path")
        )
        by_path: dict[str, dict] = {}
        for page in pages:
            entry = {"page": page, "children": []}
            if page.depth == 3:
                items.append(entry)
                by_path[page.path] = entry
            elif parent := by_path.get(page.path[: -Page.steplen]):
                parent["children"].append(entry)
    current_path = current_page.path if isinstance(current_page, Page) else ""
    for item in items:
        item["active"] = bool(current_path) and current_path.startswith(item["page"].path)
    return {"items": items}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context, current_page: Page | None = None) -> dict:
    """A link per other language: the translation of this page, or that language's home."""
    request = context["request"]
    current = translation.get_language()
    translations = {}
    if isinstance(current_page, Page):
        translations = {
            page.locale.language_code: page
            for page in current_page.get_translations().live().select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        target = translations.get(code) or locale_home(request, code)
        if target is None:
            continue
        links.append({"code": code, "name": name, "url": target.get_url(request)})
    return {"links": links}
