"""The address directory from CSV: one house range a row, `;`-separated, UTF-8 or
Windows-1251, with this header:

    locality;street;houses;tariff_region;grid_company;latitude;longitude

`houses` is empty (the whole street), one number («7»), or a range with an optional parity
(«1-25», «2–40 чёт», «1-39 нечёт»); `tariff_region` is the region's code or name; the grid
company is named as in its record (or left empty); the coordinates may be empty. Valid rows are
stored (a range already in the directory is updated) and every bad row is reported with its
line number; the header is line 1."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from core.addressing import HouseSpan, locality_key, street_key
from disclosure.models import GridCompany
from tariffs.models import TariffRegion

from .models import HouseRange, Locality, Street

COLUMNS = ["locality", "street", "houses", "tariff_region", "grid_company", "latitude", "longitude"]
REQUIRED = ["locality", "street", "tariff_region"]
HOUSES_RE = re.compile(
    r"^(?P<first>\d{1,5})(?:\s*[-–—]\s*(?P<last>\d{1,5}))?\s*(?P<parity>\S+)?$", re.IGNORECASE
)
PARITY_WORDS = {
    "чет": HouseSpan.EVEN,
    "четные": HouseSpan.EVEN,
    "even": HouseSpan.EVEN,
    "нечет": HouseSpan.ODD,
    "нечетные": HouseSpan.ODD,
    "odd": HouseSpan.ODD,
}


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0


@dataclass(frozen=True)
class Row:
    line: int
    locality: str
    street: str
    houses: tuple[int | None, int | None, str]
    tariff_region: TariffRegion
    grid_company: GridCompany | None
    latitude: Decimal | None
    longitude: Decimal | None


def parse_houses(text: str) -> tuple[int | None, int | None, str]:
    """«» → the whole street; «7» → house 7; «2–40 чёт» → the even houses 2 to 40."""
    text = text.strip().lower().replace("ё", "е").rstrip(".")
    if not text:
        return None, None, HouseSpan.ALL
    match = HOUSES_RE.match(text)
    parity = PARITY_WORDS.get((match.group("parity") or "").rstrip(".")) if match else None
    if not match or (match.group("parity") and parity is None):
        raise ValueError(
            _("houses «%(value)s» are not like «7», «1-25» or «2-40 чёт»") % {"value": text}
        )
    first = int(match.group("first"))
    last = int(match.group("last")) if match.group("last") else None
    if last is not None and last < first:
        raise ValueError(_("the range of houses ends before it starts"))
    return first, last, parity or HouseSpan.ALL


def _coordinate(text: str, limit: int, name: str) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "."))
        if not value.is_finite() or abs(value) > limit:
            raise InvalidOperation
    except InvalidOperation:
        raise ValueError(_("%(column)s is not a coordinate") % {"column": name}) from None
    return value.quantize(Decimal("0.000001"))


class _Parser:
    """Reads the rows; the regions and grid companies are read once for the whole file."""

    def __init__(self) -> None:
        self.regions = {}
        for region in TariffRegion.objects.all():
            self.regions[region.slug.lower()] = region
            self.regions[region.name.lower()] = region
        # A range points at the Russian record; its pages show the translation (core/localized.py).
        self.companies = {company.name: company for company in GridCompany.objects.sources()}

    def row(self, line: int, values: dict[str, str]) -> tuple[Row | None, list[str]]:
        get = {name: " ".join((values.get(name) or "").split()) for name in COLUMNS}
        problems = [
            _("%(column)s is empty") % {"column": name} for name in REQUIRED if not get[name]
        ]
        houses = coordinates = None
        try:
            houses = parse_houses(get["houses"])
        except ValueError as error:
            problems.append(str(error))
        region = self.regions.get(get["tariff_region"].lower())
        if get["tariff_region"] and region is None:
            problems.append(_("no tariff region «%(value)s»") % {"value": get["tariff_region"]})
        company = self.companies.get(get["grid_company"]) if get["grid_company"] else None
        if get["grid_company"] and company is None:
            problems.append(_("no grid company «%(value)s»") % {"value": get["grid_company"]})
        try:
            coordinates = (
                _coordinate(get["latitude"], 90, "latitude"),
                _coordinate(get["longitude"], 180, "longitude"),
            )
            if (coordinates[0] is None) != (coordinates[1] is None):
                raise ValueError(_("give both coordinates or neither"))
        except ValueError as error:
            problems.append(str(error))
        if problems or houses is None or coordinates is None or region is None:
            return None, problems
        return Row(line, get["locality"], get["street"], houses, region, company, *coordinates), []


def parse_csv(text: str) -> tuple[list[Row], list[str]]:
    """The valid rows, and the errors of the others with their line numbers."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        return [], [_("Line 1: the header lacks %(columns)s.") % {"columns": ", ".join(missing)}]
    reader.fieldnames = header
    parser = _Parser()
    rows: list[Row] = []
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    for values in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in values.values() if isinstance(value, str)):
            continue
        if None in values:
            errors.append(_("Line %(line)d: too many columns.") % {"line": line})
            continue
        row, problems = parser.row(line, values)
        if row is not None:
            key = (locality_key(row.locality), street_key(row.street), row.houses)
            if key in seen:
                problems = [_("the same houses are on line %(line)d") % {"line": seen[key]}]
                row = None
            else:
                seen[key] = line
        if problems:
            errors.append(
                _("Line %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
        elif row is not None:
            rows.append(row)
    return rows, errors


def import_addresses(text: str) -> ImportResult:
    """Stores the valid rows in one transaction and reports the others."""
    rows, errors = parse_csv(text)
    result = ImportResult(errors=errors)
    if not rows:
        if not errors:
            result.errors.append(_("The file has no rows."))
        return result
    with transaction.atomic():
        localities = {locality.key: locality for locality in Locality.objects.all()}
        streets = {(street.locality_id, street.key): street for street in Street.objects.all()}
        for row in rows:
            locality = localities.get(locality_key(row.locality))
            if locality is None:
                locality = Locality.objects.create(name=row.locality)
                localities[locality.key] = locality
            street = streets.get((locality.pk, street_key(row.street)))
            if street is None:
                street = Street.objects.create(locality=locality, name=row.street)
                streets[(locality.pk, street.key)] = street
            first, last, parity = row.houses
            _range, created = HouseRange.objects.update_or_create(
                street=street,
                house_from=first,
                house_to=last,
                parity=parity,
                defaults={
                    "tariff_region": row.tariff_region,
                    "grid_company": row.grid_company,
                    "latitude": row.latitude,
                    "longitude": row.longitude,
                },
            )
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
