"""The registries apps fill in AppConfig.ready(): staff groups and the tariff workflow as
production setup, which change expires which pages, and named links between apps."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import Collection, GroupApprovalTask, Workflow, WorkflowContentType

from core import links
from core.content_version import content_version
from core.expiry import pages_showing
from core.staff import registered_groups
from disclosure.models import PaymentPage, PaymentPoint
from reception.models import ReceptionPage
from tariffs import moderation
from tariffs.models import TariffPeriod


def migrate_again() -> None:
    """What `migrate` (and a test-database flush) does once the tables exist."""
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


def codenames(permissions) -> set[tuple[str, str]]:
    return {(p.content_type.app_label, p.codename) for p in permissions}


@pytest.mark.django_db
def test_migrate_alone_creates_every_staff_group_and_the_tariff_workflow():
    # The test database has the demo loaded; take away what production setup must create.
    Group.objects.all().delete()
    Workflow.objects.filter(name=moderation.WORKFLOW).delete()
    GroupApprovalTask.objects.filter(name=moderation.TASK).delete()
    WorkflowContentType.objects.all().delete()

    migrate_again()

    names = {group.name for group in registered_groups()}
    assert {
        "Обращения граждан",
        "Показания приборов учёта",
        "Редакторы тарифов",
        "Утверждающие тарифы",
    } <= names
    root = Collection.get_first_root_node()
    for spec in registered_groups():
        group = Group.objects.get(name=spec.name)
        assert codenames(group.permissions.select_related("content_type")) == set(spec.permissions)
        granted = Permission.objects.filter(
            groupcollectionpermission__group=group,
            groupcollectionpermission__collection=root,
        ).select_related("content_type")
        assert codenames(granted) == set(spec.collection_permissions)
    assignment = WorkflowContentType.objects.get(
        content_type=ContentType.objects.get_for_model(TariffPeriod)
    )
    assert assignment.workflow.name == moderation.WORKFLOW and assignment.workflow.active
    (task,) = [task.specific for task in assignment.workflow.tasks.all()]
    assert [group.name for group in task.groups.all()] == [moderation.APPROVERS]


@pytest.mark.django_db
def test_migrate_again_changes_nothing_but_a_permission_granted_by_hand():
    group = Group.objects.get(name="Обращения граждан")
    group.permissions.add(Permission.objects.get(codename="delete_appeal"))
    groups, workflows = Group.objects.count(), Workflow.objects.count()

    migrate_again()

    assert (Group.objects.count(), Workflow.objects.count()) == (groups, workflows)
    assert not group.permissions.filter(codename="delete_appeal").exists()
    assert group.permissions.filter(codename="view_outgoingemail").exists()


@pytest.mark.django_db
def test_editors_cannot_publish_tariffs_and_approvers_can():
    editors = Group.objects.get(name=moderation.EDITORS).permissions
    approvers = Group.objects.get(name=moderation.APPROVERS).permissions
    assert not editors.filter(codename="publish_tariffperiod").exists()
    assert approvers.filter(codename="publish_tariffperiod").exists()


@pytest.mark.django_db
def test_publishing_a_record_expires_the_pages_that_list_it(django_capture_on_commit_callbacks):
    point = PaymentPoint.objects.filter(live=True).sources().first()
    with (
        mock.patch("core.expiry.apps.is_installed", return_value=True),
        mock.patch("wagtail.contrib.frontend_cache.utils.PurgeBatch") as batch,
    ):
        version = content_version()
        with django_capture_on_commit_callbacks(execute=True):
            point.save_revision()  # a draft for review: no public page changes
        batch.assert_not_called()
        with django_capture_on_commit_callbacks(execute=True):
            point.get_latest_revision().publish()
    purged = batch.return_value.add_pages.call_args.args[0]
    assert {type(page) for page in purged} == {PaymentPage}
    assert {page.url for page in purged} == {page.url for page in pages_showing(point)}
    assert len(purged) == 2  # Russian and English (which falls back to it)
    assert content_version() != version


@pytest.mark.django_db
def test_the_contracts_page_links_the_status_lookup_in_each_language(ru_client, client):
    assert 'href="/reception/status/"' in ru_client.get("/clients/contracts/").content.decode()
    english = client.get("/en/clients/contracts/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/en/reception/status/"' in english


@pytest.mark.django_db
def test_no_status_link_without_a_live_reception(ru_client):
    ReceptionPage.objects.update(live=False)
    assert links.service_url("appeal-status") == ""
    assert "/reception/status/" not in ru_client.get("/clients/contracts/").content.decode()
    assert links.service_url("no-such-service") == ""
