"""The registry of appeals: list with filters, search and export, the detail view with its
actions, and the permission-checked download of attachments."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from core import consent
from core.admin_columns import PersonChoiceField, PersonColumn
from core.exports import SafeIndexView

from .. import actions
from ..choices import Action, AppealType, ReceivedVia, Status, Topic
from ..models import Appeal, AppealAttachment
from ..staff import ASSIGN_APPEALS, CHANGE_APPEALS
from . import staff_entry
from .access import StaffOnlyMixin
from .forms import ACTION_FORMS, executors
from .staff_entry import StaffAppealCreateView


class PersonChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


class AppealFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=capfirst(_("status")), choices=Status.choices
    )
    topic = django_filters.ChoiceFilter(label=capfirst(_("topic")), choices=Topic.choices)
    received_via = django_filters.ChoiceFilter(
        label=capfirst(_("received via")), choices=ReceivedVia.choices
    )
    appeal_type = django_filters.ChoiceFilter(
        label=capfirst(_("type of appeal")), choices=AppealType.choices
    )
    executor = PersonChoiceFilter(label=capfirst(_("executor")), queryset=executors)
    overdue = django_filters.BooleanFilter(label=capfirst(_("overdue")), method="filter_overdue")
    due_soon = django_filters.BooleanFilter(
        label=capfirst(_("due within 3 days")), method="filter_due_soon"
    )

    class Meta:
        model = Appeal
        fields = []

    def filter_overdue(self, queryset, name, value):
        overdue = Appeal.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)

    def filter_due_soon(self, queryset, name, value):
        soon = Appeal.objects.due_within(3).values("pk")
        return queryset.filter(pk__in=soon) if value else queryset.exclude(pk__in=soon)


class DueColumn(Column):
    """The due date, marked when the appeal is overdue."""

    def get_value(self, instance):
        text = f"{instance.due_date:%d.%m.%Y}"
        return f"{text} ⚠ {_('overdue')}" if instance.is_overdue else text


def received_local(appeal: Appeal) -> str:
    return f"{timezone.localtime(appeal.received_at):%d.%m.%Y %H:%M}"


class AppealDetailView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reception/admin/appeal_detail.html"
    header_icon = "mail"
    viewset = None

    def get_page_title(self):
        return str(self.appeal)

    @cached_property
    def appeal(self):
        return get_object_or_404(Appeal.objects.select_related("executor"), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("reception_appeals:index"), "label": _("Appeals")},
            {"url": "", "label": str(self.appeal)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.request.user.has_perm(CHANGE_APPEALS)
        context.update(
            appeal=self.appeal,
            consent_version=(
                _("not asked: the appeal was received by staff")
                if self.appeal.consent_policy_version == actions.STAFF_REGISTERED
                else consent.describe(self.appeal.consent_policy_version)
            ),
            attachments=self.appeal.attachments.all(),
            deliveries=self.appeal.deliveries.select_related("done_by"),
            events=self.appeal.events.select_related("user"),
            forms=(
                {
                    name: form()
                    for name, form in ACTION_FORMS.items()
                    if name != "assign" or self.request.user.has_perm(ASSIGN_APPEALS)
                }
                if can_change and self.appeal.is_open
                else {"close": ACTION_FORMS["close"]()}
                if can_change and self.appeal.status == Status.ANSWERED
                else {}
            ),
        )
        return context


class AppealActionView(StaffOnlyMixin, TemplateView):
    """POST only: one staff action; the outcome is shown as a message on the detail view."""

    permission_required = CHANGE_APPEALS
    http_method_names = ["post"]

    def post(self, request, pk, action):
        appeal = get_object_or_404(Appeal, pk=pk)
        form_class = ACTION_FORMS.get(action)
        if form_class is None:
            raise Http404
        if action == "assign" and not request.user.has_perm(ASSIGN_APPEALS):
            raise PermissionDenied
        form = form_class(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return redirect("reception_appeals:edit", pk=pk)
        data, user = form.cleaned_data, request.user
        try:
            match action:
                case "assign":
                    actions.assign(appeal, user, data["executor"])
                case "interim":
                    actions.interim_reply(
                        appeal, user, data["text"], data["channel"], data["reason"]
                    )
                    # Its own transaction: a refused extension keeps the reply sent.
                    if data.get("extend_days"):
                        actions.extend(appeal, user, data["extend_days"])
                case "extend":
                    actions.extend(appeal, user, data["days"])
                case "answer":
                    actions.record_answer(
                        appeal,
                        user,
                        data["text"],
                        data["executor_name"],
                        data["executor_phone"],
                        data["channel"],
                        data["reason"],
                    )
                case "not_considered":
                    actions.not_considered(appeal, user, data["reason"], data["notice"])
                case "close":
                    actions.close(appeal, user)
        except actions.ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved."))
        return redirect("reception_appeals:edit", pk=pk)


def attachment_download(request, pk):
    """A file of an appeal, to staff only, as a download (never rendered inline)."""
    if not request.user.has_perm("reception.view_appeal"):
        raise PermissionDenied
    attachment = get_object_or_404(AppealAttachment.objects.select_related("appeal"), pk=pk)
    actions.log(attachment.appeal, request.user, Action.FILE_OPENED, attachment.original_name)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class AppealIndexView(SafeIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("executor")


class AppealViewSet(ModelViewSet):
    model = Appeal
    index_view_class = AppealIndexView
    icon = "mail"
    menu_label = _("Appeals")
    menu_order = 100
    filterset_class = AppealFilterSet
    search_fields = ["number", "name"]
    search_backend_name = None  # plain database queries on the number and the name
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "number",
        Column(
            "received_at",
            label=capfirst(_("received")),
            accessor=received_local,
            sort_key="received_at",
        ),
        "topic",
        "appeal_type",
        "name",
        "status",
        DueColumn("due_date", label=capfirst(_("due date")), sort_key="due_date"),
        PersonColumn("executor", label=capfirst(_("executor")), sort_key="executor__last_name"),
    ]
    list_export = [
        "number",
        "received_at",
        "topic",
        "appeal_type",
        "customer_type",
        "name",
        "answer_channel",
        "status",
        "due_date",
        "executor",
        "answered_at",
        "answer_channel_used",
        "received_via",
    ]
    export_headings = {"executor": _("executor")}
    export_filename = "appeals"
    ordering = ["-received_at"]
    # The add view registers what came by phone, post or in person (staff_entry.py).
    add_view_class = StaffAppealCreateView
    form_fields = staff_entry.FIELDS

    def get_form_class(self, for_update=False):
        return staff_entry.StaffAppealForm

    @cached_property
    def edit_view(self):
        return AppealDetailView.as_view(breadcrumbs_items=AppealDetailView.breadcrumbs_items)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("action/<int:pk>/<str:action>/", AppealActionView.as_view(), name="action"),
            path("file/<int:pk>/", attachment_download, name="file"),
        ]
