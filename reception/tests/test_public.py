"""The public side of the virtual reception: the appeal form and its confirmation (the other
routes: test_routes.py)."""

import io
import re
import zipfile
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core import fragment_cache, route_cache
from core.models import OutgoingEmail
from home.tests.factories import make_standard_page
from reception.actions import register_appeal
from reception.choices import Status
from reception.files import MAX_FILE_SIZE
from reception.forms import AppealForm
from reception.models import Appeal, AppealAttachment
from reception.services import due_date
from tests.concurrency import at_once

from .factories import AppealFactory

pytestmark = pytest.mark.usefixtures("reception_page")

URL = "/reception/"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def appeal_data(**overrides):
    data = {
        "topic": "general",
        "appeal_type": "complaint",
        "customer_type": "household",
        "name": "Петрова Анна Сергеевна",
        "email": "anna@example.ru",
        "phone": "+7 912 345-67-89",
        "postal_address": "",
        "account_number": "1234567890",
        "message": "Счёт за октябрь пришёл с ошибкой.",
        "answer_channel": "email",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.django_db
def test_form_page_shows_every_contract_field(ru_client):
    html = ru_client.get(URL).content.decode()
    for name in [
        "topic", "appeal_type", "customer_type", "name", "email", "phone", "postal_address",
        "account_number", "message", "answer_channel", "attachments", "consent",
    ]:  # fmt: skip
        assert f'name="{name}"' in html, name
    assert 'href="/privacy/"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'enctype="multipart/form-data"' in html


@pytest.mark.django_db
def test_the_empty_form_is_public_and_a_posted_one_private(ru_client):
    assert "private" not in ru_client.get(URL).get("Cache-Control", "")
    response = ru_client.post(URL, {})
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_valid_appeal_is_registered_and_redirected_to_its_confirmation(
    ru_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ru_client.post(URL, appeal_data())
    assert response.status_code == 302
    appeal = Appeal.objects.get(name="Петрова Анна Сергеевна")
    assert re.fullmatch(r"ВП-\d{4}-\d{6}", appeal.number)
    assert appeal.due_date == due_date("general", appeal.received_at)
    assert appeal.status == Status.NEW
    assert appeal.events.filter(action="registered").exists()
    # Consent: when, and which published revision of the policy page.
    assert appeal.consent_at is not None
    assert re.match(r"page \d+ rev \d+ ", appeal.consent_policy_version)

    page = ru_client.get(response["Location"])
    html = page.content.decode()
    assert appeal.number in html
    assert appeal.due_date.strftime("%d.%m.%Y") in html
    assert "Петрова" not in html and "anna@example.ru" not in html
    assert [m.to for m in mail.outbox] == [["anna@example.ru"]]
    assert appeal.number in mail.outbox[0].body


@pytest.mark.django_db
def test_consent_records_the_published_version_of_the_policy(ru_client):
    privacy = Page.objects.get(url_path="/home/privacy/").specific
    ru_client.post(URL, appeal_data(name="Первый"))
    privacy.save_revision().publish()
    privacy.refresh_from_db()
    ru_client.post(URL, appeal_data(name="Второй"))
    first, second = (
        Appeal.objects.get(name=n).consent_policy_version for n in ("Первый", "Второй")
    )
    assert second.startswith(f"page {privacy.pk} rev {privacy.live_revision_id} ")
    assert first != second


@pytest.mark.django_db
def test_deleting_an_appeal_deletes_its_files(ru_client):
    upload = SimpleUploadedFile("скан.png", PNG_BYTES)
    ru_client.post(URL, {**appeal_data(), "attachments": [upload]})
    attachment = AppealAttachment.objects.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    attachment.appeal.delete()
    assert not storage.exists(name)


@pytest.mark.django_db
def test_confirmation_needs_a_valid_token(ru_client):
    appeal = AppealFactory()
    assert ru_client.get(f"{URL}thanks/{appeal.pk}/").status_code == 404


@pytest.mark.django_db
def test_email_failure_keeps_the_appeal(ru_client, django_capture_on_commit_callbacks):
    with (
        mock.patch("core.outbox.send_mail", side_effect=ConnectionRefusedError("SMTP down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = ru_client.post(URL, appeal_data())
    assert response.status_code == 302
    appeal = Appeal.objects.get(name="Петрова Анна Сергеевна")
    outgoing = OutgoingEmail.objects.get(recipient="anna@example.ru")
    assert outgoing.sent_at is None and "ConnectionRefusedError" in outgoing.last_error
    assert appeal.number in outgoing.body  # kept for the retry


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "", "phone": "", "postal_address": ""}, "postal_address", "хотя бы один"),
        ({"email": "", "answer_channel": "email"}, "email", "выбранному способу"),
        ({"answer_channel": "post"}, "postal_address", "выбранному способу"),
        ({"phone": "", "answer_channel": "phone"}, "phone", "выбранному способу"),
        ({"consent": None}, "consent", "без вашего согласия"),
        ({"phone": "12-34"}, "phone", "с кодом"),
        ({"message": ""}, "message", "заполнить это поле"),
        ({"message": "я" * 100_000}, "message", "не более 10000 символов"),
    ],
)
def test_rejected_form_explains_next_to_the_field_and_keeps_the_input(
    ru_client, overrides, field, message
):
    response = ru_client.post(URL, appeal_data(**overrides))
    assert response.status_code == 400
    assert not Appeal.objects.exists()
    html = response.content.decode()
    assert message in html.lower()
    if field:
        assert f'id="id_{field}-error"' in html
        assert re.search(rf'aria-describedby="[^"]*id_{field}-error', html)
    assert 'value="Петрова Анна Сергеевна"' in html  # what was typed is kept
    if field != "message":
        assert "Счёт за октябрь пришёл с ошибкой." in html


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["8 912 345-67-89", "+7 (912) 345-67-89", "89123456789"])
def test_the_phone_is_stored_in_one_form_and_found_by_any_spelling(ru_client, typed):
    assert ru_client.post(URL, appeal_data(phone=typed)).status_code == 302
    appeal = Appeal.objects.get()
    assert str(appeal.phone) == "+79123456789"
    found = ru_client.post(
        "/reception/status/", {"number": appeal.number, "contact": "8(912)3456789"}
    )
    assert appeal.due_date.strftime("%d.%m.%Y") in found.content.decode()


