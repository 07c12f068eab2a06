"""What happens to an appeal: registration and every staff action, each in one transaction
and each written to the audit trail (AppealEvent)."""

from datetime import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.forms import store_once
from core.numbering import next_number
from core.outbox import queue_email

from .choices import REASONS_CUSTOMER_TOLD, Action, AnswerChannel, Status
from .models.appeals import Appeal, AppealAttachment, AppealEvent
from .models.visits import HomeVisitRequest
from .services import due_date, extended_due_date, home_visit_due

APPEAL_PREFIX = "ВП"
VISIT_PREFIX = "ВО"


class ActionRefused(ValueError):
    pass


def files_label(count: int) -> str:
    return ngettext("%(count)s file", "%(count)s files", count) % {"count": count}


def log(appeal: Appeal, user, action: str, details: str = "") -> AppealEvent:
    return AppealEvent.objects.create(appeal=appeal, user=user, action=action, details=details)


def register_appeal(form, policy_version: str, now: datetime | None = None) -> Appeal:
    """Stores a valid appeal with its number and due date, its files and the confirmation
    e-mail, all in one transaction: the number is taken before anything else is stored. The
    same form sent again (a double click, a retry) gets the appeal stored the first time."""
    now = now or timezone.now()

    def create(key: str) -> Appeal:
        appeal = form.save(commit=False)
        appeal.submission_key = key
        appeal.number = next_number(APPEAL_PREFIX, timezone.localtime(now).year)
        appeal.received_at = now
        appeal.consent_at = now
        appeal.consent_policy_version = policy_version
        appeal.due_date = appeal.original_due_date = due_date(
            appeal.topic, now, appeal.customer_type, phone_left=bool(appeal.phone)
        )
        appeal.save()
        for upload, kind in form.accepted_files:
            AppealAttachment.objects.create(
                appeal=appeal,
                file=upload,
                original_name=upload.name[:255],
                content_type=kind.content_type,
                extension=kind.extension,
                size=upload.size,
            )
        files = len(form.accepted_files)
        with translation.override("ru"):  # the trail is read by Russian staff
            log(appeal, None, Action.REGISTERED, files_label(files))
        if appeal.email:
            with translation.override("ru"):
                body = render_to_string("reception/email/registered.txt", {"appeal": appeal})
                subject = _("Your appeal %s is registered") % appeal.number
                queue_email(appeal.email, subject, body)
        return appeal

    return store_once(Appeal, form, create)


# Appeals received by phone, post or in person are answered under 59-FZ/the standard; no
# consent form was signed, and the record says so instead of a policy version.
STAFF_REGISTERED = "staff"


@transaction.atomic
def register_staff_appeal(appeal: Appeal, user) -> Appeal:
    """An appeal staff took by phone, post or in person: its number and due date counted from
    the day it was received, like a web appeal, and the clerk in the trail."""
    appeal.number = next_number(APPEAL_PREFIX, timezone.localtime(appeal.received_at).year)
    appeal.consent_at = appeal.received_at
    appeal.consent_policy_version = STAFF_REGISTERED
    appeal.due_date = appeal.original_due_date = due_date(
        appeal.topic, appeal.received_at, appeal.customer_type, phone_left=bool(appeal.phone)
    )
    appeal.save()
    with translation.override("ru"):
        log(appeal, user, Action.REGISTERED, str(appeal.get_received_via_display()))
    return appeal


def register_visit(form, policy_version: str, now: datetime | None = None) -> HomeVisitRequest:
    """As register_appeal, for a home-visit request."""
    now = now or timezone.now()

    def create(key: str) -> HomeVisitRequest:
        visit = form.save(commit=False)
        visit.submission_key = key
        visit.number = next_number(VISIT_PREFIX, timezone.localtime(now).year)
        visit.received_at = visit.consent_at = now
        visit.consent_policy_version = policy_version
        visit.lives_alone = True
        visit.visit_due_date = home_visit_due(now)
        visit.save()
        return visit

    return store_once(HomeVisitRequest, form, create)


