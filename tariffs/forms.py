"""The calculator's GET form: a month's consumption in kWh, by zone or in total."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from . import calculator


class KwhField(forms.DecimalField):
    """kWh as customers type them: a comma or a point before the decimals."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            min_value=Decimal(0),
            max_value=Decimal(1_000_000),
            max_digits=9,
            decimal_places=2,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", ".").replace(" ", "").replace("\xa0", "")
        return super().to_python(value)


class CalculatorForm(forms.Form):
    total = KwhField(label=_("Total a month, kWh"))
    day = KwhField(label=_("Day, kWh"))
    night = KwhField(label=_("Night, kWh"))
    peak = KwhField(label=_("Peak, kWh"))
    semi_peak = KwhField(label=_("Semi-peak, kWh"))

    def usage(self) -> calculator.Usage | None:
        if not self.is_valid():
            return None
        return calculator.usage_from(**self.cleaned_data)