@pytest.mark.django_db
def test_form_tells_that_files_must_be_chosen_again(ru_client):
    assert "выберите файлы заново" in ru_client.get(URL).content.decode().lower()


@pytest.mark.django_db
def test_accepted_files_are_stored_privately(ru_client, settings):
    files = [
        SimpleUploadedFile("скан.png", PNG_BYTES, content_type="image/png"),
        SimpleUploadedFile("письмо.docx", docx_bytes(), content_type="application/octet-stream"),
        SimpleUploadedFile("акт.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf"),
    ]
    response = ru_client.post(URL, {**appeal_data(), "attachments": files})
    assert response.status_code == 302
    stored = AppealAttachment.objects.order_by("original_name")
    assert [(a.original_name, a.extension) for a in stored] == [
        ("акт.pdf", "pdf"),
        ("письмо.docx", "docx"),
        ("скан.png", "png"),
    ]
    for attachment in stored:
        path = attachment.file.path
        assert str(settings.MEDIA_ROOT) not in path
        assert "скан" not in path  # the stored name is random
        with pytest.raises(ValueError):
            attachment.file.url  # noqa: B018  (no public URL at all)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("договор.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),  # a Windows executable
        ("фото.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),  # a Linux executable
        ("письмо.docx", b"PK\x03\x04" + b"\x00" * 64),  # not a real zip
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(ru_client, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = ru_client.post(URL, {**appeal_data(), "attachments": [upload]})
    assert response.status_code == 400
    assert not Appeal.objects.exists()
    html = response.content.decode()
    assert "не является документом PDF, JPEG, PNG или DOCX" in html
    assert 'id="id_attachments-error"' in html


@pytest.mark.django_db
def test_a_zip_without_a_word_document_is_refused(ru_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    upload = SimpleUploadedFile("письмо.docx", buffer.getvalue())
    response = ru_client.post(URL, {**appeal_data(), "attachments": [upload]})
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_too_large_file_is_refused(ru_client):
    big = SimpleUploadedFile("скан.pdf", b"%PDF-1.7\n" + b"0" * MAX_FILE_SIZE)
    response = ru_client.post(URL, {**appeal_data(), "attachments": [big]})
    assert response.status_code == 400
    assert not Appeal.objects.exists()
    assert "больше 5 МБ" in response.content.decode()


def form_token(client, url=URL) -> str:
    """The form's one-time token (its masked CSRF token) as the page renders it."""
    html = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1)


@pytest.mark.django_db
def test_a_double_click_registers_one_appeal_and_answers_with_its_number(
    ru_client, django_capture_on_commit_callbacks
):
    data = appeal_data(csrfmiddlewaretoken=form_token(ru_client))
    with django_capture_on_commit_callbacks(execute=True):
        first = ru_client.post(URL, data)
        again = ru_client.post(URL, data)  # the second click, or a retry after a lost answer
    assert first.status_code == again.status_code == 302
    appeal = Appeal.objects.get()  # (the two links differ only in their signing time)
    assert appeal.number in ru_client.get(again["Location"]).content.decode()
    assert appeal.events.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_each_rendering_of_the_form_sends_a_new_appeal(ru_client):
    """Two forms filled the same way are two appeals: the customer meant to send twice."""
    for _ in range(2):
        ru_client.post(URL, appeal_data(csrfmiddlewaretoken=form_token(ru_client)))
    assert Appeal.objects.count() == 2


@pytest.mark.django_db
def test_each_hit_of_the_cached_form_is_a_rendering_of_its_own(ru_client, settings):
    """The page cache fills in a freshly masked token on every hit: two hits are two
    appeals, one hit sent twice is one."""
    settings.PAGE_CACHE = True
    first, second = form_token(ru_client), form_token(ru_client)
    assert ru_client.get(URL)["X-Page-Cache"] == "hit" and first != second
    for token in (first, second, second):
        assert ru_client.post(URL, appeal_data(csrfmiddlewaretoken=token)).status_code == 302
    assert Appeal.objects.count() == 2


@pytest.mark.django_db
def test_a_token_shared_by_two_visitors_never_hands_one_the_others_appeal(ru_client):
    """Should a cache ever serve one token to two people, different texts stay apart."""
    token = form_token(ru_client)
    ru_client.post(URL, appeal_data(csrfmiddlewaretoken=token))
    ru_client.post(URL, appeal_data(csrfmiddlewaretoken=token, name="Иванов", message="Другое"))
    assert sorted(Appeal.objects.values_list("name", flat=True)) == [
        "Иванов",
        "Петрова Анна Сергеевна",
    ]


@pytest.mark.django_db
def test_a_form_sent_without_a_token_is_still_registered(ru_client):
    for _ in range(2):
        assert ru_client.post(URL, appeal_data()).status_code == 302
    assert Appeal.objects.count() == 2
    assert set(Appeal.objects.values_list("submission_key", flat=True)) == {""}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent inserts need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_sendings_at_the_same_moment_store_one_appeal_and_one_number(reception_page):
    """Both requests pass the "stored before?" check; the unique key stops the second, whose
    transaction (its number included) is rolled back, and it answers with the first."""
    forms = [AppealForm(appeal_data(csrfmiddlewaretoken="a" * 32)) for _ in range(2)]
    assert all(form.is_valid() for form in forms)
    with mock.patch("core.forms.sent_before", return_value=None):
        numbers = at_once(
            [lambda form=form: register_appeal(form, "policy").number for form in forms]
        )
    appeal = Appeal.objects.get()
    assert numbers == [appeal.number, appeal.number]
    # Gap-free: the next appeal takes the number after it.
    form = AppealForm(appeal_data())
    assert form.is_valid()
    following = register_appeal(form, "policy").number
    assert int(following[-6:]) == int(appeal.number[-6:]) + 1


@pytest.mark.django_db
def test_honeypot_stores_nothing(ru_client):
    response = ru_client.post(URL, appeal_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Appeal.objects.exists()


@pytest.mark.django_db
def test_submissions_are_rate_limited_per_address(ru_client):
    for _ in range(5):
        assert ru_client.post(URL, appeal_data()).status_code == 302
    response = ru_client.post(URL, appeal_data())
    assert response.status_code == 429
    assert Appeal.objects.count() == 5
    assert "Слишком много попыток" in response.content.decode()


@pytest.mark.django_db
def test_form_page_runs_a_bounded_number_of_queries(
    ru_client, django_assert_max_num_queries, home_page
):
    """At most one query more than a plain text page (the policy link), whatever the number
    of appeals, and within the site's budget of 10 once the shared layout fits in it."""
    make_standard_page(home_page, "about", "О компании")
    ru_client.get(URL)  # warm the per-process caches
    ru_client.get("/about/")
    with CaptureQueriesContext(connection) as plain_page:
        ru_client.get("/about/")
    AppealFactory.create_batch(20)
    with django_assert_max_num_queries(max(10, len(plain_page) + 1)):
        assert ru_client.get(URL).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/reception/status/", "/en/reception/home-visit/"])
def test_english_routes_answer(ru_client, url, english_reception_page):
    assert ru_client.get(url).status_code == 200


@pytest.mark.django_db
def test_english_form_is_in_english(ru_client, english_reception_page):
    html = ru_client.get("/en/reception/").content.decode()
    assert "Send the appeal" in html
    assert 'href="/en/privacy/"' in html


@pytest.mark.django_db
def test_a_repeat_is_answered_even_at_the_rate_limit(ru_client):
    """The customer whose answer was lost at the last allowed appeal still gets its number."""
    for _ in range(4):
        ru_client.post(URL, appeal_data(csrfmiddlewaretoken=form_token(ru_client)))
    data = appeal_data(csrfmiddlewaretoken=form_token(ru_client))
    ru_client.post(URL, data)
    again = ru_client.post(URL, data)
    assert again.status_code == 302
    assert Appeal.objects.count() == 5
    last = Appeal.objects.order_by("received_at").last()
    assert last.number in ru_client.get(again["Location"]).content.decode()
    assert ru_client.post(URL, appeal_data(message="Новое")).status_code == 429


@pytest.mark.django_db
def test_the_form_page_from_its_fragments_reads_no_policy_page(
    reception_page, privacy_page, settings, django_assert_max_num_queries
):
    """The policy page is read only when the form is drawn: a page whose content comes from
    the fragment cache runs no page query at all (with its route remembered), and still links
    the policy."""
    settings.FRAGMENT_CACHE = settings.ROUTE_CACHE = True
    cache.clear()
    fragment_cache._local.clear()
    route_cache._routes.clear()
    try:
        drawn = Client().get("/reception/")
        with CaptureQueriesContext(connection) as queries:
            again = Client().get("/reception/")
        assert again.status_code == 200
        assert privacy_page.url in again.content.decode()
        assert not [q for q in queries if "wagtailcore_page" in q["sql"]], queries.captured_queries
        assert privacy_page.url in drawn.content.decode()
    finally:
        cache.clear()
        fragment_cache._local.clear()
        route_cache._routes.clear()
