"""Service centres and payment points (disclosure's snippets) in the site search: one entry
per language, pointing at the record's anchor on the page that lists it. Registered from
SearchConfig.ready() when the disclosure app is installed; other record types join the same
way (search.sources.register)."""

from django.apps import apps

from .sources import EntryData, ModelSource, register


def _listing_pages(page_model) -> list:
    return list(page_model.objects.live().public().select_related("locale"))


def _record_entries(record, page_model, prefix: str, section: str, text: str):
    if not record.live:
        return []
    entries = []
    for page in _listing_pages(page_model):
        url = page.get_url()
        if not url:
            continue
        entries.append(
            EntryData(
                heading=record.name,
                url=f"{url}#{prefix}-{record.pk}",
                text=text,
                anchor=page.locale.language_code,
                language=page.locale.language_code,
                section_key=section,
                section_label=page.title,
            )
        )
    return entries


def register_disclosure_records() -> None:
    if not apps.is_installed("disclosure"):
        return
    from disclosure.models import PaymentPage, PaymentPoint, ServiceCentre, ServiceCentresPage

    def centre_entries(centre):
        text = " ".join(
            filter(None, [centre.locality, centre.address, centre.phones, centre.services])
        )
        return _record_entries(centre, ServiceCentresPage, "centre", "service-centres", text)

    def point_entries(point):
        text = " ".join(
            filter(None, [point.get_kind_display(), point.locality, point.address, point.hours])
        )
        return _record_entries(point, PaymentPage, "point", "payment-points", text)

    register(ModelSource(ServiceCentre, entries=centre_entries))
    register(ModelSource(PaymentPoint, entries=point_entries))
