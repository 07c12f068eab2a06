"""Demo content: the page tree behind every public URL, in Russian and English.

Idempotent: a page that already exists (found by its parent and slug) is left as editors made
it, so a second run changes nothing. Other apps describe their pages with the same PageSpec.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from faq import demo as faq_demo
from faq.models import FAQPage
from readings.models import MeterReadingsPage
from tariffs.models import TariffsPage

from .models import HomePage, SectionPage, SiteSettings, StandardPage


@dataclass
class PageSpec:
    slug: str
    model: type[Page]
    title: str
    title_en: str
    fields: dict[str, Any] = field(default_factory=dict)
    # English values of the fields that differ; untranslated fields are copied from Russian.
    fields_en: dict[str, Any] = field(default_factory=dict)
    children: list["PageSpec"] = field(default_factory=list)
    show_in_menus: bool = True


def paragraphs(*texts: str) -> list[tuple[str, RichText]]:
    """A StreamField body of plain paragraphs."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def ensure_locales() -> tuple[Locale, Locale]:
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return russian, english


def ensure_root(locale: Locale) -> Page:
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", locale=locale))
    return root


def publish(page: Page) -> None:
    page.save_revision().publish()


def ensure_translation(page: Page, spec: PageSpec) -> None:
    english = Locale.objects.get(language_code="en")
    if page.get_translations().filter(locale=english).exists():
        return
    translation = page.copy_for_translation(english)
    translation.title = spec.title_en
    for name, value in spec.fields_en.items():
        setattr(translation, name, value)
    publish(translation)


def ensure_page(parent: Page, spec: PageSpec) -> Page:
    """The page at parent/slug (created and published if missing), its English translation,
    and its children, depth first so that every parent is translated before its children."""
    page = parent.get_children().filter(slug=spec.slug).first()
    if page is None:
        page = spec.model(
            title=spec.title, slug=spec.slug, show_in_menus=spec.show_in_menus, **spec.fields
        )
        parent.add_child(instance=page)
        publish(page)
    ensure_translation(page, spec)
    for child in spec.children:
        ensure_page(page, child)
    return page


def ensure_home(russian: Locale) -> HomePage:
    root = ensure_root(russian)
    home = HomePage.objects.filter(depth=2, locale=russian).first()
    if home is None:
        # Wagtail's first migration leaves a "Welcome" page at /; the demo home replaces it.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        home = ensure_page(root, HOME)
    else:
        ensure_translation(home, HOME)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.id:
        site.hostname, site.port, site.site_name = "localhost", 80, "РУСЭНЕРГОСБЫТ"
        site.root_page = home
        site.save()
    SiteSettings.objects.get_or_create(site=site, defaults=SITE_SETTINGS)
    return home


@transaction.atomic
def load_site() -> HomePage:
    """The locales, the home page, the site and its settings, and the section tree."""
    russian, _ = ensure_locales()
    home = ensure_home(russian)
    for spec in SECTIONS:
        ensure_page(home, spec)
    return home


SITE_SETTINGS = {
    "company_name": "ООО «РУСЭНЕРГОСБЫТ»",
    "hotline_phone": "8 800 333-00-22",
    "email": "info@ruses.ru",
    "head_office_address": "105066, Москва, ул. Ольховская, д. 27, стр. 3",
    "opening_hours": "Пн–Чт 8:30–17:30, Пт 8:30–16:15, Сб–Вс выходные",
}

HOME = PageSpec(
    slug="home",
    model=HomePage,
    title="РУСЭНЕРГОСБЫТ",
    title_en="RUSENERGOSBYT",
    fields={
        "lead": (
            "Гарантирующий поставщик электрической энергии. Здесь можно узнать тарифы, "
            "заключить договор, передать показания счётчика, найти, где оплатить "
            "электроэнергию, и обратиться в виртуальную приёмную."
        ),
    },
    fields_en={
        "lead": (
            "A supplier of last resort of electricity. Find tariffs and contract forms, "
            "submit meter readings, see where to pay and write to our virtual reception."
        ),
        "body": [],
    },
    show_in_menus=False,
)

