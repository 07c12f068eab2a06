"""The meter-readings page and its form: validation, confirmation, idempotency, corrections,
consent, e-mail, spam protection and the SQL budget."""

import datetime as dt
import re
from decimal import Decimal
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import fragment_cache
from core.fragment_cache import Fragment
from core.models import OutgoingEmail
from home.tests.factories import make_standard_page
from readings.models import MeterReadingsPage, Submission

from .conftest import BEFORE_CUTOFF
from .factories import MeterFactory, SubmissionFactory

pytestmark = pytest.mark.usefixtures("readings_page", "registry")

URL = "/clients/meter-readings/"
CONFIRMATION_URL = URL + "confirmation/"
AFTER_CUTOFF = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.UTC)  # 26.11 00:00 in Moscow


def valid(**changes) -> dict:
    data = {
        "account_number": "1000000001",
        "meter_number": "12345678",
        "reading_t1": "10100",
        "reading_t2": "5050",
        "reading_t3": "",
        "email": "",
        "phone": "",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client: Client, data: dict):
    return client.post(URL, data, HTTP_ACCEPT_LANGUAGE="ru")


def errors_of(html: str, field: str) -> str:
    start = html.index(f'id="id_{field}-error"')
    return html[start : html.index("</div>", start)]


# --- the page ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_page_shows_the_procedure_and_the_form(ru_client):
    page = MeterReadingsPage.objects.get(locale__language_code="ru")
    assert page.url == URL
    assert page.disclosure_items == ("6.2-6", "10.1-readings")
    response = ru_client.get(URL)
    html = response.content.decode()
    assert "Если счётчик неисправен или отсутствует" in html  # §6.2 item 6: the consequences
    for name in [
        "account_number",
        "meter_number",
        "reading_t1",
        "reading_t2",
        "reading_t3",
        "email",
        "phone",
        "consent",
    ]:
        assert f'name="{name}"' in html
    assert 'href="/privacy/"' in html
    assert "private" not in response.get("Cache-Control", "")  # the page cache may keep it


@pytest.mark.django_db
def test_the_english_page_has_the_form(ru_client, english_readings_page):
    html = ru_client.get("/en/clients/meter-readings/").content.decode()
    assert 'name="reading_t1"' in html
    assert "If the meter is broken or missing" in html
    assert 'href="/en/privacy/"' in html


def count_queries(client: Client, url: str) -> int:
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_form_page_runs_a_bounded_number_of_queries(ru_client, readings_page):
    """No more than a plain text page at the same depth (the shared base template's share)
    and the policy that the consent links to, and the same count however large the registry
    and the readings are."""
    make_standard_page(readings_page.get_parent(), "payment", "Оплата")
    standard_page = count_queries(ru_client, "/clients/payment/")
    few = count_queries(ru_client, URL)
    for meter in MeterFactory.create_batch(200):
        SubmissionFactory(meter=meter)
    assert few <= standard_page + 1
    assert count_queries(ru_client, URL) == few


@pytest.mark.django_db
def test_a_submission_runs_at_most_six_queries(
    ru_client, at_before_cutoff, settings, django_assert_max_num_queries
):
    """The page's route and the policy's version known (both are read once per process and
    page-tree version), a new submission costs the meter's look-up, the locked look-up of its
    row, the number, the INSERT and the transaction; the confirmation reads its row. No
    session is written (the confirmation is in a cookie). SQLite takes one more: there
    django-sequences reads the counter, then updates it (one UPSERT on PostgreSQL)."""
    settings.ROUTE_CACHE = True
    other_meter = {"account_number": "1000000003", "meter_number": "55500012", "reading_t2": ""}
    first_sender = Client()
    assert post(first_sender, valid(**other_meter, reading_t1="820")).status_code == 302
    assert first_sender.get(CONFIRMATION_URL).status_code == 200
    with django_assert_max_num_queries(6 if connection.vendor == "postgresql" else 7):
        response = post(ru_client, valid())
    assert response.status_code == 302
    # Its row, and the language switcher's look-up of an English version, which this site
    # lacks (one that exists is cached with the header's fragments).
    with django_assert_max_num_queries(2):
        html = ru_client.get(CONFIRMATION_URL).content.decode()
    assert "ПУ-2026-000002" in html
    assert "10100 / 5050" in html
    assert "sessionid" not in ru_client.cookies


