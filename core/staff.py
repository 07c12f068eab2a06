"""Staff groups as production setup: each app registers its groups in `AppConfig.ready()`, and
after every `migrate` (and every test-database flush) one receiver creates them and grants
exactly the registered permissions. The code is the source of truth: a permission added to a
registered group by hand in the admin is taken away again by the next `migrate`.

    register_group("Обращения граждан", permissions=[("reception", "view_appeal"), ...])
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.db.models.signals import post_migrate
from wagtail.models import Collection, GroupCollectionPermission

Codename = tuple[str, str]  # (app label, permission codename)


@dataclass(frozen=True)
class StaffGroup:
    name: str
    permissions: tuple[Codename, ...]
    # Granted on the root collection, i.e. on every document or image.
    collection_permissions: tuple[Codename, ...] = ()


_groups: dict[str, StaffGroup] = {}


def register_group(
    name: str, permissions: Sequence[Codename], collection_permissions: Sequence[Codename] = ()
) -> None:
    _groups[name] = StaffGroup(name, tuple(permissions), tuple(collection_permissions))


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
    if root is None:  # a flushed test database: flush emptied the tree Wagtail's migrations made
        return group
    for permission in granted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return group


def ensure_groups(apps=global_apps, **kwargs) -> None:
    """Every registered group; `apps` is the migrated state: a partial migrate that has not
    created the tables needed yet leaves the groups to the full one."""
    try:
        apps.get_model("auth", "Group")
        apps.get_model("wagtailcore", "GroupCollectionPermission")
    except LookupError:
        return
    for name in _groups:
        ensure_group(name)


def on_migrated(receiver: Callable[..., None], dispatch_uid: str) -> None:
    """Run `receiver` once per `migrate` (and test-database flush), after every app's own
    post_migrate work: the permissions, Wagtail's snippet "publish" permissions included, exist
    by then."""

    def last_turn(sender, **kwargs) -> None:
        with_models = [app for app in global_apps.get_app_configs() if app.models_module]
        if sender is with_models[-1]:
            receiver(**kwargs)

    post_migrate.connect(last_turn, weak=False, dispatch_uid=dispatch_uid)


def connect() -> None:
    on_migrated(ensure_groups, dispatch_uid="core-staff-groups")
