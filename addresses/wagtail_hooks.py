"""The address directory in the admin: streets and house ranges, and the CSV import."""

from django.db import models
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import HouseRange, Street, Subscription


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


class SubscriptionViewSet(ModelViewSet):
    """The subscribers' addresses: only the group «Подписки на отключения» (and superusers)
    has the view permission, so only they see this menu item."""

    model = Subscription
    icon = "mail"
    menu_label = _("Outage alert subscribers")
    list_display = ["email", "created_at", "confirmed_at"]
    list_filter = ["confirmed_at"]
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["confirmed_at"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True


class AlertCountsView(TemplateView):
    """How many confirmed subscribers each street has: counts only, for every staff member."""

    template_name = "addresses/admin/alert_counts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        confirmed = models.Count(
            "subscriptions", filter=models.Q(subscriptions__confirmed_at__isnull=False)
        )
        context.update(
            page_title=_("Outage alerts: subscribers by street"),
            header_icon="mail",
            streets=Street.objects.annotate(subscribers=confirmed)
            .filter(subscribers__gt=0)
            .select_related("locality")
            .order_by("-subscribers")[:200],
            unconfirmed=Subscription.objects.filter(confirmed_at__isnull=True).count(),
            confirmed=Subscription.objects.filter(confirmed_at__isnull=False).count(),
        )
        return context


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
        SubscriptionViewSet("addresses_subscriptions"),
    )


@hooks.register("register_admin_viewset")
def register_addresses_admin() -> AddressesGroup:
    return AddressesGroup()


@hooks.register("register_admin_urls")
def register_alert_counts():
    return [
        path("addresses/alert-counts/", AlertCountsView.as_view(), name="addresses_alert_counts")
    ]


@hooks.register("register_reports_menu_item")
def register_alert_counts_menu_item():
    return MenuItem(
        _("Outage alerts: subscribers by street"),
        reverse("addresses_alert_counts"),
        icon_name="mail",
        order=60,
    )
