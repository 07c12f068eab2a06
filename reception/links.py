"""The reception's services other apps link to by name (core/links.py)."""

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from .models import ReceptionPage


def reception_route_url(route: str):
    """A resolver of one route of the live reception page in the active language (one
    query), or of any language's when the page is not translated."""

    def resolve(request: HttpRequest | None) -> str | None:
        language = get_supported_content_language_variant(get_language())
        pages = ReceptionPage.objects.live()
        page = pages.filter(locale__language_code=language).first() or pages.first()
        if page is None:
            return None
        url = page.get_url(request)
        return url + page.reverse_subpage(route) if url else None

    return resolve


appeal_status_url = reception_route_url("status")
home_visit_url = reception_route_url("home_visit")
