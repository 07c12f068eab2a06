"""«What applies to my address»: a typed address → its street and house range in the
directory → the tariff region with today's rates, the grid company, the nearest offices and
payment points, and the notices that cover the house. A fixed number of queries."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils import timezone

from core.addressing import FILLER_WORDS, TYPE_OF_WORD, house_number, houses_q, street_key, tokens
from core.localized import localized_record, localized_records
from disclosure import services
from disclosure.models import (
    GridCompany,
    MeterVisitNotice,
    OutageNotice,
    OutagesPage,
    PaymentPoint,
    ServiceCentre,
    ServiceCentreHours,
)
from search.text import stem
from tariffs.models.records import CustomerCategory
from tariffs.selection import Selection, select

from .models import HouseRange, Street

MAX_CHOICES = 20
NEAREST_OFFICES = 3
NEAREST_POINTS = 5


@dataclass(frozen=True)
class Query:
    street_words: list[str]  # as typed, without the house
    house: str  # «12к1», or ""

    @property
    def street_type(self) -> str | None:
        kinds = [TYPE_OF_WORD[word] for word in self.street_words if word in TYPE_OF_WORD]
        return kinds[0] if kinds else None

    @property
    def stems(self) -> list[str]:
        words = [w for w in self.street_words if w not in TYPE_OF_WORD and w not in FILLER_WORDS]
        return [stem(word) for word in words]

    def names(self, street: Street) -> bool:
        """Whether the words typed are this street's very name (and perhaps its locality)."""
        locality = set(tokens(street.locality.name))
        words = [w for w in self.street_words if w not in FILLER_WORDS and w not in locality]
        return street_key(" ".join(words)) == street.key


def parse(text: str) -> Query:
    """«Подольск, ул. Ленина, д. 5 к. 2» → the street's words and the house «5 к 2». The house
    is the first number after a word that only fillers and numbers follow, so that «улица 8
    Марта» stays a street."""
    words = tokens(text)
    for index, word in enumerate(words):
        if index and word[0].isdigit():
            rest = words[index + 1 :]
            if all(w in FILLER_WORDS or w[0].isdigit() for w in rest):
                return Query(words[:index], " ".join(words[index:]))
    return Query(words, "")


def find_streets(query: Query, limit: int = MAX_CHOICES) -> list[Street]:
    """The streets whose name and locality contain every word typed (in any case ending,
    «ё» as «е», the last word possibly unfinished); the street of that very name first."""
    stems = query.stems
    if not stems:
        return []
    filters = models.Q()
    for word_stem in stems:
        filters &= models.Q(search_text__contains=f" {word_stem}")
    streets = list(Street.objects.filter(filters).select_related("locality")[: limit * 5])
    kind = query.street_type
    if kind and any(street.key.startswith(f"{kind}:") for street in streets):
        streets = [street for street in streets if street.key.startswith(f"{kind}:")]
    streets.sort(key=lambda s: (not query.names(s), s.locality.name, s.name))
    return streets[:limit]


@dataclass
class Place:
    """An office or payment point with how far it is (km), when both are on the map."""

    record: ServiceCentre | PaymentPoint
    distance: float | None = None
    open_now: bool = False


@dataclass
class Report:
    street: Street
    house: str
    range: HouseRange
    tariffs: Selection
    offices: list[Place] = field(default_factory=list)
    payment_points: list[Place] = field(default_factory=list)
    outages: list[OutageNotice] = field(default_factory=list)
    visits: list[MeterVisitNotice] = field(default_factory=list)
    # The range's grid company (a Russian record) in the page's language.
    grid_company: GridCompany | None = None

    @property
    def label(self) -> str:
        return f"{self.street.locality.name}, {self.street.name}, {self.house}"

    @property
    def category_label(self) -> str:
        return str(CustomerCategory(self.tariffs.category).label)


@dataclass
class Answer:
    query: str
    parsed: Query
    streets: list[Street] = field(default_factory=list)
    report: Report | None = None

    @property
    def state(self) -> str:
        """empty, unknown_street, choose, need_house, unknown_house or found."""
        if self.report:
            return "found"
        if not self.parsed.street_words:
            return "empty"
        if not self.streets:
            return "unknown_street"
        if len(self.streets) > 1:
            return "choose"
        return "need_house" if not self.parsed.house else "unknown_house"


def answer(text: str, now: datetime | None = None) -> Answer:
    parsed = parse(text)
    result = Answer(text, parsed)
    if not parsed.street_words:
        return result
    streets = find_streets(parsed)
    exact = [street for street in streets if parsed.names(street)]
    # «Ленина 5» means улица Ленина even where a проспект Ленина is also found.
    result.streets = exact if len(exact) == 1 else streets
    number = house_number(parsed.house) if parsed.house else None
    if len(result.streets) == 1 and number is not None:
        house_range = (
            HouseRange.objects.filter(houses_q(number), street=result.streets[0])
            .select_related("tariff_region", "grid_company")
            .order_by("house_to", "-house_from")
            .first()
        )
        if house_range is not None:
            result.report = report(result.streets[0], parsed.house, number, house_range, now)
    return result


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Along the Earth's surface (haversine), good to metres at these distances."""
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    dp, dl = p2 - p1, math.radians(float(lon2) - float(lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def nearest(records, house_range: HouseRange, locality: str, count: int) -> list[Place]:
    """The closest records when the range and they are on the map; otherwise those of the
    same locality. Records in the customer's locality come before others at equal distance."""
    places = []
    for record in records:
        distance = None
        if house_range.latitude is not None and record.has_coordinates:
            distance = distance_km(
                house_range.latitude, house_range.longitude, record.latitude, record.longitude
            )
        if distance is None and record.locality != locality:
            continue
        places.append(Place(record, distance))
    places.sort(key=lambda p: (p.distance is None, p.distance or 0, p.record.locality != locality))
    return places[:count]


def report(street: Street, house: str, number: int, house_range: HouseRange, now=None) -> Report:
    now = now or timezone.now()
    locality = street.locality.name
    # Distances and localities are measured on the Russian records, which the directory's names
    # match; the page then shows each in the active language (core/localized.py).
    centres = (
        ServiceCentre.objects.filter(live=True, kind=ServiceCentre.IN_PERSON)
        .sources()
        .prefetch_related(
            models.Prefetch("hours", queryset=ServiceCentreHours.objects.order_by("sort_order"))
        )
    )
    offices = nearest(centres, house_range, locality, NEAREST_OFFICES)
    for place in offices:
        place.open_now = services.is_open(place.record.spans(ServiceCentreHours.OPENING), now)
    points = PaymentPoint.objects.filter(live=True).sources().exclude(kind=PaymentPoint.ONLINE)
    payment_points = nearest(points, house_range, locality, NEAREST_POINTS)
    for places in (offices, payment_points):
        for place, record in zip(
            places, localized_records([p.record for p in places]), strict=True
        ):
            place.record = record
    where = (locality, street.name, number)
    return Report(
        street=street,
        house=house,
        range=house_range,
        tariffs=select(house_range.tariff_region.slug, None, timezone.localdate(now)),
        offices=offices,
        payment_points=payment_points,
        outages=list(OutagesPage.current_and_upcoming().covering(*where)[:20]),
        visits=list(MeterVisitNotice.objects.upcoming().for_locale().covering(*where)[:20]),
        grid_company=localized_record(house_range.grid_company),
    )
