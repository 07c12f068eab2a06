"""The registry of accounts and meters from the billing system's CSV export.

One row per meter, `;`-separated, UTF-8 (a BOM is allowed), with this header:

    account_number;meter_number;zones;decimals;last_t1;last_t2;last_t3;last_reading_date

`last_*` may be empty (a new meter); the date is ДД.ММ.ГГГГ or ГГГГ-ММ-ДД. An import is all or
nothing: every bad row is reported with its line number and nothing is stored."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Account, Meter
from .services import ACCOUNT_RE, METER_RE

COLUMNS = [
    "account_number",
    "meter_number",
    "zones",
    "decimals",
    "last_t1",
    "last_t2",
    "last_t3",
    "last_reading_date",
]


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    accounts_created: int = 0
    meters_created: int = 0
    meters_updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Row:
    account_number: str
    meter_number: str
    zones: int
    decimals: int
    last: tuple[Decimal | None, Decimal | None, Decimal | None]
    last_reading_date: dt.date | None


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("date %(value)s is not ДД.ММ.ГГГГ") % {"value": text})


def parse_row(values: dict[str, str]) -> tuple[Row | None, list[str]]:
    """One CSV row → a Row, or the problems with it."""
    problems: list[str] = []
    get = {name: (values.get(name) or "").strip() for name in COLUMNS}
    if not ACCOUNT_RE.match(get["account_number"]):
        problems.append(_("account number must be 5 to 20 digits"))
    if not METER_RE.match(get["meter_number"]):
        problems.append(_("meter number must be letters, digits and hyphens"))
    zones = decimals = 0
    try:
        zones = int(get["zones"])
        if not 1 <= zones <= 3:
            raise ValueError
    except ValueError:
        problems.append(_("zones must be 1, 2 or 3"))
    try:
        decimals = int(get["decimals"] or "0")
        if not 0 <= decimals <= 3:
            raise ValueError
    except ValueError:
        problems.append(_("decimals must be 0 to 3"))
    last: list[Decimal | None] = []
    for index, name in enumerate(("last_t1", "last_t2", "last_t3")):
        text = get[name].replace(",", ".")
        if not text:
            last.append(None)
            continue
        try:
            value = Decimal(text)
            if value < 0 or not value.is_finite() or value >= Decimal(10) ** 9:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(_("%(column)s is not a reading") % {"column": name})
            last.append(None)
            continue
        if zones and index >= zones:
            problems.append(
                _("%(column)s is given for a meter with %(zones)d zones")
                % {"column": name, "zones": zones}
            )
        last.append(value)
    try:
        date = _date(get["last_reading_date"])
    except ValueError as error:
        problems.append(str(error))
        date = None
    if any(value is not None for value in last) and date is None and not problems:
        problems.append(_("last_reading_date is required with a last reading"))
    if problems:
        return None, problems
    return (
        Row(
            account_number=get["account_number"],
            meter_number=get["meter_number"],
            zones=zones,
            decimals=decimals,
            last=(last[0], last[1], last[2]),
            last_reading_date=date,
        ),
        [],
    )


def parse_csv(text: str) -> tuple[list[Row], list[str]]:
    """All rows, or the errors with their line numbers (the header is line 1)."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        return [], [_("Line 1: the header lacks %(columns)s.") % {"columns": ", ".join(missing)}]
    reader.fieldnames = header
    rows: list[Row] = []
    errors: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for values in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in values.values() if isinstance(value, str)):
            continue
        if None in values:
            errors.append(_("Line %(line)d: too many columns.") % {"line": line})
            continue
        row, problems = parse_row(values)
        if row is not None:
            key = (row.account_number, row.meter_number)
            if key in seen:
                problems = [_("the meter is already on line %(line)d") % {"line": seen[key]}]
            else:
                seen[key] = line
        if problems:
            errors.append(
                _("Line %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
        elif row is not None:
            rows.append(row)
    if not rows and not errors:
        errors.append(_("The file has no rows."))
    return rows, errors


def import_registry(text: str) -> ImportResult:
    """Creates or updates the accounts and meters of the file in one transaction; with any
    bad row nothing is stored."""
    rows, errors = parse_csv(text)
    result = ImportResult(errors=errors)
    if errors:
        return result
    with transaction.atomic():
        accounts = {
            a.number: a for a in Account.objects.filter(number__in={r.account_number for r in rows})
        }
        for number in {r.account_number for r in rows} - accounts.keys():
            accounts[number] = Account.objects.create(number=number)
            result.accounts_created += 1
        meters = {
            (m.account_id, m.number): m for m in Meter.objects.filter(account__in=accounts.values())
        }
        for row in rows:
            account = accounts[row.account_number]
            values = {
                "zones": row.zones,
                "decimals": row.decimals,
                "last_t1": row.last[0],
                "last_t2": row.last[1],
                "last_t3": row.last[2],
                "last_reading_date": row.last_reading_date,
            }
            meter = meters.get((account.pk, row.meter_number))
            if meter is None:
                Meter.objects.create(account=account, number=row.meter_number, **values)
                result.meters_created += 1
            else:
                for name, value in values.items():
                    setattr(meter, name, value)
                meter.save()
                result.meters_updated += 1
    return result
