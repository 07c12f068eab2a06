"""Site search offers the address page for a query that names a street of the directory
(search/offers.py): «Садовая 12» or «улица Ленина» → «What applies to …»."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from core.addressing import TYPE_OF_WORD
from search.offers import Offer

from .lookup import find_streets, parse


def address_offer(query: str, language: str) -> Offer | None:
    """One query at most: only a query with a house number or a street type word is looked
    up, and only a street of the directory makes an offer."""
    parsed = parse(query)
    if not parsed.street_words or not (
        parsed.house or any(word in TYPE_OF_WORD for word in parsed.street_words)
    ):
        return None
    streets = find_streets(parsed, limit=2)
    if not streets:
        return None
    return Offer(
        title=_("What applies to the address «%(address)s»") % {"address": query},
        url=f"{reverse('address')}?{urlencode({'q': query})}",
        text=_("Tariffs, outages, meter visits, offices and payment points for your house."),
    )
