"""Demo content: a registry of loaders that the apps fill in `AppConfig.ready()`, and the one
loader of the data files beside them (`<app>/demo/pages.yaml`, `<app>/demo/records.yaml`).

`manage.py load_demo` runs every registered loader after the loaders it requires. Loading is
idempotent: a page that exists (found by its parent and slug) or a record that exists (found
by its lookup fields) is left as editors made it, so a second run changes nothing.

Pages (`pages.yaml`): a list of page specs, each placed under `parent`, a URL path of the
Russian site (`/clients/`); see `PageSpec`. Field values are the model's own, with three
conventions: a StreamField takes Wagtail's raw JSON list (`[{"type": "paragraph", "value":
"<p>…</p>"}]`), a child relation (an InlinePanel) a list of rows, and a foreign key to a page
the page's URL path (resolved in the locale of the page being built); any other foreign key
takes the lookup of its target (`{"title": "…"}`).

Records (`records.yaml`): a list of groups `{model: "app_label.Model", lookup: [fields],
rows: [{field: value}]}`; a row is created (validated, and published when the model has
drafts) only when no record has its lookup values.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models, transaction
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.models import Collection, DraftStateMixin, Locale, Page, Site, TranslatableMixin

from . import staff
from .translations import is_registered, register_translation

# --- the registry ---------------------------------------------------------------------------


class DemoLoaderError(Exception):
    """A loader requires one that is not registered, or the requirements form a cycle."""


@dataclass(frozen=True)
class Loader:
    name: str
    load: Callable[[], None]
    requires: tuple[str, ...] = ()
    # Runs once every loader without this flag has run (site search indexes what they made).
    after_all: bool = False


_loaders: dict[str, Loader] = {}


def register(
    name: str, loader: Callable[[], None], requires: Iterable[str] = (), after_all: bool = False
) -> None:
    """Adds an app's demo loader; called from its `AppConfig.ready()`."""
    _loaders[name] = Loader(name, loader, tuple(requires), after_all)


def ordered(loaders: Iterable[Loader] | None = None) -> list[Loader]:
    """The loaders (all registered ones by default), each after those it requires, the
    `after_all` ones last; otherwise in registration order."""
    by_name = {
        loader.name: loader for loader in (_loaders.values() if loaders is None else loaders)
    }
    result: list[Loader] = []
    state: dict[str, str] = {}

    def visit(loader: Loader, chain: list[str]) -> None:
        if state.get(loader.name) == "done":
            return
        if state.get(loader.name) == "visiting":
            cycle = " → ".join([*chain[chain.index(loader.name) :], loader.name])
            raise DemoLoaderError(f"Demo loaders require each other in a cycle: {cycle}.")
        state[loader.name] = "visiting"
        for name in loader.requires:
            required = by_name.get(name)
            if required is None:
                raise DemoLoaderError(
                    f"Demo loader {loader.name!r} requires {name!r}, which is not registered."
                )
            if required.after_all and not loader.after_all:
                raise DemoLoaderError(
                    f"Demo loader {loader.name!r} requires {name!r}, which runs after all."
                )
            visit(required, [*chain, loader.name])
        state[loader.name] = "done"
        result.append(loader)

    for loader in sorted(by_name.values(), key=lambda loader: loader.after_all):
        visit(loader, [])
    return result


def load_all() -> list[str]:
    """Runs every registered loader in order, each in its own transaction; their names."""
    names = []
    for loader in ordered():
        with transaction.atomic():
            loader.load()
        names.append(loader.name)
    # The English pages now exist: the translators are granted them (core/staff.py).
    staff.ensure_groups()
    return names


# --- data files -----------------------------------------------------------------------------


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def data_files(directory: Path) -> Callable[[], None]:
    """The loader of an app whose demo is data only: its pages, then its records."""

    def load() -> None:
        if (directory / "pages.yaml").exists():
            ensure_pages(page_specs(directory / "pages.yaml"))
        if (directory / "records.yaml").exists():
            load_records(directory / "records.yaml")

    return load


def _value(model: type[models.Model], name: str, value: Any, locale: Locale | None) -> Any:
    """A value of the data file as the model field `name` takes it."""
    relation = model._meta.get_field(name)
    if value is None or isinstance(value, models.Model):
        return value
    if isinstance(relation, StreamField):
        stream = relation.to_python(value)
        list(stream)  # binds every block, so nested lists are stored in Wagtail's own form
        return stream
    if not relation.is_relation:
        return relation.to_python(value)
    target = relation.related_model
    if relation.one_to_many:  # a child relation: its rows, in their order
        order = getattr(target, "sort_order_field", None)
        return [
            target(
                **({order: position} if order else {}),
                **{key: _value(target, key, item, locale) for key, item in row.items()},
            )
            for position, row in enumerate(value)
        ]
    if issubclass(target, Page) and isinstance(value, str):
        return page_at(value, locale).specific
    return target._default_manager.get(**value)


def _assign(instance: models.Model, values: dict[str, Any], locale: Locale | None) -> None:
    for name, value in values.items():
        setattr(instance, name, _value(type(instance), name, value, locale))


def load_records(path: Path) -> None:
    """A row's `en` holds the English values of a translatable record's fields that differ."""
    for group in read(path):
        model = apps.get_model(group["model"])
        for row in group["rows"]:
            row = dict(row)
            english = row.pop("en", None)
            lookup = {
                name: _value(model, name, row[name], None)
                if name in row
                else model._meta.get_field(name).get_default()
                for name in group["lookup"]
            }
            records = model._default_manager.filter(**lookup)
            if issubclass(model, TranslatableMixin):
                records = records.filter(locale=Locale.get_default())
            record = records.first()
            if record is None:
                record = model()
                _assign(record, row, None)
                save_record(record)
            if english is not None:
                ensure_record_translation(record, english)


