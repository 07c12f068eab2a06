from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Mandatory disclosure")

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401 (checks register themselves)

        signals.connect()
