"""Staff groups as production setup: each app registers its groups in `AppConfig.ready()`, and
after every `migrate` (and every test-database flush) one receiver creates them and grants
exactly the registered permissions. The code is the source of truth: a permission added to a
registered group by hand in the admin is taken away again by the next `migrate`.

    register_group("Обращения граждан", permissions=[("reception", "view_appeal"), ...])

Several apps may register the same group: their permissions add up (the moderators are given
the pages here and the notices by disclosure). The page roles every app shares (disclosure
editors, moderators, translators) and the page workflow are declared here; the README's
"Staff roles" table is the matrix they make with the apps' groups.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import post_migrate, post_save
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

Codename = tuple[str, str]  # (app label, permission codename)

# The page roles. Wagtail's own migrations create "Editors" and "Moderators" with the workflow
# "Moderators approval"; core's migration 0004 renames them to these names.
DISCLOSURE_EDITORS = "Редакторы раскрытия информации"
MODERATORS = "Модераторы"
TRANSLATORS = "Переводчики"
PAGE_WORKFLOW = "Утверждение модераторами"
PAGE_TASK = "Проверка модератором"

# Page permissions are granted on the root page (the whole tree) or, for a locale, on the home
# page of that language only.
EVERY_PAGE = ""


@dataclass(frozen=True)
class StaffGroup:
    name: str
    permissions: tuple[Codename, ...]
    # Granted on the root collection, i.e. on every document or image.
    collection_permissions: tuple[Codename, ...] = ()
    # Codenames of wagtailcore.Page ("add_page", "publish_page"…) on the pages of `page_locale`.
    page_permissions: tuple[str, ...] = ()
    page_locale: str = EVERY_PAGE


_groups: dict[str, StaffGroup] = {}


def register_group(
    name: str,
    permissions: Sequence[Codename],
    collection_permissions: Sequence[Codename] = (),
    page_permissions: Sequence[str] = (),
    page_locale: str = EVERY_PAGE,
) -> None:
    """Declares a group, or adds to one another app declared."""
    known = _groups.get(name) or StaffGroup(name, (), page_locale=page_locale)
    _groups[name] = StaffGroup(
        name,
        _union(known.permissions, permissions),
        _union(known.collection_permissions, collection_permissions),
        _union(known.page_permissions, page_permissions),
        known.page_locale or page_locale,
    )


def _union(first: Sequence, second: Sequence) -> tuple:
    return tuple(dict.fromkeys([*first, *second]))


def registered_groups() -> list[StaffGroup]:
    return list(_groups.values())


def _permissions(codenames: tuple[Codename, ...]) -> list[Permission]:
    if not codenames:
        return []
    query = Q()
    for app_label, codename in codenames:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = set(codenames) - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Unknown permissions for a staff group: {sorted(missing)}")
    return found


def ensure_group(name: str) -> Group:
    """The registered group with exactly its permissions; safe to run again."""
    spec = _groups[name]
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions(spec.permissions))
    granted = _permissions(spec.collection_permissions)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        permission__in=granted, collection__depth=1
    ).delete()
    root = Collection.get_first_root_node()
    if root is not None:  # a flushed test database: flush emptied the tree migrations made
        for permission in granted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
    _grant_pages(group, spec)
    return group


def _grant_pages(group: Group, spec: StaffGroup) -> None:
    granted = _permissions(tuple(("wagtailcore", codename) for codename in spec.page_permissions))
    pages = list(_pages_of(spec.page_locale)) if granted else []
    GroupPagePermission.objects.filter(group=group).exclude(
        permission__in=granted, page__in=pages
    ).delete()
    for page in pages:
        for permission in granted:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _pages_of(locale: str):
    """The root page, or the home pages of a language (none until that tree exists: then
    `grant_new_home` grants them)."""
    if locale == EVERY_PAGE:
        return Page.objects.filter(depth=1)
    return Page.objects.filter(depth=2, locale__language_code=locale)


def grant_new_home(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A language's home page, once created (its first translation, say), gets the rights of
    the groups granted on that language, such as the translators on English."""
    if not created or raw or not isinstance(instance, Page) or instance.depth != 2:
        return
    for spec in _groups.values():
        if spec.page_locale and spec.page_locale == instance.locale.language_code:
            ensure_group(spec.name)


def ensure_groups(apps=global_apps, **kwargs) -> None:
    """Every registered group; `apps` is the migrated state: a partial migrate that has not
    created the tables needed yet leaves the groups to the full one."""
    try:
        apps.get_model("auth", "Group")
        apps.get_model("wagtailcore", "GroupCollectionPermission")
    except LookupError:
        return
    ensure_migration_permissions()
    for name in _groups:
        ensure_group(name)
    ensure_page_workflow()


# Permissions that data migrations create on content types of no model, which a flush (tests)
# removes and nothing else brings back: (app label, model, codename, name).
MIGRATION_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]


def ensure_migration_permissions() -> None:
    for app_label, model, codename, name in MIGRATION_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )


def ensure_page_workflow() -> Workflow | None:
    """Pages are published by the moderators' approval. Created when missing (a fresh or
    flushed database), so that an administrator's later changes to it stand."""
    root = Page.get_first_root_node()
    if root is None:
        return None
    workflow, _ = Workflow.objects.get_or_create(name=PAGE_WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=PAGE_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=PAGE_TASK)
        task.groups.set([Group.objects.get(name=MODERATORS)])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def on_migrated(receiver: Callable[..., None], dispatch_uid: str) -> None:
    """Run `receiver` once per `migrate` (and test-database flush), after every app's own
    post_migrate work: the permissions, Wagtail's snippet "publish" permissions included, exist
    by then."""

    def last_turn(sender, **kwargs) -> None:
        with_models = [app for app in global_apps.get_app_configs() if app.models_module]
        if sender is with_models[-1]:
            receiver(**kwargs)

    post_migrate.connect(last_turn, weak=False, dispatch_uid=dispatch_uid)


# Documents and images: the Wagtail defaults of both groups, kept.
MEDIA = [
    (app, f"{action}_{model}")
    for app, model in (("wagtaildocs", "document"), ("wagtailimages", "image"))
    for action in ("add", "change", "choose")
]


def connect() -> None:
    register_group(
        DISCLOSURE_EDITORS,
        [("wagtailadmin", "access_admin")],
        collection_permissions=MEDIA,
        # Without "publish" Wagtail refuses to unpublish, or delete, a live page.
        page_permissions=["add_page", "change_page", "lock_page"],
    )
    register_group(
        MODERATORS,
        [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")],
        collection_permissions=MEDIA,
        page_permissions=["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
    )
    register_group(
        TRANSLATORS,
        [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")],
        # The English pages only, submitted to the moderators like any other page.
        page_permissions=["add_page", "change_page"],
        page_locale="en",
    )
    on_migrated(ensure_groups, dispatch_uid="core-staff-groups")
    post_save.connect(grant_new_home, dispatch_uid="core-staff-new-home")
