from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = _("FAQ")

    def ready(self) -> None:
        from core import demo

        demo.register("faq", demo.data_files(Path(self.path) / "demo"), requires=("home",))
