"""Offices, payment points, grid companies, notices and disclosed documents are translatable
snippets (TranslatableMixin, translated with wagtail-localize): each page shows the records of
its language, and a Russian record where it has no translation yet (core/localized.py)."""

import re
import uuid
from types import SimpleNamespace

import pytest
from django.forms import modelform_factory
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation

from addresses.models import HouseRange
from core.expiry import pages_showing
from core.localized import source_record
from disclosure.models import (
    DisclosedDocument,
    GridCompany,
    MeterVisitNotice,
    OutageNotice,
    PaymentPoint,
    ServiceCentre,
)
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

MODELS = [
    ServiceCentre,
    PaymentPoint,
    GridCompany,
    OutageNotice,
    MeterVisitNotice,
    DisclosedDocument,
]


def main_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return re.sub(r"\s+", " ", html[html.index("<main") : html.index("</main>")])


def english(record):
    return record.get_translation(Locale.objects.get(language_code="en"))


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_demo_record_has_a_registered_english_translation(model):
    sources = model.objects.filter(live=True).sources()
    assert sources.exists()
    for record in sources:
        translation = english(record)
        assert translation.live and translation.locale.language_code == "en"
        # Synced by wagtail-localize: every text has its English, none is left Russian.
        registered = Translation.objects.get(
            source__object_id=record.translation_key, target_locale=translation.locale
        )
        total, translated = registered.get_progress()
        assert total == translated > 0


def test_each_language_lists_its_own_records(ru_client):
    centre = ServiceCentre.objects.sources().get(head_office=True)
    translation = english(centre)
    assert translation.name != centre.name
    assert translation.phones == centre.phones  # synchronised, not translated
    russian, english_page = (
        main_text(ru_client, "/contacts/"),
        main_text(ru_client, "/en/contacts/"),
    )
    assert centre.name in russian and translation.name not in russian
    assert translation.name in english_page and centre.name not in english_page
    assert f'id="centre-{translation.pk}"' in english_page


def test_a_record_without_a_live_translation_shows_in_russian_on_the_english_page(ru_client):
    """The fallback: a disclosure no one has translated yet is shown rather than hidden."""
    company = GridCompany.objects.sources().get(name="АО «Мособлэнерго»")
    english(company).unpublish()
    page = main_text(ru_client, "/en/contacts/grid-companies/")
    assert company.name in page
    assert english(GridCompany.objects.sources().get(name="АО «Оборонэнерго»")).name in page
    # Each company once: the fallback never doubles a translated one.
    assert page.count(company.dispatcher_phone) == 1


def test_the_address_page_shows_the_localized_records_of_a_range(ru_client):
    house_range = HouseRange.objects.filter(grid_company__isnull=False).select_related(
        "street__locality", "grid_company"
    )[0]
    company = house_range.grid_company
    assert company.locale.language_code == "ru"  # the foreign key stays on the source
    query = (
        f"{house_range.street.locality.name}, {house_range.street.name} {house_range.house_from}"
    )
    russian = main_text(ru_client, f"/address/?q={query}")
    english_page = main_text(ru_client, f"/en/address/?q={query}")
    assert company.name in russian
    assert english(company).name in english_page and company.name not in english_page
    assert "ЦОК" in russian and "ЦОК" not in english_page  # the nearest offices


def test_the_directory_chooses_only_russian_grid_companies():
    form = modelform_factory(HouseRange, fields=["grid_company"])()
    queryset = form.fields["grid_company"].queryset
    assert set(queryset.values_list("locale__language_code", flat=True)) == {"ru"}


def test_a_translation_expires_only_the_pages_of_its_language():
    notice = OutageNotice.objects.live().sources().first()
    assert {page.locale.language_code for page in pages_showing(notice)} == {"ru", "en"}
    assert {page.locale.language_code for page in pages_showing(english(notice))} == {"en"}


def test_a_translation_published_later_is_not_late_and_alerts_no_one(
    monkeypatch, django_capture_on_commit_callbacks
):
    notice = OutageNotice.objects.live().sources().filter(starts_at__gt=timezone.now()).first()
    translation = english(notice)
    translation.first_published_at = None  # as if translated only now
    translation.go_live_at = None
    assert translation.lead_time_error() == notice.lead_time_error() is None
    translation.full_clean()
    queued = []
    monkeypatch.setattr(
        "addresses.alerts.notify_task", SimpleNamespace(enqueue=lambda *a: queued.append(a))
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_revision().publish()
    assert queued == []
    with django_capture_on_commit_callbacks(execute=True):
        notice.save_revision().publish()  # the source does alert its subscribers
    assert queued == [("disclosure.OutageNotice", notice.pk, "published")]


def test_site_search_finds_each_record_in_its_own_language():
    centre = ServiceCentre.objects.sources().get(head_office=True)
    translation = english(centre)
    entries = SearchEntry.objects.filter(owner__in=[f"disclosure.servicecentre:{centre.pk}"])
    assert set(entries.values_list("language", flat=True)) == {"ru"}
    english_entries = SearchEntry.objects.filter(owner=f"disclosure.servicecentre:{translation.pk}")
    assert set(english_entries.values_list("language", flat=True)) == {"en"}
    # Withdrawn, the translation leaves the English pages to the Russian record.
    translation.unpublish()
    assert set(entries.values_list("language", flat=True)) == {"ru", "en"}


def test_an_editor_translates_a_snippet_in_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "editor@example.ru", "x")
    client.force_login(admin)
    company = GridCompany(
        name="АО «Новая сеть»",
        area_served="Новый район",
        dispatcher_phone="8 800 100-10-10",
        translation_key=uuid.uuid4(),
    )
    company.save()
    company.save_revision().publish()
    english_locale = Locale.objects.get(language_code="en")
    response = client.post(
        f"/admin/localize/submit/snippet/disclosure/gridcompany/{company.pk}/",
        {"locales": [english_locale.pk]},
    )
    assert response.status_code == 302
    translation = company.get_translation(english_locale)
    assert source_record(translation) == company
    assert translation.dispatcher_phone == company.dispatcher_phone
    edit = client.get(f"/admin/snippets/disclosure/gridcompany/edit/{translation.pk}/")
    assert edit.status_code == 200
    assert 'class="js-translation-editor"' in edit.content.decode()
