"""The public intake form. Field names are a stable contract with the page's markup and any
client: account_number, meter_number, reading_t1..reading_t3, email, phone, consent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import PublicForm
from core.phone import phone_form_field

from .models.records import Account, Meter
from .services import ACCOUNT_RE, METER_RE, MeterFacts, Verdict, check_readings


def reading_field(label: str, help_text: str = "") -> forms.CharField:
    """One zone's reading, as typed: parsed and checked against the meter in clean()."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=20,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class ReadingsForm(PublicForm):
    consent_required = _(
        "Without your consent to the processing of personal data we cannot accept the readings."
    )

    account_number = forms.CharField(
        label=_("Account number"),
        max_length=20,
        help_text=_("As printed on your bill: digits only."),
        error_messages={"required": _("Enter your account number.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    meter_number = forms.CharField(
        label=_("Meter number"),
        max_length=30,
        help_text=_("The serial number on the meter's front panel."),
        error_messages={"required": _("Enter the meter number.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    reading_t1 = reading_field(_("Reading T1 (single rate or day / peak)"))
    reading_t2 = reading_field(_("Reading T2 (night)"), _("Only for two- and three-zone meters."))
    reading_t3 = reading_field(_("Reading T3 (semi-peak)"), _("Only for three-zone meters."))
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Optional: we send the confirmation number there."),
        error_messages={"invalid": _("Enter an e-mail address such as name@example.ru.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = phone_form_field(
        label=_("Phone"), help_text=_("Optional: for questions about these readings.")
    )

    def __init__(self, *args, today: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.meter: Meter | None = None
        self.verdict: Verdict | None = None

    def clean_account_number(self) -> str:
        value = self.cleaned_data["account_number"].strip().replace(" ", "")
        if not ACCOUNT_RE.match(value):
            raise forms.ValidationError(gettext("The account number is 5 to 20 digits."))
        return value

    def clean_meter_number(self) -> str:
        value = self.cleaned_data["meter_number"].strip().replace(" ", "")
        if not METER_RE.match(value):
            raise forms.ValidationError(
                gettext("The meter number is letters, digits and hyphens, up to 30 characters.")
            )
        return value

    def clean(self):
        cleaned = super().clean()
        account_number = cleaned.get("account_number")
        meter_number = cleaned.get("meter_number")
        if not account_number or not meter_number:
            return cleaned
        meter = (
            Meter.objects.select_related("account")
            .filter(account__number=account_number, number=meter_number)
            .first()
        )
        if meter is None:
            if Account.objects.filter(number=account_number).exists():
                self.add_error(
                    "meter_number",
                    gettext(
                        "Meter № %(meter)s is not registered to account № %(account)s. Check "
                        "the number on the meter, or call us if the meter was replaced."
                    )
                    % {"meter": meter_number, "account": account_number},
                )
            else:
                self.add_error(
                    "account_number",
                    gettext("Account № %(account)s was not found. Check the number on your bill.")
                    % {"account": account_number},
                )
            return cleaned
        self.meter = meter
        self.verdict = check_readings(
            MeterFacts(
                zones=meter.zones,
                decimals=meter.decimals,
                last_readings=meter.last_readings,
                last_reading_date=meter.last_reading_date,
            ),
            {name: self.data.get(name, "") for name in ("reading_t1", "reading_t2", "reading_t3")},
            today=self.today,
            max_kwh_per_day=Decimal(str(settings.READINGS_MAX_KWH_PER_DAY)),
        )
        for name, messages in self.verdict.errors.items():
            for message in messages:
                self.add_error(name, message)
        return cleaned
