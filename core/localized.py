"""Translatable records (Wagtail's `TranslatableMixin` snippets, translated with wagtail-localize)
as a page of one language shows them: the record's translation into that language, or the
record itself in the default language when it has no translation there yet.

The fallback is deliberate: these records are disclosures the standard requires (an office's
address and hours, a payment point, an outage notice), so an English page that left out what no
one has translated yet would hide a duty; the Russian text is better than a gap. Foreign keys
(the address directory's grid company) point at the default-language record, and the page
shows `localized_record(record)`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

# Locales are matched by language code through a join, so that no call costs a query of its own.


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_language() -> str:
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def _wanted(locale: Locale | int | str | None) -> models.Q:
    """The filter of records in `locale`: a Locale, its pk (a page's `locale_id`, which costs
    no query) or a language code; None is the active language."""
    if isinstance(locale, Locale):
        locale = locale.pk
    if isinstance(locale, int):
        return models.Q(locale_id=locale)
    return models.Q(locale__language_code=locale or active_language())


def for_locale(
    queryset: models.QuerySet, locale: Locale | int | str | None = None
) -> models.QuerySet:
    """The records of `queryset` in `locale` (the active language by default), and those of
    the default locale that have no translation in `queryset` (e.g. none that is live) into
    it. One query, whatever the number of records."""
    default = default_language()
    if locale is None or isinstance(locale, str):
        language = locale or active_language()
        if language == default:
            return queryset.filter(locale__language_code=default)
    wanted = _wanted(locale)
    translated = queryset.filter(wanted).values("translation_key")
    return queryset.filter(
        wanted
        | (models.Q(locale__language_code=default) & ~models.Q(translation_key__in=translated))
    )


def localized_record(record, locale: Locale | int | str | None = None):
    """`record`'s translation into `locale` (the active language; a live one for a record with
    drafts), or `record` itself."""
    if record is None:
        return None
    found = for_locale(
        type(record)._default_manager.filter(translation_key=record.translation_key), locale
    )
    if hasattr(record, "live"):
        found = found.filter(live=True)
    return found.first() or record


def localized_records(records: list, locale: Locale | int | str | None = None) -> list:
    """Each of `records` (default-locale ones) replaced by its live translation into `locale`
    where there is one; one query for all."""
    if not records:
        return records
    model = type(records[0])
    translations = (
        model._default_manager.filter(_wanted(locale))
        .filter(translation_key__in=[record.translation_key for record in records])
        .exclude(locale__language_code=default_language())
    )
    if hasattr(records[0], "live"):
        translations = translations.filter(live=True)
    by_key = {translation.translation_key: translation for translation in translations}
    return [by_key.get(record.translation_key, record) for record in records]


def source_record(record):
    """The default-locale record that `record` translates (itself when it is one, or when the
    source is gone)."""
    return (
        type(record)
        ._default_manager.filter(
            translation_key=record.translation_key, locale__language_code=default_language()
        )
        .first()
        or record
    )


def in_default_locale() -> models.Q:
    """`limit_choices_to` of a foreign key to a translatable record: the source records."""
    return models.Q(locale__language_code=default_language())


class LocalizedQuerySet(models.QuerySet):
    """For the managers of translatable records: `.for_locale()`, `.sources()`."""

    def for_locale(self, locale: Locale | int | str | None = None) -> models.QuerySet:
        return for_locale(self, locale)

    def sources(self) -> models.QuerySet:
        """The default-locale records only (the address directory's choices, the alerts)."""
        return self.filter(locale__language_code=default_language())
