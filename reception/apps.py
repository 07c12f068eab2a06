from pathlib import Path

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


def create_staff_group(sender, **kwargs) -> None:
    from .staff import ensure_staff_group

    ensure_staff_group()


def delete_attachment_file(sender, instance, **kwargs) -> None:
    """Personal data does not outlive its record: the file goes with the attachment."""
    instance.file.delete(save=False)


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = _("Virtual reception")

    def ready(self) -> None:
        # After every migrate (and flush). No sender filter: the permissions it needs are
        # created by other apps' post_migrate handlers, so it succeeds on a later app's turn.
        post_migrate.connect(create_staff_group, dispatch_uid="reception_staff_group")
        post_delete.connect(
            delete_attachment_file,
            sender="reception.AppealAttachment",
            dispatch_uid="reception_attachment_file",
        )

        from core import demo

        # Under home, beside its privacy policy, which the forms link to.
        demo.register("reception", demo.data_files(Path(self.path) / "demo"), requires=("home",))
