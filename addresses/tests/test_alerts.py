"""Outage alerts by street: double opt-in through signed links, one e-mail per subscriber and
version of a notice (even when the task runs again), one-click unsubscribe, the cleanup."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from addresses import alerts
from addresses.models import Street, Subscription
from addresses.staff import ALERTS_STAFF
from core.staff import DISCLOSURE_EDITORS
from disclosure.models import OutageCoverage, OutagesPage
from disclosure.tests.factories import OutageNoticeFactory
from home.models import SectionPage

from .factories import HouseRangeFactory, StreetFactory

SUBSCRIBE = "/clients/outages/subscribe/"
SIGNED = "/alerts/"


@pytest.fixture
def outages_page(clients_section) -> OutagesPage:
    """The outages page at /clients/outages/, below which the form is served."""
    return clients_section.add_child(
        instance=OutagesPage(title="Плановые отключения", slug="outages")
    )


@pytest.fixture
def lenina(outages_page):
    return HouseRangeFactory().street


@pytest.fixture
def sadovaya(lenina):
    return StreetFactory(locality=lenina.locality, name="Садовая улица")


def form(**extra) -> dict:
    return {
        "email": "anna@example.ru",
        "streets": [str(street.pk) for street in Street.objects.filter(name="улица Ленина")],
        "consent": "on",
        **extra,
    }


def checkbox(html: str, street) -> str:
    """The checkbox of a street in the form's HTML ("" when it is not listed)."""
    found = re.search(rf'<input type="checkbox" name="streets" value="{street.pk}"[^>]*>', html)
    return found.group() if found else ""


def link(body: str, kind: str) -> str:
    return re.search(rf"https?://[^/]+(/alerts/{kind}/[^/]+/)", body).group(1)


def subscribed(street, email="anna@example.ru", confirmed=True) -> Subscription:
    subscription = Subscription.objects.create(
        email=email, consent_version="v1", confirmed_at=timezone.now() if confirmed else None
    )
    subscription.streets.add(street)
    return subscription


def publish(notice, capture):
    with capture(execute=True):
        notice.save_revision().publish()


def covering(street, **fields):
    notice = OutageNoticeFactory(live=False, **fields)
    OutageCoverage.objects.create(notice=notice, locality="Подольск", street=street.name)
    return notice


