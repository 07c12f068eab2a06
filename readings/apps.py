from pathlib import Path

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_staff_group(sender, **kwargs) -> None:
    from .permissions import ensure_staff_group

    ensure_staff_group()


class ReadingsConfig(AppConfig):
    name = "readings"
    verbose_name = _("Meter readings")

    def ready(self) -> None:
        # After every migrate (and test-database flush) the staff group exists.
        post_migrate.connect(_ensure_staff_group, sender=self)

        from core import demo

        demo.register("readings", demo.data_files(Path(self.path) / "demo"), requires=("home",))
