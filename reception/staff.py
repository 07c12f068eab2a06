"""The staff groups that work appeals: only they (and superusers) see appeals and their files.
Clerks answer; supervisors also assign the executors. Registered in ReceptionConfig.ready();
`migrate` creates them (core/staff.py)."""

STAFF_GROUP = "Обращения граждан"
SUPERVISORS_GROUP = "Руководители приёмной"

STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("reception", "view_appeal"),
    ("reception", "add_appeal"),  # those received by phone, post or in person
    ("reception", "change_appeal"),
    ("reception", "view_homevisitrequest"),
    ("reception", "add_homevisitrequest"),  # those received by phone, post or in person
    ("reception", "change_homevisitrequest"),
    ("core", "view_outgoingemail"),  # to see confirmation e-mails that failed
]

SUPERVISOR_PERMISSIONS = [*STAFF_PERMISSIONS, ("reception", "assign_appeal")]

# The permission that opens appeals, their files, exports and reports.
VIEW_APPEALS = "reception.view_appeal"
CHANGE_APPEALS = "reception.change_appeal"
ASSIGN_APPEALS = "reception.assign_appeal"
VIEW_VISITS = "reception.view_homevisitrequest"
