"""The public forms: the appeal, the status lookup and the home-visit request."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import PUBLIC_TOPICS, AnswerChannel, CustomerType
from .files import MAX_FILE_SIZE, MAX_FILES, validate_uploads
from .models import Appeal, HomeVisitRequest
from .services import contact_errors, normalise_phone

CONTACT_MESSAGES = {
    "no_contact": _(
        "Give at least one contact: e-mail, phone or postal address. An appeal without "
        "contact details is not considered."
    ),
    "channel_needs_it": _("Needed to answer you by the channel you chose."),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def validate_phone(value: str) -> None:
    allowed = set("0123456789+()- ")
    if value and (set(value) - allowed or len(normalise_phone(value)) < 10):
        raise ValidationError(
            _("Enter the phone with its area code, e.g. +7 912 345-67-89."), code="invalid"
        )


class DescribedErrorsMixin:
    """Ties each field to its help text and error message for screen readers."""

    honeypot = "website"

    def describe_fields(self) -> None:
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}-help")
            if name in self.errors:
                ids.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        if self.is_bound:
            self.describe_fields()

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(self.honeypot))


class HoneypotField(forms.CharField):
    """Left empty by people (the field is hidden), filled by robots."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


class AppealForm(DescribedErrorsMixin, forms.ModelForm):
    topic = forms.ChoiceField(label=_("Topic"), choices=PUBLIC_TOPICS)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Up to %(count)s files of PDF, JPEG, PNG or DOCX, each up to %(size)s MB. If the "
            "form shows an error, choose the files again: browsers do not keep them."
        )
        % {"count": MAX_FILES, "size": MAX_FILE_SIZE // (1024 * 1024)},
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data"),
        error_messages={"required": _("Without your consent we cannot register the appeal.")},
    )
    website = HoneypotField()

    class Meta:
        model = Appeal
        fields = [
            "topic",
            "appeal_type",
            "customer_type",
            "name",
            "email",
            "phone",
            "postal_address",
            "account_number",
            "message",
            "answer_channel",
        ]
        widgets = {
            "customer_type": forms.RadioSelect,
            "answer_channel": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8, "maxlength": 10000}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "postal_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }
        help_texts = {
            "name": _("Your full name, or the name of the organisation."),
            "account_number": _("If you have one: it helps us find your contract faster."),
            "answer_channel": _(
                "Give the contact this channel needs. At least one contact is required."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer_type"].choices = CustomerType.choices
        self.fields["answer_channel"].choices = AnswerChannel.choices
        self.accepted_files = []

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        validate_phone(phone)
        return phone

    def clean_attachments(self):
        self.accepted_files = validate_uploads(self.cleaned_data.get("attachments") or [])
        return self.cleaned_data.get("attachments")

    def clean(self):
        cleaned = super().clean()
        problems = contact_errors(
            cleaned.get("answer_channel", ""),
            cleaned.get("email", "") if "email" not in self.errors else "x",
            cleaned.get("phone", "") if "phone" not in self.errors else "x",
            cleaned.get("postal_address", ""),
        )
        for field, code in problems.items():
            # No contact at all: said next to each of the three contact fields.
            targets = ["email", "phone", "postal_address"] if field == "__all__" else [field]
            for target in targets:
                self.add_error(target, ValidationError(CONTACT_MESSAGES[code], code=code))
        return cleaned


class StatusForm(DescribedErrorsMixin, forms.Form):
    number = forms.CharField(
        label=_("Registration number"),
        max_length=20,
        help_text=_("As in the confirmation, e.g. ВП-2026-000123."),
    )
    contact = forms.CharField(label=_("E-mail or phone given in the appeal"), max_length=255)
    website = HoneypotField()


class HomeVisitForm(DescribedErrorsMixin, forms.ModelForm):
    lives_alone = forms.BooleanField(
        label=_("I live alone"),
        error_messages={
            "required": _("A home visit is arranged for customers who live alone (§8.4).")
        },
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data"),
        error_messages={"required": _("Without your consent we cannot register the request.")},
    )
    website = HoneypotField()

    class Meta:
        model = HomeVisitRequest
        fields = ["name", "phone", "postal_address", "account_number", "ground", "message"]
        widgets = {
            "ground": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "account_number": _("A visit is arranged at most once a year for each account."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = self.fields["ground"].choices[1:]

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        validate_phone(phone)
        return phone
