"""What happens to an appeal: registration and every staff action, each in one transaction
and each written to the audit trail (AppealEvent)."""

from datetime import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.forms import store_once
from core.numbering import next_number
from core.outbox import queue_email

from .choices import REASONS_CUSTOMER_TOLD, Action, AnswerChannel, Status
from .links import survey_url
from .models.appeals import Appeal, AppealAttachment, AppealEvent
from .models.deliveries import Delivery, DeliveryKind
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


@transaction.atomic
def register_staff_visit(visit: HomeVisitRequest, user) -> HomeVisitRequest:
    """A home-visit request staff took by phone, post or in person: its number and the visit's
    due date counted from the day it was received, like one from the site."""
    visit.number = next_number(VISIT_PREFIX, timezone.localtime(visit.received_at).year)
    visit.consent_at = visit.received_at
    visit.consent_policy_version = STAFF_REGISTERED
    visit.visit_due_date = home_visit_due(visit.received_at)
    visit.save()
    return visit


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


CHANNEL_CONTACT = {
    AnswerChannel.EMAIL: "email",
    AnswerChannel.POST: "postal_address",
    AnswerChannel.PHONE: "phone",
}


def send(appeal: Appeal, user, kind: str, text: str, channel: str = "", reason: str = ""):
    """§11: sends `text` by the customer's chosen channel, or by another one with the reason
    recorded. E-mail is queued at once and counts as sent; a letter or a call becomes a task
    that a person marks done (mark_done). Runs inside the caller's transaction."""
    channel = channel or appeal.answer_channel
    reason = reason.strip()
    if channel != appeal.answer_channel and not reason:
        raise ActionRefused(
            _("The customer chose to be answered by %(chosen)s: record why you use %(used)s (§11).")
            % {
                "chosen": appeal.get_answer_channel_display(),
                "used": AnswerChannel(channel).label,
            }
        )
    if not str(getattr(appeal, CHANNEL_CONTACT[channel])).strip():
        raise ActionRefused(
            _("The appeal gives no contact for %(channel)s.")
            % {"channel": AnswerChannel(channel).label}
        )
    delivery = Delivery.objects.create(
        appeal=appeal,
        kind=kind,
        channel=channel,
        other_channel_reason=reason if channel != appeal.answer_channel else "",
        text=text,
        created_by=user,
    )
    if channel == AnswerChannel.EMAIL:
        with translation.override("ru"):
            # §13: the survey is offered with the answer.
            survey = survey_url() if kind == DeliveryKind.ANSWER else ""
            body = render_to_string(
                "reception/email/delivery.txt",
                {"appeal": appeal, "text": text, "survey_url": survey},
            )
            subject = EMAIL_SUBJECTS[kind] % appeal.number
            queue_email(appeal.email, subject, body)
        _delivered(appeal, delivery, user, timezone.now())
    return delivery


EMAIL_SUBJECTS = {
    DeliveryKind.ANSWER: gettext_lazy("Answer to your appeal %s"),
    DeliveryKind.INTERIM: gettext_lazy("Interim reply to your appeal %s"),
    DeliveryKind.NOTICE: gettext_lazy("Your appeal %s"),
}


def _delivered(appeal: Appeal, delivery: Delivery, user, when, note: str = "") -> None:
    """The customer is told: only now is it written to the trail (and, for a §9.2 notice,
    to the appeal)."""
    delivery.done_at, delivery.done_by, delivery.done_note = when, user, note
    delivery.save(update_fields=["done_at", "done_by", "done_note"])
    details = f"{delivery.get_channel_display()}: {delivery.get_kind_display()}"
    log(appeal, user, Action.CUSTOMER_TOLD, f"{details}. {note}".strip(". ") if note else details)
    if delivery.kind == DeliveryKind.NOTICE:
        appeal.customer_told_at = when
        appeal.save(update_fields=["customer_told_at"])


@transaction.atomic
def mark_done(delivery: Delivery, user, note: str = "") -> Delivery:
    """A person confirms that the letter was posted or the call was made."""
    delivery = Delivery.objects.select_for_update().select_related("appeal").get(pk=delivery.pk)
    if delivery.done_at is not None:
        raise ActionRefused(_("This letter or call is already marked done."))
    _delivered(_locked(delivery.appeal), delivery, user, timezone.now(), note.strip())
    return delivery


def interim_delivered_at(appeal: Appeal):
    """When an interim reply reached the customer by the chosen channel, or None."""
    return (
        appeal.deliveries.filter(
            kind=DeliveryKind.INTERIM, channel=appeal.answer_channel, done_at__isnull=False
        )
        .order_by("done_at")
        .values_list("done_at", flat=True)
        .first()
    )


@transaction.atomic
def interim_reply(appeal: Appeal, user, text: str, channel: str = "", reason: str = ""):
    """§10.2: records an interim reply and sends it to the customer."""
    appeal = _locked(appeal)
    _require_open(appeal)
    appeal.interim_reply, appeal.interim_reply_at = text, timezone.now()
    appeal.save(update_fields=["interim_reply", "interim_reply_at"])
    log(appeal, user, Action.INTERIM_REPLY, text)
    send(appeal, user, DeliveryKind.INTERIM, text, channel, reason)
    return appeal


@transaction.atomic
def extend(appeal: Appeal, user, days: int) -> Appeal:
    """§10.2: the one extension, before the term ends and after the interim reply was sent."""
    appeal = _locked(appeal)
    _require_open(appeal)
    try:
        appeal.due_date = extended_due_date(
            appeal.due_date, days, interim_delivered_at(appeal), appeal.extended
        )
    except ValueError as error:
        raise ActionRefused(str(error)) from error
    appeal.extended = True
    appeal.status = Status.EXTENDED
    appeal.save(update_fields=["due_date", "extended", "status"])
    log(appeal, user, Action.EXTENDED, f"+{days} → {appeal.due_date:%d.%m.%Y}")
    return appeal


@transaction.atomic
def record_answer(
    appeal: Appeal,
    user,
    text: str,
    executor_name: str,
    executor_phone: str,
    channel: str = "",
    reason: str = "",
) -> Appeal:
    appeal = _locked(appeal)
    _require_open(appeal)
    if not (text.strip() and executor_name.strip() and executor_phone.strip()):
        raise ActionRefused(_("The answer needs its text, the executor's name and phone (§9.2)."))
    channel = channel or appeal.answer_channel
    appeal.answer = text
    appeal.answer_executor_name = executor_name
    appeal.answer_executor_phone = executor_phone
    appeal.answer_channel_used = channel
    appeal.answered_at = timezone.now()
    appeal.status = Status.ANSWERED
    appeal.save()
    log(appeal, user, Action.ANSWERED, f"{channel}: {executor_name}, {executor_phone}")
    with translation.override("ru"):
        letter = render_to_string("reception/email/answer_text.txt", {"appeal": appeal})
    send(appeal, user, DeliveryKind.ANSWER, letter, channel, reason)
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
    customer is told, by the chosen channel, so the notice text is required then."""
    appeal = _locked(appeal)
    _require_open(appeal)
    must_tell = reason in REASONS_CUSTOMER_TOLD
    if must_tell and not notice.strip():
        raise ActionRefused(_("For this reason the customer must be told: write the notice."))
    appeal.status, appeal.not_considered_reason = Status.NOT_CONSIDERED, reason
    appeal.closed_at = timezone.now()
    appeal.save()
    log(appeal, user, Action.NOT_CONSIDERED, reason)
    if must_tell:
        send(appeal, user, DeliveryKind.NOTICE, notice)
    return appeal
