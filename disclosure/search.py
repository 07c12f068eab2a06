"""Service centres and payment points in the site search: one entry per language, pointing at
the record's anchor on the page that lists it. Registered from DisclosureConfig.ready()."""

from search.sources import EntryData, ModelSource, register

from .models import PaymentPage, PaymentPoint, ServiceCentre, ServiceCentresPage


def _record_entries(record, page_model, prefix: str, section: str, text: str) -> list[EntryData]:
    if not record.live:
        return []
    entries = []
    for page in page_model.objects.live().public().select_related("locale"):
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


def centre_entries(centre: ServiceCentre) -> list[EntryData]:
    text = " ".join(filter(None, [centre.locality, centre.address, centre.phones, centre.services]))
    return _record_entries(centre, ServiceCentresPage, "centre", "service-centres", text)


def point_entries(point: PaymentPoint) -> list[EntryData]:
    text = " ".join(
        filter(None, [point.get_kind_display(), point.locality, point.address, point.hours])
    )
    return _record_entries(point, PaymentPage, "point", "payment-points", text)


def register_sources() -> None:
    register(ModelSource(ServiceCentre, entries=centre_entries))
    register(ModelSource(PaymentPoint, entries=point_entries))
