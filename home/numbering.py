"""Gap-free numbers by prefix and year, unique under concurrent submissions."""

from django.db import connection, transaction
from django.db.models import F

from .models import NumberSequence


def next_number(prefix: str, year: int) -> str:
    """The next number, such as ВП-2026-000123.

    Call it inside the transaction that stores the numbered record: the UPDATE locks the
    sequence row until that transaction ends, so concurrent callers queue on PostgreSQL
    (SQLite serialises writers anyway), and a rolled-back record gives its number back.
    """
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "next_number() must run inside the transaction that stores the record"
        )
    sequences = NumberSequence.objects.filter(prefix=prefix, year=year)
    NumberSequence.objects.bulk_create(
        [NumberSequence(prefix=prefix, year=year)], ignore_conflicts=True
    )
    sequences.update(last_value=F("last_value") + 1)
    value = sequences.values_list("last_value", flat=True).get()
    return f"{prefix}-{year}-{value:06d}"
