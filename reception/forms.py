"""The public forms: the appeal, the status lookup and the home-visit request."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotField, PublicForm, SentOnce
from core.i18n import interpolate_lazy
from core.phone import phone_form_field

from .choices import PUBLIC_TOPICS, AnswerChannel, CustomerType
from .files import MAX_FILE_SIZE, MAX_FILES, validate_uploads
from .models.appeals import Appeal
from .models.visits import HomeVisitRequest
from .services import contact_errors

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


class AppealForm(SentOnce, PublicForm, forms.ModelForm):
    consent_required = _("Without your consent we cannot register the appeal.")

    topic = forms.ChoiceField(label=_("Topic"), choices=PUBLIC_TOPICS)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=interpolate_lazy(
            _(
                "Up to %(count)s files of PDF, JPEG, PNG or DOCX, each up to %(size)s MB. If the "
                "form shows an error, choose the files again: browsers do not keep them."
            ),
            {"count": MAX_FILES, "size": MAX_FILE_SIZE // (1024 * 1024)},
        ),
    )
    phone = phone_form_field(label=_("Phone"))

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
            "message": forms.Textarea(attrs={"rows": 8}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
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

    def clean_attachments(self):
        self.accepted_files = validate_uploads(self.cleaned_data.get("attachments") or [])
        return self.cleaned_data.get("attachments")

    def clean(self):
        cleaned = super().clean()
        problems = contact_errors(
            cleaned.get("answer_channel", ""),
            cleaned.get("email", "") if "email" not in self.errors else "x",
            str(cleaned.get("phone") or "") if "phone" not in self.errors else "x",
            cleaned.get("postal_address", ""),
        )
        for field, code in problems.items():
            # No contact at all: said next to each of the three contact fields.
            targets = ["email", "phone", "postal_address"] if field == "__all__" else [field]
            for target in targets:
                self.add_error(target, ValidationError(CONTACT_MESSAGES[code], code=code))
        return cleaned


class StatusForm(forms.Form):
    number = forms.CharField(
        label=_("Registration number"),
        max_length=20,
        help_text=_("As in the confirmation, e.g. ВП-2026-000123."),
    )
    contact = forms.CharField(label=_("E-mail or phone given in the appeal"), max_length=255)
    website = HoneypotField()


class HomeVisitForm(SentOnce, PublicForm, forms.ModelForm):
    consent_required = _("Without your consent we cannot register the request.")

    lives_alone = forms.BooleanField(
        label=_("I live alone"),
        error_messages={
            "required": _("A home visit is arranged for customers who live alone (§8.4).")
        },
    )
    phone = phone_form_field(label=_("Phone"), required=True)

    class Meta:
        model = HomeVisitRequest
        fields = ["name", "phone", "postal_address", "account_number", "ground", "message"]
        widgets = {
            "ground": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "account_number": _("A visit is arranged at most once a year for each account."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = self.fields["ground"].choices[1:]
