"""Tariffs in the admin: regions and tariff periods under one menu item. Periods go through
the moderation workflow that the demo (or an administrator) assigns to them."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import TariffPeriod, TariffRegion


class TariffPeriodViewSet(SnippetViewSet):
    model = TariffPeriod
    icon = "table"
    menu_label = _("Tariff periods")
    list_display = ["__str__", "valid_from", "valid_to"]
    list_filter = ["region", "category", "metering_option", "live"]
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
