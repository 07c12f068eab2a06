"""The staff group that works appeals: only it (and superusers) sees appeals and their files.
Registered in ReceptionConfig.ready(); `migrate` creates it (core/staff.py)."""

STAFF_GROUP = "Обращения граждан"

STAFF_PERMISSIONS = [
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
