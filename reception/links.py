"""The reception's services other apps link to by name (core/links.py)."""

from django.http import HttpRequest
from wagtail.models import Locale

from .models import ReceptionPage


def appeal_status_url(request: HttpRequest | None) -> str | None:
    """The status lookup of the live reception page in the active language, or of the
    default language's when the page is not translated."""
    pages = ReceptionPage.objects.live().public()
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    if page is None:
        return None
    url = page.get_url(request)
    return url + page.reverse_subpage("status") if url else None
