"""The head office's address and hours for every page's footer, read from its service-centre
record: one source for each fact, so the footer cannot disagree with the contacts page."""

from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from core.content_version import FRAGMENT_TIMEOUT, content_version

from ..models import ServiceCentre, ServiceCentreHours
from ..services import summarise_hours

register = template.Library()


@register.simple_tag
def head_office() -> dict | None:
    """{"name", "address", "hours"} of the live head office, cached under the content version
    (renewed whenever a service centre changes), or None."""
    key = f"head-office:{get_language()}:{content_version()}"
    found = cache.get(key)
    if found is None:
        centre = (
            ServiceCentre.objects.filter(live=True, head_office=True)
            .for_locale()
            .prefetch_related("hours")
            .first()
        )
        found = {}
        if centre is not None:
            found = {
                "name": centre.name,
                "address": f"{centre.locality}, {centre.address}",
                "hours": summarise_hours(centre.spans(ServiceCentreHours.OPENING)),
            }
        cache.set(key, found, FRAGMENT_TIMEOUT)
    return found or None
