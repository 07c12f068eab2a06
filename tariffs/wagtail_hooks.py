"""Tariffs in the admin: regions and tariff periods under one menu item. Periods go through
the moderation workflow that the demo (or an administrator) assigns to them."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from core.admin_columns import StatusColumn, with_moderation

from .dashboard import upcoming_changes
from .models import TariffPeriod, TariffRegion


class TariffPeriodIndexView(IndexView):
    def get_base_queryset(self):
        # The status column names the periods awaiting approval: otherwise one looks live.
        return with_moderation(super().get_base_queryset().select_related("region"))


class TariffPeriodViewSet(SnippetViewSet):
    model = TariffPeriod
    index_view_class = TariffPeriodIndexView
    icon = "table"
    menu_label = _("Tariff periods")
    list_display = ["__str__", "valid_from", "valid_to", StatusColumn()]
    list_filter = ["region", "category", "metering_option", "live"]
    search_fields = ["region__name", "regulator", "decision_number"]
    search_backend_name = None  # plain database queries: periods are not in the search index
    list_per_page = 50
    ordering = ["region__sort_order", "category", "metering_option", "-valid_from"]


class TariffRegionViewSet(SnippetViewSet):
    model = TariffRegion
    icon = "site"
    menu_label = _("Tariff regions")
    list_display = ["name", "name_en", "slug", "sort_order"]


class TariffsViewSetGroup(SnippetViewSetGroup):
    items = (TariffPeriodViewSet, TariffRegionViewSet)
    menu_icon = "table"
    menu_label = _("Tariffs")
    menu_name = "tariffs"


register_snippet(TariffsViewSetGroup)


hooks.register("construct_homepage_panels", upcoming_changes)
