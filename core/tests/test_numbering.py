import pytest
from django.db import connection, transaction

from core.numbering import next_number
from tests.concurrency import at_once


@pytest.mark.django_db
def test_numbers_follow_each_other_per_prefix_and_year():
    with transaction.atomic():
        assert next_number("ВП", 2026) == "ВП-2026-000001"
        assert next_number("ВП", 2026) == "ВП-2026-000002"
        assert next_number("ВП", 2027) == "ВП-2027-000001"
        assert next_number("ПУ", 2026) == "ПУ-2026-000001"


@pytest.mark.django_db
def test_a_rolled_back_record_gives_its_number_back():
    with transaction.atomic():
        next_number("ВП", 2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        next_number("ВП", 2026)
        raise RuntimeError("storing the record failed")
    with transaction.atomic():
        assert next_number("ВП", 2026) == "ВП-2026-000002"


@pytest.mark.django_db(transaction=True)  # a plain django_db test is itself in a transaction
def test_outside_a_transaction_is_refused():
    with pytest.raises(transaction.TransactionManagementError):
        next_number("ВП", 2026)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_callers_get_distinct_consecutive_numbers():
    def take_one() -> str:
        with transaction.atomic():
            return next_number("ВП", 2026)

    numbers = at_once([take_one] * 8)
    assert sorted(numbers) == [f"ВП-2026-{n:06d}" for n in range(1, 9)]
