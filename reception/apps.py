from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = _("Virtual reception")

    def ready(self) -> None:
        from .staff import ensure_staff_group

        def create_group(sender, **kwargs) -> None:
            ensure_staff_group()

        # After every migrate (and flush): permissions exist by then.
        post_migrate.connect(create_group, sender=self, dispatch_uid="reception_staff_group")
