"""Demo field values of the disclosure pages, used by the PageSpecs in `home/demo.py`.
Plain data only (no import of home.demo), so home.demo can import it."""

from datetime import date
from decimal import Decimal

from wagtail.rich_text import RichText

from .models import AdditionalService, ConsumptionNorm


def rich(*paragraphs: str) -> RichText:
    return RichText("".join(f"<p>{text}</p>" for text in paragraphs))


def steps(title: str, *items: tuple[str, str, str]) -> tuple[str, dict]:
    return (
        "steps",
        {
            "title": title,
            "steps": [
                {"title": name, "text": rich(text) if text else RichText(""), "deadline": term}
                for name, text, term in items
            ],
        },
    )


def deadlines(title: str, source: str, *rows: tuple[str, str, str]) -> tuple[str, dict]:
    return (
        "deadlines",
        {
            "title": title,
            "source": source,
            "rows": [
                {"action": action, "deadline": term, "applies_to": who}
                for action, term, who in rows
            ],
        },
    )


def checklist(title: str, *items: str) -> tuple[str, dict]:
    return ("checklist", {"title": title, "items": list(items)})


def callout(title: str, text: str, tone: str = "info") -> tuple[str, dict]:
    return ("callout", {"tone": tone, "title": title, "text": rich(text)})


def paragraph(text: str) -> tuple[str, RichText]:
    return ("paragraph", rich(text))


# --- Contracts (§6.2 items 1–3, §7 table 1) -------------------------------------------------

CONTRACTS = {
    "lead": (
        "Документы для заключения договора энергоснабжения, порядок и сроки его заключения, "
        "основные условия и типовые формы договоров для каждой категории клиентов."
    ),
    "categories": [
        (
            "category",
            {
                "category": "households",
                "documents": [
                    "Заявление о заключении договора энергоснабжения",
                    "Паспорт гражданина Российской Федерации",
                    "Документ, подтверждающий право собственности или пользования помещением",
                    "Акт об осуществлении технологического присоединения (при наличии)",
                    "Документы о приборе учёта: паспорт, акт допуска в эксплуатацию",
                ],
                "terms": rich(
                    "Договор публичный и бессрочный. Оплата — до 10-го числа месяца, "
                    "следующего за расчётным. Объём определяется по показаниям прибора учёта, "
                    "при его отсутствии — по нормативу потребления.",
                ),
            },
        ),
        (
            "category",
            {
                "category": "businesses",
                "documents": [
                    "Заявление о заключении договора на бланке организации",
                    "Выписка из ЕГРЮЛ или ЕГРИП",
                    "Документ, подтверждающий полномочия подписанта",
                    "Документ о праве собственности или владения энергопринимающими устройствами",
                    "Акт об осуществлении технологического присоединения",
                    "Документы о приборах учёта и однолинейная схема",
                ],
                "terms": rich(
                    "Договор заключается на срок, указанный в заявлении, с пролонгацией. "
                    "Оплата: 30 % стоимости до 10-го числа, 40 % до 25-го числа расчётного "
                    "месяца, окончательный расчёт до 18-го числа следующего месяца. Цена — "
                    "по ценовой категории, выбранной клиентом.",
                ),
            },
        ),
        (
            "category",
            {
                "category": "management",
                "documents": [
                    "Заявление о заключении договора",
                    "Учредительные документы и выписка из ЕГРЮЛ",
                    "Договор управления многоквартирным домом или протокол общего собрания",
                    "Документы о коллективных (общедомовых) приборах учёта",
                    "Реестр помещений многоквартирного дома",
                ],
                "terms": rich(
                    "Договор заключается на срок не меньший и не больший, чем срок действия "
                    "договора управления многоквартирным домом, а с ТСЖ (ЖСК) — не менее "
                    "чем на три года (раздел 7, таблица 1, п. 1.5 Стандарта).",
                ),
            },
        ),
    ],
    "procedure": [
        steps(
            "Как заключить договор",
            (
                "Подайте заявление с документами",
                "В центре обслуживания, почтой или через виртуальную приёмную.",
                "в течение рабочего времени",
            ),
            (
                "Получите уведомление",
                "О возможности заключения договора или о недостающих документах.",
                "в течение 5 дней с момента получения заявления",
            ),
            (
                "Получите подписанный договор",
                "Договор с приложениями выдаётся в центре обслуживания или направляется почтой.",
                "30 дней (юридические лица), 10 рабочих дней (физические лица)",
            ),
        ),
        deadlines(
            "Сроки заключения договора",
            "Стандарт, раздел 7, таблица 1",
            ("Приём письменного заявления с документами", "в течение рабочего времени", ""),
            (
                "Уведомление о возможности заключения договора или о недостающих документах",
                "5 дней с момента получения заявления",
                "все клиенты",
            ),
            (
                "Предоставление подписанного договора с приложениями",
                "30 дней с момента получения заявления",
                "юридические лица",
            ),
            (
                "Предоставление подписанного договора с приложениями",
                "10 рабочих дней с момента получения заявления",
                "физические лица",
            ),
            (
                "Уведомление об обоснованном отказе с указанием причин",
                "5 дней с момента получения заявления",
                "все клиенты",
            ),
        ),
    ],
}