def visit_requested_within_year(account_number: str, now: datetime | None = None) -> bool:
    """§8.4: a home visit at most once a year per customer (refused requests do not count)."""
    now = now or timezone.now()
    return (
        HomeVisitRequest.objects.filter(
            account_number__iexact=account_number.strip(),
            received_at__gt=now - timezone.timedelta(days=365),
        )
        .exclude(status="refused")
        .exists()
    )


def _locked(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update().get(pk=appeal.pk)


def _require_open(appeal: Appeal) -> None:
    if not appeal.is_open:
        raise ActionRefused(_("The appeal is no longer open."))


@transaction.atomic
def assign(appeal: Appeal, user, executor) -> Appeal:
    appeal = _locked(appeal)
    _require_open(appeal)
    appeal.executor = executor
    if appeal.status == Status.NEW:
        appeal.status = Status.IN_PROGRESS
    appeal.save(update_fields=["executor", "status"])
    log(appeal, user, Action.ASSIGNED, executor.get_full_name() or executor.get_username())
    return appeal


@transaction.atomic
def interim_reply(appeal: Appeal, user, text: str, extend_days: int | None) -> Appeal:
    """Records an interim reply and, optionally, the one extension it allows."""
    appeal = _locked(appeal)
    _require_open(appeal)
    now = timezone.now()
    appeal.interim_reply, appeal.interim_reply_at = text, now
    log(appeal, user, Action.INTERIM_REPLY, text)
    if extend_days:
        try:
            appeal.due_date = extended_due_date(
                appeal.due_date, extend_days, appeal.interim_reply_at, appeal.extended
            )
        except ValueError as error:
            raise ActionRefused(str(error)) from error
        appeal.extended = True
        appeal.status = Status.EXTENDED
        log(appeal, user, Action.EXTENDED, f"+{extend_days} → {appeal.due_date:%d.%m.%Y}")
    appeal.save()
    return appeal


@transaction.atomic
def record_answer(
    appeal: Appeal, user, text: str, executor_name: str, executor_phone: str, channel: str
) -> Appeal:
    appeal = _locked(appeal)
    _require_open(appeal)
    if not (text.strip() and executor_name.strip() and executor_phone.strip() and channel):
        raise ActionRefused(_("The answer needs its text, the executor's name and phone (§9.2)."))
    appeal.answer = text
    appeal.answer_executor_name = executor_name
    appeal.answer_executor_phone = executor_phone
    appeal.answer_channel_used = channel
    appeal.answered_at = timezone.now()
    appeal.status = Status.ANSWERED
    appeal.save()
    log(appeal, user, Action.ANSWERED, f"{channel}: {executor_name}, {executor_phone}")
    if channel == AnswerChannel.EMAIL and appeal.email:
        with translation.override("ru"):
            body = render_to_string("reception/email/answer.txt", {"appeal": appeal})
            queue_email(appeal.email, _("Answer to your appeal %s") % appeal.number, body)
    return appeal


@transaction.atomic
def close(appeal: Appeal, user) -> Appeal:
    appeal = _locked(appeal)
    if appeal.status != Status.ANSWERED:
        raise ActionRefused(_("Only an answered appeal can be closed."))
    appeal.status, appeal.closed_at = Status.CLOSED, timezone.now()
    appeal.save(update_fields=["status", "closed_at"])
    log(appeal, user, Action.CLOSED)
    return appeal


@transaction.atomic
def not_considered(appeal: Appeal, user, reason: str, notice: str = "") -> Appeal:
    """§9.2: only for its reasons; for a repeated question or a commercial secret the
    customer is told, so the notice text is required then."""
    appeal = _locked(appeal)
    _require_open(appeal)
    must_tell = reason in REASONS_CUSTOMER_TOLD
    if must_tell and not notice.strip():
        raise ActionRefused(_("For this reason the customer must be told: write the notice."))
    appeal.status, appeal.not_considered_reason = Status.NOT_CONSIDERED, reason
    appeal.closed_at = timezone.now()
    log(appeal, user, Action.NOT_CONSIDERED, reason)
    if must_tell:
        appeal.customer_told_at = timezone.now()
        if appeal.email:
            queue_email(appeal.email, _("Your appeal %s") % appeal.number, notice)
        log(appeal, user, Action.CUSTOMER_TOLD, notice)
    appeal.save()
    return appeal