def test_double_opt_in_through_a_signed_link(lenina, ru_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ru_client.post(SUBSCRIBE, form())
    assert response.status_code == 302 and response["Location"] == f"{SUBSCRIBE}sent/"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None and list(subscription.streets.all()) == [lenina]
    assert subscription.consent_version
    confirm = link(mail.outbox[0].body, "confirm")

    assert ru_client.get(confirm).status_code == 200  # a page with a button: scanners only GET
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert ru_client.post(confirm).status_code == 302
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_a_tampered_or_foreign_link_is_refused(lenina, ru_client):
    subscription = subscribed(lenina, confirmed=False)
    value = alerts.token(subscription, alerts.CONFIRM)
    tampered = value[:-2] + ("AA" if not value.endswith("AA") else "BB")
    for path in (
        f"{SIGNED}confirm/{tampered}/",
        f"{SIGNED}confirm/{alerts.token(subscription, alerts.UNSUBSCRIBE)}/",
        f"{SIGNED}unsubscribe/{value}/",
    ):
        assert ru_client.post(path).status_code == 400, path
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_the_form_needs_consent_a_known_street_and_catches_robots(sadovaya, ru_client):
    response = ru_client.post(SUBSCRIBE, form(consent="", streets=[], find="Несуществующая улица"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Несуществующая улица"' in html  # what was typed stays
    assert "Найдите свою улицу и отметьте её." in html
    for hostile in (["abc"], ["99999999999999999999"], [str(sadovaya.pk + 1000)]):
        assert ru_client.post(SUBSCRIBE, form(streets=hostile)).status_code == 400
    response = ru_client.post(SUBSCRIBE, form(website="http://spam.example"))
    assert response.status_code == 302
    assert not Subscription.objects.exists()


def test_subscriptions_are_rate_limited(lenina, ru_client):
    statuses = [ru_client.post(SUBSCRIBE, form()).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]


def test_one_email_per_subscriber_and_version(lenina, sadovaya, django_capture_on_commit_callbacks):
    anna = subscribed(lenina)
    subscribed(lenina, email="boris@example.ru")
    subscribed(lenina, email="unconfirmed@example.ru", confirmed=False)
    subscribed(sadovaya, email="neighbour@example.ru")
    notice = covering(lenina)
    publish(notice, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.ru", "boris@example.ru"]
    message = next(m for m in mail.outbox if m.to == ["anna@example.ru"])
    # The token is signed with the time: compare whom it names, not its text.
    header = message.extra_headers["List-Unsubscribe"]
    value = re.fullmatch(r"<https?://[^/]+/alerts/unsubscribe/([^/]+)/>", header).group(1)
    assert alerts.subscription_for(value, alerts.UNSUBSCRIBE) == anna
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The worker retries the same task: nothing new for this version.
    assert alerts.notify_task.call(notice._meta.label, notice.pk, "published") == 0
    assert len(mail.outbox) == 2

    notice.reason = "Перенос сроков"  # a new version: one more e-mail each
    publish(notice, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4
    notice.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        notice.unpublish()
    assert len(mail.outbox) == 6
    assert "отмен" in mail.outbox[-1].subject.lower()


def test_one_click_unsubscribe_deletes_the_address(lenina, client):
    subscription = subscribed(lenina)
    path = f"{SIGNED}unsubscribe/{alerts.token(subscription, alerts.UNSUBSCRIBE)}/"
    client.handler.enforce_csrf_checks = True  # a mail client posts without a CSRF token
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 302
    assert not Subscription.objects.exists()


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(lenina):
    old = subscribed(lenina, confirmed=False)
    Subscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    fresh = subscribed(lenina, email="fresh@example.ru", confirmed=False)
    kept = subscribed(lenina, email="kept@example.ru")
    Subscription.objects.filter(pk=kept.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert alerts.cleanup() == 1
    assert set(Subscription.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}


def test_staff_see_counts_and_one_group_sees_addresses(lenina, client, django_user_model):
    subscribed(lenina)
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name=DISCLOSURE_EDITORS))
    client.force_login(editor)
    counts = client.get("/admin/addresses/alert-counts/")
    assert counts.status_code == 200
    assert "улица Ленина" in counts.content.decode()
    assert "anna@example.ru" not in counts.content.decode()
    assert client.get("/admin/addresses_subscriptions/").status_code in (302, 403)

    clerk = django_user_model.objects.create_user("clerk", password="x")
    clerk.groups.add(Group.objects.get(name=ALERTS_STAFF))
    client.force_login(clerk)
    listing = client.get("/admin/addresses_subscriptions/")
    assert listing.status_code == 200 and "anna@example.ru" in listing.content.decode()


def test_the_address_page_offers_the_subscription_for_its_street(lenina, ru_client):
    html = ru_client.get("/address/", {"q": "Ленина 5"}).content.decode()
    url = re.search(r'href="(/clients/outages/subscribe/\?street=[^"]+)"', html).group(1)
    form_html = ru_client.get(url.replace("&amp;", "&")).content.decode()
    assert "checked" in checkbox(form_html, lenina)


def test_streets_are_found_in_the_directory_and_ticked_without_javascript(
    lenina, sadovaya, ru_client
):
    """The search step: the words' stems and «ё» = «е» as in the address lookup; what was
    ticked and typed stays through each search and through a refused submission."""
    green = StreetFactory(locality=lenina.locality, name="Зелёная улица")
    step = {"email": "anna@example.ru", "step": "find"}

    response = ru_client.post(SUBSCRIBE, {**step, "find": "зеленой"})
    html = response.content.decode()
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert checkbox(html, green) and "checked" not in checkbox(html, green)
    assert not checkbox(html, sadovaya) and 'value="anna@example.ru"' in html
    assert "field--error" not in html  # a search is not a refused form

    html = ru_client.post(
        SUBSCRIBE, {**step, "find": "Подольск, Садовой", "streets": [green.pk]}
    ).content.decode()
    assert "checked" in checkbox(html, green)
    assert checkbox(html, sadovaya) and "checked" not in checkbox(html, sadovaya)
    assert not Subscription.objects.exists()

    refused = form(streets=[green.pk, sadovaya.pk], find="садовой", consent="")
    html = ru_client.post(SUBSCRIBE, refused).content.decode()
    assert "checked" in checkbox(html, green) and "checked" in checkbox(html, sadovaya)
    assert 'value="садовой"' in html and 'value="anna@example.ru"' in html

    response = ru_client.post(SUBSCRIBE, {**refused, "consent": "on"})
    assert response.status_code == 302
    assert set(Subscription.objects.get().streets.all()) == {green, sadovaya}


def test_the_form_follows_the_outages_page_when_an_editor_moves_it(
    lenina, outages_page, home_page, ru_client
):
    assert f'href="{SUBSCRIBE}"' in ru_client.get("/clients/outages/").content.decode()
    elsewhere = home_page.add_child(instance=SectionPage(title="Потребителям", slug="customers"))
    outages_page.move(elsewhere, pos="last-child")

    assert ru_client.get(SUBSCRIBE).status_code == 404
    moved = "/customers/outages/subscribe/"
    assert f'href="{moved}"' in ru_client.get("/customers/outages/").content.decode()
    html = ru_client.get("/address/", {"q": "Ленина 5"}).content.decode()
    assert f'href="{moved}?street=' in html
    form_html = ru_client.get(moved).content.decode()
    assert f'action="{moved}"' in form_html
    response = ru_client.post(moved, form())
    assert response.status_code == 302 and response["Location"] == f"{moved}sent/"
    assert ru_client.get(f"{moved}sent/").status_code == 200


def test_without_an_outages_page_no_link_offers_the_form(lenina, outages_page, ru_client):
    outages_page.unpublish()
    html = ru_client.get("/address/", {"q": "Ленина 5"}).content.decode()
    assert "/subscribe/" not in html and "Ленина" in html
