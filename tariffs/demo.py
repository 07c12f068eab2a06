"""Demo tariffs: two regions, three customer categories, every metering option, each with an
archived period, the one in force and an announced change, plus the moderation workflow and
the editors' and approvers' groups. Dates are relative to the day the demo is loaded:
the current period started on 1 January, the change comes on the 1st of the month after next.

Idempotent: groups and the workflow are found by name; the periods are created only while
there are none, so a second run (even a year later) changes nothing."""

from dataclasses import dataclass
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)

from home.models import HomePage

from . import calculator, zones
from .models import (
    PriceComponent,
    TariffPeriod,
    TariffRate,
    TariffRegion,
    ZoneHours,
)
from .models.records import CustomerCategory, PriceComponentKind

EDITORS = "Редакторы тарифов"
APPROVERS = "Утверждающие тарифы"
WORKFLOW = "Утверждение тарифов"
TASK = "Проверка и утверждение тарифа"

REGIONS = [
    ("moscow", "Москва", "Moscow", "Департамент экономической политики и развития города Москвы"),
    (
        "moscow-oblast",
        "Московская область",
        "Moscow Oblast",
        "Комитет по ценам и тарифам Московской области",
    ),
]
# The single-rate price in force now, ₽/kWh incl. VAT, by region and category.
CURRENT_PRICE = {
    ("moscow", CustomerCategory.URBAN_GAS): Decimal("9.23"),
    ("moscow", CustomerCategory.URBAN_ELECTRIC): Decimal("7.96"),
    ("moscow", CustomerCategory.RURAL): Decimal("7.96"),
    ("moscow-oblast", CustomerCategory.URBAN_GAS): Decimal("8.14"),
    ("moscow-oblast", CustomerCategory.URBAN_ELECTRIC): Decimal("5.70"),
    ("moscow-oblast", CustomerCategory.RURAL): Decimal("5.70"),
}
# Zone prices as multiples of the single-rate price.
ZONE_FACTORS = {
    zones.SINGLE: {zones.ALL_DAY: Decimal(1)},
    zones.TWO_ZONE: {zones.DAY: Decimal("1.15"), zones.NIGHT: Decimal("0.40")},
    zones.THREE_ZONE: {
        zones.PEAK: Decimal("1.25"),
        zones.SEMI_PEAK: Decimal(1),
        zones.NIGHT: Decimal("0.40"),
    },
}
ZONE_HOURS = {
    zones.SINGLE: [],
    zones.TWO_ZONE: [(zones.DAY, 7, 23), (zones.NIGHT, 23, 7)],
    zones.THREE_ZONE: [
        (zones.PEAK, 7, 10),
        (zones.PEAK, 17, 21),
        (zones.SEMI_PEAK, 10, 17),
        (zones.SEMI_PEAK, 21, 23),
        (zones.NIGHT, 23, 7),
    ],
}
# Moscow Oblast bills consumption over 3,900 kWh a month at a higher rate (from this year).
BAND_LIMIT = Decimal(3900)
BAND_FACTOR = Decimal("1.40")


@dataclass
class Decision:
    valid_from: date
    valid_to: date | None
    factor: Decimal  # of the current price
    number: str
    decided: date
    bands: bool


def _money(value: Decimal) -> Decimal:
    return value.quantize(calculator.KOPECK, rounding=ROUND_HALF_UP)


def _first_of_month_after_next(today: date) -> date:
    month = today.month + 2
    return date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def decisions(region: str, today: date) -> list[Decision]:
    number = 245 if region == "moscow" else 312
    this_year = date(today.year, 1, 1)
    announced = _first_of_month_after_next(today)
    banded = region == "moscow-oblast"
    return [
        Decision(
            date(today.year - 1, 1, 1),
            date(today.year - 1, 12, 31),
            Decimal("0.90"),
            f"{number - 40}-ТР",
            date(today.year - 2, 12, 15),
            False,
        ),
        Decision(this_year, None, Decimal(1), f"{number}-ТР", date(today.year - 1, 12, 16), banded),
        Decision(
            announced,
            None,
            Decimal("1.119"),
            f"{number + 61}-ТР",
            date.fromordinal(min(today, announced).toordinal() - 14),
            banded,
        ),
    ]


