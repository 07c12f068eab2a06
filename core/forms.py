"""The base of every public form: the honeypot spam trap and the consent to personal-data
processing (152-FZ). The flow that serves them is `core/public_forms.py`. A form whose record
must be stored once however often the browser sends it adds `SentOnce`."""

import hashlib
import json
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"
CSRF_FIELD = "csrfmiddlewaretoken"

M = TypeVar("M", bound=models.Model)


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


class SentOnce(forms.Form):
    """A form whose record is stored once however often the browser sends it: a double click
    or a retry after a lost response finds the record the first sending stored (the app keeps
    `submission_key()` in a unique column).

    The one-time token is the form's CSRF token as the page carried it: Django masks it afresh
    for every rendering (the page cache too, on every hit), so each rendering of the form is
    one submission, and its repeats carry the same token. The key joins the token with what
    was sent, so two different submissions never share a key."""

    def submission_key(self) -> str:
        """Empty when the browser sent no token (nothing to recognise a repeat by)."""
        token = self.data.get(CSRF_FIELD, "")
        if not token:
            return ""
        sent = {
            name: _fingerprint(value)
            for name, value in self.cleaned_data.items()
            if name not in ("consent", HONEYPOT)
        }
        payload = json.dumps([token, sent], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()


def sent_before(model: type[M], form: SentOnce) -> M | None:
    """The record an earlier sending of the same form stored, if any."""
    key = form.submission_key()
    return model.objects.filter(submission_key=key).first() if key else None


def store_once(model: type[M], form: SentOnce, create: Callable[[str], M]) -> M:
    """`create(key)` stores the record with `submission_key=key`, unless an earlier sending
    stored it already; two sendings at once meet at the unique column, and the loser's
    transaction (its number included) is rolled back."""
    existing = sent_before(model, form)
    if existing is not None:
        return existing
    key = form.submission_key()
    try:
        with transaction.atomic():
            return create(key)
    except IntegrityError:
        existing = model.objects.filter(submission_key=key).first() if key else None
        if existing is None:
            raise
        return existing


def _fingerprint(value) -> object:
    if isinstance(value, UploadedFile):
        return [value.name, value.size]
    if isinstance(value, list | tuple):
        return [_fingerprint(item) for item in value]
    return value if isinstance(value, bool | int | float | type(None)) else str(value)