@pytest.mark.django_db
@time_machine.travel(BEFORE_CUTOFF)  # the clock of the fragments' expiry too
def test_a_confirmation_draws_only_its_content_and_keeps_nothing_of_it(
    ru_client, settings, monkeypatch
):
    """Only the content shows the sender's submission: the head, header and footer drawn for
    one sender's confirmation serve the next sender's, though the page itself is private; a
    request with any other cookie of its own shares nothing."""
    settings.FRAGMENT_CACHE = True
    monkeypatch.setattr(fragment_cache, "_local", {})
    drawn: list[str] = []
    render = fragment_cache.render

    def spy(request, name, draw, **options):
        return render(request, name, lambda: drawn.append(name) or draw(), **options)

    monkeypatch.setattr(fragment_cache, "render", spy)
    first = Client(HTTP_ACCEPT_LANGUAGE="ru")
    other_meter = {"account_number": "1000000003", "meter_number": "55500012", "reading_t2": ""}
    post(first, valid(**other_meter, reading_t1="820"))
    assert "ПУ-2026-000001" in first.get(CONFIRMATION_URL).content.decode()
    assert sorted(drawn) == ["content", "footer", "head", "header"]
    drawn.clear()
    post(ru_client, valid())
    html = ru_client.get(CONFIRMATION_URL).content.decode()
    assert drawn == ["content"]
    assert "ПУ-2026-000002" in html and "10100 / 5050" in html
    assert "ПУ-2026-000001" not in html and "55500012" not in html
    kept = [cache.get(key.removeprefix(":1:")) for key in list(cache._cache)]  # locmem
    parts = [part for found in kept if isinstance(found, Fragment) for part in found.parts]
    assert parts and not any("ПУ-2026" in part or "55500012" in part for part in parts)
    drawn.clear()
    ru_client.cookies["tracking"] = "1"
    ru_client.get(CONFIRMATION_URL)
    assert sorted(drawn) == ["content", "footer", "head", "header"]


# --- accepted submissions ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_valid_reading_gets_a_confirmation_after_a_redirect(ru_client, at_before_cutoff):
    response = post(ru_client, valid())
    assert response.status_code == 302
    assert response["Location"] == CONFIRMATION_URL
    submission = Submission.objects.get()
    assert submission.confirmation_number == "ПУ-2026-000001"
    assert submission.period == dt.date(2026, 11, 1)
    assert submission.readings == (Decimal(10100), Decimal(5050))
    assert not submission.flagged
    html = ru_client.get(CONFIRMATION_URL).content.decode()
    assert "ПУ-2026-000001" in html
    assert "11.2026" in html
    assert "10100 / 5050" in html


@pytest.mark.django_db
def test_the_confirmation_is_only_shown_to_its_sender(ru_client, at_before_cutoff):
    response = post(ru_client, valid())
    cookie = response.cookies["readings_confirmation"]
    assert cookie["path"] == CONFIRMATION_URL
    assert cookie["httponly"]
    assert "12345678" not in cookie.value and "10100" not in cookie.value  # no personal data
    other = Client(HTTP_ACCEPT_LANGUAGE="ru")
    response = other.get(CONFIRMATION_URL)
    assert response.status_code == 302
    assert response["Location"] == URL
    response = ru_client.get(CONFIRMATION_URL)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_forged_or_outdated_confirmation_cookie_shows_nothing(ru_client, at_before_cutoff):
    post(ru_client, valid())
    signed = ru_client.cookies["readings_confirmation"].value
    forger = Client(HTTP_ACCEPT_LANGUAGE="ru")
    forger.cookies["readings_confirmation"] = signed.replace("ПУ", "XX", 1)[:-2] + "xx"
    assert forger.get(CONFIRMATION_URL).status_code == 302
    post(Client(HTTP_ACCEPT_LANGUAGE="ru"), valid(reading_t1="10200"))  # a correction renumbers
    assert ru_client.get(CONFIRMATION_URL).status_code == 302


@pytest.mark.django_db
def test_consent_time_and_policy_version_are_stored(ru_client, at_before_cutoff):
    post(ru_client, valid())
    submission = Submission.objects.get()
    assert submission.consent_at == BEFORE_CUTOFF
    from wagtail.models import Page

    privacy = Page.objects.get(slug="privacy", locale__language_code="ru")
    assert submission.consent_policy_version.startswith(
        f"page {privacy.pk} rev {privacy.live_revision_id} "
    )


@pytest.mark.django_db
def test_after_the_cutoff_the_reading_counts_for_the_next_period(ru_client):
    with mock.patch("django.utils.timezone.now", return_value=AFTER_CUTOFF):
        post(ru_client, valid())
        html = ru_client.get(CONFIRMATION_URL).content.decode()
    assert Submission.objects.get().period == dt.date(2026, 12, 1)
    assert "учитываются в следующем расчётном периоде, 12.2026" in html


