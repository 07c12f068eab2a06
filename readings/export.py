"""The CSV for the billing system: the current readings of one billing period.

`;`-separated UTF-8 with a header; one row per meter:

    account_number;meter_number;period;zones;reading_t1;reading_t2;reading_t3;received_at;confirmation_number;flagged

period is ГГГГ-ММ, readings use a decimal point, received_at is ISO 8601 in Moscow time,
flagged is 1 for a reading staff should look at, else 0."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import ExportBatch, Submission

HEADER = [
    "account_number",
    "meter_number",
    "period",
    "zones",
    "reading_t1",
    "reading_t2",
    "reading_t3",
    "received_at",
    "confirmation_number",
    "flagged",
]


def _number(value) -> str:
    return "" if value is None else format(value.normalize(), "f")


def write_csv(submissions: QuerySet[Submission]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in submissions.select_related("meter__account").order_by(
        "meter__account__number", "meter__number"
    ):
        writer.writerow(
            [
                item.meter.account.number,
                item.meter.number,
                item.period.strftime("%Y-%m"),
                item.meter.zones,
                _number(item.reading_t1),
                _number(item.reading_t2),
                _number(item.reading_t3),
                timezone.localtime(item.updated_at).isoformat(timespec="seconds"),
                item.confirmation_number,
                1 if item.flagged else 0,
            ]
        )
    return out.getvalue()


def create_batch(period: dt.date, user=None) -> ExportBatch | None:
    """Puts every submission of the period not yet exported into a new batch; None when
    there is nothing new."""
    with transaction.atomic():
        pending = Submission.objects.select_for_update().filter(period=period, batch__isnull=True)
        ids = list(pending.values_list("pk", flat=True))
        if not ids:
            return None
        batch = ExportBatch.objects.create(period=period, created_by=user)
        Submission.objects.filter(pk__in=ids).update(batch=batch)
    return batch


def batch_csv(batch: ExportBatch) -> str:
    return write_csv(Submission.objects.filter(batch=batch))


def period_csv(period: dt.date) -> str:
    """Every current submission of the period, exported or not (a full re-export)."""
    return write_csv(Submission.objects.filter(period=period))
