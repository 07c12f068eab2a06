"""Who sees meter readings (personal data): superusers and the staff group only."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

STAFF_GROUP = "Показания приборов учёта"

# codename → app: what the group may do. Readings are viewed and flagged, never added by
# hand; the registry is maintained by the CSV import.
STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("readings", "view_submission"),
    ("readings", "change_submission"),
    ("readings", "view_submissionhistory"),
    ("readings", "view_exportbatch"),
    ("readings", "change_exportbatch"),
    ("readings", "view_account"),
    ("readings", "view_meter"),
    ("readings", "add_meter"),
    ("readings", "change_meter"),
]


def ensure_staff_group() -> Group:
    """The staff group with its permissions; safe to run again (demo load, post_migrate)."""
    create_permissions(apps.get_app_config("readings"), verbosity=0)
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    query = Q(pk__in=[])
    for app_label, codename in STAFF_PERMISSIONS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(query))
    return group


def can_see_readings(user) -> bool:
    return user.is_active and user.has_perm("readings.view_submission")


def can_export(user) -> bool:
    return user.is_active and user.has_perm("readings.change_exportbatch")


def can_import_registry(user) -> bool:
    return user.is_active and user.has_perm("readings.add_meter")
