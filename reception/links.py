"""The reception's services other apps link to by name (core/links.py), and the survey's
address for e-mails (§13). Links are cached under the content version (renewed on every
publish), so the pages that show them spend no query on them."""

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core.content_version import FRAGMENT_TIMEOUT, content_version


def _live_in_language(model: type[Page]) -> Page | None:
    """The live page of `model` in the active language (one query), or of any language's
    when the page is not translated."""
    language = get_supported_content_language_variant(get_language())
    pages = model.objects.live()
    return pages.filter(locale__language_code=language).first() or pages.first()


def _cached(name: str, url_of: Callable[[HttpRequest | None], str]):
    def resolve(request: HttpRequest | None) -> str:
        key = f"reception-link:{name}:{get_language()}:{content_version()}"
        url = cache.get(key)
        if url is None:
            url = url_of(request) or ""
            cache.set(key, url, FRAGMENT_TIMEOUT)
        return url

    return resolve


def reception_route_url(route: str):
    """A resolver of one route of the live reception page."""

    def url_of(request: HttpRequest | None) -> str:
        # Imported here: the reception's page models themselves use this app's actions.
        from .models import ReceptionPage

        page = _live_in_language(ReceptionPage)
        url = page.get_url(request) if page else None
        return url + page.reverse_subpage(route) if url else ""

    return _cached(route, url_of)


def _survey_url(request: HttpRequest | None) -> str:
    from .models import SurveyPage

    page = _live_in_language(SurveyPage)
    return (page.get_url(request) or "") if page else ""


appeal_status_url = reception_route_url("status")
home_visit_url = reception_route_url("home_visit")
survey_page_url = _cached("survey", _survey_url)


def survey_url() -> str:
    """§13: the survey's full address for e-mails to customers, or "" when none is live."""
    from .models import SurveyPage

    page = _live_in_language(SurveyPage)
    return (page.full_url or "") if page else ""
