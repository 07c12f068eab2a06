"""Turns the plain-text service quality standard into numbered sections of paragraphs."""

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

STANDARD_PATH = Path(__file__).parent / "data" / "service-quality-standard.ru.txt"

SECTION_HEADING = re.compile(r"^(\d{1,2})\.\s+([А-ЯЁ][А-ЯЁ ,«»()\-–]+?)\.?\s*$")
UPPERCASE_LINE = re.compile(r"^[А-ЯЁ][А-ЯЁ ,«»()\-–]+\)?\.?$")
# A new paragraph starts at a clause number (7.2, 7.2.1) or a bullet.
PARAGRAPH_START = re.compile(r"^(\d+(\.\d+)+\.?\s|[\uf02d\uf0a7\uf0b7•]\s)")
BULLETS = "\uf02d\uf0a7\uf0b7•"
# The original repeats the company's web and mail addresses in its page footers.
PAGE_ARTEFACT = re.compile(r"^((https?://|mailto:)\S+\s*)+$")


@dataclass
class Section:
    number: str
    title: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"section-{self.number}" if self.number else "introduction"


def parse_standard(text: str) -> list[Section]:
    sections = [Section(number="", title="Введение")]
    lines = [line.strip() for line in text.splitlines()]
    continuing_title = False
    for line in lines:
        if not line:
            continue
        heading = SECTION_HEADING.match(line)
        if heading:
            sections.append(Section(number=heading[1], title=heading[2].strip()))
            continuing_title = True
            continue
        if continuing_title and UPPERCASE_LINE.match(line):
            sections[-1].title = f"{sections[-1].title} {line.rstrip('.')}"
            continue
        continuing_title = False
        if line == "ВВЕДЕНИЕ" or PAGE_ARTEFACT.match(line):
            continue
        paragraphs = sections[-1].paragraphs
        if line[0] in BULLETS:
            line = "• " + line[1:].strip()
        starts_paragraph = PARAGRAPH_START.match(line)
        if not paragraphs or starts_paragraph or paragraphs[-1].endswith((".", ":", ";")):
            paragraphs.append(line)
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
    for section in sections:
        section.title = section.title.capitalize()
    return sections


def load_standard() -> list[Section]:
    return parse_standard(STANDARD_PATH.read_text(encoding="utf-8"))


def paragraphs_to_html(paragraphs: list[str]) -> str:
    """Paragraphs as rich-text HTML; runs of bullets become one list."""
    parts: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        is_bullet = paragraph.startswith("• ")
        if is_bullet and not in_list:
            parts.append("<ul>")
        elif not is_bullet and in_list:
            parts.append("</ul>")
        in_list = is_bullet
        text = escape(paragraph[2:] if is_bullet else paragraph)
        parts.append(f"<li>{text}</li>" if is_bullet else f"<p>{text}</p>")
    if in_list:
        parts.append("</ul>")
    return "".join(parts)
