"""Offers beside the results: another app answers a query it recognises with a link of its
own, e.g. the address directory offers its page for a query that names a street:

    from search.offers import Offer, register

    def address_offer(query: str, language: str) -> Offer | None:
        ...  # None when the query is not an address
    register(address_offer)

from its AppConfig.ready(). Providers run on every search, so each must be cheap (one
indexed query at most) and return None for what it does not recognise."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Offer:
    title: str
    url: str
    text: str = ""


Provider = Callable[[str, str], Offer | None]

_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def unregister(provider: Provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def offers_for(query: str, language: str) -> list[Offer]:
    return [offer for provider in _providers if (offer := provider(query, language))]
