"""Deadlines of appeals (DESIGN.md's table), the extension rule and the contact rule."""

from datetime import UTC, date, datetime

import pytest

from reception.choices import AnswerChannel, CustomerType, Topic
from reception.services import (
    ExtensionRefused,
    contact_errors,
    contact_matches,
    due_date,
    extended_due_date,
    home_visit_due,
    received_day,
)

HOUSEHOLD, LEGAL = CustomerType.HOUSEHOLD, CustomerType.LEGAL_ENTITY


def msk(year, month, day, hour=12):
    """Noon in Moscow (UTC+3) as an aware UTC datetime."""
    return datetime(year, month, day, hour - 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("topic", "customer_type", "phone_left", "received", "expected"),
    [
        # 15 calendar days, whatever the holidays.
        (Topic.GENERAL, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 17)),
        (Topic.GENERAL, HOUSEHOLD, True, msk(2026, 12, 20), date(2027, 1, 4)),
        (Topic.DEBT, LEGAL, True, msk(2026, 3, 2), date(2026, 3, 17)),
        (Topic.CONTRACT_APPLICATION, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 7)),
        # Signed contract: 30 days for legal entities, 10 working days for households.
        (Topic.SIGNED_CONTRACT, LEGAL, True, msk(2026, 3, 2), date(2026, 4, 1)),
        (Topic.SIGNED_CONTRACT, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 17)),
        # ... across the New Year holidays and 31.12.2026, a transferred day off.
        (Topic.SIGNED_CONTRACT, HOUSEHOLD, True, msk(2026, 12, 28), date(2027, 1, 20)),
        (Topic.CONTRACT_CHANGE, LEGAL, True, msk(2026, 3, 2), date(2026, 3, 17)),
        (Topic.CONTRACT_CHANGE, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 4, 1)),
        (Topic.POWER_QUALITY, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 4)),
        (Topic.GRID_REQUEST, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 7)),
        (Topic.METER_CONDITIONS, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 12)),
        (Topic.RECONCILIATION, LEGAL, True, msk(2026, 3, 2), date(2026, 3, 5)),
        # Call-back: 5 working days with a phone, 20 with an address.
        (Topic.CALLBACK, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 3, 10)),  # 9.03 off
        (Topic.CALLBACK, HOUSEHOLD, False, msk(2026, 3, 2), date(2026, 3, 31)),
        # 31.12.2025 and 9.01.2026 were transferred days off.
        (Topic.CALLBACK, HOUSEHOLD, True, msk(2025, 12, 26), date(2026, 1, 14)),
        # 20.02.2027 is a working Saturday, 22.02.2027 the day off it was swapped for.
        (Topic.CALLBACK, HOUSEHOLD, True, msk(2027, 2, 18), date(2027, 2, 26)),
        (Topic.HOME_VISIT, HOUSEHOLD, True, msk(2026, 3, 2), date(2026, 4, 14)),
    ],
)
def test_due_date_of_every_topic(topic, customer_type, phone_left, received, expected):
    assert due_date(topic, received, customer_type, phone_left) == expected


def test_every_topic_has_a_tested_term():
    tested = {
        Topic.GENERAL, Topic.DEBT, Topic.CONTRACT_APPLICATION, Topic.SIGNED_CONTRACT,
        Topic.CONTRACT_CHANGE, Topic.POWER_QUALITY, Topic.GRID_REQUEST, Topic.METER_CONDITIONS,
        Topic.RECONCILIATION, Topic.CALLBACK, Topic.HOME_VISIT,
    }  # fmt: skip
    assert tested == set(Topic)


def test_the_day_received_is_the_moscow_day():
    late_evening_utc = datetime(2026, 12, 31, 21, 30, tzinfo=UTC)  # 00:30 on 1 January in Moscow
    assert received_day(late_evening_utc) == date(2027, 1, 1)
    assert due_date(Topic.GENERAL, late_evening_utc) == date(2027, 1, 16)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        received_day(datetime(2026, 1, 1))


def test_home_visit_across_new_year():
    # From Friday 25.12.2026: 28-30 December count 3, 31.12 is a transferred day off and
    # 1-10 January are off; 27 more working days from 11 January end on 16 February.
    assert home_visit_due(msk(2026, 12, 25)) == date(2027, 2, 16)


TODAY = date(2026, 3, 12)


def test_extension_needs_an_interim_reply_sent():
    with pytest.raises(ExtensionRefused):
        extended_due_date(date(2026, 3, 17), 10, None, already_extended=False, today=TODAY)


def test_one_extension_of_at_most_15_days():
    interim = msk(2026, 3, 10)
    assert extended_due_date(date(2026, 3, 17), 15, interim, False, TODAY) == date(2026, 4, 1)
    with pytest.raises(ExtensionRefused):
        extended_due_date(date(2026, 3, 17), 16, interim, False, TODAY)
    with pytest.raises(ExtensionRefused):
        extended_due_date(date(2026, 4, 1), 5, interim, already_extended=True, today=TODAY)


def test_extension_only_before_the_term_ends():
    """§10.2: an extension after the due date has passed is refused; on the day itself the
    term still runs."""
    interim = msk(2026, 3, 10)
    due = date(2026, 3, 17)
    assert extended_due_date(due, 5, interim, False, today=due) == date(2026, 3, 22)
    with pytest.raises(ExtensionRefused, match=r"17\.03\.2026"):
        extended_due_date(due, 5, interim, False, today=date(2026, 3, 18))


@pytest.mark.parametrize(
    ("channel", "email", "phone", "address", "errors"),
    [
        (AnswerChannel.EMAIL, "", "", "", {"__all__": "no_contact"}),
        (AnswerChannel.EMAIL, "", "+7 912 345-67-89", "", {"email": "channel_needs_it"}),
        (AnswerChannel.POST, "a@example.ru", "", "", {"postal_address": "channel_needs_it"}),
        (AnswerChannel.PHONE, "a@example.ru", "", "", {"phone": "channel_needs_it"}),
        (AnswerChannel.PHONE, "", "+7 912 345-67-89", "", {}),
        (AnswerChannel.POST, "", "", "Москва, ул. Ольховская, 27", {}),
        (AnswerChannel.EMAIL, "a@example.ru", "", "   ", {}),
    ],
)
def test_contact_rule(channel, email, phone, address, errors):
    assert contact_errors(channel, email, phone, address) == errors


def test_contact_matches_email_or_phone_in_any_spelling():
    assert contact_matches("A@Example.ru ", "a@example.ru", "")
    assert contact_matches("8 (912) 345-67-89", "", "+7 912 345 67 89")
    assert not contact_matches("", "", "")
    assert not contact_matches("345-67-89", "", "+7 912 345 67 89")  # too short to identify
    assert not contact_matches("b@example.ru", "a@example.ru", "+79123456789")
