from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Mandatory disclosure")

    def ready(self) -> None:
        from core import demo as demo_loaders

        from . import checks, demo, signals  # noqa: F401 (checks register themselves)

        signals.connect()
        demo_loaders.register("disclosure", demo.load, requires=("home",))
