"""Service centres and payment points in the site search: an entry on each page that lists the
record, pointing at its anchor there. A record is listed by the pages of its own language, and
a Russian one also by those of a language it has no live translation into (core/localized.py).
Registered from DisclosureConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

from core.localized import default_language, source_record
from search import indexer
from search.sources import EntryData, ModelSource, register

from .models import PaymentPage, PaymentPoint, ServiceCentre, ServiceCentresPage


def _languages_showing(record) -> set[str]:
    own = record.locale.language_code
    if own != default_language():
        return {own}
    translated = (
        type(record)
        .objects.filter(translation_key=record.translation_key, live=True)
        .values_list("locale__language_code", flat=True)
    )
    return {own} | {language for language in _all_languages() if language not in translated}


def _all_languages() -> list[str]:
    return list(Locale.objects.values_list("language_code", flat=True))


def _record_entries(record, page_model, prefix: str, section: str, text: str) -> list[EntryData]:
    if not record.live:
        return []
    languages = _languages_showing(record)
    entries = []
    for page in page_model.objects.live().public().select_related("locale"):
        if page.locale.language_code not in languages:
            continue
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


def _translation_changed(sender, instance, raw=False, **kwargs) -> None:
    """A translation published or withdrawn decides whether its source's entry stays on that
    language's pages: the source is indexed again."""
    if not raw and instance.locale.language_code != default_language():
        source = source_record(instance)
        if source.pk != instance.pk:
            indexer.index_object(source)


def register_sources() -> None:
    register(ModelSource(ServiceCentre, entries=centre_entries))
    register(ModelSource(PaymentPoint, entries=point_entries))
    for model in (ServiceCentre, PaymentPoint):
        for signal in (post_save, post_delete):
            signal.connect(
                _translation_changed,
                sender=model,
                dispatch_uid=f"search-source-{model._meta.label}",
            )
