"""Staff admin for meter readings: the readings with filters, export batches, the registry.
Only the staff group «Показания приборов учёта» and superusers see any of it (personal data)."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .dashboard import flagged_panel
from .models import ExportBatch, Meter, Submission
from .permissions import can_export, can_import_registry


class NoManualRecordsPolicy(ModelPermissionPolicy):
    """Readings come from customers and batches from the export: nobody adds or deletes
    them by hand, not even a superuser."""

    def user_has_permission(self, user, action):
        return action not in {"add", "delete"} and super().user_has_permission(user, action)


register_permission_policy(Submission, NoManualRecordsPolicy(Submission), exact_class=True)
register_permission_policy(ExportBatch, NoManualRecordsPolicy(ExportBatch), exact_class=True)


def period_choices():
    periods = Submission.objects.order_by("-period").values_list("period", flat=True).distinct()
    return [(period.isoformat(), period.strftime("%m.%Y")) for period in periods]


class SubmissionFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(label=_("billing period"), choices=period_choices)
    flagged = django_filters.BooleanFilter(label=_("flagged"))
    exported = django_filters.BooleanFilter(
        label=_("exported"), field_name="batch", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Submission
        fields = ["period", "flagged"]


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "form"
    menu_label = _("Readings")
    list_display = [
        "confirmation_number",
        "meter",
        "period",
        "readings_display",
        "flagged",
        "batch",
        "updated_at",
    ]
    filterset_class = SubmissionFilterSet
    search_fields = ["confirmation_number", "meter__number", "meter__account__number"]
    search_backend_name = None  # database lookups: readings are not in the site search index
    form_fields = ["flagged", "flag_reason"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "confirmation_number",
        "meter",
        "period",
        "reading_t1",
        "reading_t2",
        "reading_t3",
        "flagged",
        "flag_reason",
        "email",
        "phone",
        "consent_at",
        "consent_policy_version",
        "batch",
        "created_at",
        "updated_at",
        "history_display",
    ]
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        queryset = Submission.objects.select_related("meter__account", "batch")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class BatchActionsColumn(Column):
    """Download the batch's CSV; mark it transferred to the billing system."""

    cell_template_name = "readings/admin/batch_actions_cell.html"

    def render_cell_html(self, instance, parent_context):
        # With the request, so that the form gets its CSRF token.
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=context["request"])


class ExportBatchViewSet(ModelViewSet):
    model = ExportBatch
    icon = "download"
    menu_label = _("Export batches")
    list_display = [
        "__str__",
        "period",
        "created_at",
        "created_by",
        "transferred_at",
        BatchActionsColumn("actions", label=_("Actions"), accessor="pk"),
    ]
    list_filter = ["transferred_at"]
    form_fields = ["transferred_at"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/csv/", admin_views.batch_download, name="csv"),
            path("<int:pk>/transferred/", admin_views.mark_transferred, name="transferred"),
        ]


class MeterViewSet(ModelViewSet):
    model = Meter
    icon = "list-ul"
    menu_label = _("Accounts and meters")
    list_display = ["number", "account", "zones", "decimals", "last_reading_date"]
    list_filter = ["zones"]
    search_fields = ["number", "account__number"]
    search_backend_name = None
    form_fields = [
        "account",
        "number",
        "zones",
        "decimals",
        "last_t1",
        "last_t2",
        "last_t3",
        "last_reading_date",
    ]
    copy_view_enabled = False


class ToolViewSet(ViewSet):
    """A menu item and a URL for one admin view, shown only to those it allows."""

    allowed = staticmethod(lambda user: False)
    view = None

    @property
    def menu_item_class(self):
        allowed = self.allowed

        class ToolMenuItem(super().menu_item_class):
            def is_shown(self, request):
                return allowed(request.user)

        return ToolMenuItem

    def get_urlpatterns(self):
        return [path("", self.view, name="index")]


class ExportViewSet(ToolViewSet):
    icon = "download"
    menu_label = _("Export for billing")
    allowed = staticmethod(can_export)
    view = staticmethod(admin_views.export_view)


class RegistryUploadViewSet(ToolViewSet):
    icon = "upload"
    menu_label = _("Upload the registry")
    allowed = staticmethod(can_import_registry)
    view = staticmethod(admin_views.registry_upload_view)


class ReadingsGroup(ViewSetGroup):
    menu_label = _("Meter readings")
    menu_icon = "form"
    menu_order = 250
    items = (
        SubmissionViewSet("readings_submissions"),
        ExportViewSet("readings_export"),
        ExportBatchViewSet("readings_batches"),
        MeterViewSet("readings_meters"),
        RegistryUploadViewSet("readings_registry_upload"),
    )


@hooks.register("register_admin_viewset")
def register_readings_admin() -> ReadingsGroup:
    return ReadingsGroup()


hooks.register("construct_homepage_panels", flagged_panel)
