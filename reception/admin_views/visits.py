"""Home-visit requests (§8.4) in the admin: list, schedule, record the visit."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SafeIndexView

from ..models import HomeVisitRequest
from .registry import no_adding


class HomeVisitViewSet(ModelViewSet):
    model = HomeVisitRequest
    index_view_class = SafeIndexView
    icon = "home"
    menu_label = _("Home visits")
    menu_order = 110
    list_display = ["number", "received_at", "name", "ground", "visit_due_date", "status"]
    list_filter = ["status", "ground"]
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
    ]
    export_filename = "home-visits"

    @cached_property
    def add_view(self):
        return no_adding(self.get_url_name("index"))
