"""The demo's English pages, and its English records (translatable snippets: offices, notices…),
as wagtail-localize translations of the Russian ones.

The demo loader (`core/demo.py`) makes each English page with `copy_for_translation` and the
English texts of its page spec, then registers the pair here: a TranslationSource for the
Russian page, a Translation into English, and the English text of every Russian segment. Where
every segment has its English text (the title, the slug, the lead, a body with as many
paragraphs in both languages), the translation is synced: an editor who changes the Russian
page presses «Sync translated pages» and translates only what changed. Where the English text
is a free summary (fewer paragraphs, the standard's sections not yet translated), pairing
segments would put Russian into English pages, so that translation is registered disabled: the
English page is edited by hand, and an editor can start a synced translation from the admin at
any time.
"""

from collections import defaultdict

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _field(path: str) -> str:
    return path.split(".", 1)[0]


def _specific(instance):
    return instance.specific if isinstance(instance, Page) else instance


def is_registered(source_page: TranslatableMixin, locale: Locale) -> bool:
    return Translation.objects.filter(
        source__object_id=source_page.translation_key, target_locale=locale
    ).exists()


def register_translation(
    source_page: TranslatableMixin, translated_page: TranslatableMixin
) -> Translation:
    """Records `translated_page` (a page or a translatable snippet) as the wagtail-localize
    translation of `source_page`, with the translated object's own texts; synced only when
    every source segment has one."""
    source, _ = TranslationSource.get_or_create_from_instance(_specific(source_page))
    locale = translated_page.locale
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)

    texts: dict[str, list[StringSegmentValue]] = defaultdict(list)
    by_path: dict[str, StringSegmentValue] = {}
    for segment in extract_segments(_specific(translated_page)):
        if isinstance(segment, StringSegmentValue):
            texts[_field(segment.path)].append(segment)
            by_path[segment.path] = segment

    segments = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
    counts: dict[str, int] = defaultdict(int)
    for segment in segments:
        counts[_field(segment.context.path)] += 1

    position: dict[str, int] = defaultdict(int)
    complete = True
    for segment in segments:
        path = segment.context.path
        field = _field(path)
        text = by_path.get(path)
        if text is None and counts[field] == len(texts[field]):
            # A field whose English value was written anew (a StreamField body): its blocks
            # have new ids, so pair them in order when both languages have as many.
            text = texts[field][position[field]]
        position[field] += 1
        if text is None:
            complete = False
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if translation.enabled != complete:
        translation.enabled = complete
        translation.save(update_fields=["enabled"])
    return translation
