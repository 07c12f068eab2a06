"""Demo records of the disclosure pages: service centres with their hours, payment points,
grid companies, outage and meter-visit notices. Idempotent: found by natural keys."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from . import services
from .models import (
    GridCompany,
    MeterVisitNotice,
    OutageNotice,
    PaymentPoint,
    ServiceCentre,
    ServiceCentreHours,
)


def weekdays(opens: str, closes: str, break_from: str = "", break_to: str = "", days=range(5)):
    return [
        ServiceCentreHours(
            weekday=day,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
            break_starts=time.fromisoformat(break_from) if break_from else None,
            break_ends=time.fromisoformat(break_to) if break_to else None,
        )
        for day in days
    ]


def standard_hours(break_from="12:30", break_to="13:15"):
    return weekdays("08:30", "17:30", break_from, break_to, range(4)) + weekdays(
        "08:30", "16:15", break_from, break_to, [4]
    )


CENTRES = [
    # name, locality, address, lat, lon, phones, saturday
    (
        "ЦОК «Басманный»",
        "Москва",
        "ул. Ольховская, д. 27, стр. 3",
        "55.7734",
        "37.6727",
        "+7 495 926-99-00",
        True,
    ),
    (
        "ЦОК «Тушино»",
        "Москва",
        "ул. Свободы, д. 35",
        "55.8461",
        "37.4385",
        "+7 495 926-99-01",
        False,
    ),
    (
        "ЦОК «Бирюлёво»",
        "Москва",
        "Липецкая ул., д. 10",
        "55.5946",
        "37.6625",
        "+7 495 926-99-02",
        False,
    ),
    (
        "ЦОК «Подольск»",
        "Подольск",
        "ул. Кирова, д. 34",
        "55.4311",
        "37.5444",
        "+7 4967 55-10-20",
        True,
    ),
    (
        "ЦОК «Химки»",
        "Химки",
        "Юбилейный пр-т, д. 1",
        "55.8887",
        "37.4304",
        "+7 495 572-33-44",
        False,
    ),
    (
        "ЦОК «Балашиха»",
        "Балашиха",
        "ш. Энтузиастов, д. 7",
        "55.7963",
        "37.9382",
        "+7 495 521-00-11",
        False,
    ),
    (
        "ЦОК «Коломна»",
        "Коломна",
        "ул. Октябрьской Революции, д. 310",
        "55.0794",
        "38.7783",
        "+7 496 615-22-33",
        False,
    ),
    (
        "ЦОК «Серпухов»",
        "Серпухов",
        "ул. Ворошилова, д. 58",
        "54.9139",
        "37.4111",
        "+7 4967 35-40-50",
        False,
    ),
    ("ЦОК «Клин»", "Клин", "ул. Гагарина, д. 12", "56.3314", "36.7281", "+7 496 242-11-00", False),
    (
        "ЦОК «Дмитров»",
        "Дмитров",
        "ул. Загорская, д. 9",
        "56.3447",
        "37.5204",
        "+7 496 227-30-40",
        True,
    ),
]


def ensure_centres() -> None:
    for order, (name, locality, address, lat, lon, phone, saturday) in enumerate(CENTRES):
        if ServiceCentre.objects.filter(name=name).exists():
            continue
        hours = standard_hours()
        if saturday:
            hours += weekdays("09:00", "14:00", days=[5])
        reception = weekdays("09:00", "17:00", "12:30", "13:15", range(4))
        for row in reception:
            row.kind = ServiceCentreHours.RECEPTION
        centre = ServiceCentre(
            name=name,
            locality=locality,
            address=address,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            phones=f"{phone}, 8 800 333-00-22",
            email="info@ruses.ru",
            services="Заключение и изменение договоров\nПриём показаний\nОплата без комиссии\n"
            "Приём обращений и жалоб\nВыдача справок и актов сверки",
            accessible=order % 3 != 2,
            accessibility_notes="пандус, кнопка вызова персонала" if order % 3 != 2 else "",
            sort_order=order,
            hours=hours + reception,
        )
        centre.save()
        centre.save_revision().publish()
    remote = "Горячая линия (заочное обслуживание)"
    if not ServiceCentre.objects.filter(name=remote).exists():
        centre = ServiceCentre(
            name=remote,
            kind=ServiceCentre.REMOTE,
            locality="Москва",
            phones="8 800 333-00-22",
            email="info@ruses.ru",
            services="Консультации\nПриём показаний\nПриём обращений",
            accessible=True,
            sort_order=100,
            hours=weekdays("00:00", "23:59", days=range(7)),
        )
        centre.save()
        centre.save_revision().publish()


PARTNERS = [
    ("ПАО Сбербанк", PaymentPoint.BANK, "0.00", "Пн–Пт 9:00–19:00, Сб 10:00–16:00"),
    ("АО «Почта России»", PaymentPoint.POST, "1.50", "Пн–Пт 8:00–20:00, Сб 9:00–18:00"),
    ("Терминал «Элекснет»", PaymentPoint.TERMINAL, "1.00", "круглосуточно"),
]
PARTNER_ADDRESSES = {
    "Москва": ["ул. Бауманская, д. 11", "ул. Тверская, д. 22"],
    "Подольск": ["пр-т Ленина, д. 107"],
    "Химки": ["Ленинградская ул., д. 4"],
    "Балашиха": ["пр-т Ленина, д. 32"],
    "Коломна": ["ул. Ленина, д. 45"],
    "Серпухов": ["ул. Советская, д. 88"],
}
ONLINE = [
    ("Личный кабинет клиента", "https://lk.ruses.ru/", "0.00"),
    ("Сбербанк Онлайн", "https://online.sberbank.ru/", "0.00"),
    ("Система быстрых платежей", "https://sbp.nspk.ru/", "0.00"),
]


def payment_points() -> list[dict]:
    rows = []
    for name, locality, address, lat, lon, _phone, _saturday in CENTRES:
        rows.append(
            {
                "name": name,
                "kind": PaymentPoint.OFFICE,
                "locality": locality,
                "address": address,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "commission": Decimal("0"),
                "hours": "Пн–Чт 8:30–17:30, Пт 8:30–16:15",
            }
        )
    for locality, addresses in PARTNER_ADDRESSES.items():
        for number, address in enumerate(addresses):
            for name, kind, commission, hours in PARTNERS:
                if number and kind == PaymentPoint.POST:
                    continue
                rows.append(
                    {
                        "name": name,
                        "kind": kind,
                        "locality": locality,
                        "address": address,
                        "commission": Decimal(commission),
                        "hours": hours,
                    }
                )
    for name, url, commission in ONLINE:
        rows.append(
            {
                "name": name,
                "kind": PaymentPoint.ONLINE,
                "locality": "Онлайн",
                "url": url,
                "commission": Decimal(commission),
                "hours": "круглосуточно",
            }
        )
    return rows


def ensure_payment_points() -> None:
    for row in payment_points():
        key = {"name": row["name"], "locality": row["locality"], "address": row.get("address", "")}
        if PaymentPoint.objects.filter(**key).exists():
            continue
        point = PaymentPoint(**row)
        point.full_clean()
        point.save()
        point.save_revision().publish()


GRID_COMPANIES = [
    (
        "ПАО «Россети Московский регион»",
        "Москва и Московская область, кроме зон других сетевых организаций",
        "8 800 220-02-20",
        "https://rossetimr.ru/",
        "Москва, 2-й Павелецкий пр-д, д. 3, стр. 2",
    ),
    (
        "АО «Мособлэнерго»",
        "Подольск, Химки, Балашиха, Серпухов, Клин",
        "8 800 700-40-70",
        "https://mosoblenergo.ru/",
        "Москва, ул. Садовническая, д. 14, стр. 2",
    ),
    (
        "АО «Оборонэнерго»",
        "Военные городки и объекты Минобороны России в Московской области",
        "8 800 737-12-34",
        "https://oboronenergo.su/",
        "Москва, ул. Новая Басманная, д. 19",
    ),
    (
        "«Трансэнерго» — филиал ОАО «РЖД»",
        "Посёлки при железнодорожных станциях",
        "8 800 775-00-00",
        "https://transenergo.rzd.ru/",
        "Москва, ул. Новая Басманная, д. 2",
    ),
    (
        "АО «Коломенская электросеть»",
        "Коломна и Коломенский городской округ",
        "+7 496 612-05-05",
        "",
        "Коломна, ул. Уманская, д. 18",
    ),
]


def ensure_grid_companies() -> None:
    for name, area, phone, website, address in GRID_COMPANIES:
        if GridCompany.objects.filter(name=name).exists():
            continue
        company = GridCompany(
            name=name, area_served=area, dispatcher_phone=phone, website=website, address=address
        )
        company.full_clean()
        company.save()
        company.save_revision().publish()


def moscow(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def ensure_notices() -> None:
    """Outage notices dated relative to the day of the first load: upcoming, current, past.
    Each is published with the lead time the standard requires."""
    today = timezone.localdate()
    common = {
        "organisation": "ПАО «Россети Московский регион»",
        "responsible_position": "Начальник района электрических сетей",
        "contact_phone": "8 800 220-02-20",
    }
    notices = [
        # localities, work, reason, start offset (days), hours, audience, published offset
        (
            "Подольск, мкр. Кутузово",
            "Замена опор ВЛ-0,4 кВ",
            "Плановый ремонт",
            7,
            8,
            OutageNotice.ALL,
            0,
            "Смирнов Павел Андреевич",
        ),
        (
            "Химки, ул. Молодёжная",
            "Ремонт трансформаторной подстанции ТП-214",
            "Плановое техническое обслуживание",
            2,
            6,
            OutageNotice.HOUSEHOLDS,
            0,
            "Кузнецова Ирина Викторовна",
        ),
        (
            "Балашиха, ул. Советская",
            "Перекладка кабельной линии 10 кВ",
            "Реконструкция сети",
            0,
            30,
            OutageNotice.ALL,
            -40,
            "Орлов Денис Сергеевич",
        ),
        (
            "Коломна, ул. Гагарина",
            "Замена вводного кабеля",
            "Износ оборудования",
            -45,
            6,
            OutageNotice.ALL,
            -90,
            "Белов Артём Игоревич",
        ),
        (
            "Клин, ул. Литейная",
            "Обрезка деревьев в охранной зоне ВЛ-10 кВ",
            "Плановые работы",
            -20,
            4,
            OutageNotice.HOUSEHOLDS,
            -40,
            "Фролова Анна Олеговна",
        ),
    ]
    for locality, work, reason, offset, hours, audience, published, name in notices:
        if OutageNotice.objects.filter(localities=locality, work_type=work).exists():
            continue
        if published == 0:  # announced today: some days past the earliest lawful start
            day = services.earliest_outage_start(today, audience) + timedelta(days=offset)
            starts = moscow(day, 9)
        else:  # under way now (offset 0) or over
            starts = moscow(today + timedelta(days=offset), 9) - timedelta(hours=3 * (offset == 0))
        notice = OutageNotice(
            **common,
            localities=locality,
            streets="дома 1–25",
            work_type=work,
            reason=reason,
            starts_at=starts,
            ends_at=starts + timedelta(hours=hours),
            audience=audience,
            responsible_name=name,
            first_published_at=moscow(today + timedelta(days=published), 8),
        )
        notice.full_clean()
        notice.save()
        notice.save_revision().publish()
    visit = ("Москва, Басманный район", "Ольховская ул., Бауманская ул.")
    if not MeterVisitNotice.objects.filter(localities=visit[0]).exists():
        notice = MeterVisitNotice(
            organisation="ООО «РУСЭНЕРГОСБЫТ»",
            work_type="Контрольное снятие показаний приборов учёта",
            localities=visit[0],
            streets=visit[1],
            visit_on=today + timedelta(days=14),
            time_from=time(10),
            time_to=time(16),
            responsible_position="Инспектор отдела учёта",
            responsible_name="Васильев Игорь Николаевич",
            contact_phone="+7 495 926-99-00",
        )
        notice.full_clean()
        notice.save()
        notice.save_revision().publish()
