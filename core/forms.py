"""The base of every public form: the honeypot spam trap and the consent to personal-data
processing (152-FZ). The flow that serves them is `core/public_forms.py`."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


class HoneypotField(forms.CharField):
    """Left empty by people (templates/includes/honeypot.html hides it), filled by robots."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


class PublicForm(forms.Form):
    """A form anyone may send: the spam trap and the consent checkbox. Subclasses say what
    refusing consent means for them in `consent_required`; mix with `forms.ModelForm` first
    for a model form (`class AppealForm(PublicForm, forms.ModelForm)`)."""

    consent_required: str | None = None

    consent = forms.BooleanField(label=_("I agree to the processing of my personal data"))
    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The subclass's own fields first, then the consent and the trap, as on the page.
        self.order_fields([name for name in self.fields if name not in ("consent", HONEYPOT)])
        if self.consent_required:
            self.fields["consent"].error_messages["required"] = self.consent_required
