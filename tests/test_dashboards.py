"""The admin home per role: each panel shows its work to the roles that act on it and is absent
for the others (README "Staff roles")."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from core import staff
from disclosure.models import OutageNotice
from disclosure.staff import NOTICE_EDITORS
from readings.models import Submission
from readings.permissions import STAFF_GROUP as READINGS_STAFF
from readings.tests.factories import SubmissionFactory
from reception.choices import AnswerChannel
from reception.models import Delivery, DeliveryKind
from reception.staff import STAFF_GROUP as RECEPTION_STAFF
from reception.staff import SUPERVISORS_GROUP
from reception.tests.factories import AppealFactory
from search.services import record_query
from tariffs import moderation
from tariffs.models import TariffPeriod

pytestmark = pytest.mark.django_db

ROLES = [
    moderation.EDITORS,
    moderation.APPROVERS,
    staff.DISCLOSURE_EDITORS,
    NOTICE_EDITORS,
    staff.MODERATORS,
    staff.TRANSLATORS,
    RECEPTION_STAFF,
    SUPERVISORS_GROUP,
    READINGS_STAFF,
]
PANELS = {
    "tariff_changes": {moderation.EDITORS, moderation.APPROVERS},
    "notices": {NOTICE_EDITORS, staff.MODERATORS},
    "compliance": {staff.DISCLOSURE_EDITORS, staff.MODERATORS},
    "reception_appeals": {RECEPTION_STAFF, SUPERVISORS_GROUP},
    "appeals_by_executor": {SUPERVISORS_GROUP},
    "flagged_readings": {READINGS_STAFF},
    "letters_and_calls": {RECEPTION_STAFF, SUPERVISORS_GROUP},
    "empty_searches": {staff.DISCLOSURE_EDITORS, staff.MODERATORS},
}


def home_of(role: str) -> str:
    user = User.objects.create_user(f"u{ROLES.index(role)}", password="x", first_name="Анна")
    user.last_name = "Орлова"
    user.save()
    user.groups.add(Group.objects.get(name=role))
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str, name: str) -> str:
    start = html.index(f'id="panel-{name}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_the_panels_of_its_work_and_no_other(role):
    html = home_of(role)
    shown = {name for name in PANELS if f'id="panel-{name}"' in html}
    assert shown == {name for name, roles in PANELS.items() if role in roles}


def test_the_tariff_panel_shows_a_change_awaiting_approval():
    period = TariffPeriod.objects.filter(live=True).order_by("-valid_from").first()
    period.pk = None
    period.id = None
    period.valid_from = timezone.localdate() + timedelta(days=400)
    period.live = False
    period.save()
    period.save_revision()
    editor = User.objects.create_user("submitter")
    TariffPeriod.get_default_workflow().start(period, editor)
    html = panel(home_of(moderation.APPROVERS), "tariff_changes")
    assert str(period) in html and "на утверждении" in html


def test_the_notice_panel_lists_the_next_14_days_and_marks_a_late_notice():
    notice = OutageNotice.objects.filter(live=True).first()
    starts = timezone.now() + timedelta(days=2)
    OutageNotice.objects.filter(pk=notice.pk).update(
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        emergency=False,
        first_published_at=timezone.now(),
    )
    far = OutageNotice.objects.filter(live=True).exclude(pk=notice.pk).first()
    if far:
        OutageNotice.objects.filter(pk=far.pk).update(
            starts_at=timezone.now() + timedelta(days=40),
            ends_at=timezone.now() + timedelta(days=40, hours=2),
        )
    notice.refresh_from_db()
    html = panel(home_of(NOTICE_EDITORS), "notices")
    assert str(notice) in html and "опубликовано с опозданием" in html  # 2 days' notice
    if far:
        far.refresh_from_db()
        assert str(far) not in html


def test_the_supervisor_sees_the_unassigned_and_each_executors_load():
    clerk = User.objects.create_user("clerk", first_name="Ольга", last_name="Смирнова")
    clerk.groups.add(Group.objects.get(name=RECEPTION_STAFF))
    AppealFactory(executor=clerk, due_date=timezone.localdate() - timedelta(days=1))
    AppealFactory(executor=clerk)
    AppealFactory(executor=None)
    html = panel(home_of(SUPERVISORS_GROUP), "appeals_by_executor")
    assert "Ольга Смирнова" in html and "просрочено: 1" in html
    assert "без исполнителя" in html


def test_the_readings_panel_counts_flagged_readings_not_exported():
    Submission.objects.update(flagged=False)
    SubmissionFactory(flagged=True)
    SubmissionFactory(flagged=False)
    html = panel(home_of(READINGS_STAFF), "flagged_readings")
    assert "Отмечено и ещё не выгружено: 1" in html


def test_the_letters_panel_puts_interim_replies_first_and_skips_what_is_done_or_e_mailed():
    appeal = AppealFactory()
    task = dict(appeal=appeal, text="…")
    Delivery.objects.create(kind=DeliveryKind.ANSWER, channel=AnswerChannel.PHONE, **task)
    Delivery.objects.create(kind=DeliveryKind.INTERIM, channel=AnswerChannel.POST, **task)
    Delivery.objects.create(kind=DeliveryKind.INTERIM, channel=AnswerChannel.POST, **task)
    Delivery.objects.create(kind=DeliveryKind.ANSWER, channel=AnswerChannel.EMAIL, **task)
    Delivery.objects.create(
        kind=DeliveryKind.NOTICE, channel=AnswerChannel.POST, done_at=timezone.now(), **task
    )
    html = panel(home_of(RECEPTION_STAFF), "letters_and_calls")
    interim, answer = html.index("Промежуточный ответ: Почта"), html.index("Ответ: Телефон")
    assert interim < answer
    assert "<strong>2</strong> <a" in html[html.rindex("<li>", 0, interim) : interim]
    assert "Уведомление" not in html and "Эл. почта" not in html
    assert f"ожидает с {timezone.localdate():%d.%m.%Y}" in html


def test_the_search_panel_lists_this_weeks_searches_that_found_nothing():
    today = timezone.localdate()
    record_query("куда жаловаться на соседа", 0, today, times=3)
    record_query("старый запрос без ответа", 0, today - timedelta(days=8))
    record_query("тарифы", 5, today)
    html = panel(home_of(staff.DISCLOSURE_EDITORS), "empty_searches")
    assert "<strong>3</strong>" in html and "куда жаловаться на соседа" in html
    assert "старый запрос" not in html and "тарифы" not in html


def test_only_search_editors_read_what_visitors_typed():
    editor = User.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name=staff.DISCLOSURE_EDITORS))
    clerk = User.objects.create_user("clerk")
    clerk.groups.add(Group.objects.get(name=RECEPTION_STAFF))
    record_query("где касса в подольске", 0, timezone.localdate())
    for user, allowed in ((editor, True), (clerk, False)):
        client = Client()
        client.force_login(user)
        response = client.get("/admin/reports/search-queries/", follow=True)
        assert ("где касса в подольске" in response.content.decode()) is allowed
        assert (response.redirect_chain == []) is allowed  # Wagtail sends the refused home


def test_wagtails_recent_edits_are_not_on_the_home_but_pages_awaiting_approval_are():
    moderator = User.objects.create_user("moderator")
    moderator.groups.add(Group.objects.get(name=staff.MODERATORS))
    page = Page.objects.live().filter(depth=3).first().specific
    # Logged, as the admin's own edits are: Wagtail's "your most recent edits" reads the log.
    page.save_revision(user=moderator, log_action=True)
    page.get_workflow().start(page, moderator)
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert 'id="recent-edits-section"' not in html
    assert 'id="awaiting-review-section"' in html and "Ждут вашей проверки" in html
