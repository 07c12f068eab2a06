"""Demo content of the disclosure pages: the service standard with its PDF and the contract
forms as real PDF files; the records come from `demo_records.py`. Idempotent."""

from collections.abc import Callable
from datetime import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import Collection

from home.demo import PageSpec, ensure_page, publish
from home.models import HomePage

from .demo_records import (
    ensure_centres,
    ensure_grid_companies,
    ensure_notices,
    ensure_payment_points,
)
from .documents import build_pdf, standard_pdf
from .models import ContractForm, ContractsPage, ServiceStandardPage
from .standard_text import load_standard, paragraphs_to_html

STANDARD_TITLE = "Стандарт качества обслуживания клиентов ООО «РУСЭНЕРГОСБЫТ»"


def ensure_document(title: str, filename: str, content: Callable[[], bytes]) -> AbstractDocument:
    """The document with this title, created from `content()` (bytes) when missing."""
    if Collection.get_first_root_node() is None:  # a flushed database has none
        Collection.add_root(name="Root")
    model = get_document_model()
    document = model.objects.filter(title=title).first()
    if document is None:
        document = model(title=title)
        document.file.save(filename, ContentFile(content()), save=False)
        document.save()
    return document


def service_standard_spec(pdf) -> PageSpec:
    sections = [
        (
            "section",
            {
                "number": section.number,
                "title": section.title,
                "text": paragraphs_to_html(section.paragraphs),
            },
        )
        for section in load_standard()
    ]
    return PageSpec(
        slug="service-standard",
        model=ServiceStandardPage,
        title="Стандарт качества обслуживания",
        title_en="Service quality standard",
        fields={
            "intro": (
                "<p>Стандарт качества обслуживания клиентов ООО «РУСЭНЕРГОСБЫТ» вводится в "
                "действие приказом генерального директора и обязателен для всех "
                "подразделений Общества.</p>"
            ),
            "sections": sections,
            "pdf": pdf,
        },
        fields_en={
            "intro": (
                "<p>The customer service quality standard of RUSENERGOSBYT. Its authoritative "
                "text is in Russian; an English translation is being prepared.</p>"
            ),
            "sections": [],
        },
    )


CONTRACT_FORMS = [
    ("households", "Договор энергоснабжения с гражданином-потребителем", "3.0", "2025-01-01"),
    ("businesses", "Договор энергоснабжения с юридическим лицом", "4.2", "2025-07-01"),
    ("businesses", "Договор купли-продажи электрической энергии (мощности)", "2.1", "2025-07-01"),
    (
        "management",
        "Договор энергоснабжения с управляющей организацией, ТСЖ (ЖСК)",
        "1.5",
        "2025-03-01",
    ),
]


def contract_form_pdf(title: str, version: str, effective: str) -> bytes:
    day = datetime.fromisoformat(effective).strftime("%d.%m.%Y")
    return build_pdf(
        title,
        [
            ("", [f"Типовая форма. Редакция {version}, действует с {day}."]),
            (
                "1. Предмет договора",
                [
                    "Гарантирующий поставщик обязуется осуществлять продажу электрической энергии "
                    "(мощности), а также через привлечённых третьих лиц оказывать услуги по "
                    "передаче электрической энергии, а Потребитель обязуется оплачивать "
                    "приобретаемую электрическую энергию и оказанные услуги.",
                ],
            ),
            (
                "2. Порядок учёта",
                [
                    "Объём потребления определяется по показаниям приборов учёта, а при их "
                    "отсутствии или неисправности — расчётным способом или по нормативу.",
                ],
            ),
            (
                "3. Порядок расчётов",
                [
                    "Оплата производится в сроки, установленные законодательством Российской "
                    "Федерации и настоящим договором.",
                ],
            ),
            (
                "4. Реквизиты и подписи сторон",
                ["Гарантирующий поставщик: ____________", "Потребитель: ____________"],
            ),
        ],
        author="ООО «РУСЭНЕРГОСБЫТ»",
    )


def ensure_contract_forms(clients) -> None:
    """Attach the standard forms to both language versions of the contracts page once."""
    documents = [
        (
            category,
            title,
            version,
            effective,
            ensure_document(
                f"{title} (ред. {version})",
                f"contract-{category}-{version}.pdf",
                lambda t=title, v=version, e=effective: contract_form_pdf(t, v, e),
            ),
        )
        for category, title, version, effective in CONTRACT_FORMS
    ]
    russian = clients.get_children().filter(slug="contracts").first()
    if russian is None:
        return
    for page in ContractsPage.objects.filter(translation_key=russian.translation_key):
        if page.forms.exists():
            continue
        page.forms = [
            ContractForm(
                category=category,
                title=title,
                document=document,
                version=version,
                effective_from=datetime.fromisoformat(effective).date(),
            )
            for category, title, version, effective, document in documents
        ]
        publish(page)


def load(home: HomePage) -> None:
    clients = home.get_children().get(slug="clients")
    pdf = ensure_document(
        f"{STANDARD_TITLE} (PDF)",
        "service-quality-standard.pdf",
        lambda: standard_pdf(load_standard(), STANDARD_TITLE),
    )
    ensure_page(clients, service_standard_spec(pdf))
    ensure_contract_forms(clients)
    ensure_centres()
    ensure_payment_points()
    ensure_grid_companies()
    ensure_notices()
