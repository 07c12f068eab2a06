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


class InterimReplyForm(forms.Form):
    text = forms.CharField(label=_("Interim reply"), widget=forms.Textarea(attrs={"rows": 3}))
    extend_days = forms.IntegerField(
        label=_("Extend the term by, days"),
        required=False,
        min_value=1,
        max_value=MAX_EXTENSION_DAYS,
        help_text=_("Once, at most 15 days; leave empty not to extend."),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 6}))
    executor_name = forms.CharField(label=_("Executor's full name"), max_length=255)
    executor_phone = forms.CharField(label=_("Executor's phone"), max_length=40)
    channel = forms.ChoiceField(label=_("Answer sent by"), choices=AnswerChannel.choices)


class NotConsideredForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason (§9.2)"), choices=NotConsideredReason.choices)
    notice = forms.CharField(
        label=_("Notice to the customer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required for a repeated question (name the earlier answer) and for a commercial "
            "secret; sent by e-mail when the customer gave one."
        ),
    )


class CloseForm(forms.Form):
    pass


ACTION_FORMS = {
    "assign": AssignForm,
    "interim": InterimReplyForm,
    "answer": AnswerForm,
    "not_considered": NotConsideredForm,
    "close": CloseForm,
}
