"""Demo content: the page tree behind every public URL, in Russian and English.

Idempotent: a page that already exists (found by its parent and slug) is left as editors made
it, so a second run changes nothing. Other apps describe their pages with the same PageSpec.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from disclosure import demo_content as disclosure_demo
from disclosure import models as disclosure_models
from faq import demo as faq_demo
from faq.models import FAQPage
from readings.models import MeterReadingsPage
from reception.models import ReceptionPage
from tariffs.models import TariffsPage

from .models import HomePage, SectionPage, SiteSettings, StandardPage
from .translations import is_registered, register_translation


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
    existing = page.get_translations().filter(locale=english).first()
    if existing is not None:
        if not is_registered(page, english):  # a database from before the registration
            register_translation(page, existing)
        return
    translation = page.copy_for_translation(english)
    translation.title = spec.title_en
    for name, value in spec.fields_en.items():
        setattr(translation, name, value)
    publish(translation)
    register_translation(page, translation)


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
                        "Tariffs for households and the categories equated to them are set by "
                        "the regional regulator. This page shows the tariffs in force, the "
                        "announced changes and the archive of past tariffs.",
                        "A tariff depends on the region, the customer category and the "
                        "metering option: single-rate, two zones (day and night) or three "
                        "zones (peak, semi-peak, night). The calculator finds the cheapest.",
                    ),
                },
            ),
            PageSpec(
                slug="contracts",
                model=disclosure_models.ContractsPage,
                title="Договоры энергоснабжения",
                title_en="Supply contracts",
                fields=disclosure_demo.CONTRACTS,
                fields_en=disclosure_demo.CONTRACTS_EN,
            ),
            PageSpec(
                slug="consumption-norms",
                model=disclosure_models.ConsumptionNormsPage,
                title="Нормативы потребления",
                title_en="Consumption norms",
                fields={**disclosure_demo.CONSUMPTION_NORMS, "norms": disclosure_demo.norms()},
                fields_en={
                    **disclosure_demo.CONSUMPTION_NORMS_EN,
                    "norms": disclosure_demo.norms(housing_en=disclosure_demo.HOUSING_EN),
                },
            ),
            PageSpec(
                slug="payment",
                model=disclosure_models.PaymentPage,
                title="Оплата электроэнергии",
                title_en="Paying for electricity",
                fields=disclosure_demo.PAYMENT,
                fields_en=disclosure_demo.PAYMENT_EN,
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
                slug="restriction",
                model=disclosure_models.RestrictionPage,
                title="Ограничение за неоплату",
                title_en="Restriction for non-payment",
                fields=disclosure_demo.RESTRICTION,
                fields_en=disclosure_demo.RESTRICTION_EN,
            ),
            PageSpec(
                slug="appeals",
                model=disclosure_models.AppealsPage,
                title="Обращения и жалобы",
                title_en="Appeals and complaints",
                fields=disclosure_demo.APPEALS,
                fields_en=disclosure_demo.APPEALS_EN,
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
                model=disclosure_models.OutagesPage,
                title="Плановые отключения",
                title_en="Planned outages",
                fields=disclosure_demo.OUTAGES,
                fields_en=disclosure_demo.OUTAGES_EN,
            ),
            PageSpec(
                slug="services",
                model=disclosure_models.AdditionalServicesPage,
                title="Дополнительные услуги",
                title_en="Additional services",
                fields={
                    **disclosure_demo.ADDITIONAL_SERVICES,
                    "services": disclosure_demo.services(),
                },
                fields_en=disclosure_demo.ADDITIONAL_SERVICES_EN,
            ),
        ],
    ),
    PageSpec(
        slug="contacts",
        model=disclosure_models.ServiceCentresPage,
        title="Контакты",
        title_en="Contacts",
        fields=disclosure_demo.CONTACTS,
        fields_en=disclosure_demo.CONTACTS_EN,
        children=[
            PageSpec(
                slug="grid-companies",
                model=disclosure_models.GridCompaniesPage,
                title="Сетевые организации",
                title_en="Grid companies",
                fields=disclosure_demo.GRID_COMPANIES,
                fields_en=disclosure_demo.GRID_COMPANIES_EN,
            ),
        ],
    ),
    PageSpec(
        slug="reception",
        model=ReceptionPage,
        title="Виртуальная приёмная",
        title_en="Virtual reception",
        fields={
            "lead": (
                "Обращения, жалобы и предложения. Обращение регистрируется сразу: вы получите "
                "его номер и срок ответа."
            ),
            "body": paragraphs(
                "Обращение рассматривается в течение 15 календарных дней. Если ответ требует "
                "более детальной проработки, после промежуточного ответа срок может быть "
                "продлён, но не более чем на 15 календарных дней. Обращение без контактных "
                "данных не рассматривается."
            ),
        },
        fields_en={
            "lead": (
                "Appeals, complaints and suggestions. Your appeal is registered at once: you "
                "get its number and the date of the answer."
            ),
            "body": paragraphs(
                "We answer within 15 calendar days; after an interim reply the term may be "
                "extended by at most 15 more days. An appeal without contact details is not "
                "considered."
            ),
        },
        # /reception/status/ and /reception/home-visit/ are routes of the page itself.
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
