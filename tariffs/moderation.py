"""The tariff editors, the approvers and the workflow tariff periods go through: editors submit,
approvers publish. Removing a period (deleting or unpublishing it) is the approvers' right
alone: without it an editor could take the rates in force off the public page unapproved.
Production setup, not demo content: the groups are registered in TariffsConfig.ready()
(core/staff.py) and the workflow is created after every `migrate`."""

from django.apps import apps as global_apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from core.staff import ensure_group

from .models import TariffPeriod

EDITORS = "Редакторы тарифов"
APPROVERS = "Утверждающие тарифы"
WORKFLOW = "Утверждение тарифов"
TASK = "Проверка и утверждение тарифа"

# Both may upload the regulator's decision and choose it from the documents.
DOCUMENTS = [("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document")]
GROUPS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("tariffs", "add_tariffperiod"),
        ("tariffs", "change_tariffperiod"),
        ("tariffs", "view_tariffperiod"),
        ("tariffs", "view_tariffregion"),
    ],
    APPROVERS: [
        ("wagtailadmin", "access_admin"),
        ("tariffs", "add_tariffperiod"),
        ("tariffs", "change_tariffperiod"),
        ("tariffs", "delete_tariffperiod"),
        ("tariffs", "view_tariffperiod"),
        ("tariffs", "publish_tariffperiod"),
        ("tariffs", "add_tariffregion"),
        ("tariffs", "change_tariffregion"),
        ("tariffs", "view_tariffregion"),
    ],
}


def ensure_workflow(apps=global_apps, **kwargs) -> Workflow | None:
    """The approval workflow, assigned to tariff periods. Created when missing, so that an
    administrator's later changes to it (Settings → Workflows) stand."""
    try:
        apps.get_model("tariffs", "TariffPeriod")
        apps.get_model("wagtailcore", "WorkflowContentType")
    except LookupError:
        return None
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
        task.groups.set([ensure_group(APPROVERS)])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(TariffPeriod),
        defaults={"workflow": workflow},
    )
    return workflow
