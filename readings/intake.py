"""Storing an accepted submission: one row per meter and billing period, a confirmation
number from the shared sequence in the same transaction, idempotent on resubmission."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.numbering import next_number
from core.outbox import queue_email

from .models.records import Meter, Submission, SubmissionHistory
from .services import ZONE_FIELDS, format_reading, normalise_readings

NUMBER_PREFIX = "ПУ"
CREATED, REPEATED, CORRECTED = "created", "repeated", "corrected"


@dataclass(frozen=True)
class Outcome:
    submission: Submission
    status: str  # CREATED, REPEATED or CORRECTED


def store_submission(
    meter: Meter,
    period: dt.date,
    readings: tuple[Decimal, ...],
    *,
    email: str = "",
    phone: str = "",
    policy_version: str,
    flag_reason: str = "",
    now: dt.datetime | None = None,
) -> Outcome:
    """Stores the readings of `meter` for `period`, or finds them stored already.

    The same readings again return the stored submission and its confirmation number;
    different readings replace it, keep the old values in its history and get a new
    confirmation number. Exactly once under races, in few statements: the stored row is read
    locked (FOR UPDATE), so corrections of one meter queue on it; two first submissions meet
    at the unique constraint on (meter, period): the loser's INSERT waits for the winner's
    commit, fails, its transaction (with its confirmation number) is rolled back, and the
    retry finds the winner's row."""
    now = now or timezone.now()
    values = normalise_readings(readings, meter.decimals)
    try:
        return _store(meter, period, values, email, phone, policy_version, flag_reason, now)
    except IntegrityError:
        return _store(meter, period, values, email, phone, policy_version, flag_reason, now)


@transaction.atomic
def _store(
    meter: Meter,
    period: dt.date,
    values: tuple[Decimal, ...],
    email: str,
    phone: str,
    policy_version: str,
    flag_reason: str,
    now: dt.datetime,
) -> Outcome:
    existing = Submission.objects.select_for_update().filter(meter=meter, period=period).first()
    if existing is None:
        submission = Submission(meter=meter, period=period)
        _fill(submission, values, email, phone, policy_version, flag_reason, now)
        # Last before the INSERT: the number's sequence row stays locked until the commit.
        submission.confirmation_number = _number(now)
        submission.save(force_insert=True)
        _confirm_by_email(submission, meter, CREATED)
        return Outcome(submission, CREATED)
    if existing.readings == values:
        return Outcome(existing, REPEATED)
    SubmissionHistory.objects.create(
        submission=existing,
        confirmation_number=existing.confirmation_number,
        reading_t1=existing.reading_t1,
        reading_t2=existing.reading_t2,
        reading_t3=existing.reading_t3,
        submitted_at=existing.updated_at,
    )
    _fill(existing, values, email, phone, policy_version, flag_reason, now)
    existing.confirmation_number = _number(now)
    existing.batch = None  # the billing system needs the corrected values again
    existing.save()
    _confirm_by_email(existing, meter, CORRECTED)
    return Outcome(existing, CORRECTED)


def _number(now: dt.datetime) -> str:
    return next_number(NUMBER_PREFIX, timezone.localtime(now).year)


def _fill(
    submission: Submission,
    values: tuple[Decimal, ...],
    email: str,
    phone: str,
    policy_version: str,
    flag_reason: str,
    now: dt.datetime,
) -> None:
    for name in ZONE_FIELDS:
        setattr(submission, name, None)
    for name, value in zip(ZONE_FIELDS, values, strict=False):
        setattr(submission, name, value)
    submission.email = email
    submission.phone = phone
    submission.consent_at = now
    submission.consent_policy_version = policy_version
    submission.flagged = bool(flag_reason)
    submission.flag_reason = flag_reason[:255]


def _confirm_by_email(submission: Submission, meter: Meter, status: str) -> None:
    if not submission.email:
        return
    subject = _("Meter readings accepted: %(number)s") % {"number": submission.confirmation_number}
    lines = [
        _("Your meter readings have been accepted."),
        _("Confirmation number: %(number)s") % {"number": submission.confirmation_number},
        _("Meter: %(meter)s") % {"meter": meter.number},
        _("Readings: %(readings)s")
        % {"readings": " / ".join(format_reading(value) for value in submission.readings)},
        _("Billing period: %(period)s") % {"period": submission.period.strftime("%m.%Y")},
    ]
    if status == CORRECTED:
        lines.append(_("They replace the readings you sent earlier for this period."))
    queue_email(submission.email, subject, "\n".join(lines))