def ensure_moderation() -> Workflow:
    """The groups of tariff editors and approvers and the workflow that tariff periods go
    through: editors submit, approvers publish."""
    period_type = ContentType.objects.get_for_model(TariffPeriod)
    region_type = ContentType.objects.get_for_model(TariffRegion)

    def perms(content_type: ContentType, *actions: str) -> list[Permission]:
        return list(
            Permission.objects.filter(
                content_type=content_type,
                codename__in=[f"{action}_{content_type.model}" for action in actions],
            )
        )

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        access_admin,
        *perms(period_type, "add", "change", "delete", "view"),
        *perms(region_type, "view"),
    )
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    approvers.permissions.add(
        access_admin,
        *perms(period_type, "add", "change", "delete", "view", "publish"),
        *perms(region_type, "add", "change", "view"),
    )
    root = Collection.get_first_root_node()
    document_type = ContentType.objects.get(app_label="wagtaildocs", model="document")
    for group in (editors, approvers):
        for permission in perms(document_type, "add", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
        task.groups.set([approvers])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.get_or_create(
        content_type=period_type, defaults={"workflow": workflow}
    )
    return workflow


def _document(region_name: str, regulator: str, decision: Decision):
    Document = get_document_model()
    title = f"Решение № {decision.number} от {decision.decided:%d.%m.%Y} ({region_name})"
    document = Document.objects.filter(title=title).first()
    if document is None:
        text = (
            f"{regulator}\nРешение № {decision.number} от {decision.decided:%d.%m.%Y}\n"
            f"Об установлении цен (тарифов) на электрическую энергию для населения "
            f"и приравненных к нему категорий потребителей ({region_name}) "
            f"с {decision.valid_from:%d.%m.%Y}.\n(Демонстрационный документ.)\n"
        )
        document = Document(title=title)
        document.file.save(f"tariff-decision-{decision.number}.txt", ContentFile(text.encode()))
        document.save()
    return document


def _period(
    region: TariffRegion, regulator: str, category: str, option: str, decision: Decision, document
) -> None:
    base = _money(CURRENT_PRICE[(region.slug, category)] * decision.factor)
    period = TariffPeriod(
        region=region,
        category=category,
        metering_option=option,
        valid_from=decision.valid_from,
        valid_to=decision.valid_to,
        regulator=regulator,
        decision_number=decision.number,
        decision_date=decision.decided,
        document=document,
    )
    for zone, factor in ZONE_FACTORS[option].items():
        price = _money(base * factor)
        if decision.bands:
            period.rates.add(TariffRate(zone=zone, band_up_to=BAND_LIMIT, price=price))
            period.rates.add(TariffRate(zone=zone, price=_money(price * BAND_FACTOR)))
        else:
            period.rates.add(TariffRate(zone=zone, price=price))
    for zone, start, end in ZONE_HOURS[option]:
        period.zone_hours.add(ZoneHours(zone=zone, start=time(start), end=time(end)))
    if option == zones.SINGLE:
        energy, grid, sales = (_money(base * Decimal(s)) for s in ("0.50", "0.40", "0.06"))
        for kind, amount in [
            (PriceComponentKind.ENERGY, energy),
            (PriceComponentKind.TRANSMISSION, grid),
            (PriceComponentKind.SALES, sales),
            (PriceComponentKind.INFRASTRUCTURE, base - energy - grid - sales),
        ]:
            period.components.add(PriceComponent(kind=kind, amount=amount))
    period.full_clean()
    now = timezone.now()
    period.first_published_at = period.last_published_at = now
    period.save()
    # Published as it is: its first revision is the live one. (A full publish() would save
    # everything twice more; the demo loads into every test database.)
    revision = period.save_revision(clean=False)
    TariffPeriod.objects.filter(pk=period.pk).update(
        live_revision=revision, has_unpublished_changes=False
    )


@transaction.atomic
def load(home: HomePage) -> None:
    ensure_moderation()
    regions = {}
    for order, (slug, name, name_en, _regulator) in enumerate(REGIONS):
        regions[slug], _ = TariffRegion.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    if TariffPeriod.objects.exists():
        return
    today = timezone.localdate()
    for slug, name, _name_en, regulator in REGIONS:
        for decision in decisions(slug, today):
            document = _document(name, regulator, decision)
            for category in (
                CustomerCategory.URBAN_GAS,
                CustomerCategory.URBAN_ELECTRIC,
                CustomerCategory.RURAL,
            ):
                for option in zones.OPTIONS:
                    _period(regions[slug], regulator, category, option, decision, document)
