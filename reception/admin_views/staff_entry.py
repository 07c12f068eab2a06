"""Appeals and home-visit requests that came by phone, post or in person: a clerk registers them
in the admin with the channel and the date received, and they get their number and due date
like those from the site (reception/actions.py) and join the same registry."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView

from .. import actions
from ..choices import STAFF_CHANNELS, ReceivedVia
from ..models import Appeal, HomeVisitRequest

FIELDS = [
    "received_via",
    "received_at",
    "topic",
    "appeal_type",
    "customer_type",
    "name",
    "phone",
    "email",
    "postal_address",
    "account_number",
    "message",
    "answer_channel",
]


VISIT_FIELDS = [
    "received_via",
    "received_at",
    "name",
    "phone",
    "postal_address",
    "account_number",
    "ground",
    "lives_alone",
    "message",
]


class ReceivedForm(WagtailAdminModelForm):
    """The channel (not the site) and the moment received, not in the future."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_via"].choices = [
            (value, label) for value, label in ReceivedVia.choices if value in STAFF_CHANNELS
        ]
        self.fields["received_at"].initial = timezone.now
        self.fields["received_at"].help_text = _(
            "When the call was taken, the letter arrived or the customer came: the term runs "
            "from that day."
        )

    def clean_received_at(self):
        received_at = self.cleaned_data["received_at"]
        if received_at > timezone.now():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return received_at


class StaffAppealForm(ReceivedForm):
    class Meta:
        model = Appeal
        fields = FIELDS


class StaffVisitForm(ReceivedForm):
    class Meta:
        model = HomeVisitRequest
        fields = VISIT_FIELDS

    def clean_lives_alone(self):
        # §8.4: the free visit is for those living alone.
        if not self.cleaned_data["lives_alone"]:
            raise forms.ValidationError(_("A home visit is for a customer who lives alone."))
        return True

    def clean_account_number(self):
        account = self.cleaned_data["account_number"]
        if actions.visit_requested_within_year(account):
            raise forms.ValidationError(
                _("A visit was already requested for this account within the year (§8.4).")
            )
        return account


class StaffVisitCreateView(CreateView):
    def get_page_title(self):
        return _("Register a home-visit request received by phone, post or in person")

    def save_instance(self):
        return actions.register_staff_visit(self.form.save(commit=False), self.request.user)

    def get_success_message(self, instance):
        return _("Request %(number)s registered; the visit is due by %(due)s.") % {
            "number": instance.number,
            "due": f"{instance.visit_due_date:%d.%m.%Y}",
        }


class StaffAppealCreateView(CreateView):
    def get_page_title(self):
        return _("Register an appeal received by phone, post or in person")

    def save_instance(self):
        return actions.register_staff_appeal(self.form.save(commit=False), self.request.user)

    def get_success_url(self):
        return self.get_edit_url()

    def get_success_message(self, instance):
        return _("Appeal %(number)s registered; answer due by %(due)s.") % {
            "number": instance.number,
            "due": f"{instance.due_date:%d.%m.%Y}",
        }
