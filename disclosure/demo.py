"""Demo content of the disclosure pages."""

from home.demo import PageSpec, ensure_page
from home.models import HomePage

from .models import ServiceStandardPage
from .standard_text import load_standard, paragraphs_to_html


def service_standard_spec() -> PageSpec:
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
        },
        fields_en={
            "intro": (
                "<p>The customer service quality standard of RUSENERGOSBYT. Its authoritative "
                "text is in Russian; an English translation is being prepared.</p>"
            ),
            "sections": [],
        },
    )


def load(home: HomePage) -> None:
    clients = home.get_children().get(slug="clients")
    ensure_page(clients, service_standard_spec())
