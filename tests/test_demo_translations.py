"""The demo's English pages are wagtail-localize translations of the Russian ones."""

import re

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def translation_of(url_path: str) -> Translation:
    page = Page.objects.get(url_path=url_path)
    return Translation.objects.get(
        source__object_id=page.translation_key,
        target_locale=Locale.objects.get(language_code="en"),
    )


@pytest.mark.django_db
def test_aligned_pages_are_synced_translations_that_keep_their_english():
    translation = translation_of("/home/clients/tariffs/")
    assert translation.enabled
    total, translated = translation.get_progress()
    assert total == translated > 0

    translation.save_target(publish=True)  # what «Sync translated pages» does

    english = Page.objects.get(url_path="/home-en/clients/tariffs/").specific
    assert english.title == "Tariffs"
    assert english.lead == "The price of electricity and how it is calculated."
    assert "regional regulator" in str(english.body)


@pytest.mark.django_db
def test_a_changed_russian_text_waits_for_its_translation():
    russian = Page.objects.get(url_path="/home/clients/tariffs/").specific
    russian.lead = "Новая формулировка"
    russian.save_revision().publish()
    TranslationSource.update_or_create_from_instance(russian)
    total, translated = translation_of("/home/clients/tariffs/").get_progress()
    assert translated == total - 1


@pytest.mark.django_db
@pytest.mark.parametrize("url_path", ["/home/clients/payment/", "/home/clients/service-standard/"])
def test_free_english_summaries_are_manual_translations(url_path):
    """Fewer English paragraphs than Russian ones: syncing would put Russian text into the
    English page, so the translation is registered disabled (edited by hand)."""
    assert translation_of(url_path).enabled is False


@pytest.mark.django_db
def test_every_english_demo_page_is_registered():
    english = Page.objects.filter(locale__language_code="en", depth__gte=2)
    registered = Translation.objects.filter(
        target_locale__language_code="en",
        source__object_id__in=Page.objects.values("translation_key"),
    ).count()
    assert registered == english.count() > 10


@pytest.mark.django_db
def test_editors_open_the_translation_editor_and_the_manual_editor(client, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.ru", "x")
    client.force_login(admin)
    synced = Page.objects.get(url_path="/home-en/clients/tariffs/")
    manual = Page.objects.get(url_path="/home-en/clients/payment/")
    response = client.get(f"/admin/pages/{synced.pk}/edit/")
    assert response.status_code == 200
    assert 'class="js-translation-editor"' in response.content.decode()
    response = client.get(f"/admin/pages/{manual.pk}/edit/")
    assert response.status_code == 200
    assert "js-translation-editor" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_path", "relation", "field"),
    [
        ("/home/clients/services/", "services", "name"),
        ("/home/clients/consumption-norms/", "norms", "housing_type"),
    ],
)
def test_syncing_a_page_keeps_the_english_of_its_rows(url_path, relation, field):
    """The rows of a page's table (additional services, norms) are translatable with it: a
    sync fills them from their English translations instead of copying the Russian rows."""
    translation = translation_of(url_path)
    assert translation.enabled
    translation.save_target(publish=True)
    english = Page.objects.get(url_path=url_path.replace("/home/", "/home-en/", 1)).specific
    values = [getattr(row, field) for row in getattr(english, relation).all()]
    assert values and not any(re.search("[А-Яа-яЁё]", value) for value in values)
    russian = Page.objects.get(url_path=url_path).specific
    assert [row.translation_key for row in getattr(russian, relation).all()] == [
        row.translation_key for row in getattr(english, relation).all()
    ]
