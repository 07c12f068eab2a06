"""The compliance report: the registry read from every page model, an item going from missing
to ok, late outage notices and the admin around it. The report over the whole demo site is in
tests/test_disclosure_compliance.py."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from disclosure import compliance
from disclosure.items import CODES, ITEMS
from disclosure.models import RestrictionPage

from .factories import OutageNoticeFactory

OTHER_HELPERS = {"6.2-8", "10.1-tariffs", "6.2-13", "10.1-faq"}  # tariffs and FAQ apps


def states() -> dict[str, str]:
    return {status.item.code: status.state for status in compliance.item_states()}


def test_registry_has_the_fourteen_items_and_the_site_sections():
    assert [item.code for item in ITEMS[:14]] == [f"6.2-{n}" for n in range(1, 15)]
    assert {item.code for item in ITEMS[14:]} == {
        "10.1-tariffs", "10.1-contracts", "10.1-norms", "10.1-standard",
        "10.1-payment-points", "10.1-faq", "10.1-readings", "10.1-contacts", "10.1-grid",
        "10.1-email",
    }  # fmt: skip


def test_every_declared_code_exists():
    for code, models in compliance.coverage().items():
        assert code in CODES
        for model in models:
            assert set(model.disclosure_items) <= CODES, model


@pytest.mark.django_db
def test_restriction_goes_missing_then_draft_then_ok(clients_section):
    clients = clients_section
    assert states()["6.2-7"] == compliance.MISSING

    page = RestrictionPage(title="Ограничение", slug="restriction", live=False)
    clients.add_child(instance=page)
    page.save_revision()
    assert states()["6.2-7"] == compliance.DRAFT_ONLY

    page.get_latest_revision().publish()
    assert states()["6.2-7"] == compliance.OK


@pytest.mark.django_db
def test_late_outage_notices_are_listed():
    assert compliance.late_outage_notices() == []
    late = OutageNoticeFactory(
        starts_at=timezone.now() + timedelta(days=2), first_published_at=timezone.now()
    )
    emergency = OutageNoticeFactory(starts_at=timezone.now() + timedelta(days=2), emergency=True)
    listed = compliance.late_outage_notices()
    assert late in listed and emergency not in listed


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.ru", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_report_is_for_staff_only(client):
    response = client.get("/admin/disclosure/compliance/")
    assert response.status_code == 302


def outage_form(starts_at, **extra) -> dict:
    moscow = starts_at.astimezone(timezone.get_current_timezone())
    data = {
        "organisation": "ПАО «Россети Московский регион»",
        "work_type": "Ремонт линии",
        "reason": "Плановый ремонт",
        "starts_at": moscow.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (moscow + timedelta(hours=4)).strftime("%Y-%m-%d %H:%M"),
        "duration": "",
        "localities": "Клин",
        "streets": "",
        "responsible_position": "Мастер участка",
        "responsible_name": "Иванов Иван Иванович",
        "contact_phone": "8 800 000-00-00",
        "audience": "households",
        # One structured address (the inline rows of «Addresses covered»).
        "covered_addresses-TOTAL_FORMS": "1",
        "covered_addresses-INITIAL_FORMS": "0",
        "covered_addresses-MIN_NUM_FORMS": "0",
        "covered_addresses-MAX_NUM_FORMS": "1000",
        "covered_addresses-0-locality": "Клин",
        "covered_addresses-0-street": "Литейная ул.",
        "covered_addresses-0-house_from": "1",
        "covered_addresses-0-house_to": "25",
        "covered_addresses-0-parity": "all",
        "covered_addresses-0-ORDER": "1",
        "action-publish": "action-publish",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_admin_refuses_to_publish_a_late_notice(admin_client):
    from disclosure.models import OutageNotice

    url = "/admin/snippets/disclosure/outagenotice/add/"
    before = OutageNotice.objects.count()
    soon = timezone.now() + timedelta(days=3)
    response = admin_client.post(url, outage_form(soon), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert "не менее чем за 10 рабочих дней" in response.content.decode()
    assert OutageNotice.objects.count() == before

    response = admin_client.post(url, outage_form(soon, emergency="on"))
    assert response.status_code == 302
    notice = OutageNotice.objects.get(live=True, emergency=True, localities="Клин")
    assert notice.covered_addresses.get().street_key == "улица:литейная"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", ["servicecentre", "paymentpoint", "gridcompany", "outagenotice", "metervisitnotice"]
)
def test_snippet_admin_lists_and_forms_open(admin_client, model):
    assert admin_client.get(f"/admin/snippets/disclosure/{model}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/disclosure/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_reports_menu_links_the_compliance_report(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/disclosure/compliance/" in html


def test_system_check_catches_a_mistyped_declaration(monkeypatch):
    from disclosure.checks import check_disclosure_declarations
    from disclosure.models import PaymentPage

    assert check_disclosure_declarations() == []
    monkeypatch.setattr(PaymentPage, "disclosure_items", ("6.2-5", "6.2-99"))
    monkeypatch.setattr(PaymentPage, "disclosure_records", {"6.2-9": "disclosure.Nothing"})
    ids = {error.id for error in check_disclosure_declarations()}
    assert ids == {"disclosure.E002", "disclosure.E003", "disclosure.E004"}
