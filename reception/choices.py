"""The vocabularies of the reception. Values are a stable contract for integrations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Topic(models.TextChoices):
    """Topics with their own deadline (DESIGN.md's table); the rest are general appeals."""

    GENERAL = "general", _("General question")
    DEBT = "debt", _("Amount of debt")
    CONTRACT_APPLICATION = "contract_application", _("Application for a supply contract")
    SIGNED_CONTRACT = "signed_contract", _("Issue of the signed contract")
    CONTRACT_CHANGE = "contract_change", _("Change of the contract")
    POWER_QUALITY = "power_quality", _("Measuring the quality of power")
    GRID_REQUEST = "grid_request", _("Interruption or poor quality of supply")
    METER_CONDITIONS = "meter_conditions", _("Technical conditions for a meter")
    RECONCILIATION = "reconciliation", _("Reconciliation documents")
    CALLBACK = "callback", _("Call-back after an answering-machine message")
    HOME_VISIT = "home_visit", _("Home visit")


# The answering machine and the home visit have their own channels, not the appeal form.
PUBLIC_TOPICS = [
    (value, label) for value, label in Topic.choices if value not in {"callback", "home_visit"}
]


class AppealType(models.TextChoices):
    INFORMATION = "information", _("Request for information")
    COMPLAINT = "complaint", _("Complaint")
    SUGGESTION = "suggestion", _("Suggestion")
    REVIEW = "review", _("Review")
    APPLICATION = "application", _("Application")


class CustomerType(models.TextChoices):
    HOUSEHOLD = "household", _("Household")
    LEGAL_ENTITY = "legal_entity", _("Legal entity")


class AnswerChannel(models.TextChoices):
    EMAIL = "email", pgettext_lazy("answer channel", "E-mail")
    POST = "post", _("Post")
    PHONE = "phone", _("Phone")


class ReceivedVia(models.TextChoices):
    """How an appeal reached the company: staff register those not sent from the site."""

    SITE = "site", _("The site's form")
    PHONE = "phone", pgettext_lazy("received via", "By phone")
    POST = "post", pgettext_lazy("received via", "By post")
    IN_PERSON = "in_person", _("In person at a service centre")


STAFF_CHANNELS = [ReceivedVia.PHONE, ReceivedVia.POST, ReceivedVia.IN_PERSON]


class Status(models.TextChoices):
    NEW = "new", _("Registered")
    IN_PROGRESS = "in_progress", _("In progress")
    EXTENDED = "extended", _("Term extended")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    NOT_CONSIDERED = "not_considered", _("Not considered")


OPEN_STATUSES = [Status.NEW, Status.IN_PROGRESS, Status.EXTENDED]


class NotConsideredReason(models.TextChoices):
    """§9.2: the only reasons to leave a written appeal without action."""

    ABUSIVE = "abusive", _("Obscene or offensive language, threats")
    UNREADABLE = "unreadable", _("The text cannot be read")
    REPEATED = "repeated", _("Repeated question already answered, no new arguments")
    COMMERCIAL_SECRET = "commercial_secret", _("Cannot be answered without a commercial secret")
    NO_CONTACT = "no_contact", _("No contact details")


# §9.2: in these cases the customer is told (of the earlier answer / that no answer is possible).
REASONS_CUSTOMER_TOLD = {NotConsideredReason.REPEATED, NotConsideredReason.COMMERCIAL_SECRET}


class Action(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ASSIGNED = "assigned", _("Executor assigned")
    INTERIM_REPLY = "interim_reply", _("Interim reply")
    EXTENDED = "extended", _("Term extended")
    ANSWERED = "answered", _("Answer recorded")
    CLOSED = "closed", _("Closed")
    NOT_CONSIDERED = "not_considered", _("Not considered")
    CUSTOMER_TOLD = "customer_told", _("Customer notified")
    FILE_OPENED = "file_opened", _("Attachment opened")


class VisitGround(models.TextChoices):
    """§8.4: who may ask for a home visit."""

    DISABILITY = "disability", _("Disability")
    AGE = "age", _("Age over 65")
    VETERAN = "veteran", _("Veteran of the Great Patriotic War")


class VisitStatus(models.TextChoices):
    NEW = "new", _("Registered")
    SCHEDULED = "scheduled", _("Visit scheduled")
    DONE = "done", _("Visit made")
    REFUSED = "refused", _("Refused")