CONTRACTS_EN = {
    "lead": "Documents, procedure and deadlines, main terms and standard contract forms.",
    "categories": [
        (
            "category",
            {
                "category": "households",
                "documents": [
                    "Application for a supply contract",
                    "Passport",
                    "Title deed or lease of the premises",
                    "Meter documents: data sheet, commissioning certificate",
                ],
                "terms": rich(
                    "A public contract without a term. Pay by the 10th of the following month. "
                    "Consumption is metered, or billed by the norm without a working meter."
                ),
            },
        ),
        (
            "category",
            {
                "category": "businesses",
                "documents": [
                    "Application on the company's letterhead",
                    "Extract from the state register of legal entities",
                    "Signatory's power of attorney",
                    "Grid connection certificate",
                    "Meter documents and a single-line diagram",
                ],
                "terms": rich(
                    "30 % by the 10th and 40 % by the 25th of the month, the balance by the "
                    "18th of the following month."
                ),
            },
        ),
        (
            "category",
            {
                "category": "management",
                "documents": [
                    "Application for a supply contract",
                    "Articles and register extract",
                    "Building management contract or minutes of the owners' meeting",
                    "Documents of the building's common meters",
                ],
                "terms": rich(
                    "The contract runs for the term of the management contract; with a "
                    "homeowners' association, for at least three years."
                ),
            },
        ),
    ],
    "procedure": [
        deadlines(
            "Deadlines",
            "The standard, section 7, table 1",
            ("Notice of acceptance or of missing documents", "5 days", "all customers"),
            ("Signed contract", "30 days", "legal entities"),
            ("Signed contract", "10 working days", "households"),
        )
    ],
}

# --- Payment (§6.2 items 5, 9) --------------------------------------------------------------

PAYMENT = {
    "lead": "Порядок и сроки оплаты электроэнергии, пункты приёма платежей.",
    "body": [
        paragraph(
            "Клиентам выставляются счета, которые доставляются по почте либо распечатываются "
            "самостоятельно в личном кабинете клиента на сайте."
        ),
        deadlines(
            "Сроки оплаты",
            "Договор энергоснабжения",
            ("Оплата за расчётный месяц", "до 10-го числа следующего месяца", "физические лица"),
            (
                "Первый промежуточный платёж (30 %)",
                "до 10-го числа расчётного месяца",
                "юридические лица",
            ),
            (
                "Второй промежуточный платёж (40 %)",
                "до 25-го числа расчётного месяца",
                "юридические лица",
            ),
            ("Окончательный расчёт", "до 18-го числа следующего месяца", "юридические лица"),
        ),
        steps(
            "Как оплатить",
            ("Возьмите счёт или номер лицевого счёта", "", ""),
            (
                "Выберите пункт приёма платежей",
                "Список с фильтром по населённому пункту — ниже.",
                "",
            ),
            ("Сохраните квитанцию", "Она подтверждает оплату при сверке расчётов.", ""),
        ),
        callout(
            "Без комиссии",
            "В центрах обслуживания клиентов ООО «РУСЭНЕРГОСБЫТ» оплата принимается без "
            "комиссии. Партнёры могут взимать комиссию — её размер указан в списке.",
        ),
    ],
}
PAYMENT_EN = {
    "lead": "How and when to pay, and where.",
    "body": [paragraph("Pay at our offices without commission or at partner payment points.")],
}

