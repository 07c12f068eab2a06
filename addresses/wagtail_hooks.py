"""The address directory in the admin: streets and house ranges, and the CSV import."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import HouseRange, Street


class StreetViewSet(ModelViewSet):
    model = Street
    icon = "site"
    menu_label = _("Streets")
    list_display = ["name", "locality"]
    list_filter = ["locality"]
    search_fields = ["name"]
    search_backend_name = None
    form_fields = ["locality", "name"]
    copy_view_enabled = False


class HouseRangeViewSet(ModelViewSet):
    model = HouseRange
    icon = "list-ul"
    menu_label = _("House ranges")
    list_display = ["street", "houses_label", "tariff_region", "grid_company"]
    list_filter = ["street__locality", "tariff_region", "grid_company"]
    search_fields = ["street__name"]
    search_backend_name = None
    form_fields = [
        "street",
        "house_from",
        "house_to",
        "parity",
        "tariff_region",
        "grid_company",
        "latitude",
        "longitude",
    ]


class UploadViewSet(ViewSet):
    icon = "upload"
    menu_label = _("Import addresses")

    @property
    def menu_item_class(self):
        class UploadMenuItem(super().menu_item_class):
            def is_shown(self, request):
                return admin_views.can_import(request.user)

        return UploadMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.upload_view, name="index")]


class AddressesGroup(ViewSetGroup):
    menu_label = _("Address directory")
    menu_icon = "site"
    menu_order = 260
    items = (
        HouseRangeViewSet("addresses_ranges"),
        StreetViewSet("addresses_streets"),
        UploadViewSet("addresses_upload"),
    )


@hooks.register("register_admin_viewset")
def register_addresses_admin() -> AddressesGroup:
    return AddressesGroup()
