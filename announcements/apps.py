from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "announcements"
    verbose_name = _("Announcements")

    def ready(self) -> None:
        from core import demo
        from core.expiry import register_listing

        from . import feeds

        feeds.register_feeds()
        # The home page lists the latest ones.
        register_listing("announcements.AnnouncementPage", ["home.HomePage"])
        demo.register(
            "announcements", demo.data_files(Path(self.path) / "demo"), requires=("home",)
        )
