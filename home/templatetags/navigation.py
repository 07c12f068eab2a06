"""The header menu, the language switch, hreflang alternates and the switch of the version
for the visually impaired, built from the live page tree."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core.content_version import FRAGMENT_TIMEOUT, content_version
from home.accessibility import Preferences

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


def menu_tree(request: HttpRequest, home_path: str) -> list[dict]:
    """Two levels of the pages shown in menus below a home, in one query; cached until the
    next publish (home/content_version.py), so most pages spend no query on the menu."""
    key = f"menu:{home_path}:{content_version()}"
    items = cache.get(key)
    if items is None:
        pages = (
            Page.objects.live()
            .public()
            .in_menu()
            .filter(path__startswith=home_path, depth__in=(3, 4))
            .order_by("path")
        )
        items = []
        by_path: dict[str, dict] = {}
        for page in pages:
            entry = {"title": page.title, "url": page.get_url(request), "path": page.path}
            if page.depth == 3:
                entry["children"] = []
                items.append(entry)
                by_path[page.path] = entry
            elif parent := by_path.get(page.path[: -Page.steplen]):
                parent["children"].append(entry)
        cache.set(key, items, timeout=FRAGMENT_TIMEOUT)
    return items


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, current_page: Page | None = None) -> dict:
    request = context["request"]
    path = home_path(request, current_page)
    items = menu_tree(request, path) if path is not None else []
    current_path = current_page.path if isinstance(current_page, Page) else ""
    active = next((item["path"] for item in items if current_path.startswith(item["path"])), None)
    return {"items": items, "active": active}


def page_language_versions(request: HttpRequest, current_page: Page) -> dict[str, str]:
    """The URLs of a page's live translations, cached until the next publish or move."""
    key = f"language-versions:{request.get_host()}:{current_page.pk}:{content_version()}"
    versions = cache.get(key)
    if versions is None:
        # Wagtail serves a page with its own language active: no query for its locale.
        versions = {translation.get_language(): current_page.get_url(request)}
        for page in current_page.get_translations().live().select_related("locale"):
            versions[page.locale.language_code] = page.get_url(request)
        cache.set(key, versions, timeout=FRAGMENT_TIMEOUT)
    return versions


def language_versions(context, current_page: Page | None = None) -> dict[str, str]:
    """The URL of this page in every language that has it: its live translations for a Wagtail
    page, the same view under the other prefix for other views (search), nothing for a 404.
    Computed once per request, shared by the language switch and the hreflang links."""
    request = context["request"]
    cache_key = ("language_versions", getattr(current_page, "pk", None))
    cached = getattr(request, "_language_versions", {})
    if cache_key in cached:
        return cached[cache_key]
    versions: dict[str, str] = {}
    if isinstance(current_page, Page):
        versions = page_language_versions(request, current_page)
    else:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        # Wagtail's catch-all route without a page is a 404: it has no other language.
        if match is not None and match.url_name != "wagtail_serve":
            query = request.META.get("QUERY_STRING", "")
            for code, _name in settings.LANGUAGES:
                url = translate_url(request.path, code)
                versions[code] = f"{url}?{query}" if query else url
    cached[cache_key] = versions
    request._language_versions = cached
    return versions


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, current_page: Page | None = None) -> dict:
    """<link rel="alternate" hreflang> for every language version of this page, and x-default
    (the Russian one, the site's default language)."""
    request = context["request"]
    versions = language_versions(context, current_page)
    links = [
        {"code": code, "url": request.build_absolute_uri(url)}
        for code, _name in settings.LANGUAGES
        if (url := versions.get(code))
    ]
    default = versions.get(settings.LANGUAGE_CODE)
    if len(links) > 1 and default:
        links.append({"code": "x-default", "url": request.build_absolute_uri(default)})
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context, current_page: Page | None = None) -> dict:
    """A link per other language: the translation of this page, or that language's home."""
    request = context["request"]
    current = translation.get_language()
    versions = language_versions(context, current_page)
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = versions.get(code)
        if url is None:
            home = locale_home(request, code)
            url = home.get_url(request) if home else None
        if url is None:
            continue
        links.append({"code": code, "name": name, "url": url})
    return {"links": links}


@register.inclusion_tag("includes/accessibility_panel.html", takes_context=True)
def accessibility_panel(context) -> dict:
    """The switch of the version for the visually impaired and, when it is on, its settings:
    plain links to /accessibility/ that work without JavaScript (static/js/site.js applies
    them without a page load where it can)."""
    request = context["request"]
    prefs: Preferences = getattr(request, "a11y", None) or Preferences()
    endpoint = reverse("accessibility")
    back = request.get_full_path()

    def url(**params: str) -> str:
        return f"{endpoint}?{urlencode({**params, 'next': back})}"

    def group(name: str, label: str, options: list[tuple[str, str]]) -> dict:
        current = getattr(prefs, name)
        return {
            "name": name,
            "label": label,
            "options": [
                {
                    "value": value,
                    "text": text,
                    "url": url(**{name: value}),
                    "active": value == current,
                }
                for value, text in options
            ],
        }

    groups = []
    if prefs.enabled:
        groups = [
            group("size", _("Font size"), [("1", "100 %"), ("2", "150 %"), ("3", "200 %")]),
            group(
                "scheme",
                _("Colours"),
                [
                    ("wb", _("Black on white")),
                    ("bw", _("White on black")),
                    ("blue", _("Dark blue on light blue")),
                ],
            ),
            group("images", _("Images"), [("on", _("Show")), ("off", _("Hide"))]),
            group("spacing", _("Letter spacing"), [("normal", _("Normal")), ("wide", _("Wide"))]),
        ]
    return {
        "enabled": prefs.enabled,
        "on_url": url(mode="on"),
        "off_url": url(mode="off"),
        "groups": groups,
    }
