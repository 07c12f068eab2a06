"""Domain rules of the virtual reception: due dates (DESIGN.md's deadline table, §7, §8.4,
§9.2), the extension after an interim reply, and the contact-details rule (§9.2, §11).

Plain typed functions; dates are counted from the day received in Moscow time (TIME_ZONE)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from core.phone import same_phone
from core.workdays import add_working_days

from .choices import AnswerChannel, CustomerType, Topic

# §8.4, §9.2, §10.2: 15 calendar days, one extension of at most 15 more after an interim reply.
GENERAL_DAYS = 15
MAX_EXTENSION_DAYS = 15
HOME_VISIT_WORKING_DAYS = 30


@dataclass(frozen=True)
class Term:
    days: int
    working: bool = False  # working days on the production calendar, else calendar days

    def due(self, received: date) -> date:
        if self.working:
            return add_working_days(received, self.days)
        return received + timedelta(days=self.days)


def received_day(received_at: datetime) -> date:
    """The day an appeal was received, in Moscow time (an appeal sent at 23:30 UTC on the
    31st arrives on the 1st in Moscow)."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    return timezone.localdate(received_at)


def term_for(topic: str, customer_type: str = CustomerType.HOUSEHOLD, phone_left: bool = True):
    """The term of an appeal by topic (DESIGN.md's deadline table)."""
    household = customer_type == CustomerType.HOUSEHOLD
    match topic:
        case Topic.CONTRACT_APPLICATION:
            return Term(5)
        case Topic.SIGNED_CONTRACT:
            return Term(10, working=True) if household else Term(30)
        case Topic.CONTRACT_CHANGE:
            return Term(30) if household else Term(15)
        case Topic.POWER_QUALITY:
            return Term(2)
        case Topic.GRID_REQUEST:
            return Term(5)
        case Topic.METER_CONDITIONS:
            return Term(10)
        case Topic.RECONCILIATION:
            return Term(3)
        case Topic.CALLBACK:
            return Term(5, working=True) if phone_left else Term(20, working=True)
        case Topic.HOME_VISIT:
            return Term(HOME_VISIT_WORKING_DAYS, working=True)
        case _:  # general appeals, information requests, complaints, suggestions, debt
            return Term(GENERAL_DAYS)


def due_date(
    topic: str,
    received_at: datetime,
    customer_type: str = CustomerType.HOUSEHOLD,
    phone_left: bool = True,
) -> date:
    """The date by which the appeal must be answered."""
    return term_for(topic, customer_type, phone_left).due(received_day(received_at))


def home_visit_due(received_at: datetime) -> date:
    """§8.4: the visit takes place within 30 working days of the request."""
    return due_date(Topic.HOME_VISIT, received_at)


class ExtensionRefused(ValueError):
    pass


def extended_due_date(
    current_due: date,
    days: int,
    interim_delivered_at: datetime | None,
    already_extended: bool,
    today: date | None = None,
) -> date:
    """§10.2 (and §8.4): one extension of at most 15 days, only after an interim reply has
    reached the customer by the chosen channel, and only while the term still runs."""
    today = today or timezone.localdate()
    if interim_delivered_at is None:
        raise ExtensionRefused(
            _("The term is extended only after an interim reply has been sent to the customer.")
        )
    if already_extended:
        raise ExtensionRefused(_("The term has already been extended once."))
    if today > current_due:
        raise ExtensionRefused(
            _("The term ended on %(due)s: it can no longer be extended.")
            % {"due": current_due.strftime("%d.%m.%Y")}
        )
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ExtensionRefused(
            _("An extension is 1 to %(days)s days.") % {"days": MAX_EXTENSION_DAYS}
        )
    return current_due + timedelta(days=days)


def contact_errors(
    answer_channel: str, email: str, phone: str, postal_address: str
) -> dict[str, str]:
    """§9.2: an appeal without contact details is not considered. At least one contact, and
    the one the chosen answer channel (§11) needs. Field name -> problem code."""
    email, phone, postal_address = email.strip(), phone.strip(), postal_address.strip()
    if not (email or phone or postal_address):
        return {"__all__": "no_contact"}
    needed = {
        AnswerChannel.EMAIL: ("email", email),
        AnswerChannel.POST: ("postal_address", postal_address),
        AnswerChannel.PHONE: ("phone", phone),
    }.get(answer_channel)
    if needed and not needed[1]:
        return {needed[0]: "channel_needs_it"}
    return {}


def contact_matches(contact: str, email: str, phone: str) -> bool:
    """The status lookup: the contact typed matches the appeal's e-mail or phone."""
    contact = contact.strip()
    if not contact:
        return False
    if "@" in contact:
        return bool(email) and contact.casefold() == email.strip().casefold()
    return same_phone(contact, phone)
