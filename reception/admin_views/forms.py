"""Forms of the staff actions on an appeal."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.admin_columns import PersonChoiceField

from ..choices import AnswerChannel, NotConsideredReason
from ..services import MAX_EXTENSION_DAYS
from ..staff import STAFF_GROUP, SUPERVISORS_GROUP


def executors(request=None):
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name__in=[STAFF_GROUP, SUPERVISORS_GROUP]) | Q(is_superuser=True),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class AssignForm(forms.Form):
    executor = PersonChoiceField(queryset=executors(), label=_("Executor"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["executor"].queryset = executors()


def channel_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Send by"),
        required=False,
        choices=[("", _("the channel the customer chose"))] + AnswerChannel.choices,
        help_text=_(
            "E-mail is sent at once; a letter or a call goes to the list of letters and calls "
            "and counts as sent when someone marks it done."
        ),
    )


def reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Why another channel than the customer's"),
        required=False,
        max_length=500,
        help_text=_("Required when you do not use the channel the customer chose (§11)."),
    )


class InterimReplyForm(forms.Form):
    text = forms.CharField(label=_("Interim reply"), widget=forms.Textarea(attrs={"rows": 3}))
    channel = channel_field()
    reason = reason_field()
    extend_days = forms.IntegerField(
        label=_("Extend the term by, days"),
        required=False,
        min_value=1,
        max_value=MAX_EXTENSION_DAYS,
        help_text=_(
            "Once, at most 15 days, before the term ends (§10.2). By e-mail the reply is sent "
            "at once; by post or phone, extend after the letter or call is marked done."
        ),
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Extend the term by, days"), min_value=1, max_value=MAX_EXTENSION_DAYS
    )


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 6}))
    executor_name = forms.CharField(label=_("Executor's full name"), max_length=255)
    executor_phone = forms.CharField(label=_("Executor's phone"), max_length=40)
    channel = channel_field()
    reason = reason_field()


class DoneForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=500,
        help_text=_("E.g. the registered letter's number or who answered the call."),
    )


class NotConsideredForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason (§9.2)"), choices=NotConsideredReason.choices)
    notice = forms.CharField(
        label=_("Notice to the customer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required for a repeated question (name the earlier answer) and for a commercial "
            "secret; sent by the channel the customer chose."
        ),
    )


class CloseForm(forms.Form):
    pass


ACTION_FORMS = {
    "assign": AssignForm,
    "interim": InterimReplyForm,
    "extend": ExtendForm,
    "answer": AnswerForm,
    "not_considered": NotConsideredForm,
    "close": CloseForm,
}