def save_record(record: models.Model) -> None:
    """Validated, saved and (for a model with drafts) published."""
    record.full_clean()
    record.save()
    if isinstance(record, DraftStateMixin):
        record.save_revision().publish()


def ensure_record_translation(record: TranslatableMixin, values: dict[str, Any]) -> None:
    """The English translation of a translatable record (a snippet) with `values`, the fields
    that differ (the others are copied), registered with wagtail-localize like a page's."""
    english = Locale.objects.get(language_code="en")
    existing = record.get_translations().filter(locale=english).first()
    if existing is not None:
        if not is_registered(record, english):
            register_translation(record, existing)
        return
    translation = record.copy_for_translation(english)
    _assign(translation, values, english)
    save_record(translation)
    register_translation(record, translation)


# The tag of documents the demo generated in place of the company's real ones (a contract
# form, a report): the compliance report lists them as needing a real document, and an editor
# removes the tag when uploading the real file.
PLACEHOLDER_TAG = "заглушка"


def ensure_document(
    title: str, filename: str, content: Callable[[], bytes], placeholder: bool = False
) -> AbstractDocument:
    """The document with this title, created from `content()` when missing; a `placeholder`
    is tagged as one."""
    if Collection.get_first_root_node() is None:  # a flushed database has none
        Collection.add_root(name="Root")
    model = get_document_model()
    document = model.objects.filter(title=title).first()
    if document is None:
        document = model(title=title)
        document.file.save(filename, ContentFile(content()), save=False)
        document.save()
        if placeholder:
            document.tags.add(PLACEHOLDER_TAG)
    return document


# --- pages ----------------------------------------------------------------------------------


@dataclass
class PageSpec:
    slug: str
    page_type: str  # "app_label.ModelName"
    title: str
    title_en: str
    fields: dict[str, Any] = field(default_factory=dict)
    # English values of the fields that differ; untranslated fields are copied from Russian.
    fields_en: dict[str, Any] = field(default_factory=dict)
    children: list["PageSpec"] = field(default_factory=list)
    show_in_menus: bool = True
    parent: str | None = None  # the URL path of the parent on the Russian site

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "PageSpec":
        return cls(
            slug=data["slug"],
            page_type=data["type"],
            title=data["title"],
            title_en=data["title_en"],
            fields=data.get("fields", {}),
            fields_en=data.get("fields_en", {}),
            children=[cls.from_data(child) for child in data.get("children", [])],
            show_in_menus=data.get("show_in_menus", True),
            parent=data.get("parent"),
        )


def page_specs(path: Path) -> list[PageSpec]:
    return [PageSpec.from_data(data) for data in read(path)]


def find_spec(specs: Iterable[PageSpec], slug: str) -> PageSpec:
    """The spec with this slug, among `specs` and their descendants."""
    for spec in specs:
        if spec.slug == slug:
            return spec
        try:
            return find_spec(spec.children, slug)
        except LookupError:
            continue
    raise LookupError(slug)


def ensure_locales() -> tuple[Locale, Locale]:
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return russian, english


def page_at(path: str, locale: Locale | None = None) -> Page:
    """The page at this URL path of the Russian site, or its translation into `locale`."""
    home = Site.objects.get(is_default_site=True).root_page
    page = (
        home
        if path.strip("/") == ""
        else Page.objects.get(url_path=f"{home.url_path}{path.strip('/')}/")
    )
    if locale is not None and page.locale_id != locale.id:
        page = page.get_translation(locale)
    return page


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
    _assign(translation, spec.fields_en, english)
    _pair_rows(page.specific, translation)
    publish(translation)
    register_translation(page, translation)


def _pair_rows(source: Page, translation: Page) -> None:
    """Translatable rows written anew for the English page (an InlinePanel in `fields_en`)
    take the translation keys of the Russian rows at their positions, so that wagtail-localize
    pairs them, and the English locale."""
    for relation in get_all_child_relations(type(source)):
        if not issubclass(relation.related_model, TranslatableMixin):
            continue
        name = relation.get_accessor_name()
        rows = list(getattr(translation, name).all())
        for row, source_row in zip(rows, getattr(source, name).all(), strict=False):
            row.translation_key = source_row.translation_key
        for row in rows:
            row.locale = translation.locale


def ensure_page(parent: Page, spec: PageSpec) -> Page:
    """The page at parent/slug (created and published if missing), its English translation,
    and its children, depth first so that every parent is translated before its children."""
    page = parent.get_children().filter(slug=spec.slug).first()
    if page is None:
        page = apps.get_model(spec.page_type)(
            title=spec.title, slug=spec.slug, show_in_menus=spec.show_in_menus
        )
        _assign(page, spec.fields, parent.locale)
        parent.add_child(instance=page)
        publish(page)
    ensure_translation(page, spec)
    for child in spec.children:
        ensure_page(page, child)
    return page


def ensure_pages(specs: Iterable[PageSpec]) -> None:
    for spec in specs:
        ensure_page(page_at(spec.parent), spec)


def order_children(path: str, slugs: list[str]) -> None:
    """Puts the children of the page at `path`, in both languages, in the order of `slugs`
    (the menu's); children not listed follow in their order. Moves nothing in order."""
    parent = page_at(path)
    for page in [parent, *parent.get_translations()]:
        children = {child.slug: child for child in page.get_children()}
        wanted = [slug for slug in slugs if slug in children]
        wanted += [slug for slug in children if slug not in wanted]
        if list(children) == wanted:
            continue
        for slug in wanted:
            Page.objects.get(pk=children[slug].pk).move(page, pos="last-child")
