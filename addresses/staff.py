"""Who keeps the address directory: those who keep the other directory records (offices,
payment points, grid companies) and the moderators. Registered in AddressesConfig.ready()
(core/staff.py)."""

from core.staff import DISCLOSURE_EDITORS, MODERATORS

DIRECTORY = [
    ("addresses", f"{action}_{model}")
    for model in ("locality", "street", "houserange")
    for action in ("add", "change", "view", "delete")
]

GROUPS = {DISCLOSURE_EDITORS: DIRECTORY, MODERATORS: DIRECTORY}
