"""What the site search indexes, and the hook to add more.

A *source* turns one object (a page, a document, a service centre…) into the entries a
visitor can find. Pages and documents are built in. Another app registers its records from
its AppConfig.ready():

    from search.sources import ModelSource, register

    register(ModelSource(PaymentPoint, entries=payment_point_entries))

where `payment_point_entries(obj)` returns a list of `EntryData` (empty when the object is
not public). Saving or deleting such an object re-indexes it; `manage.py update_site_search`
rebuilds everything.

A page type can describe its own entries with a `site_search_entries()` method (the FAQ
page gives one entry per question); otherwise its `search_fields` are used.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search import index


@dataclass
class EntryData:
    heading: str
    url: str
    text: str = ""
    anchor: str = ""
    language: str = ""
    section_key: str = ""
    section_label: str = ""
    tasks: str = ""  # what customers type to reach it, one phrase a line


@dataclass
class ModelSource:
    model: type[models.Model]
    entries: Callable[[Any], list[EntryData]]
    queryset: Callable[[], Iterable[Any]] | None = None
    # Index on every save/delete of the model (pages instead follow publish/unpublish).
    connect_signals: bool = True
    name: str = field(default="")

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.model._meta.label_lower

    def owner(self, obj: Any) -> str:
        return f"{self.name}:{obj.pk}"

    def all_objects(self) -> Iterable[Any]:
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all().iterator()


_sources: list[ModelSource] = []


def register(source: ModelSource) -> ModelSource:
    """Add a source to the index; saving or deleting its objects re-indexes them."""
    from . import signals

    if all(existing.name != source.name for existing in _sources):
        _sources.append(source)
        if source.connect_signals:
            signals.connect_model(source.model, source.name)
    return source


def sources() -> list[ModelSource]:
    return list(_sources)


def source_for(obj: Any) -> ModelSource | None:
    if isinstance(obj, Page):
        return PAGES
    for source in _sources:
        if isinstance(obj, source.model):
            return source
    return None


# Pages ------------------------------------------------------------------------------------


def _flatten(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flatten(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def searchable_text(obj: Any, exclude: tuple[str, ...] = ("title",)) -> str:
    """The plain text of an object's Wagtail `search_fields` (StreamField and rich text
    already give their text without markup)."""
    texts: list[str] = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name not in exclude:
            texts.extend(_flatten(search_field.get_value(obj)))
    return " ".join(strip_tags(text) for text in texts if text)


def page_section(page: Page) -> tuple[str, str]:
    """The top-level section a page belongs to (a child of its home page): key and label."""
    if page.depth <= 2:
        return "home", page.title
    if page.depth == 3:
        return page.slug, page.title
    top = Page.objects.ancestor_of(page).filter(depth=3).only("slug", "title").first()
    return (top.slug, top.title) if top else ("home", page.title)


def page_is_public(page: Page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def page_entries(page: Page) -> list[EntryData]:
    page = page.specific
    if not page_is_public(page) or page.depth < 2:
        return []
    url = page.get_url()
    if not url:
        return []
    section_key, section_label = page_section(page)
    language = page.locale.language_code
    custom = getattr(page, "site_search_entries", None)
    if custom is not None:
        entries = custom()
    else:
        text = " ".join(filter(None, [page.search_description, searchable_text(page)]))
        entries = [EntryData(heading=page.title, url=url, text=text)]
    entries += task_entries(page, entries, url)
    for entry in entries:
        entry.language = entry.language or language
        entry.section_key = entry.section_key or section_key
        entry.section_label = entry.section_label or section_label
    return entries


def task_entries(page: Page, entries: list[EntryData], url: str) -> list[EntryData]:
    """Editors' customer tasks of a page: phrases of the page itself join its main entry
    (the one without an anchor); a task with a service path is an entry of its own."""
    from .models import CustomerTask

    extra = []
    for task in CustomerTask.objects.filter(page=page).order_by("pk"):
        phrases = "\n".join(task.phrase_list())
        if task.route:
            extra.append(
                EntryData(
                    heading=task.heading,
                    url=url + task.route,
                    text=page.search_description,
                    anchor=f"task-{task.pk}",
                    tasks=phrases,
                )
            )
        elif entries:
            main = next((entry for entry in entries if not entry.anchor), entries[0])
            main.tasks = "\n".join(filter(None, [main.tasks, phrases]))
    return extra


def all_pages() -> Iterable[Page]:
    return Page.objects.live().public().filter(depth__gte=2).specific().iterator()


PAGES = ModelSource(
    Page, entries=page_entries, queryset=all_pages, connect_signals=False, name="page"
)


# Documents --------------------------------------------------------------------------------

DOCUMENTS_SECTION = "documents"


def document_entries(document: Any) -> list[EntryData]:
    if document.collection.get_view_restrictions().exists():
        return []
    description = getattr(document, "description", "") or ""
    text = " ".join(filter(None, [description, " ".join(t.name for t in document.tags.all())]))
    return [
        EntryData(
            heading=document.title,
            url=document.url,
            text=text,
            section_key=DOCUMENTS_SECTION,
        )
    ]


register(PAGES)
register(ModelSource(get_document_model(), entries=document_entries))
