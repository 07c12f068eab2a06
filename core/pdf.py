"""PDFs built from text with reportlab and the bundled DejaVu Sans (Bitstream Vera licence,
see data/fonts), which has Cyrillic: the service standard, the demo contract forms, the
letters staff print for customers who chose post."""

from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

FONT = "DejaVuSans"
FONT_PATH = Path(__file__).parent / "data" / "fonts" / "DejaVuSans.ttf"


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH)))
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)
    heading = ParagraphStyle("heading", parent=body, fontSize=13, leading=16, spaceBefore=10)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=20, spaceAfter=10)
    return title, heading, body


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_pdf(title: str, sections: list[tuple[str, list[str]]], author: str = "") -> bytes:
    """A PDF with a title and sections of paragraphs."""
    title_style, heading_style, body_style = _styles()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        leftMargin=20 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        invariant=True,  # the same input gives the same bytes
    )
    story = [Paragraph(_escape(title), title_style)]
    for heading, paragraphs in sections:
        if heading:
            story.append(Paragraph(_escape(heading), heading_style))
        story.extend(Paragraph(_escape(text), body_style) for text in paragraphs)
        story.append(Spacer(1, 2 * mm))
    document.build(story)
    return buffer.getvalue()