SECTIONS = [
    PageSpec(
        slug="clients",
        model=SectionPage,
        title="Клиентам",
        title_en="Customers",
        fields={
            "intro": (
                "<p>Всё, что гарантирующий поставщик обязан раскрывать клиентам: тарифы, "
                "типовые договоры, порядок оплаты и передачи показаний, стандарт качества "
                "обслуживания.</p>"
            )
        },
        fields_en={
            "intro": (
                "<p>Everything a supplier of last resort discloses to its customers: tariffs, "
                "contract forms, how to pay and submit readings, the service standard.</p>"
            )
        },
        children=[
            PageSpec(
                slug="tariffs",
                model=TariffsPage,
                title="Тарифы",
                title_en="Tariffs",
                fields={
                    "lead": "Размер и порядок расчёта цены электрической энергии.",
                    "body": paragraphs(
                        "Тарифы на электрическую энергию для населения и приравненных к нему "
                        "категорий потребителей устанавливает региональный орган "
                        "регулирования. Здесь публикуются тарифы, действующие в настоящий "
                        "момент, объявленные изменения и архив прежних тарифов.",
                        "Тариф зависит от региона, категории потребителя и варианта учёта: "
                        "одноставочный, по двум (день и ночь) или по трём (пик, полупик, ночь) "
                        "зонам суток. Выбрать выгодный вариант поможет калькулятор.",
                    ),
                },
                fields_en={
                    "lead": "The price of electricity and how it is calculated.",
                    "body": paragraphs(
                        "Tariffs for households are set by the regional regulator. This page "
                        "shows the tariffs in force and the announced changes."
                    ),
                },
            ),
            PageSpec(
                slug="contracts",
                model=StandardPage,
                title="Договоры энергоснабжения",
                title_en="Supply contracts",
                fields={
                    "lead": (
                        "Документы для заключения договора, порядок его заключения, основные "
                        "условия и типовые формы договоров для разных категорий клиентов."
                    ),
                    "body": paragraphs(
                        "Уведомление о возможности заключения договора или о недостающих "
                        "документах направляется в течение 5 дней с момента получения "
                        "заявления. Подписанный договор предоставляется в течение 30 дней "
                        "юридическим лицам и в течение 10 рабочих дней физическим лицам при "
                        "предоставлении всех необходимых документов."
                    ),
                },
                fields_en={
                    "lead": "Documents, procedure, main terms and standard contract forms.",
                    "body": paragraphs(
                        "We reply to an application within 5 days. A signed contract is issued "
                        "within 30 days to businesses and within 10 working days to households "
                        "once all documents are provided."
                    ),
                },
            ),
            PageSpec(
                slug="consumption-norms",
                model=StandardPage,
                title="Нормативы потребления",
                title_en="Consumption norms",
                fields={
                    "lead": "Действующие нормативы потребления для клиентов — физических лиц.",
                    "body": paragraphs(
                        "Норматив применяется, когда прибор учёта отсутствует или неисправен."
                    ),
                },
                fields_en={
                    "lead": "Consumption norms in force for households.",
                    "body": paragraphs("A norm applies when there is no working meter."),
                },
            ),
            PageSpec(
                slug="payment",
                model=StandardPage,
                title="Оплата электроэнергии",
                title_en="Paying for electricity",
                fields={
                    "lead": "Порядок и условия внесения платежей, пункты приёма платежей.",
                    "body": paragraphs(
                        "Клиентам выставляются счета, которые доставляются по почте либо "
                        "распечатываются самостоятельно в личном кабинете клиента.",
                        "Оплатить электроэнергию можно через пункты приёма платежей сторонних "
                        "организаций, а также без комиссии в центрах обслуживания клиентов.",
                    ),
                },
                fields_en={
                    "lead": "How and where to pay.",
                    "body": paragraphs(
                        "Bills come by post or can be printed from the customer account. Pay "
                        "at partner payment points or without commission at our offices."
                    ),
                },
            ),
            PageSpec(
                slug="meter-readings",
                model=MeterReadingsPage,
                title="Передача показаний",
                title_en="Meter readings",
                fields={
                    "lead": "Порядок и условия приёма показаний приборов учёта.",
                    "body": [
                        ("heading", {"text": "Как передать показания", "anchor": "how"}),
                        *paragraphs(
                            "Показания приборов учёта принимаются в любое удобное для клиента "
                            "время: через форму на этой странице, по телефону горячей линии, "
                            "по электронной почте и при личном посещении центров очного "
                            "обслуживания.",
                            "Укажите номер лицевого счёта, номер счётчика и показания по "
                            "каждой зоне: у однотарифного счётчика одно показание, у "
                            "двухтарифного — день (Т1) и ночь (Т2), у трёхтарифного — пик "
                            "(Т1), ночь (Т2) и полупик (Т3). Показания, переданные до 25-го "
                            "числа месяца включительно (по московскому времени), учитываются "
                            "в текущем расчётном периоде, позднее — в следующем.",
                        ),
                        (
                            "callout",
                            {
                                "tone": "warning",
                                "title": "Если счётчик неисправен или отсутствует",
                                "text": RichText(
                                    "<p>При выходе прибора учёта из строя, истечении срока "
                                    "поверки или его отсутствии объём потребления "
                                    "определяется расчётным способом: по среднемесячному "
                                    "потреблению, а затем по нормативу потребления с "
                                    "повышающим коэффициентом. Сообщите о неисправности "
                                    "и замените прибор учёта как можно скорее.</p>"
                                ),
                            },
                        ),
                    ],
                },
                fields_en={
                    "lead": "How to submit meter readings.",
                    "body": [
                        ("heading", {"text": "How to submit readings", "anchor": "how"}),
                        *paragraphs(
                            "Readings are accepted at any time: with the form on this page, "
                            "by phone, by e-mail and at our offices. Readings sent up to the "
                            "25th of the month (Moscow time) count for the current billing "
                            "period, later ones for the next.",
                        ),
                        (
                            "callout",
                            {
                                "tone": "warning",
                                "title": "If the meter is broken or missing",
                                "text": RichText(
                                    "<p>Without a working meter, consumption is estimated "
                                    "from the average monthly consumption and then billed "
                                    "by the consumption norm with a raising factor. Report "
                                    "a fault and replace the meter as soon as possible.</p>"
                                ),
                            },
                        ),
                    ],
                },
            ),
            PageSpec(
                slug="faq",
                model=FAQPage,
                title="Вопросы и ответы",
                title_en="Questions and answers",
                fields=faq_demo.FIELDS,
                fields_en=faq_demo.FIELDS_EN,
            ),
            PageSpec(
                slug="outages",
                model=StandardPage,
                title="Плановые отключения",
                title_en="Planned outages",
                fields={
                    "lead": "Уведомления о плановых перерывах в электроснабжении.",
                    "body": paragraphs(
                        "О плановом отключении гражданам-потребителям сообщается не менее чем "
                        "за 10 рабочих дней, юридическим лицам — не менее чем за месяц."
                    ),
                },
                fields_en={
                    "lead": "Notices of planned interruptions of supply.",
                    "body": paragraphs(
                        "Households are notified at least 10 working days ahead, businesses "
                        "at least a month ahead."
                    ),
                },
            ),
            PageSpec(
                slug="services",
                model=StandardPage,
                title="Дополнительные услуги",
                title_en="Additional services",
                fields={
                    "lead": "Информация о дополнительных услугах, оказываемых Обществом.",
                    "body": paragraphs(
                        "Замена и поверка приборов учёта, выезд специалиста, акт сверки."
                    ),
                },
                fields_en={
                    "lead": "Additional services we offer.",
                    "body": paragraphs("Meter replacement and testing, a specialist's visit."),
                },
            ),
        ],
    ),
    PageSpec(
        slug="contacts",
        model=StandardPage,
        title="Контакты",
        title_en="Contacts",
        fields={
            "lead": "Адреса, телефоны и режим работы центров обслуживания клиентов.",
            "body": paragraphs(
                "Центры очного обслуживания принимают клиентов в рабочие дни. Телефон горячей "
                "линии и адрес электронной почты указаны внизу каждой страницы."
            ),
        },
        fields_en={
            "lead": "Addresses, phones and hours of our service centres.",
            "body": paragraphs("The hotline and e-mail are at the foot of every page."),
        },
        children=[
            PageSpec(
                slug="grid-companies",
                model=StandardPage,
                title="Сетевые организации",
                title_en="Grid companies",
                fields={
                    "lead": "Контакты сетевых организаций для сообщений о перерывах и авариях.",
                    "body": paragraphs(
                        "Об отключении электроэнергии и авариях сообщайте диспетчеру "
                        "сетевой организации, обслуживающей ваш район."
                    ),
                },
                fields_en={
                    "lead": "Grid companies to call about outages.",
                    "body": paragraphs("Report outages to the grid company of your area."),
                },
            ),
        ],
    ),
    PageSpec(
        slug="reception",
        model=StandardPage,
        title="Виртуальная приёмная",
        title_en="Virtual reception",
        fields={
            "lead": "Обращения, жалобы и предложения.",
            "body": paragraphs(
                "Обращение рассматривается в течение 15 календарных дней. Если ответ требует "
                "более детальной проработки, после промежуточного ответа срок может быть "
                "продлён, но не более чем на 15 календарных дней."
            ),
        },
        fields_en={
            "lead": "Appeals, complaints and suggestions.",
            "body": paragraphs(
                "We answer within 15 calendar days; after an interim reply the term may be "
                "extended by at most 15 more days."
            ),
        },
        children=[
            PageSpec(
                slug="status",
                model=StandardPage,
                title="Статус обращения",
                title_en="Appeal status",
                fields={"lead": "Узнайте состояние обращения по его номеру."},
                fields_en={"lead": "Look up your appeal by its number."},
                show_in_menus=False,
            ),
        ],
    ),
    PageSpec(
        slug="privacy",
        model=StandardPage,
        title="Политика обработки персональных данных",
        title_en="Personal data policy",
        fields={
            "lead": (
                "Как ООО «РУСЭНЕРГОСБЫТ» обрабатывает и защищает персональные данные клиентов "
                "в соответствии с Федеральным законом № 152-ФЗ «О персональных данных»."
            ),
            "body": paragraphs(
                "Мы обрабатываем персональные данные, которые вы указываете в обращениях и при "
                "передаче показаний: фамилию, имя и отчество, адрес, телефон, адрес "
                "электронной почты и номер лицевого счёта, — только для рассмотрения "
                "обращения, ответа на него и расчётов за электроэнергию.",
                "Доступ к данным имеют только уполномоченные сотрудники. Данные не передаются "
                "третьим лицам, кроме случаев, предусмотренных законом. Согласие на обработку "
                "можно отозвать, направив заявление в адрес Общества.",
            ),
        },
        fields_en={
            "lead": "How we process and protect customers' personal data (Federal Law 152-FZ).",
            "body": paragraphs(
                "We process the personal data you give in appeals and meter readings only to "
                "answer you and to bill for electricity. Only authorised staff can see it."
            ),
        },
        show_in_menus=False,
    ),
]
