from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Record model → the page types that list its records. Service centres: every page, whose footer
# shows the head office's address and hours (disclosure/templatetags/contacts.py).
LISTINGS = {
    "disclosure.ServiceCentre": ["*"],
    "disclosure.PaymentPoint": ["disclosure.PaymentPage"],
    "disclosure.GridCompany": ["disclosure.GridCompaniesPage", "home.HomePage"],
    "disclosure.OutageNotice": ["disclosure.OutagesPage", "home.HomePage"],
    "disclosure.MeterVisitNotice": ["disclosure.OutagesPage"],
}


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Mandatory disclosure")

    def ready(self) -> None:
        from core import demo as demo_loaders
        from core.expiry import register_clock, register_listing
        from core.staff import register_group

        from . import checks, clocks, demo, feeds, search  # noqa: F401 (checks register themselves)
        from .staff import GROUPS

        for name, permissions in GROUPS.items():
            register_group(name, permissions)

        for model_label, page_types in LISTINGS.items():
            register_listing(model_label, page_types)
        register_clock("disclosure.ServiceCentresPage", clocks.next_opening_change)
        register_clock("disclosure.OutagesPage", clocks.next_outage_change)
        register_clock("home.HomePage", clocks.next_soon_outage_change)
        search.register_sources()
        feeds.register_feeds()
        demo_loaders.register("disclosure", demo.load, requires=("home",))
