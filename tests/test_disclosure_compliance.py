"""The compliance report over the demo site: every item ok, stale pages and records, items
backed by records, the admin view and its exports."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone
from openpyxl import load_workbook

from disclosure import compliance
from disclosure.items import ITEMS
from disclosure.models import RestrictionPage

OTHER_HELPERS = {"6.2-8", "10.1-tariffs", "6.2-13", "10.1-faq"}  # tariffs and FAQ apps


def states() -> dict[str, str]:
    return {status.item.code: status.state for status in compliance.item_states()}


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.ru", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_demo_covers_every_item_of_this_app():
    current = states()
    ours = {code: state for code, state in current.items() if code not in OTHER_HELPERS}
    assert set(ours.values()) == {compliance.OK}, ours


@pytest.mark.django_db
@override_settings(DISCLOSURE_STALE_MONTHS=6)
def test_a_page_not_published_for_the_configured_months_is_stale():
    page = RestrictionPage.objects.get(locale__language_code="ru")
    now = timezone.now()
    RestrictionPage.objects.filter(pk=page.pk).update(last_published_at=now - timedelta(days=170))
    assert states()["6.2-7"] == compliance.OK
    RestrictionPage.objects.filter(pk=page.pk).update(last_published_at=now - timedelta(days=190))
    assert states()["6.2-7"] == compliance.STALE
    assert {s.item.code: s.state for s in compliance.item_states(stale_months=12)}["6.2-7"] == (
        compliance.OK
    )


@pytest.mark.django_db
def test_admin_report_and_csv(admin_client):
    response = admin_client.get("/admin/disclosure/compliance/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("data-item=") == len(ITEMS)
    assert 'data-item="6.2-8" data-state="ok"' in page  # the tariffs page declares item 8
    assert 'data-item="6.2-11" data-state="ok"' in page
    assert "?export=xlsx" in page and "?export=csv" in page
    csv = admin_client.get("/admin/disclosure/compliance/?export=csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = b"".join(csv.streaming_content).decode("utf-8").strip().splitlines()
    assert len(lines) == len(ITEMS) + 1
    assert any(line.startswith("6.2-4,") and ",ok," in line for line in lines)
    xlsx = admin_client.get("/admin/disclosure/compliance/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == len(ITEMS) + 1
    assert any(row[0] == "6.2-4" and row[3] == "ok" and row[4] for row in rows)


@pytest.mark.django_db
def test_an_item_backed_by_records_is_missing_without_live_records():
    from disclosure.models import GridCompany

    assert states()["10.1-grid"] == compliance.OK
    GridCompany.objects.update(live=False)
    status = next(s for s in compliance.item_states() if s.item.code == "10.1-grid")
    assert status.state == compliance.MISSING
    assert status.note


@pytest.mark.django_db
@override_settings(DISCLOSURE_STALE_MONTHS=6)
def test_publishing_a_record_keeps_its_page_current():
    from disclosure.models import GridCompaniesPage, GridCompany

    long_ago = timezone.now() - timedelta(days=400)
    GridCompaniesPage.objects.update(last_published_at=long_ago)
    GridCompany.objects.update(last_published_at=long_ago)
    assert states()["10.1-grid"] == compliance.STALE
    company = GridCompany.objects.first()
    company.save_revision().publish()
    assert states()["10.1-grid"] == compliance.OK


@pytest.mark.django_db
def test_every_item_is_ok_on_the_demo_site():
    """Every §6.2 item and §10.1 section is covered by a live, current page of the demo: the
    pages of every app (tariffs, FAQ, readings, disclosure) declare what they disclose."""
    from disclosure.compliance import item_states

    assert {status.item.code: status.state for status in item_states()} == {
        item.code: "ok" for item in ITEMS
    }


@pytest.mark.django_db
def test_demo_documents_are_shown_as_needing_a_real_one(admin_client):
    """The generated contract forms and Decree 24 documents are samples; the standard's PDF
    is built from its own text."""
    placeholders = {document.title for document in compliance.placeholder_documents()}
    assert any(title.startswith("Договор энергоснабжения") for title in placeholders)
    assert "Сбытовая надбавка гарантирующего поставщика, 2025" in placeholders
    assert not any("Стандарт" in title for title in placeholders)
    page = admin_client.get("/admin/disclosure/compliance/").content.decode()
    assert page.count("нужен настоящий документ") == len(placeholders)


@pytest.mark.django_db
def test_contacts_and_hours_agree_on_the_demo_and_a_disagreement_is_reported(admin_client):
    from disclosure.models import ServiceCentre
    from home.models import SiteSettings

    assert compliance.consistency_problems() == []
    settings = SiteSettings.objects.get()
    settings.hotline_phone = "8 800 100-00-00"
    settings.save()
    ServiceCentre.objects.update(head_office=False)
    problems = compliance.consistency_problems()
    assert any("8 800 100-00-00" in problem for problem in problems)
    assert any("головной офис" in problem for problem in problems)
    # The appeals and contacts pages still name 8 800 333-00-22: no longer the hotline.
    assert any("8 800 333-00-22" in problem for problem in problems)
    page = admin_client.get("/admin/disclosure/compliance/").content.decode()
    assert "8 800 100-00-00" in page


@pytest.mark.django_db
def test_the_report_lists_the_register_of_requirements(admin_client):
    from disclosure import requirements

    page = admin_client.get("/admin/disclosure/compliance/").content.decode()
    assert page.count("data-requirement=") == len(requirements.load())
    assert 'data-requirement-state="problem"' not in page
    assert "reception.actions.send" in page
