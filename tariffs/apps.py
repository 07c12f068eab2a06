from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# What the tariffs page shows (its rates, the downloads, the API field). A period's rates, zone
# hours and price components are written when the period is published.
TARIFF_RECORDS = ["tariffs.TariffPeriod", "tariffs.TariffRegion"]


class TariffsConfig(AppConfig):
    name = "tariffs"
    verbose_name = _("Tariffs")

    def ready(self) -> None:
        from core import demo as demo_loaders
        from core.expiry import register_listing
        from core.staff import on_migrated, register_group

        from . import demo, feeds, moderation

        for name, permissions in moderation.GROUPS.items():
            register_group(name, permissions, collection_permissions=moderation.DOCUMENTS)
        on_migrated(moderation.ensure_workflow, dispatch_uid="tariffs-workflow")
        for model_label in TARIFF_RECORDS:
            # The home page shows the announced changes (tariffs/feeds.py).
            register_listing(model_label, ["tariffs.TariffsPage", "home.HomePage"])
        feeds.register_feeds()
        demo_loaders.register("tariffs", demo.load, requires=("home",))
