from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: services every domain app shares and registries they fill. It imports
    no domain app."""

    name = "core"
    verbose_name = _("Site services")

    def ready(self) -> None:
        from . import content_version, staff
        from .expiry import EVERY_PAGE, register_listing

        content_version.connect()
        staff.connect()
        # Wagtail's own records that any page may show or link.
        for model_label in ("wagtaildocs.Document", "wagtailimages.Image", "wagtailcore.Site"):
            register_listing(model_label, EVERY_PAGE)
