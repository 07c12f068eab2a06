from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AddressesConfig(AppConfig):
    name = "addresses"
    verbose_name = _("Address directory")

    def ready(self) -> None:
        from core import demo as demo_loaders
        from core import links, page_routes
        from core.expiry import register_listing
        from core.staff import register_group
        from search import offers

        from . import alerts, demo
        from .alert_views import PAGE_ROUTES, alerts_url
        from .offers import address_offer
        from .staff import GROUPS
        from .views import address_url

        for name, permissions in GROUPS.items():
            register_group(name, permissions)
        # The address page reads the directory at request time, and so does the alerts' form
        # below the outages page (the street a link names): a change expires both.
        for model_label in ("addresses.Locality", "addresses.Street", "addresses.HouseRange"):
            register_listing(model_label, ["disclosure.OutagesPage"])
        alerts.connect()
        offers.register(address_offer)
        links.register("address-lookup", address_url, _("What applies to my address"))
        page_routes.register("disclosure.OutagesPage", PAGE_ROUTES)
        links.register("outage-alerts", alerts_url, _("Outage alerts by street"))
        demo_loaders.register("addresses", demo.load, requires=("disclosure", "tariffs"))
