"""PDF documents built from text (core/pdf.py): the service standard (§6.2 item 4) and the
demo contract forms."""

from core.pdf import build_pdf

from .standard_text import Section


def standard_pdf(sections: list[Section], title: str) -> bytes:
    return build_pdf(
        title,
        [
            (
                f"{section.number}. {section.title}" if section.number else section.title,
                section.paragraphs,
            )
            for section in sections
        ],
        author="ООО «РУСЭНЕРГОСБЫТ»",
    )
