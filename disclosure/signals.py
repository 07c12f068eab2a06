"""Records are snippets, not pages, so publishing one does not refresh the pages that list
them. When a front-end cache is configured, purge those pages on publish and unpublish."""

from django.apps import apps
from wagtail.models import Page
from wagtail.signals import published, unpublished


def listing_page_types() -> dict[str, list[str]]:
    """Record model label → the page types that show its records."""
    return {
        "disclosure.ServiceCentre": ["disclosure.ServiceCentresPage"],
        "disclosure.PaymentPoint": ["disclosure.PaymentPage"],
        "disclosure.GridCompany": ["disclosure.GridCompaniesPage"],
        "disclosure.OutageNotice": ["disclosure.OutagesPage"],
        "disclosure.MeterVisitNotice": ["disclosure.OutagesPage", "readings.MeterReadingsPage"],
    }


def pages_showing(model) -> list[Page]:
    labels = listing_page_types().get(model._meta.label, [])
    pages: list[Page] = []
    for label in labels:
        pages.extend(apps.get_model(label).objects.live())
    return pages


def purge_listing_pages(sender, instance, **kwargs) -> None:
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    pages = pages_showing(type(instance))
    if pages:
        purge_pages_from_cache(pages)


def connect() -> None:
    for label in listing_page_types():
        model = apps.get_model(label)
        published.connect(purge_listing_pages, sender=model, dispatch_uid=f"purge-{label}")
        unpublished.connect(purge_listing_pages, sender=model, dispatch_uid=f"unpurge-{label}")
