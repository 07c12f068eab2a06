"""The registry of what the site must disclose: the 14 items of §6.2 and the site sections of
§10.1. A page type covers items by naming their codes in its `disclosure_items` class
attribute (explicit, never guessed from titles); the compliance report reads it from every
page model, so pages of other apps (tariffs, FAQ) join the report by declaring it too."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DisclosureItem:
    code: str
    source: str
    title: str | Promise


ITEMS: tuple[DisclosureItem, ...] = (
    DisclosureItem(
        "6.2-1",
        "§6.2 п. 1",
        _("Documents to conclude a contract, the procedure, the application status"),
    ),
    DisclosureItem("6.2-2", "§6.2 п. 2", _("Main terms of the supply contract")),
    DisclosureItem("6.2-3", "§6.2 п. 3", _("Standard contract forms for each customer category")),
    DisclosureItem("6.2-4", "§6.2 п. 4", _("The service quality standard")),
    DisclosureItem("6.2-5", "§6.2 п. 5", _("Procedure and terms of payment")),
    DisclosureItem(
        "6.2-6", "§6.2 п. 6", _("Meter readings; consequences of a broken or missing meter")
    ),
    DisclosureItem("6.2-7", "§6.2 п. 7", _("Restriction of supply for non-payment")),
    DisclosureItem("6.2-8", "§6.2 п. 8", _("Tariffs and how the price is calculated")),
    DisclosureItem("6.2-9", "§6.2 п. 9", _("Payment points and the hours of our offices")),
    DisclosureItem("6.2-10", "§6.2 п. 10", _("How to file appeals, claims and complaints")),
    DisclosureItem("6.2-11", "§6.2 п. 11", _("Hours, addresses and phones of service centres")),
    DisclosureItem("6.2-12", "§6.2 п. 12", _("Additional services")),
    DisclosureItem("6.2-13", "§6.2 п. 13", _("Frequently asked questions")),
    DisclosureItem("6.2-14", "§6.2 п. 14", _("Debt amount on request")),
    DisclosureItem("10.1-tariffs", "§10.1", _("Site section: Tariffs")),
    DisclosureItem("10.1-contracts", "§10.1", _("Site section: Supply contract")),
    DisclosureItem("10.1-norms", "§10.1", _("Site section: Consumption norms")),
    DisclosureItem("10.1-standard", "§10.1", _("Site section: Service quality")),
    DisclosureItem("10.1-payment-points", "§10.1", _("Site section: Payment points")),
    DisclosureItem("10.1-faq", "§10.1", _("Site section: Frequently asked questions")),
    DisclosureItem("10.1-readings", "§10.1", _("Site section: Meter readings")),
    DisclosureItem("10.1-contacts", "§10.1", _("Site section: Contacts")),
    DisclosureItem("10.1-grid", "§10.1", _("Site section: Grid companies' contacts")),
    DisclosureItem("10.1-email", "§10.1", _("Site section: Appeals by e-mail")),
)

CODES = frozenset(item.code for item in ITEMS)
