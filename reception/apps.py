from pathlib import Path

from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


def delete_attachment_file(sender, instance, **kwargs) -> None:
    """Personal data does not outlive its record: the file goes with the attachment."""
    instance.file.delete(save=False)


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = _("Virtual reception")

    def ready(self) -> None:
        from core import links
        from core.staff import register_group

        from .links import appeal_status_url, home_visit_url, survey_page_url
        from .staff import (
            STAFF_GROUP,
            STAFF_PERMISSIONS,
            SUPERVISOR_PERMISSIONS,
            SUPERVISORS_GROUP,
        )

        register_group(STAFF_GROUP, permissions=STAFF_PERMISSIONS)
        register_group(SUPERVISORS_GROUP, permissions=SUPERVISOR_PERMISSIONS)
        links.register("appeal-status", appeal_status_url, _("Status of an appeal"))
        links.register("home-visit", home_visit_url, _("Home visit request"))
        links.register("survey", survey_page_url, _("Satisfaction survey"))
        post_delete.connect(
            delete_attachment_file,
            sender="reception.AppealAttachment",
            dispatch_uid="reception_attachment_file",
        )

        from core import demo

        # Under home, beside its privacy policy, which the forms link to.
        demo.register("reception", demo.data_files(Path(self.path) / "demo"), requires=("home",))
