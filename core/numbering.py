"""Gap-free registration numbers by prefix and year (ВП-2026-000123), from django-sequences."""

from django.db import connection, transaction
from sequences import get_next_value


def next_number(prefix: str, year: int) -> str:
    """The next number, such as ВП-2026-000123.

    Call it inside the transaction that stores the numbered record: django-sequences locks the
    sequence's row until that transaction ends, so concurrent callers queue, and a rolled-back
    record gives its number back (gap-free).
    """
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "next_number() must run inside the transaction that stores the record"
        )
    return f"{prefix}-{year}-{get_next_value(f'{prefix}-{year}'):06d}"
