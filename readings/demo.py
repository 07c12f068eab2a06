"""Demo registry: a few accounts and meters as the billing system would send them.
Idempotent: existing accounts and meters are left as they are."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from .models import Account, Meter

# account, meter, zones, decimals, last readings (T1, T2, T3), date of the last reading
REGISTRY = [
    ("1000000001", "12345678", 2, 0, ("10000", "5000", None), dt.date(2026, 10, 25)),
    ("1000000002", "87654321", 1, 0, ("4321", None, None), dt.date(2026, 10, 24)),
    ("1000000003", "55500011", 3, 0, ("2100", "1500", "3200"), dt.date(2026, 10, 23)),
    ("1000000003", "55500012", 1, 1, ("812.5", None, None), dt.date(2026, 10, 23)),
    ("1000000004", "31415926", 1, 0, (None, None, None), None),
]


@transaction.atomic
def load(home=None) -> None:
    for account_number, meter_number, zones, decimals, last, date in REGISTRY:
        account, _ = Account.objects.get_or_create(number=account_number)
        t1, t2, t3 = (Decimal(value) if value else None for value in last)
        Meter.objects.get_or_create(
            account=account,
            number=meter_number,
            defaults={
                "zones": zones,
                "decimals": decimals,
                "last_t1": t1,
                "last_t2": t2,
                "last_t3": t3,
                "last_reading_date": date,
            },
        )
