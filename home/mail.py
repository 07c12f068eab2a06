"""E-mail to customers through Django's mail API, stored first and retried on failure."""

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


def deliver(email: OutgoingEmail) -> bool:
    """One attempt to send; the outcome is recorded on the message. True when sent."""
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
    deliver(OutgoingEmail.objects.get(pk=email_id))


def retry_unsent() -> tuple[int, int]:
    """Another attempt for every unsent message that has attempts left: (sent, still unsent)."""
    sent = failed = 0
    for email in OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS):
        if deliver(email):
            sent += 1
        else:
            failed += 1
    return sent, failed
