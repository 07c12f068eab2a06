"""Who sees meter readings (personal data): superusers and the staff group only. The group is
registered in ReadingsConfig.ready(); `migrate` creates it (core/staff.py)."""

STAFF_GROUP = "Показания приборов учёта"

# (app, codename): what the group may do. Readings are viewed and flagged, never added by
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


def can_see_readings(user) -> bool:
    return user.is_active and user.has_perm("readings.view_submission")


def can_export(user) -> bool:
    return user.is_active and user.has_perm("readings.change_exportbatch")


def can_import_registry(user) -> bool:
    return user.is_active and user.has_perm("readings.add_meter")