# --- Restriction for non-payment (§6.2 item 7) ----------------------------------------------

RESTRICTION = {
    "lead": "Последствия неоплаты: полное или частичное ограничение режима потребления.",
    "body": [
        steps(
            "Как вводится ограничение",
            (
                "Уведомление клиента",
                "Уведомление направляется в счёте, по почте, SMS или электронной почтой.",
                "не менее чем за 20 дней до ограничения (физические лица)",
            ),
            ("Частичное ограничение", "Для юридических лиц — до уровня технологической брони.", ""),
            ("Полное ограничение", "Если задолженность не погашена.", ""),
            (
                "Возобновление подачи",
                "После погашения задолженности и оплаты расходов на ограничение.",
                "в течение 24 часов после оплаты",
            ),
        ),
        callout(
            "Как избежать ограничения",
            "Оплачивайте счета вовремя. При временных трудностях обратитесь в центр "
            "обслуживания: возможно заключение соглашения о погашении задолженности.",
            tone="warning",
        ),
    ],
}
RESTRICTION_EN = {
    "lead": "What happens when bills are not paid.",
    "body": [paragraph("Supply may be restricted after a notice if the debt is not paid.")],
}

# --- Appeals (§6.2 items 10, 14; §10.1 e-mail) ----------------------------------------------

APPEALS = {
    "lead": "Как подать обращение, претензию или жалобу и узнать размер задолженности.",
    "body": [
        checklist(
            "Способы подачи обращения",
            "Виртуальная приёмная на сайте",
            "Электронная почта info@ruses.ru",
            "Почтой по адресу Общества",
            "Лично в центре обслуживания клиентов",
            "По телефону горячей линии",
        ),
        deadlines(
            "Сроки ответа",
            "Стандарт, разделы 7 и 9",
            ("Ответ на письменное обращение или жалобу", "15 календарных дней", ""),
            ("Продление после промежуточного ответа", "не более 15 календарных дней", ""),
            ("Ответ на претензию по договору", "в срок, установленный договором", ""),
        ),
        callout(
            "Обязательно укажите контакты",
            "Обращение без фамилии и почтового адреса или адреса электронной почты для ответа "
            "не рассматривается.",
            tone="warning",
        ),
        callout(
            "Размер задолженности",
            "Размер задолженности указывается в счёте и сообщается по запросу клиента: "
            "в виртуальной приёмной, по телефону или в центре обслуживания.",
        ),
    ],
}
APPEALS_EN = {
    "lead": "How to file appeals, claims and complaints, and how to learn your debt.",
    "body": [paragraph("We answer within 15 calendar days.")],
}

# --- Consumption norms (§10.1) --------------------------------------------------------------

NORM_ROWS = [
    ("Многоквартирный дом с газовыми плитами", rooms, residents, kwh)
    for rooms, residents, kwh in [
        (1, 1, "98"),
        (1, 2, "61"),
        (1, 3, "47"),
        (1, 4, "38"),
        (1, 5, "33"),
        (2, 1, "126"),
        (2, 2, "78"),
        (2, 3, "61"),
        (2, 4, "49"),
        (2, 5, "43"),
        (3, 1, "143"),
        (3, 2, "89"),
        (3, 3, "69"),
        (3, 4, "56"),
        (3, 5, "49"),
    ]
] + [
    ("Многоквартирный дом с электроплитами", rooms, residents, kwh)
    for rooms, residents, kwh in [
        (1, 1, "133"),
        (1, 2, "83"),
        (1, 3, "64"),
        (1, 4, "52"),
        (1, 5, "45"),
        (2, 1, "161"),
        (2, 2, "100"),
        (2, 3, "77"),
        (2, 4, "63"),
        (2, 5, "55"),
    ]
]


