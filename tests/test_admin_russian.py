"""The admin speaks Russian: our apps' admin pages, walked with the test client, show no English
word a member of staff would read; Wagtail's faulty Russian is corrected by our catalogue
(locale/corrections/); the e-mail to an approver says what happened."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from wagtail.models import TranslatableMixin

from disclosure.models import (
    GridCompany,
    MeterVisitNotice,
    OutageNotice,
    PaymentPoint,
    ServiceCentre,
)
from readings.models import Submission
from reception.models import Appeal
from reception.tests.factories import AppealFactory
from tariffs import moderation
from tariffs.models import TariffPeriod, TariffRegion

pytestmark = pytest.mark.django_db

# Words that only English text has (not names of things such as PDF or CSV).
ENGLISH = {
    "the",
    "and",
    "of",
    "to",
    "is",
    "has",
    "been",
    "with",
    "this",
    "your",
    "you",
    "no",
    "add",
    "edit",
    "delete",
    "save",
    "publish",
    "unpublish",
    "status",
    "search",
    "live",
    "draft",
    "true",
    "false",
    "yes",
    "none",
    "file",
    "files",
    "page",
    "rev",
    "editors",
    "moderators",
    "approval",
    "approved",
    "submitted",
    "appeal",
    "appeals",
    "tariff",
    "notice",
    "period",
    "overdue",
    "executor",
    "received",
    "due",
    "date",
    "name",
}


class VisibleText(HTMLParser):
    """The text a person sees: no scripts, styles, templates or hidden parts."""

    SKIP = {"script", "style", "template", "svg", "noscript"}
    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.hidden: list[str] = []  # the open elements from a `hidden` one inward

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        if tag not in self.VOID and (self.hidden or any(name == "hidden" for name, _ in attrs)):
            self.hidden.append(tag)
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def english_words(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    words = re.findall(r"[A-Za-z]+(?:\(s\))?", " ".join(parser.parts))
    return {word for word in words if word.lower() in ENGLISH or word.endswith("(s)")}


def edit(model) -> str:
    # A Russian record (a translatable one's English translation holds English content).
    instance = getattr(model.objects, "sources", model.objects.all)().first()
    meta = model._meta
    return f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{instance.pk}/"


def pages() -> list[str]:
    appeal = Appeal.objects.first()
    submission = Submission.objects.first()
    urls = ["/admin/", "/admin/reception_appeals/", "/admin/reception_appeals/new/"]
    urls += ["/admin/reception_visits/new/", "/admin/readings_submissions/"]
    if appeal:
        urls.append(f"/admin/reception_appeals/edit/{appeal.pk}/")
    if submission:
        urls.append(f"/admin/readings_submissions/inspect/{submission.pk}/")
    for model in (
        TariffPeriod,
        TariffRegion,
        ServiceCentre,
        PaymentPoint,
        GridCompany,
        OutageNotice,
        MeterVisitNotice,
    ):
        meta = model._meta
        # The list of one language: the other's records show their own content.
        only_russian = "?locale=ru" if issubclass(model, TranslatableMixin) else ""
        urls += [
            f"/admin/snippets/{meta.app_label}/{meta.model_name}/{only_russian}",
            f"/admin/snippets/{meta.app_label}/{meta.model_name}/add/",
            edit(model),
        ]
    return urls


@pytest.fixture
def admin_client():
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(User.objects.create_superuser("root", "root@example.ru", "x"))
    return client


def test_our_admin_pages_show_no_english_word(admin_client):
    AppealFactory()
    found = {}
    for url in pages():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode())
        if words:
            found[url] = sorted(words)
    assert found == {}


def test_wagtail_strings_read_as_corrected(admin_client):
    html = admin_client.get("/admin/snippets/tariffs/tariffperiod/add/").content.decode()
    assert "Добавить: составляющая" in html  # not «Добавить составляющая»
    notices = admin_client.get("/admin/snippets/disclosure/outagenotice/?q=nothing-like-it")
    assert "Ничего не найдено" in notices.content.decode()


def test_bulk_delete_names_the_records_without_a_number_before_a_plural(admin_client):
    ids = TariffPeriod.objects.values_list("pk", flat=True)[:2]
    query = "&".join(f"id={pk}" for pk in ids)
    html = admin_client.get(f"/admin/bulk/tariffs/tariffperiod/delete/?{query}").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Периоды тарифов: удалить 2" in title  # not «2 Периоды тарифов»
    assert "Удалить выбранные записи (периоды тарифов: 2)?" in html


def test_the_approver_is_told_a_period_was_submitted(django_capture_on_commit_callbacks):
    approver = User.objects.create_user("approver", "approver@example.ru", "x")
    approver.groups.add(Group.objects.get(name=moderation.APPROVERS))
    editor = User.objects.create_user("editor", "editor@example.ru", "x")
    editor.groups.add(Group.objects.get(name=moderation.EDITORS))
    period = TariffPeriod.objects.filter(live=True).first()
    period.save_revision(user=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        TariffPeriod.get_default_workflow().start(period, editor)
    (message,) = [m for m in mail.outbox if m.to == ["approver@example.ru"]]
    assert message.subject.startswith("На утверждение отправлена запись")
    assert "одобрен" not in message.body and "утверждено" not in message.body
    assert "http://localhost:" in message.body


def test_wagtail_localize_publishes_in_a_language_with_a_space(admin_client):
    from django.urls import reverse

    catalogue = admin_client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert json.dumps({"Publish in ": "Опубликовать на языке: "})[1:-1] in catalogue
