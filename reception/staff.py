"""The staff group that works appeals: only it (and superusers) sees appeals and their files."""

from django.contrib.auth.models import Group, Permission

STAFF_GROUP = "Обращения граждан"

PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("reception", "view_appeal"),
    ("reception", "change_appeal"),
    ("reception", "view_homevisitrequest"),
    ("reception", "change_homevisitrequest"),
    ("core", "view_outgoingemail"),  # to see confirmation e-mails that failed
]

# The permission that opens appeals, their files, exports and reports.
VIEW_APPEALS = "reception.view_appeal"
CHANGE_APPEALS = "reception.change_appeal"
VIEW_VISITS = "reception.view_homevisitrequest"


def ensure_staff_group() -> Group | None:
    """Creates the group with its permissions; safe to run again. None before the
    permissions exist (the first post_migrate of a partial migration)."""
    permissions = []
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            return None
        permissions.append(permission)
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(*permissions)  # adds only the missing ones
    return group
