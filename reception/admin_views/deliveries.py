"""Letters and calls (§11): the answers, interim replies and §9.2 notices that customers who
chose post or phone are waiting for. A letter prints as a PDF; each task is marked done by
the person who posted the letter or made the call."""

from django.contrib import messages
from django.db.models import Count, Min
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.dashboard import Line, TaskPanel
from core.pdf import build_pdf

from .. import actions
from ..choices import AnswerChannel
from ..models import Delivery, DeliveryKind
from ..staff import CHANGE_APPEALS, VIEW_APPEALS
from .access import StaffOnlyMixin
from .forms import DoneForm


class DeliveryListView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reception/admin/deliveries.html"
    page_title = gettext_lazy("Letters and calls")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            tasks=Delivery.objects.open_tasks().select_related("appeal"),
            done_form=DoneForm(),
            can_change=self.request.user.has_perm(CHANGE_APPEALS),
        )
        return context


def letter_pdf(delivery: Delivery) -> bytes:
    """The letter to print: the customer's name and postal address, the date, the text."""
    appeal = delivery.appeal
    title = _("Re: appeal %(number)s of %(date)s") % {
        "number": appeal.number,
        "date": f"{timezone.localtime(appeal.received_at):%d.%m.%Y}",
    }
    return build_pdf(
        title,
        [
            ("", [appeal.name, appeal.postal_address]),
            ("", [f"{timezone.localdate():%d.%m.%Y}"]),
            ("", [line for line in delivery.text.splitlines() if line.strip()]),
        ],
        author="ООО «РУСЭНЕРГОСБЫТ»",
    )


class LetterView(StaffOnlyMixin, TemplateView):
    """The printable letter; never cached, never shown inline (personal data)."""

    def get(self, request, pk):
        delivery = get_object_or_404(
            Delivery.objects.select_related("appeal"), pk=pk, channel=AnswerChannel.POST
        )
        response = HttpResponse(letter_pdf(delivery), content_type="application/pdf")
        filename = f"letter-{delivery.appeal.number}-{delivery.pk}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class DoneView(StaffOnlyMixin, TemplateView):
    permission_required = CHANGE_APPEALS
    http_method_names = ["post"]

    def post(self, request, pk):
        delivery = get_object_or_404(Delivery, pk=pk)
        form = DoneForm(request.POST)
        if form.is_valid():
            try:
                actions.mark_done(delivery, request.user, form.cleaned_data["note"])
            except actions.ActionRefused as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Marked done: the customer is told."))
        return redirect("reception_deliveries")


def deliveries_panel(request, panels) -> None:
    """Appeals staff: the letters to post and calls to make, interim replies first (an extension
    counts only once the interim reply has gone out), each line with its oldest task's date."""
    if not request.user.has_perm(VIEW_APPEALS):
        return
    waiting = (
        Delivery.objects.open_tasks()
        .values("kind", "channel")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
    )
    first = [DeliveryKind.INTERIM, DeliveryKind.ANSWER, DeliveryKind.NOTICE]
    index = reverse("reception_deliveries")
    lines = [
        Line(
            f"{DeliveryKind(row['kind']).label}: {AnswerChannel(row['channel']).label}",
            index,
            count=row["count"],
            note=_("waiting since %(date)s")
            % {"date": date_format(timezone.localtime(row["oldest"]), "SHORT_DATE_FORMAT")},
        )
        for row in sorted(waiting, key=lambda row: (first.index(row["kind"]), row["channel"]))
    ]
    panels.append(
        TaskPanel(
            "letters_and_calls",
            str(gettext_lazy("Interim replies, letters and calls waiting")),
            lines,
            str(gettext_lazy("No letter or call is waiting.")),
            order=52,
        )
    )
