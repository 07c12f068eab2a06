from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingsConfig(AppConfig):
    name = "readings"
    verbose_name = _("Meter readings")

    def ready(self) -> None:
        from core import demo
        from core.expiry import register_listing
        from core.staff import register_group

        from .permissions import STAFF_GROUP, STAFF_PERMISSIONS

        register_group(STAFF_GROUP, permissions=STAFF_PERMISSIONS)
        # The readings page lists the planned meter visits under its form.
        register_listing("disclosure.MeterVisitNotice", ["readings.MeterReadingsPage"])
        demo.register("readings", demo.data_files(Path(self.path) / "demo"), requires=("home",))
