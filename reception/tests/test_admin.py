"""The staff side: who may see appeals and their files, the registry and its actions, the
export, the dashboard panel, the monthly report and the survey summary."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from core.staff import DISCLOSURE_EDITORS
from reception.choices import Status
from reception.models import Appeal, AppealAttachment
from reception.reports import monthly_report
from reception.staff import STAFF_GROUP, SUPERVISORS_GROUP

from .factories import AppealFactory, HomeVisitRequestFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/reception_appeals/"


def login(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    return client


@pytest.fixture
def clerk():
    user = User.objects.create_user("clerk", password="x", first_name="Ольга", last_name="Смирнова")
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    return user


@pytest.fixture
def supervisor():
    user = User.objects.create_user("boss", password="x", first_name="Ирина", last_name="Орлова")
    user.groups.add(Group.objects.get(name=SUPERVISORS_GROUP))
    return user


@pytest.fixture
def editor():
    """A content editor, with admin access and page permissions."""
    user = User.objects.create_user("editor", password="x")
    user.groups.add(Group.objects.get(name=DISCLOSURE_EDITORS))
    return user


@pytest.fixture
def appeal_with_file():
    appeal = AppealFactory(name="Кузнецов Олег")
    attachment = AppealAttachment(
        appeal=appeal,
        original_name="скан.pdf",
        content_type="application/pdf",
        extension="pdf",
        size=9,
    )
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return appeal, attachment


def test_anonymous_users_cannot_reach_appeals_or_files(appeal_with_file):
    appeal, attachment = appeal_with_file
    client = Client()
    for url in [
        INDEX,
        f"{INDEX}edit/{appeal.pk}/",
        f"{INDEX}file/{attachment.pk}/",
        "/admin/reception/report/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_content_editors_cannot_reach_appeals_or_files(editor, appeal_with_file):
    appeal, attachment = appeal_with_file
    client = login(editor)
    assert client.get("/admin/").status_code == 200  # an editor of content, logged in
    for url in [
        INDEX,
        f"{INDEX}edit/{appeal.pk}/",
        f"{INDEX}file/{attachment.pk}/",
        f"{INDEX}?export=csv",
        "/admin/reception/report/",
        "/admin/reception/survey/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Кузнецов" not in response.content.decode(), url
    response = client.post(f"{INDEX}action/{appeal.pk}/close/")
    assert response.status_code in (302, 403)
    assert "Кузнецов" not in client.get("/admin/").content.decode()


def test_staff_see_the_registry_the_detail_and_the_file(clerk, appeal_with_file):
    appeal, attachment = appeal_with_file
    client = login(clerk)
    assert "Кузнецов Олег" in client.get(INDEX).content.decode()
    detail = client.get(f"{INDEX}edit/{appeal.pk}/").content.decode()
    assert appeal.number in detail and "скан.pdf" in detail
    response = client.get(f"{INDEX}file/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n"
    assert "attachment" in response["Content-Disposition"]
    assert appeal.events.filter(action="file_opened", user=clerk).exists()


def test_registry_filters_and_search(clerk):
    today = timezone.localdate()
    late = AppealFactory(name="Абрамов Артём", due_date=today - timedelta(days=1))
    soon = AppealFactory(name="Борисов Борис", due_date=today + timedelta(days=2))
    later = AppealFactory(name="Власов Виктор", due_date=today + timedelta(days=10))
    AppealFactory(name="Гусев Геннадий", due_date=today - timedelta(days=5), status=Status.CLOSED)
    client = login(clerk)

    def names(query):
        html = client.get(INDEX, query).content.decode()
        return {a.name for a in Appeal.objects.all() if a.name in html}

    assert names({"overdue": "true"}) == {late.name}
    assert names({"due_soon": "true"}) == {soon.name}
    assert names({"status": "closed"}) == {"Гусев Геннадий"}
    assert names({"q": later.number}) == {later.name}
    assert names({"q": "Борисов Борис"}) == {soon.name}


def test_export_of_the_filtered_list_to_csv_and_xlsx(clerk):
    today = timezone.localdate()
    AppealFactory(name="Просрочено", due_date=today - timedelta(days=1))
    AppealFactory(name="В срок", due_date=today + timedelta(days=10))
    client = login(clerk)
    response = client.get(INDEX, {"overdue": "true", "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert len(rows) == 2 and rows[1][5] == "Просрочено"

    response = client.get(INDEX, {"overdue": "true", "export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.max_row == 2 and sheet.cell(2, 6).value == "Просрочено"


def test_exports_survive_what_customers_type(clerk):
    """A control character breaks XLSX, and a formula would run in a clerk's spreadsheet."""
    today = timezone.localdate()
    AppealFactory(name="Анна\x07 Петрова", due_date=today - timedelta(days=1))
    AppealFactory(name='=HYPERLINK("http://evil.example","ok")', due_date=today - timedelta(days=2))
    client = login(clerk)

    response = client.get(INDEX, {"overdue": "true", "export": "xlsx", "ordering": "due_date"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = {sheet.cell(row, 6).value for row in (2, 3)}
    assert "Анна Петрова" in names

    response = client.get(INDEX, {"overdue": "true", "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel then reads the file as UTF-8
    names = {row[5] for row in list(csv.reader(io.StringIO(text)))[1:]}
    assert names == {"Анна Петрова", '\'=HYPERLINK("http://evil.example","ok")'}


def test_the_whole_life_of_an_appeal_is_in_the_audit_trail(
    clerk, supervisor, django_capture_on_commit_callbacks
):
    appeal = AppealFactory(email="anna@example.ru")
    first_due = appeal.due_date
    client = login(clerk)
    action = f"{INDEX}action/{appeal.pk}"
    # A clerk cannot choose who answers; the supervisor assigns.
    client.post(f"{action}/assign/", {"executor": clerk.pk})
    assert not appeal.events.exists()
    login(supervisor).post(f"{action}/assign/", {"executor": clerk.pk})
    # An extension without an interim reply is impossible: the form carries both.
    client.post(
        f"{action}/interim/", {"text": "Запросили данные у сетевой организации.", "extend_days": 10}
    )
    appeal.refresh_from_db()
    assert appeal.status == Status.EXTENDED and appeal.due_date == first_due + timedelta(days=10)
    client.post(f"{action}/interim/", {"text": "Ещё раз", "extend_days": 5})
    appeal.refresh_from_db()
    assert appeal.due_date == first_due + timedelta(days=10)  # only one extension

    response = client.post(
        f"{action}/answer/",
        {"text": "Ответ", "executor_name": "", "executor_phone": "", "channel": "email"},
    )
    appeal.refresh_from_db()
    assert appeal.status == Status.EXTENDED  # §9.2: the executor's name and phone are needed
    with django_capture_on_commit_callbacks(execute=True):
        answer_response = client.post(
            f"{action}/answer/",
            {
                "text": "Перерасчёт выполнен.",
                "executor_name": "Смирнова Ольга Петровна",
                "executor_phone": "+7 495 000-00-00",
                "channel": "email",
            },
        )
    assert answer_response.status_code == 302
    sent = mail.outbox[-1]
    assert sent.to == ["anna@example.ru"] and "Перерасчёт выполнен." in sent.body
    assert "Смирнова Ольга Петровна, +7 495 000-00-00" in sent.body  # §9.2
    client.post(f"{action}/close/")
    appeal.refresh_from_db()
    assert appeal.status == Status.CLOSED and appeal.answer_executor_phone
    events = list(appeal.events.values_list("action", "user__username"))
    # Each reply is written as told only once it went out (by e-mail here, at once); the
    # second interim reply went out, its extension was refused.
    assert events == [
        ("assigned", "boss"),
        ("interim_reply", "clerk"),
        ("customer_told", "clerk"),
        ("extended", "clerk"),
        ("interim_reply", "clerk"),
        ("customer_told", "clerk"),
        ("answered", "clerk"),
        ("customer_told", "clerk"),
        ("closed", "clerk"),
    ]
    assert response.status_code == 302


def test_not_considered_only_for_a_reason_and_the_customer_is_told(
    clerk, django_capture_on_commit_callbacks
):
    appeal = AppealFactory(email="anna@example.ru")
    client = login(clerk)
    url = f"{INDEX}action/{appeal.pk}/not_considered/"
    client.post(url, {"reason": "because", "notice": ""})
    client.post(url, {"reason": "repeated", "notice": ""})  # must tell the customer
    appeal.refresh_from_db()
    assert appeal.status == Status.NEW
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "repeated", "notice": "Ответ дан 01.03.2026 № 12."})
    appeal.refresh_from_db()
    assert appeal.status == Status.NOT_CONSIDERED and appeal.customer_told_at
    assert appeal.events.filter(action="customer_told").exists()
    assert mail.outbox[-1].to == ["anna@example.ru"]


def test_dashboard_panel_for_staff_only(clerk, editor):
    AppealFactory(due_date=timezone.localdate() - timedelta(days=3))
    html = login(clerk).get("/admin/").content.decode()
    assert "Обращения" in html and "просрочено" in html.lower()
    assert "reception_appeals" not in login(editor).get("/admin/").content.decode()


def test_monthly_report(clerk):
    march = datetime(2026, 3, 10, 9, tzinfo=UTC)
    on_time = AppealFactory(
        received_at=march,
        due_date=datetime(2026, 3, 25).date(),
        answered_at=march + timedelta(days=4),
        topic="debt",
    )
    AppealFactory(
        received_at=march,
        due_date=datetime(2026, 3, 12).date(),
        answered_at=march + timedelta(days=8),
        answer_channel="post",
    )
    AppealFactory(received_at=march + timedelta(days=30))  # April
    report = monthly_report(march.date())
    assert report.total == 2 and report.answered == 2
    assert report.answered_on_time == 1 and report.on_time_percent == 50
    assert report.average_days_to_answer == 6.0
    assert {bar.label: bar.count for bar in report.by_channel} == {
        "Почта": 1,
        "Электронная почта": 1,
    }
    html = login(clerk).get("/admin/reception/report/", {"month": "2026-03"}).content.decode()
    assert "50%" in html and 'style="width: 100%"' in html
    assert "export=xlsx" in html
    response = login(clerk).get("/admin/reception/report/", {"month": "2026-03", "export": "csv"})
    assert 'filename="appeals-2026-03.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows[0]) == 3 and rows[1][2] == "2"  # a heading, then appeals received
    assert any(row[1:] == ["Почта", "1"] for row in rows)
    assert on_time.topic == "debt"


def test_survey_summary_for_staff(clerk, ru_client, survey_page):
    html = login(clerk).get("/admin/reception/survey/").content.decode()
    assert "Анкета удовлетворённости клиентов" in html


def test_home_visits_for_staff_only(clerk, editor):
    HomeVisitRequestFactory(name="Сидоров Пётр")
    assert "Сидоров Пётр" in login(clerk).get("/admin/reception_visits/").content.decode()
    response = login(editor).get("/admin/reception_visits/")
    assert response.status_code in (302, 403)
    assert "Сидоров" not in response.content.decode()


def test_survey_summary_counts_the_answers(clerk, ru_client, survey_page):
    survey = survey_page
    fields = {f.label: f.clean_name for f in survey.form_fields.all()}
    overall = fields["Как вы оцениваете качество обслуживания в целом?"]
    staff = fields["Как вы оцениваете вежливость и компетентность сотрудников?"]
    channels = fields["Какими каналами обслуживания вы пользуетесь?"]
    improve = fields["Что нам улучшить?"]
    for rating, used in [("Отлично", ["Телефон"]), ("Отлично", ["Телефон", "Электронная почта"])]:
        data = {overall: rating, staff: "Хорошо", channels: used, improve: "Часы работы"}
        assert ru_client.post("/reception/survey/", data).status_code == 302
    html = login(clerk).get("/admin/reception/survey/").content.decode()
    assert "Получено анкет: 2" in html
    assert re.search(r"<th scope=\"row\">Отлично</th><td>2</td>", html)
    assert re.search(r"<th scope=\"row\">Телефон</th><td>2</td>", html)
    assert re.search(r"<th scope=\"row\">Электронная почта</th><td>1</td>", html)
    assert "Часы работы" in html
