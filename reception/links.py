"""The reception's services other apps link to by name (core/links.py), and the survey's
address for e-mails (§13)."""

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from core.content_version import FRAGMENT_TIMEOUT, content_version


def _live_in_language(model):
    """The live page of `model` in the active language (one query), or of any language's
    when the page is not translated."""
    language = get_supported_content_language_variant(get_language())
    pages = model.objects.live().public()
    return pages.filter(locale__language_code=language).first() or pages.first()


def reception_route_url(route: str):
    """A resolver of one route of the live reception page."""

    def resolve(request: HttpRequest | None) -> str | None:
        # Imported here: the reception's page models themselves use this app's actions.
        from .models import ReceptionPage

        page = _live_in_language(ReceptionPage)
        if page is None:
            return None
        url = page.get_url(request)
        return url + page.reverse_subpage(route) if url else None

    return resolve


appeal_status_url = reception_route_url("status")
home_visit_url = reception_route_url("home_visit")


def survey_page_url(request: HttpRequest | None) -> str | None:
    """The survey's address in the active language (§13), cached under the content version:
    the reception page, the status page and the answer link to it without extra queries."""
    from .models import SurveyPage

    key = f"survey-url:{get_language()}:{content_version()}"
    url = cache.get(key)
    if url is None:
        page = _live_in_language(SurveyPage)
        url = (page.get_url(request) or "") if page else ""
        cache.set(key, url, FRAGMENT_TIMEOUT)
    return url


def survey_url() -> str:
    """§13: the survey's full address for e-mails to customers, or "" when none is live."""
    from .models import SurveyPage

    page = _live_in_language(SurveyPage)
    return (page.full_url or "") if page else ""
