"""Who keeps the disclosure records. Disclosure editors keep service centres, payment points,
grid companies and the Decree 24 documents, notice editors the outage and meter-visit notices;
both publish their own changes (the lead times of a notice are checked on saving). Withdrawing
what customers already see, by unpublishing or deleting it, is the moderators' right alone: a
published notice is the proof that customers were told in time. Registered in
DisclosureConfig.ready() (core/staff.py).
"""

from core.staff import DISCLOSURE_EDITORS, MODERATORS

NOTICE_EDITORS = "Редакторы объявлений"

DIRECTORY = ["servicecentre", "paymentpoint", "gridcompany", "discloseddocument"]
NOTICES = ["outagenotice", "metervisitnotice"]


def _keep(models: list[str]) -> list[tuple[str, str]]:
    return [
        ("disclosure", f"{action}_{model}")
        for model in models
        for action in ("add", "change", "view", "publish")
    ]


def _withdraw(models: list[str]) -> list[tuple[str, str]]:
    return [
        ("disclosure", f"{action}_{model}")
        for model in models
        for action in ("unpublish", "delete")
    ]


GROUPS = {
    DISCLOSURE_EDITORS: _keep(DIRECTORY),
    NOTICE_EDITORS: [("wagtailadmin", "access_admin"), *_keep(NOTICES)],
    MODERATORS: _keep(DIRECTORY + NOTICES) + _withdraw(DIRECTORY + NOTICES),
}
