"""Demo content of the disclosure pages (data in this folder) and what needs code: the PDFs
of the contract forms and of the service standard (§6.2 item 4), the standard's sections
parsed from its text, and notices dated relative to the day of the first load."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone, translation

from core import demo
from core.pdf import build_pdf

from .. import services
from ..documents import standard_pdf
from ..models import (
    DisclosedDocument,
    MeterVisitCoverage,
    MeterVisitNotice,
    OutageCoverage,
    OutageNotice,
)
from ..models.disclosed import DisclosedKind
from ..standard_text import load_standard, paragraphs_to_html

HERE = Path(__file__).parent
STANDARD_TITLE = "Стандарт качества обслуживания клиентов ООО «РУСЭНЕРГОСБЫТ»"


def load() -> None:
    specs = demo.page_specs(HERE / "pages.yaml")
    contracts = demo.find_spec(specs, "contracts")
    english_forms = []
    for form in contracts.fields["forms"]:
        title_en = form.pop("title_en")
        form["document"] = contract_form_document(form)
        english_forms.append({**form, "title": title_en})
    # The same documents under English titles (the forms themselves are Russian contracts).
    contracts.fields_en["forms"] = english_forms
    standard = demo.find_spec(specs, "service-standard")
    standard.fields["sections"] = [
        {
            "type": "section",
            "value": {
                "number": section.number,
                "title": section.title,
                "text": paragraphs_to_html(section.paragraphs),
            },
        }
        for section in load_standard()
    ]
    standard.fields["pdf"] = demo.ensure_document(
        f"{STANDARD_TITLE} (PDF)",
        "service-quality-standard.pdf",
        lambda: standard_pdf(load_standard(), STANDARD_TITLE),
    )
    demo.ensure_pages(specs)
    demo.load_records(HERE / "records.yaml")
    ensure_notices(timezone.localdate())
    ensure_disclosed_documents(demo.read(HERE / "disclosed.yaml"))


def contract_form_document(form: dict):
    """The PDF of a standard contract form, from `contract_form.yaml`."""
    template = demo.read(HERE / "contract_form.yaml")
    effective = f"{form['effective_from']:%d.%m.%Y}"

    def content() -> bytes:
        sections = [
            (
                section["heading"],
                [
                    text.format(version=form["version"], effective_from=effective)
                    for text in section["paragraphs"]
                ],
            )
            for section in template["sections"]
        ]
        return build_pdf(form["title"], sections, author=template["author"])

    return demo.ensure_document(
        f"{form['title']} (ред. {form['version']})",
        f"contract-{form['category']}-{form['version']}.pdf",
        content,
        placeholder=True,  # a sample text, not the company's form
    )


def ensure_disclosed_documents(data: dict) -> None:
    """Decree 24 documents for the demo: sample PDFs, tagged as placeholders for the
    compliance report, one per kind and year of `disclosed.yaml`."""
    labels = dict(DisclosedKind.choices)
    for year in data["years"]:
        for kind in data["kinds"]:
            title = f"{labels[kind]}, {year}"
            with translation.override("en"):
                english = {"title": f"{labels[kind]}, {year}"}
            existing = DisclosedDocument.objects.filter(title=title).first()
            if existing is not None:
                demo.ensure_record_translation(existing, english)
                continue
            document = demo.ensure_document(
                title,
                f"disclosure-{kind}-{year}.pdf",
                lambda title=title: build_pdf(title, [("", [data["sample_text"]])]),
                placeholder=True,
            )
            record = DisclosedDocument(
                kind=kind,
                year=year,
                title=title,
                document=document,
                disclosed_on=date(year, data["disclosed_month"], 1),
            )
            demo.save_record(record)
            demo.ensure_record_translation(record, english)


def moscow(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def ensure_notices(today: date) -> None:
    """Outage notices upcoming, current and past, each published with the lead time the
    standard requires, and a meter-visit notice; found by their places and work."""
    data = demo.read(HERE / "notices.yaml")
    common = data["outages"]["common"]
    for row in data["outages"]["notices"]:
        row = dict(row)
        english = {**data["outages"]["common_en"], **row.pop("en")}
        existing = OutageNotice.objects.filter(
            localities=row["localities"], work_type=row["work_type"]
        ).first()
        if existing is not None:
            demo.ensure_record_translation(existing, english)
            continue
        offset, published = row["starts_in_days"], row["published_in_days"]
        if published == 0:  # announced today: some days past the earliest lawful start
            start = services.earliest_outage_start(today, row["audience"])
            starts = moscow(start + timedelta(days=offset), 9)
        else:  # under way now (offset 0) or over
            starts = moscow(today + timedelta(days=offset), 9) - timedelta(hours=3 * (offset == 0))
        fields = {
            key: value
            for key, value in row.items()
            if key not in ("starts_in_days", "published_in_days", "hours", "covers")
        }
        notice = OutageNotice(
            **{**common, **fields},
            starts_at=starts,
            ends_at=starts + timedelta(hours=row["hours"]),
            first_published_at=moscow(today + timedelta(days=published), 8),
        )
        notice.covered_addresses = [OutageCoverage(**place) for place in row.get("covers", [])]
        demo.save_record(notice)
        demo.ensure_record_translation(notice, english)
    for row in data["meter_visits"]:
        row = dict(row)
        english = row.pop("en")
        existing = MeterVisitNotice.objects.filter(localities=row["localities"]).first()
        if existing is not None:
            demo.ensure_record_translation(existing, english)
            continue
        fields = {
            key: value for key, value in row.items() if key not in ("visit_in_days", "covers")
        }
        # §7 table 3 item 2.2: the visit falls on a working day, whatever day the demo loads.
        visit_on = services.first_working_day_from(today + timedelta(days=row["visit_in_days"]))
        notice = MeterVisitNotice(**fields, visit_on=visit_on)
        notice.covered_addresses = [MeterVisitCoverage(**place) for place in row.get("covers", [])]
        demo.save_record(notice)
        demo.ensure_record_translation(notice, english)
