"""One phone-number rule for every form and record: a Russian number as people type it
(«8 912 345-67-89», «+7 (912) 345-67-89», «89123456789»), stored in E.164 («+79123456789»).

Customers' phones are `phone_model_field()` / `phone_form_field()`; office and hotline phones
keep the human format editors typed, checked by `validate_phones`, and their `tel:` targets
come from `tel_target`."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField as PhoneNumberFormField
from phonenumber_field.modelfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber, to_python

REGION = "RU"
INVALID_MESSAGE = _(
    "Enter the phone number with its code, e.g. +7 912 345-67-89 or 8 912 345-67-89."
)


def parse_phone(text: str) -> PhoneNumber | None:
    """The number `text` names, or None when it is not a valid phone number."""
    number = to_python(text.strip(), region=REGION) if text and text.strip() else None
    return number if isinstance(number, PhoneNumber) and number.is_valid() else None


def same_phone(first: str, second: str) -> bool:
    """«8 912 345-67-89» and «+7 (912) 345-67-89» are the same phone."""
    a, b = parse_phone(str(first or "")), parse_phone(str(second or ""))
    return a is not None and a == b


def tel_target(text: str) -> str:
    """The `tel:` target of a phone shown as typed: E.164, else its digits and a plus."""
    number = parse_phone(text)
    if number is not None:
        return number.as_e164
    return "".join(ch for ch in text if ch.isdigit() or ch == "+")


def validate_phones(value: str) -> None:
    """Office phones, one or more separated by commas, each a valid number."""
    for part in value.split(","):
        if parse_phone(part) is None:
            raise ValidationError(
                _("«%(phone)s» is not a phone number. %(hint)s"),
                code="invalid",
                params={"phone": part.strip(), "hint": INVALID_MESSAGE},
            )


def phone_model_field(**kwargs) -> PhoneNumberField:
    """A customer's phone, stored in E.164; optional unless `blank=False`."""
    kwargs.setdefault("blank", True)
    return PhoneNumberField(region=REGION, **kwargs)


def phone_form_field(**kwargs) -> PhoneNumberFormField:
    """A phone input that accepts what people type and keeps it on a failed submit."""
    kwargs.setdefault("required", False)
    return PhoneNumberFormField(
        region=REGION,
        error_messages={"invalid": INVALID_MESSAGE},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        **kwargs,
    )
