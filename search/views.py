"""The search page (/search/?q=) and the autocomplete endpoint for the header's search box."""

import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core import page_cache

from . import backends
from .offers import offers_for
from .services import COUNTED_HEADER, count_query, promotions_for, typed_query

EXAMPLES = [_("tariffs"), _("submit meter readings"), _("where to pay"), _("planned outages")]


def _query(request: HttpRequest) -> str:
    return typed_query(request.GET.get("q", ""))


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return int(value) if re.fullmatch(r"[1-9][0-9]{0,4}", value) else 1


@require_GET
def search_view(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    section = request.GET.get("section", "")[:100]
    language = get_language() or "ru"
    prefix = "" if language == "ru" else f"/{language}"
    context = {
        "query": query,
        "section": section,
        "results": None,
        "promotions": [],
        "offers": [],
        "examples": EXAMPLES,
        "faq_url": f"{prefix}/clients/faq/",
        "reception_url": f"{prefix}/reception/",
    }
    response = TemplateResponse(request, "search/search.html", context)
    if query:
        page = _page_number(request)
        exact = context["exact"] = request.GET.get("exact") == "1"
        results = backends.search(query, language, section=section, page=page, exact=exact)
        context["results"] = results
        context["offers"] = offers_for(query, language)
        if page == 1 and not section:
            context["promotions"] = promotions_for(query)
        if page == 1:
            count_query(query, results.total)
            # Answered from the page cache, or by the proxy (search.proxy_log), the query
            # still counts in the report.
            page_cache.on_hit(response, "search.query", query, results.total)
            response[COUNTED_HEADER] = str(results.total)
    return response


@require_GET
def autocomplete_view(request: HttpRequest) -> JsonResponse:
    query = _query(request)
    suggestions = backends.suggest(query, get_language() or "ru") if query else []
    return JsonResponse(
        {
            "query": query,
            "suggestions": [
                {"title": s.heading, "url": s.url, "section": s.section_label} for s in suggestions
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
