from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TariffsConfig(AppConfig):
    name = "tariffs"
    verbose_name = _("Tariffs")

    def ready(self) -> None:
        from core import demo as demo_loaders

        from . import demo, signals

        signals.connect_content_version()
        demo_loaders.register("tariffs", demo.load, requires=("home",))
