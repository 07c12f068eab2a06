"""The reception's other public routes: the status lookup, the home-visit request, the survey,
the page types, and numbering under concurrent submissions."""

import re

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from home.tests.factories import translate
from reception.models import Appeal, HomeVisitRequest, ReceptionPage, SurveyPage
from reception.services import due_date
from tests.concurrency import at_once

from .factories import AppealFactory
from .test_public import appeal_data

pytestmark = pytest.mark.usefixtures("reception_page")

URL = "/reception/"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# --- status lookup -------------------------------------------------------------------------

STATUS_URL = "/reception/status/"


@pytest.mark.django_db
def test_status_lookup_shows_status_and_due_date_only(ru_client):
    appeal = AppealFactory(email="anna@example.ru", name="Петрова Анна", message="Секрет")
    response = ru_client.post(STATUS_URL, {"number": appeal.number, "contact": "anna@example.ru"})
    html = response.content.decode()
    assert "Зарегистрировано" in html
    assert appeal.due_date.strftime("%d.%m.%Y") in html
    assert "Петрова" not in html and "Секрет" not in html


@pytest.mark.django_db
def test_wrong_pair_answers_like_an_unknown_number(ru_client):
    appeal = AppealFactory(email="anna@example.ru", phone="+7 912 345-67-89")

    def answer(number, contact):
        html = ru_client.post(STATUS_URL, {"number": number, "contact": contact}).content
        html = html.decode()
        main = html[html.index("<main") : html.index("</main>")].replace(number, "N")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)

    wrong_contact = answer(appeal.number, "other@example.ru")
    unknown_number = answer("ВП-2026-999999", "other@example.ru")
    assert wrong_contact == unknown_number
    assert "не найдено" in wrong_contact
    assert appeal.due_date.strftime("%d.%m.%Y") not in wrong_contact
    assert "Зарегистрировано" in answer(appeal.number, "8 912 345 67 89")


@pytest.mark.django_db
def test_status_lookup_is_rate_limited(ru_client):
    for _ in range(10):
        ru_client.post(STATUS_URL, {"number": "ВП-2026-000001", "contact": "a@example.ru"})
    response = ru_client.post(STATUS_URL, {"number": "ВП-2026-000001", "contact": "a@b.ru"})
    assert response.status_code == 429


@pytest.mark.django_db
def test_one_number_cannot_be_guessed_from_many_addresses(ru_client):
    """Spreading guesses of a number's contact over 60 client addresses gets no more answers
    than one client would."""
    codes = [
        ru_client.post(
            STATUS_URL,
            {"number": "ВП-2026-000001", "contact": f"guess{n}@example.ru"},
            REMOTE_ADDR=f"198.51.100.{n}",
        ).status_code
        for n in range(60)
    ]
    assert codes.count(200) == 10 and codes.count(429) == 50


# --- home visit ----------------------------------------------------------------------------

VISIT_URL = "/reception/home-visit/"


def visit_data(**overrides):
    data = {
        "name": "Сидоров Пётр Ильич",
        "phone": "+7 912 000-11-22",
        "postal_address": "Москва, ул. Лесная, 5, кв. 7",
        "account_number": "5550001",
        "ground": "age",
        "lives_alone": "on",
        "message": "",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_home_visit_is_registered_with_a_date_within_30_working_days(ru_client):
    response = ru_client.post(VISIT_URL, visit_data())
    assert response.status_code == 302
    visit = HomeVisitRequest.objects.get()
    assert visit.visit_due_date == due_date("home_visit", visit.received_at)
    html = ru_client.get(response["Location"]).content.decode()
    assert visit.number in html and visit.visit_due_date.strftime("%d.%m.%Y") in html


@pytest.mark.django_db
def test_home_visit_at_most_once_a_year(ru_client):
    assert ru_client.post(VISIT_URL, visit_data()).status_code == 302
    response = ru_client.post(VISIT_URL, visit_data(name="Сидорова"))
    assert response.status_code == 400
    assert "уже запрашивался" in response.content.decode()
    HomeVisitRequest.objects.update(received_at=timezone.now() - timezone.timedelta(days=366))
    assert ru_client.post(VISIT_URL, visit_data()).status_code == 302


@pytest.mark.django_db
def test_a_home_visit_request_sent_twice_is_one_request(ru_client):
    """The second sending is not refused as "already requested this year": it is the same."""
    html = ru_client.get(VISIT_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1)
    first = ru_client.post(VISIT_URL, visit_data(csrfmiddlewaretoken=token))
    again = ru_client.post(VISIT_URL, visit_data(csrfmiddlewaretoken=token))
    assert first.status_code == again.status_code == 302
    visit = HomeVisitRequest.objects.get()
    assert visit.number in ru_client.get(again["Location"]).content.decode()


@pytest.mark.django_db
def test_home_visit_only_for_lone_customers(ru_client):
    response = ru_client.post(VISIT_URL, visit_data(lives_alone=None))
    assert response.status_code == 400
    assert not HomeVisitRequest.objects.exists()


# --- survey --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_survey_is_built_with_the_form_builder(ru_client, survey_page, english_reception_page):
    assert survey_page.url == "/reception/survey/"
    assert ru_client.get("/reception/survey/").status_code == 200
    translate(survey_page, title="Customer satisfaction survey")
    assert ru_client.get("/en/reception/survey/").status_code == 200


@pytest.mark.django_db
def test_survey_answers_are_stored_and_the_browser_redirected(ru_client, survey_page):
    survey = survey_page
    form = survey.get_form(page=survey)
    data = {}
    for name, field in form.fields.items():
        if name == "website":  # the honeypot stays empty
            continue
        if hasattr(field, "choices") and field.choices:
            first = field.choices[0][0]
            data[name] = [first] if field.widget.allow_multiple_selected else first
        else:
            data[name] = "Всё хорошо"
    response = ru_client.post("/reception/survey/", data)
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    submission = survey.get_submission_class().objects.get(page=survey)
    assert "website" not in submission.form_data


# --- page types ----------------------------------------------------------------------------


class TestPageTypes(WagtailPageTestCase):
    def test_reception_lives_under_home_and_holds_surveys(self):
        self.assertAllowedParentPageTypes(ReceptionPage, {HomePage})
        self.assertAllowedSubpageTypes(ReceptionPage, {SurveyPage})
        self.assertAllowedParentPageTypes(SurveyPage, {ReceptionPage})
        self.assertAllowedSubpageTypes(SurveyPage, set())


# --- numbering under concurrent submissions (runs last: transactional) ---------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_appeals_get_distinct_consecutive_numbers():
    from reception.actions import register_appeal
    from reception.forms import AppealForm

    count = 8
    forms = [
        AppealForm(appeal_data(name=f"Клиент {n}", email="", answer_channel="phone"))
        for n in range(count)
    ]
    assert all(form.is_valid() for form in forms)
    at_once([lambda form=form: register_appeal(form, "page 1 rev 1") for form in forms])
    year = timezone.localtime().year
    numbers = sorted(Appeal.objects.values_list("number", flat=True))
    assert numbers == [f"ВП-{year}-{n:06d}" for n in range(1, count + 1)]
