"""The staff roles' permission matrix (README "Staff roles"): every role × every action, allowed
or refused, on the demo site; then, through the admin itself, that no role removes content in
force (a tariff period, a published notice, a live page) without the right to."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.permissions import policy_registry

from core import staff
from disclosure.models import DisclosedDocument, OutageNotice, ServiceCentre
from disclosure.staff import NOTICE_EDITORS
from readings.permissions import STAFF_GROUP as READINGS_STAFF
from reception.staff import STAFF_GROUP as RECEPTION_STAFF
from reception.staff import SUPERVISORS_GROUP
from search.models import CustomerTask, SynonymGroup
from tariffs import moderation
from tariffs.models import TariffPeriod, TariffRegion

pytestmark = pytest.mark.django_db

TARIFF_EDITORS, TARIFF_APPROVERS = moderation.EDITORS, moderation.APPROVERS
EDITORS, MODERATORS, TRANSLATORS = staff.DISCLOSURE_EDITORS, staff.MODERATORS, staff.TRANSLATORS
ROLES = [
    TARIFF_EDITORS,
    TARIFF_APPROVERS,
    EDITORS,
    NOTICE_EDITORS,
    RECEPTION_STAFF,
    SUPERVISORS_GROUP,
    READINGS_STAFF,
    MODERATORS,
    TRANSLATORS,
]

# action → the roles allowed it; every other role is refused.
MATRIX = {
    "tariff period: add or edit a draft": {TARIFF_EDITORS, TARIFF_APPROVERS},
    "tariff period: publish (approve)": {TARIFF_APPROVERS},
    "tariff period: unpublish one in force": {TARIFF_APPROVERS},
    "tariff period: delete one in force": {TARIFF_APPROVERS},
    "tariff region: edit": {TARIFF_APPROVERS},
    "outage notice: add or edit": {NOTICE_EDITORS, MODERATORS},
    "outage notice: publish": {NOTICE_EDITORS, MODERATORS},
    "outage notice: unpublish a published one": {MODERATORS},
    "outage notice: delete a published one": {MODERATORS},
    "service centre: add or edit": {EDITORS, MODERATORS},
    "service centre: publish": {EDITORS, MODERATORS},
    "service centre: unpublish": {MODERATORS},
    "service centre: delete": {MODERATORS},
    "Decree 24 document: add or edit": {EDITORS, MODERATORS},
    "Decree 24 document: publish": {EDITORS, MODERATORS},
    "Decree 24 document: unpublish": {MODERATORS},
    "Decree 24 document: delete": {MODERATORS},
    "Russian page: edit": {EDITORS, MODERATORS},
    "Russian page: publish": {MODERATORS},
    "Russian page: unpublish": {MODERATORS},
    "Russian page: delete": {MODERATORS},
    "English page: edit": {EDITORS, MODERATORS, TRANSLATORS},
    "English page: publish": {MODERATORS},
    "page: approve in moderation": {MODERATORS},
    "page: submit a translation": {MODERATORS, TRANSLATORS},
    "appeals: view the registry": {RECEPTION_STAFF, SUPERVISORS_GROUP},
    "appeals: answer": {RECEPTION_STAFF, SUPERVISORS_GROUP},
    "appeals: register one received by phone, post or in person": {
        RECEPTION_STAFF,
        SUPERVISORS_GROUP,
    },
    "appeals: assign an executor": {SUPERVISORS_GROUP},
    "search: read the queries visitors typed": {EDITORS, MODERATORS},
    "search: keep synonyms, customer tasks and promoted results": {MODERATORS},
    "meter readings: view": {READINGS_STAFF},
    "meter readings: export for billing": {READINGS_STAFF},
    "admin: sign in": set(ROLES),
}


def member(role: str) -> User:
    user = User.objects.create_user(f"user-{ROLES.index(role)}", password="x")
    user.groups.add(Group.objects.get(name=role))
    return user


def snippet(user, model, action: str) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, action)


def live_page(locale: str) -> Page:
    """A live page without children (deleting a branch is a right of its own, nobody's)."""
    return Page.objects.live().filter(depth=3, numchild=0, locale__language_code=locale).first()


def page_task_allows(user) -> bool:
    workflow = Page.objects.get(depth=1).get_workflow()
    return any(
        task.specific.groups.filter(user=user).exists() for task in workflow.tasks.all()
    ) and (workflow.name == staff.PAGE_WORKFLOW)


def tariff_task_allows(user) -> bool:
    (task,) = TariffPeriod.get_default_workflow().tasks.all()
    return task.specific.groups.filter(user=user).exists()


def allowed(user, action: str) -> bool:
    ru, en = live_page("ru"), live_page("en")
    checks = {
        "tariff period: add or edit a draft": lambda: (
            snippet(user, TariffPeriod, "add") and snippet(user, TariffPeriod, "change")
        ),
        "tariff period: publish (approve)": lambda: (
            snippet(user, TariffPeriod, "publish") and tariff_task_allows(user)
        ),
        "tariff period: unpublish one in force": lambda: snippet(user, TariffPeriod, "publish"),
        "tariff period: delete one in force": lambda: snippet(user, TariffPeriod, "delete"),
        "tariff region: edit": lambda: snippet(user, TariffRegion, "change"),
        "outage notice: add or edit": lambda: (
            snippet(user, OutageNotice, "add") and snippet(user, OutageNotice, "change")
        ),
        "outage notice: publish": lambda: snippet(user, OutageNotice, "publish"),
        "outage notice: unpublish a published one": lambda: snippet(
            user, OutageNotice, "unpublish"
        ),
        "outage notice: delete a published one": lambda: snippet(user, OutageNotice, "delete"),
        "service centre: add or edit": lambda: (
            snippet(user, ServiceCentre, "add") and snippet(user, ServiceCentre, "change")
        ),
        "service centre: publish": lambda: snippet(user, ServiceCentre, "publish"),
        "service centre: unpublish": lambda: snippet(user, ServiceCentre, "unpublish"),
        "service centre: delete": lambda: snippet(user, ServiceCentre, "delete"),
        "Decree 24 document: add or edit": lambda: (
            snippet(user, DisclosedDocument, "add") and snippet(user, DisclosedDocument, "change")
        ),
        "Decree 24 document: publish": lambda: snippet(user, DisclosedDocument, "publish"),
        "Decree 24 document: unpublish": lambda: snippet(user, DisclosedDocument, "unpublish"),
        "Decree 24 document: delete": lambda: snippet(user, DisclosedDocument, "delete"),
        "Russian page: edit": lambda: ru.permissions_for_user(user).can_edit(),
        "Russian page: publish": lambda: ru.permissions_for_user(user).can_publish(),
        "Russian page: unpublish": lambda: ru.permissions_for_user(user).can_unpublish(),
        "Russian page: delete": lambda: ru.permissions_for_user(user).can_delete(),
        "English page: edit": lambda: en.permissions_for_user(user).can_edit(),
        "English page: publish": lambda: en.permissions_for_user(user).can_publish(),
        "page: approve in moderation": lambda: page_task_allows(user),
        "page: submit a translation": lambda: user.has_perm("wagtail_localize.submit_translation"),
        "appeals: view the registry": lambda: user.has_perm("reception.view_appeal"),
        "appeals: answer": lambda: user.has_perm("reception.change_appeal"),
        "appeals: register one received by phone, post or in person": lambda: user.has_perm(
            "reception.add_appeal"
        ),
        "appeals: assign an executor": lambda: user.has_perm("reception.assign_appeal"),
        "search: read the queries visitors typed": lambda: user.has_perm("search.view_querystat"),
        "search: keep synonyms, customer tasks and promoted results": lambda: all(
            snippet(user, model, action)
            for model in (SynonymGroup, CustomerTask, SearchPromotion)
            for action in ("add", "change", "delete")
        ),
        "meter readings: view": lambda: user.has_perm("readings.view_submission"),
        "meter readings: export for billing": lambda: user.has_perm("readings.change_exportbatch"),
        "admin: sign in": lambda: user.has_perm("wagtailadmin.access_admin"),
    }
    return bool(checks[action]())


def test_every_role_is_a_group_that_migrate_creates():
    assert set(ROLES) <= {group.name for group in staff.registered_groups()}
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_permission_matrix(role):
    user = member(role)
    actual = {action for action in MATRIX if allowed(user, action)}
    expected = {action for action, roles in MATRIX.items() if role in roles}
    assert (sorted(actual - expected), sorted(expected - actual)) == ([], [])


# --- through the admin --------------------------------------------------------------------------


def login(role: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(member(role))
    return client


def test_a_tariff_editor_cannot_delete_or_unpublish_the_period_in_force():
    period = TariffPeriod.objects.filter(live=True).first()
    client = login(TARIFF_EDITORS)
    for view in ("delete", "unpublish"):
        url = f"/admin/snippets/tariffs/tariffperiod/{view}/{period.pk}/"
        assert client.get(url).status_code == 302  # Wagtail sends the refused to the dashboard
        client.post(url)
    period.refresh_from_db()
    assert period.live

    approver = login(TARIFF_APPROVERS)
    url = f"/admin/snippets/tariffs/tariffperiod/unpublish/{period.pk}/"
    assert approver.get(url).status_code == 200
    approver.post(url)
    period.refresh_from_db()
    assert not period.live


def test_a_notice_editor_publishes_but_only_a_moderator_withdraws_a_published_notice():
    notice = OutageNotice.objects.filter(live=True).first()
    unpublish = f"/admin/snippets/disclosure/outagenotice/unpublish/{notice.pk}/"
    editor = login(NOTICE_EDITORS)
    edit = editor.get(f"/admin/snippets/disclosure/outagenotice/edit/{notice.pk}/")
    assert edit.status_code == 200
    assert unpublish not in edit.content.decode()
    for view in ("delete", "unpublish"):
        editor.post(f"/admin/snippets/disclosure/outagenotice/{view}/{notice.pk}/")
    notice.refresh_from_db()
    assert notice.live

    moderator = login(MODERATORS)
    edit = moderator.get(f"/admin/snippets/disclosure/outagenotice/edit/{notice.pk}/")
    assert unpublish in edit.content.decode()
    moderator.post(f"/admin/snippets/disclosure/outagenotice/delete/{notice.pk}/")
    assert not OutageNotice.objects.filter(pk=notice.pk).exists()


def test_an_editor_cannot_delete_a_live_page():
    page = live_page("ru")
    client = login(EDITORS)
    client.post(f"/admin/pages/{page.pk}/delete/")
    client.post(f"/admin/pages/{page.pk}/unpublish/")
    page.refresh_from_db()
    assert page.live


def test_translators_may_edit_an_english_tree_created_after_migrate():
    english = Locale.objects.get(language_code="en")
    Page.objects.filter(depth=2, locale=english).delete()
    translator = member(TRANSLATORS)
    assert not GroupPagePermission.objects.filter(group__name=TRANSLATORS).exists()

    russian_home = Page.objects.get(depth=2, locale__language_code="ru").specific
    english_home = russian_home.copy_for_translation(english)  # as wagtail-localize does
    assert english_home.permissions_for_user(translator).can_edit()
    assert not russian_home.permissions_for_user(translator).can_edit()
