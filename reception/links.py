"""The reception's services other apps link to by name (core/links.py)."""

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from .models import ReceptionPage


def appeal_status_url(request: HttpRequest | None) -> str | None:
    """The status lookup of the live reception page in the active language (one query), or of
    any language's when the page is not translated."""
    language = get_supported_content_language_variant(get_language())
    pages = ReceptionPage.objects.live()
    page = pages.filter(locale__language_code=language).first() or pages.first()
    if page is None:
        return None
    url = page.get_url(request)
    return url + page.reverse_subpage("status") if url else None