@pytest.mark.django_db
def test_the_confirmation_is_emailed_when_an_address_is_given(
    ru_client, at_before_cutoff, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        post(ru_client, valid(email="client@example.ru", phone="+7 900 123-45-67"))
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["client@example.ru"]
    assert "ПУ-2026-000001" in mailoutbox[0].subject
    assert "10100 / 5050" in mailoutbox[0].body
    assert str(Submission.objects.get().phone) == "+79001234567"  # E.164


@pytest.mark.django_db
def test_without_an_address_nothing_is_emailed(ru_client, at_before_cutoff):
    post(ru_client, valid())
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_an_implausible_jump_is_accepted_and_flagged(ru_client, at_before_cutoff):
    # the meter was read on 25.10.2026: 26 days at most 100 kWh a day = 2600 kWh
    response = post(ru_client, valid(reading_t1="20000", reading_t2="9000"))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.flagged
    assert "кВт·ч" in submission.flag_reason


@pytest.mark.django_db
def test_the_meters_decimals_are_accepted(ru_client, at_before_cutoff):
    response = post(
        ru_client,
        valid(
            account_number="1000000003", meter_number="55500012", reading_t1="820,5", reading_t2=""
        ),
    )
    assert response.status_code == 302
    assert Submission.objects.get().reading_t1 == Decimal("820.5")


# --- rejected submissions ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"account_number": "9999999999"}, "account_number", "Лицевой счёт № 9999999999 не найден"),
        ({"account_number": "12ab"}, "account_number", "от 5 до 20 цифр"),
        ({"account_number": ""}, "account_number", "Укажите номер лицевого счёта"),
        ({"meter_number": "87654321"}, "meter_number", "не относится к лицевому счёту"),
        ({"meter_number": ""}, "meter_number", "Укажите номер счётчика"),
        ({"reading_t2": ""}, "reading_t2", "укажите показание зоны"),
        ({"reading_t3": "100"}, "reading_t3", "оставьте это поле пустым"),
        ({"reading_t1": "9999"}, "reading_t1", "ниже последнего принятого (10000)"),
        ({"reading_t1": "10100,5"}, "reading_t1", "целым числом"),
        ({"reading_t1": "десять"}, "reading_t1", "целым числом"),
        ({"email": "not-an-address"}, "email", "адрес электронной почты"),
        ({"phone": "call me"}, "phone", "номер телефона"),
        ({"consent": None}, "consent", "Без согласия"),
    ],
)
def test_each_rule_rejects_with_a_russian_error_next_to_its_field(
    ru_client, at_before_cutoff, changes, field, message
):
    data = valid(**changes)
    response = post(ru_client, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in errors_of(html, field)
    tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
    assert re.search(rf'aria-describedby="[^"]*\bid_{field}-error\b', tag)
    assert 'aria-invalid="true"' in tag
    assert not Submission.objects.exists()
    # what was typed is kept
    for name in ("account_number", "meter_number", "reading_t1"):
        if data.get(name):
            assert f'value="{data[name]}"' in html


@pytest.mark.django_db
def test_the_honeypot_stores_nothing(ru_client, at_before_cutoff):
    response = post(ru_client, valid(website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == URL
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_submissions_are_rate_limited_per_address(ru_client, at_before_cutoff, settings):
    settings.READINGS_RATE_LIMIT = 2
    assert post(ru_client, valid()).status_code == 302
    assert post(ru_client, valid(reading_t1="10101")).status_code == 302
    response = post(ru_client, valid(reading_t1="10102"))
    assert response.status_code == 429
    assert "Слишком много" in response.content.decode()
    assert Submission.objects.get().reading_t1 == Decimal(10101)


# --- page rules ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_readings_page_per_section():
    page = MeterReadingsPage.objects.get(locale__language_code="ru")
    section = page.get_parent().specific
    assert not MeterReadingsPage.can_create_at(section)
    assert MeterReadingsPage.subpage_types == []


@pytest.mark.django_db
def test_the_form_tells_that_late_readings_count_for_the_next_period(ru_client):
    with mock.patch("django.utils.timezone.now", return_value=AFTER_CUTOFF):
        html = ru_client.get(URL).content.decode()
    assert "учитываются в расчётном периоде 12.2026" in html
    with mock.patch("django.utils.timezone.now", return_value=BEFORE_CUTOFF):
        html = ru_client.get(URL).content.decode()
    assert "учитываются в расчётном периоде" not in html


@pytest.mark.django_db
def test_an_english_submission_redirects_to_the_english_confirmation(
    client, at_before_cutoff, english_readings_page
):
    response = client.post("/en/clients/meter-readings/", valid())
    assert response.status_code == 302
    assert response["Location"] == "/en/clients/meter-readings/confirmation/"
    html = client.get(response["Location"]).content.decode()
    assert "Confirmation number" in html
