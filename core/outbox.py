"""E-mail to customers through Django's mail API: stored with the record that caused it, sent
once that commits, retried on failure, and never sent twice (a sender holds the message's row
lock while it sends; an overlapping run skips locked rows instead of waiting for them)."""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def queue_email(recipient: str, subject: str, body: str) -> OutgoingEmail:
    """Stores the message in the caller's transaction and sends it once that commits."""
    email = OutgoingEmail.objects.create(recipient=recipient, subject=subject, body=body)
    transaction.on_commit(lambda: send_email_task.enqueue(email.pk))
    return email


def _unsent():
    # SKIP LOCKED on PostgreSQL; SQLite has one writer at a time and ignores the clause.
    return OutgoingEmail.objects.select_for_update(skip_locked=True).filter(sent_at__isnull=True)


def deliver(email: OutgoingEmail) -> bool:
    """One attempt to send a message whose row the caller holds locked; the outcome is recorded
    on the message. True when sent."""
    email.attempts += 1
    try:
        send_mail(email.subject, email.body, None, [email.recipient])
    except Exception as error:  # any transport failure: keep the message for a retry
        email.last_error = f"{type(error).__name__}: {error}"[:255]
        email.save(update_fields=["attempts", "last_error"])
        # The message id only: the address and the text are personal data.
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        return False
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "last_error", "sent_at"])
    return True


@task()
def send_email_task(email_id: int) -> None:
    with transaction.atomic():
        email = _unsent().filter(pk=email_id).first()
        if email is not None:  # already sent, or being sent by another run
            deliver(email)


def retry_unsent() -> tuple[int, int]:
    """Another attempt for every unsent message that has attempts left: (sent, still unsent).
    Each message is claimed in its own transaction, so a slow send holds one row only."""
    sent = failed = 0
    candidates = OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    for email_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            email = _unsent().filter(pk=email_id, attempts__lt=MAX_ATTEMPTS).first()
            if email is None:
                continue
            if deliver(email):
                sent += 1
            else:
                failed += 1
    return sent, failed
