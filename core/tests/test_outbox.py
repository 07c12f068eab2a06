import logging
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction

from core.models import OutgoingEmail
from core.outbox import MAX_ATTEMPTS, queue_email, retry_unsent

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

    assert retry_unsent() == (1, 0)
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert len(mail.outbox) == 1


def test_retries_stop_after_the_last_attempt():
    OutgoingEmail.objects.create(
        recipient="a@example.ru", subject="s", body="b", attempts=MAX_ATTEMPTS
    )
    assert retry_unsent() == (0, 0)
    assert mail.outbox == []
