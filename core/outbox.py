"""E-mail to customers through Django's mail API: stored with the record that caused it, sent
by the task worker once that commits, retried with a growing delay until it leaves, and never
sent twice (a sender holds the message's row lock while it sends; an overlapping run skips
locked rows instead of waiting for them). Nothing is abandoned: staff see what keeps failing
and can send it again at once."""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# After the n-th failure the next attempt waits 2**(n-1) minutes, at most six hours.
MAX_DELAY = timedelta(hours=6)


def send_mail(
    subject: str, body: str, sender: str | None, recipients: list[str], headers: dict | None = None
) -> int:
    """Django's send_mail with headers (List-Unsubscribe on alerts)."""
    return EmailMessage(subject, body, sender, recipients, headers=headers).send()


def queue_email(
    recipient: str, subject: str, body: str, headers: dict[str, str] | None = None
) -> OutgoingEmail:
    """Stores the message in the caller's transaction and sends it once that commits."""
    email = OutgoingEmail.objects.create(
        recipient=recipient, subject=subject, body=body, headers=headers or {}
    )
    transaction.on_commit(lambda: send_email_task.enqueue(email.pk))
    return email


def queue_emails(emails: list[OutgoingEmail], batch: int = 500) -> list[OutgoingEmail]:
    """Many messages at once (alerts to every subscriber of a street): stored in the caller's
    transaction with one INSERT a batch, and sent by one task a batch once that commits."""
    created = OutgoingEmail.objects.bulk_create(emails, batch_size=batch)
    ids = [email.pk for email in created]
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        transaction.on_commit(lambda chunk=chunk: send_emails_task.enqueue(chunk))
    return created


def retry_delay(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** (attempts - 1)), MAX_DELAY)


def _claim_unsent() -> QuerySet[OutgoingEmail]:
    # SKIP LOCKED on PostgreSQL; SQLite has one writer at a time and ignores the clause.
    return OutgoingEmail.objects.select_for_update(skip_locked=True).filter(sent_at__isnull=True)


def _due() -> Q:
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())


def deliver(email: OutgoingEmail) -> bool:
    """One attempt to send a message whose row the caller holds locked; the outcome is recorded
    on the message. True when sent."""
    email.attempts += 1
    try:
        send_mail(email.subject, email.body, None, [email.recipient], headers=email.headers)
    except Exception as error:  # any transport failure: keep the message for a retry
        email.last_error = f"{type(error).__name__}: {error}"[:255]
        email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
        email.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        # The message id only: the address and the text are personal data.
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        return False
    email.sent_at = timezone.now()
    email.last_error = ""
    email.next_attempt_at = None
    email.save(update_fields=["attempts", "last_error", "sent_at", "next_attempt_at"])
    return True


@task()
def send_email_task(email_id: int) -> None:
    with transaction.atomic():
        email = _claim_unsent().filter(pk=email_id).first()
        if email is not None:  # already sent, or being sent by another run
            deliver(email)


@task()
def send_emails_task(email_ids: list[int]) -> None:
    """Each message of a batch claimed and sent in its own transaction, as `send_email_task`."""
    for email_id in email_ids:
        send_email_task.call(email_id)


def retry_unsent() -> tuple[int, int]:
    """Another attempt for every unsent message whose delay has passed: (sent, still unsent).
    Each message is claimed in its own transaction, so a slow send holds one row only."""
    sent = failed = 0
    due = OutgoingEmail.objects.filter(_due(), sent_at__isnull=True)
    for email_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            email = _claim_unsent().filter(_due(), pk=email_id).first()
            if email is None:
                continue
            if deliver(email):
                sent += 1
            else:
                failed += 1
    return sent, failed


def send_again(emails: QuerySet[OutgoingEmail]) -> int:
    """Staff's "send now": the unsent messages among `emails` are due at once and queued."""
    ids = list(emails.filter(sent_at__isnull=True).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=ids).update(next_attempt_at=None)
    for email_id in ids:
        transaction.on_commit(lambda email_id=email_id: send_email_task.enqueue(email_id))
    return len(ids)