def norms(rows=NORM_ROWS, housing_en: dict[str, str] | None = None) -> list[ConsumptionNorm]:
    housing_en = housing_en or {}
    return [
        ConsumptionNorm(
            housing_type=housing_en.get(housing, housing),
            rooms=rooms,
            residents=residents,
            kwh_per_person=Decimal(kwh),
        )
        for housing, rooms, residents, kwh in rows
    ]


CONSUMPTION_NORMS = {
    "lead": (
        "Норматив применяется, когда прибор учёта отсутствует, неисправен или показания не "
        "переданы дольше установленного срока."
    ),
    "region": "Москва и Московская область",
    "effective_from": date(2025, 7, 1),
    "legal_basis": "Распоряжение Министерства энергетики Московской области от 22.05.2017 № 149-Р",
}
CONSUMPTION_NORMS_EN = {
    "lead": "The norm applies when there is no working meter.",
    "region": "Moscow and the Moscow region",
}
HOUSING_EN = {
    "Многоквартирный дом с газовыми плитами": "Apartment building with gas stoves",
    "Многоквартирный дом с электроплитами": "Apartment building with electric stoves",
}

# --- Additional services (§6.2 item 12) -----------------------------------------------------

SERVICE_ROWS = [
    ("Замена прибора учёта", "Поставка и установка однофазного счётчика.", "4500", "с НДС"),
    ("Поверка прибора учёта", "Организация поверки в аккредитованной лаборатории.", "1800", ""),
    (
        "Выезд специалиста",
        "Консультация на месте, снятие контрольных показаний.",
        "1200",
        "за выезд",
    ),
    ("Опломбирование прибора учёта", "После ремонта или замены.", "900", ""),
    ("Акт сверки расчётов по запросу", "Подготовка и направление акта сверки.", None, ""),
    ("Перенос прибора учёта", "По техническим условиям сетевой организации.", "3200", "от"),
]
HOW_TO_ORDER = "Заявление в центре обслуживания или в виртуальной приёмной"


def services(rows=SERVICE_ROWS, how_to_order=HOW_TO_ORDER) -> list[AdditionalService]:
    return [
        AdditionalService(
            name=name,
            description=description,
            price=Decimal(price) if price else None,
            price_note=note,
            how_to_order=how_to_order,
        )
        for name, description, price, note in rows
    ]


ADDITIONAL_SERVICES = {
    "lead": "Платные услуги, которые Общество оказывает по заявлению клиента.",
    "how_to_order": rich(
        "Заявку можно подать в любом центре обслуживания или в виртуальной приёмной. Оплата — "
        "по счёту, выставленному после согласования даты."
    ),
}
ADDITIONAL_SERVICES_EN = {
    "lead": "Paid services on a customer's request.",
    "how_to_order": rich("Apply at any service centre or in the virtual reception."),
}

# --- Service centres, grid companies, outages -----------------------------------------------

CONTACTS = {
    "lead": "Адреса, телефоны и режим работы центров очного и заочного обслуживания клиентов.",
    "body": [
        callout(
            "Заочное обслуживание",
            "Горячая линия 8 800 333-00-22 работает круглосуточно; обращения по электронной "
            "почте info@ruses.ru рассматриваются в течение 15 календарных дней.",
        )
    ],
}
CONTACTS_EN = {
    "lead": "Addresses, phones and hours of our service centres.",
    "body": [],
}
GRID_COMPANIES = {
    "intro": (
        "<p>Об отключении электроэнергии, авариях и низком качестве напряжения сообщайте "
        "диспетчеру сетевой организации, обслуживающей ваш район.</p>"
    )
}
GRID_COMPANIES_EN = {"intro": "<p>Report outages to the grid company of your area.</p>"}
OUTAGES = {
    "intro": (
        "<p>О плановом отключении гражданам-потребителям сообщается не менее чем за 10 "
        "рабочих дней, юридическим лицам — не менее чем за месяц. Об аварии сообщайте "
        "диспетчеру сетевой организации.</p>"
    )
}
OUTAGES_EN = {
    "intro": (
        "<p>Households are notified at least 10 working days ahead, businesses at least a "
        "month ahead.</p>"
    )
}
