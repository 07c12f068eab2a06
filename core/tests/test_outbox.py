import logging
import socket
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from core.models import OutgoingEmail
from core.outbox import MAX_DELAY, queue_email, retry_delay, retry_unsent, send_again
from tests.concurrency import at_once

pytestmark = pytest.mark.django_db


def test_queued_email_is_sent_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_email("client@example.ru", "Обращение зарегистрировано", "Номер ВП-1")
        assert mail.outbox == []  # nothing leaves before the record is committed
    assert [m.to for m in mail.outbox] == [["client@example.ru"]]
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1


def test_a_failed_send_is_kept_and_retried(django_capture_on_commit_callbacks, caplog):
    failure = ConnectionRefusedError("SMTP server down")
    with (
        mock.patch("core.outbox.send_mail", side_effect=failure),
        django_capture_on_commit_callbacks(execute=True),
        caplog.at_level(logging.WARNING),
    ):
        email = queue_email("client@example.ru", "Тема", "Текст")
    email.refresh_from_db()
    assert email.sent_at is None
    assert email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert "client@example.ru" not in caplog.text  # personal data stays out of the logs

    assert email.next_attempt_at > timezone.now()
    assert retry_unsent() == (0, 0)  # the next attempt waits a minute
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert retry_unsent() == (1, 0)
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert len(mail.outbox) == 1


def test_each_failure_waits_longer_before_the_next_attempt_and_none_is_abandoned():
    assert [retry_delay(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert retry_delay(40) == MAX_DELAY  # still retried, every six hours at most
    email = OutgoingEmail.objects.create(
        recipient="a@example.ru",
        subject="s",
        body="b",
        attempts=12,
        next_attempt_at=timezone.now() + timedelta(minutes=5),
    )
    assert retry_unsent() == (0, 0)  # not yet due
    email.next_attempt_at = timezone.now() - timedelta(seconds=1)
    email.save()
    assert retry_unsent() == (1, 0)
    assert len(mail.outbox) == 1


def test_staff_can_send_a_failing_message_again_at_once(django_capture_on_commit_callbacks):
    email = OutgoingEmail.objects.create(
        recipient="a@example.ru",
        subject="s",
        body="b",
        attempts=3,
        next_attempt_at=timezone.now() + timedelta(hours=1),
        last_error="SMTPServerDisconnected",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_again(OutgoingEmail.objects.all()) == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.next_attempt_at is None
    assert len(mail.outbox) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_overlapping_retry_runs_send_each_message_once():
    """Two `send_pending_email` runs at once (a cron overlap): each message leaves once."""
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(recipient=f"c{n}@example.ru", subject="s", body="b") for n in range(30)
    )
    delivered: list[str] = []

    def slow_send(subject, body, sender, recipients, headers=None):
        time.sleep(0.01)  # an SMTP round trip, long enough for the runs to overlap
        delivered.extend(recipients)

    with mock.patch("core.outbox.send_mail", side_effect=slow_send):
        at_once([retry_unsent, retry_unsent])
    assert sorted(delivered) == sorted(f"c{n}@example.ru" for n in range(30))
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
    assert set(OutgoingEmail.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.django_db(transaction=True)  # the worker takes its own database transactions
def test_a_hung_smtp_server_never_holds_a_request(settings):
    """The production set-up: a request only queues the task; the worker meets the hung
    server, gives up after EMAIL_TIMEOUT and keeps the message for a retry."""
    hung = socket.socket()  # accepts connections (the kernel's backlog), never answers
    hung.bind(("127.0.0.1", 0))
    hung.listen()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = hung.getsockname()
    settings.EMAIL_TIMEOUT = 0.5
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    try:
        started = time.monotonic()
        with transaction.atomic():
            email = queue_email("client@example.ru", "Тема", "Текст")
        assert time.monotonic() - started < 0.5  # the request did not wait on SMTP
        email.refresh_from_db()
        assert email.attempts == 0

        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    finally:
        hung.close()
    email.refresh_from_db()
    assert email.sent_at is None and email.attempts == 1
    assert "timed out" in email.last_error
