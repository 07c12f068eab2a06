"""The address page (`/address/?q=`, `/en/address/?q=`), a plain GET form that works without
JavaScript, and the suggestions for its autocomplete (`/address/suggest/?q=`)."""

from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.content_version import FRAGMENT_TIMEOUT, content_version
from disclosure.models import OutagesPage
from search.services import typed_query
from tariffs.models import TariffsPage

from .lookup import answer, find_streets, parse

SUGGESTIONS = 10


def _query(request: HttpRequest) -> str:
    return typed_query(request.GET.get("q", ""))  # as the site search reads its box


def address_url(request: HttpRequest | None = None) -> str:
    """The address page in the active language (a named link, core/links.py)."""
    return reverse("address")


def _section_urls(request: HttpRequest) -> dict[str, str]:
    """The tariffs and outages pages of the active language, kept until anything is
    published (core/content_version.py)."""
    language = get_language() or "ru"
    key = f"address-links:{language}:{content_version()}"
    urls = cache.get(key)
    if urls is None:
        pages = (
            Page.objects.live()
            .type(TariffsPage, OutagesPage)
            .filter(locale__language_code=language)
            .select_related("content_type")
        )
        urls = {}
        for page in pages:
            name = "tariffs" if page.content_type.model == "tariffspage" else "outages"
            urls.setdefault(name, page.get_url(request))
        cache.set(key, urls, timeout=FRAGMENT_TIMEOUT)
    return urls


@require_GET
def address_view(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    result = answer(query) if query else None
    context = {"query": query, "answer": result, "urls": {}}
    if result and result.report:
        context["urls"] = _section_urls(request)
    response = TemplateResponse(request, "addresses/address.html", context)
    # «Open now», today's rates and the notices follow the clock; a query is the customer's own.
    response["Cache-Control"] = "private, no-store" if query else "public, max-age=300"
    return response


@require_GET
def suggest_view(request: HttpRequest) -> JsonResponse:
    """Streets for what has been typed, each a link to the page with the street filled in
    (and the house, when one was typed)."""
    query = _query(request)
    parsed = parse(query)
    streets = find_streets(parsed, SUGGESTIONS) if len(query) >= 2 else []
    page = reverse("address")
    suggestions = []
    for street in streets:
        text = f"{street.name}, {street.locality.name}"
        if parsed.house:
            text += f", {parsed.house}"
        suggestions.append(
            {
                "title": text,
                "url": f"{page}?{urlencode({'q': text})}",
                "section": _("street") if not parsed.house else _("address"),
            }
        )
    return JsonResponse(
        {"query": query, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
