"""Who keeps the address directory: those who keep the other directory records (offices,
payment points, grid companies) and the moderators; and who sees the outage alerts'
addresses. Registered in AddressesConfig.ready() (core/staff.py)."""

from core.staff import DISCLOSURE_EDITORS, MODERATORS

DIRECTORY = [
    ("addresses", f"{action}_{model}")
    for model in ("locality", "street", "houserange")
    for action in ("add", "change", "view", "delete")
]

# The e-mail addresses of the outage alerts are personal data: this group alone sees them
# (other staff see the number of subscribers per street).
ALERTS_STAFF = "Подписки на отключения"

GROUPS = {
    DISCLOSURE_EDITORS: DIRECTORY,
    MODERATORS: DIRECTORY,
    ALERTS_STAFF: [
        ("wagtailadmin", "access_admin"),
        ("addresses", "view_subscription"),
        ("addresses", "delete_subscription"),
    ],
}
