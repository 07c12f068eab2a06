"""Home-visit requests (§8.4) in the admin: list, schedule, record the visit."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SafeIndexView

from ..models import HomeVisitRequest
from . import staff_entry
from .staff_entry import StaffVisitCreateView


class HomeVisitViewSet(ModelViewSet):
    model = HomeVisitRequest
    index_view_class = SafeIndexView
    icon = "home"
    menu_label = _("Home visits")
    menu_order = 110
    list_display = ["number", "received_at", "name", "ground", "visit_due_date", "status"]
    list_filter = ["status", "ground", "received_via"]
    search_fields = ["number", "name", "account_number"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["visit_date", "status", "staff_notes"]
    list_export = [
        "number",
        "received_at",
        "name",
        "phone",
        "postal_address",
        "account_number",
        "ground",
        "visit_due_date",
        "visit_date",
        "status",
        "received_via",
    ]
    export_filename = "home-visits"
    # The add view registers what came by phone, post or in person (staff_entry.py).
    add_view_class = StaffVisitCreateView

    def get_add_view_kwargs(self, **kwargs):
        panel = ObjectList(
            [FieldPanel(name) for name in staff_entry.VISIT_FIELDS],
            base_form_class=staff_entry.StaffVisitForm,
        ).bind_to_model(self.model)
        return {
            **super().get_add_view_kwargs(**kwargs),
            "panel": panel,
            "form_class": panel.get_form_class(),
        }
