"""Outage alerts by street: double opt-in subscriptions, one e-mail per subscriber and version
of a notice, sent by the task worker, with a signed one-click unsubscribe.

A published (or changed, or withdrawn) outage or meter-visit notice queues `notify_task` once
the editor's transaction commits; the worker finds the confirmed subscriptions to the streets
the notice covers (its structured coverage: core/addressing.py keys), takes one `AlertSent`
row per subscription and version (a unique constraint: a retried task finds them taken) and
queues the e-mails through the outbox (core/outbox.py) in batches."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.signals import published, unpublished

from core.localized import default_language
from core.models import OutgoingEmail
from core.outbox import queue_email, queue_emails
from disclosure.models import MeterVisitNotice, OutageNotice

from .models import AlertSent, Street, Subscription

SALT = "addresses.alerts"
CONFIRM, UNSUBSCRIBE = "confirm", "unsubscribe"
UNCONFIRMED_DAYS = 7
NOTICE_MODELS = (OutageNotice, MeterVisitNotice)


def token(subscription: Subscription, action: str) -> str:
    return signing.dumps({"s": subscription.pk, "a": action}, salt=SALT)


def subscription_for(value: str, action: str) -> Subscription | None:
    """The subscription a signed link names, or None for a tampered, foreign or stale link."""
    try:
        data = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != action:
        return None
    return Subscription.objects.filter(pk=data.get("s")).first()


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subscribe(email: str, streets: list[Street], policy_version: str) -> Subscription:
    """Stores the (unconfirmed) subscription and queues the e-mail that confirms it."""
    with transaction.atomic():
        subscription = Subscription.objects.create(email=email, consent_version=policy_version)
        subscription.streets.set(streets)
        link = absolute(reverse("alerts_confirm", args=[token(subscription, CONFIRM)]))
        body = render_to_string("addresses/email/confirm.txt", {"streets": streets, "link": link})
        queue_email(email, _("Confirm your outage alerts"), body)
    return subscription


def confirm(subscription: Subscription, now: datetime | None = None) -> None:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])


def cleanup(now: datetime | None = None) -> int:
    """Deletes the subscriptions left unconfirmed for 7 days; the number deleted."""
    limit = (now or timezone.now()) - timedelta(days=UNCONFIRMED_DAYS)
    stale = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=limit)
    _total, deleted = stale.delete()  # the total counts their streets' rows too
    return deleted.get(Subscription._meta.label, 0)


# --- notices → alerts ------------------------------------------------------------------------


def covered_streets(notice) -> models.QuerySet[Street]:
    """The directory's streets a notice covers (a row without a street: its whole locality)."""
    rows = list(notice.covered_addresses.values_list("locality_key", "street_key"))
    condition = models.Q(pk__in=[])
    for locality, street in rows:
        condition |= models.Q(locality__key=locality, **({"key": street} if street else {}))
    return Street.objects.filter(condition)


def _version(notice, event: str) -> str:
    revision = notice.live_revision_id if event == "published" else notice.latest_revision_id
    return f"{revision}" if event == "published" else f"cancelled-{revision}"


def _email(
    subscription_id: int, email: str, notice, event: str, streets: list[str]
) -> OutgoingEmail:
    subscription = Subscription(pk=subscription_id)
    unsubscribe = absolute(reverse("alerts_unsubscribe", args=[token(subscription, UNSUBSCRIBE)]))
    context = {"notice": notice, "event": event, "streets": streets, "unsubscribe": unsubscribe}
    subject = (
        _("Cancelled: %(notice)s") if event == "unpublished" else _("Planned work: %(notice)s")
    ) % {"notice": notice}
    return OutgoingEmail(
        recipient=email,
        subject=subject[:255],
        body=render_to_string("addresses/email/alert.txt", context),
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def notify_task(notice_label: str, notice_id: int, event: str) -> int:
    """Queues one alert per confirmed subscriber of a covered street for this version of the
    notice; the number queued. Safe to run again, and alongside another run: the rows of
    `AlertSent` are inserted before the e-mails in one transaction, so a run that collides with
    rows another run took rolls back and reads again what is left."""
    model = apps.get_model(notice_label)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                # Runs for one notice queue here on PostgreSQL (SQLite has one writer anyway).
                notice = model.objects.select_for_update().filter(pk=notice_id).first()
                if notice is None:
                    return 0
                return _queue_alerts(notice, notice_label, event)
        except IntegrityError:
            continue
    return 0


def _queue_alerts(notice, notice_label: str, event: str) -> int:
    version = _version(notice, event)
    streets = list(covered_streets(notice).select_related("locality"))
    taken = AlertSent.objects.filter(
        notice_type=notice_label, notice_id=notice.pk, version=version
    ).values("subscription_id")
    fresh = list(
        Subscription.objects.filter(confirmed_at__isnull=False, streets__in=streets)
        .exclude(pk__in=taken)
        .distinct()
        .values_list("pk", "email")
    )
    AlertSent.objects.bulk_create(
        [
            AlertSent(
                subscription_id=pk, notice_type=notice_label, notice_id=notice.pk, version=version
            )
            for pk, _address in fresh
        ],
        batch_size=1000,
    )
    names = [str(street) for street in streets]
    with translation.override("ru"):
        queue_emails([_email(pk, address, notice, event, names) for pk, address in fresh])
    return len(fresh)


def _on_notice_change(sender, instance, signal, **kwargs) -> None:
    if instance.locale.language_code != default_language():
        return  # a translation: subscribers were told when its source was published
    event = "published" if signal is published else "unpublished"
    label = sender._meta.label
    transaction.on_commit(lambda: notify_task.enqueue(label, instance.pk, event))


def connect() -> None:
    for model in NOTICE_MODELS:
        for signal in (published, unpublished):
            signal.connect(
                _on_notice_change,
                sender=model,
                dispatch_uid=f"alerts-{model._meta.label}-{signal!r}",
            )
