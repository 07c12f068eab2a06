"""Meter readings are idempotent: the same readings return the same confirmation, a
correction keeps the history, and racing submissions store one row."""

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection, transaction
from django.db.models import QuerySet
from django.test import Client

from readings.intake import CORRECTED, CREATED, REPEATED, store_submission
from readings.models import Meter, Submission, SubmissionHistory
from tests.concurrency import at_once

from .factories import MeterFactory
from .test_form import CONFIRMATION_URL, post, valid

pytestmark = pytest.mark.usefixtures("readings_page", "registry")

# --- idempotency and corrections --------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_readings_again_return_the_same_confirmation(ru_client, at_before_cutoff):
    post(ru_client, valid())
    other = Client(HTTP_ACCEPT_LANGUAGE="ru")
    response = post(other, valid(reading_t1="10 100", reading_t2="5050"))
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    html = other.get(CONFIRMATION_URL).content.decode()
    assert "ПУ-2026-000001" in html
    assert "уже были приняты" in html


@pytest.mark.django_db
def test_a_correction_replaces_the_reading_and_keeps_the_history(ru_client, at_before_cutoff):
    post(ru_client, valid())
    first = Submission.objects.get()
    response = post(ru_client, valid(reading_t1="10200"))
    assert response.status_code == 302
    corrected = Submission.objects.get()
    assert corrected.pk == first.pk
    assert corrected.reading_t1 == Decimal(10200)
    assert corrected.confirmation_number == "ПУ-2026-000002"
    history = SubmissionHistory.objects.get()
    assert history.confirmation_number == "ПУ-2026-000001"
    assert history.reading_t1 == Decimal(10100)
    assert "заменяют" in ru_client.get(CONFIRMATION_URL).content.decode()


@pytest.mark.django_db
def test_a_correction_after_export_needs_exporting_again():
    from readings.export import create_batch

    meter = Meter.objects.get(number="12345678")
    with transaction.atomic():
        store_submission(
            meter, dt.date(2026, 11, 1), (Decimal(10100), Decimal(5050)), policy_version="v"
        )
    create_batch(dt.date(2026, 11, 1))
    outcome = store_submission(
        meter, dt.date(2026, 11, 1), (Decimal(10101), Decimal(5050)), policy_version="v"
    )
    assert outcome.status == CORRECTED
    assert outcome.submission.batch is None


@pytest.mark.django_db
def test_store_submission_outcomes():
    meter = Meter.objects.get(number="12345678")
    period = dt.date(2026, 11, 1)
    first = store_submission(meter, period, (Decimal(10100), Decimal(5050)), policy_version="v")
    again = store_submission(
        meter, period, (Decimal("10100.000"), Decimal(5050)), policy_version="v"
    )
    next_month = store_submission(
        meter, dt.date(2026, 12, 1), (Decimal(10100), Decimal(5050)), policy_version="v"
    )
    assert (first.status, again.status, next_month.status) == (CREATED, REPEATED, CREATED)
    assert again.submission.confirmation_number == first.submission.confirmation_number
    assert Submission.objects.filter(meter=meter).count() == 2


@pytest.mark.django_db
def test_an_insert_that_loses_the_race_returns_the_stored_row():
    """When the row appears between the look-up and the insert, the unique constraint stops
    the duplicate, the retry returns the stored submission, and the lost number is given back."""
    meter = Meter.objects.get(number="12345678")
    period = dt.date(2026, 11, 1)
    first = store_submission(meter, period, (Decimal(10100), Decimal(5050)), policy_version="v")
    real_first = QuerySet.first
    looked_up = []

    def misses_once(queryset):  # the first look-up runs before the racer's row is visible
        looked_up.append(queryset.model)
        return None if len(looked_up) == 1 else real_first(queryset)

    with mock.patch.object(QuerySet, "first", misses_once):
        again = store_submission(meter, period, (Decimal(10100), Decimal(5050)), policy_version="v")
    assert len(looked_up) == 2
    assert again.status == REPEATED
    assert again.submission.pk == first.submission.pk
    assert Submission.objects.filter(meter=meter).count() == 1
    with transaction.atomic():
        from core.numbering import next_number

        assert next_number("ПУ", 2026) == "ПУ-2026-000002"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_identical_submissions_racing_store_one_row():
    """Runs last and builds its own data (transactional tests wipe the database)."""
    meter = MeterFactory(zones=2, last_t1=Decimal(10000), last_t2=Decimal(5000))
    period = dt.date(2026, 11, 1)
    outcomes = at_once(
        [
            lambda: store_submission(
                meter, period, (Decimal(10100), Decimal(5050)), policy_version="v"
            )
        ]
        * 6
    )
    assert Submission.objects.filter(meter=meter).count() == 1
    assert sorted(outcome.status for outcome in outcomes) == [CREATED] + [REPEATED] * 5
    assert len({outcome.submission.confirmation_number for outcome in outcomes}) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_corrections_racing_queue_on_the_stored_row():
    """Different readings at once: one row, each later sending a correction of the one before
    it (its history kept), every confirmation number used once and none lost."""
    meter = MeterFactory(zones=1, last_t1=Decimal(10000))
    period = dt.date(2026, 11, 1)
    outcomes = at_once(
        [
            lambda value=value: store_submission(
                meter, period, (Decimal(value),), policy_version="v"
            )
            for value in range(10100, 10106)
        ]
    )
    assert Submission.objects.filter(meter=meter).count() == 1
    assert sorted(outcome.status for outcome in outcomes) == [CORRECTED] * 5 + [CREATED]
    numbers = sorted(outcome.submission.confirmation_number for outcome in outcomes)
    assert numbers == [f"ПУ-2026-{n:06d}" for n in range(1, 7)]
    history = SubmissionHistory.objects.filter(submission__meter=meter)
    assert history.count() == 5
    stored = Submission.objects.get(meter=meter)
    assert stored.confirmation_number == numbers[-1]
