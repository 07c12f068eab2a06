"""Editors' report: what visitors search for, and what they search for in vain."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .services import popular_queries, queries_without_results

PERIODS = (7, 30, 90)


def search_queries_report(request: HttpRequest) -> HttpResponse:
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return TemplateResponse(
        request,
        "search/admin/queries_report.html",
        {
            "title": _("Search queries"),
            "days": days,
            "periods": PERIODS,
            "since": since,
            "popular": popular_queries(since),
            "empty": queries_without_results(since),
        },
    )
