"""Which content change expires which pages. Records (snippets) are not pages: publishing one
does not republish the pages that list it. An app declares, in `AppConfig.ready()`, which page
types show a model:

    register_listing("disclosure.OutageNotice", ["disclosure.OutagesPage"])
    register_listing("home.SiteSettings", EVERY_PAGE)   # the footer of every page

and then saving, publishing, unpublishing or deleting such a record renews the content version
and that model's version (core/content_version.py): the page cache (core/page_cache.py) drops
exactly those pages, and, when `wagtail.contrib.frontend_cache` is installed, the task worker
purges them from the front-end cache once the change commits (core/frontend_cache.py).
`pages_showing(record)` answers which pages show a record.

Content bound to the clock declares when it next changes:

    register_clock("disclosure.OutagesPage", next_outage_boundary)   # () -> datetime | None

and a cached copy of such a page expires then (every cached page also expires at Moscow
midnight, when "today" changes)."""

from collections.abc import Callable
from datetime import datetime

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import published, unpublished

from . import frontend_cache, on_commit
from .content_version import KEY, PAGES, bump, record_version_name
from .localized import default_language

EVERY_PAGE = ["*"]  # a record every page shows (site settings): its change expires the site

_page_types: dict[str, list[str]] = {}  # model label → labels of the page types showing it
_clocks: dict[str, list[Callable[[], datetime | None]]] = {}  # page type label → boundaries


def register_listing(
    model_label: str, page_type_labels: list[str], *, renewed_by_writer: bool = False
) -> None:
    """`renewed_by_writer`: no signal per row; whoever writes the rows calls
    `records_changed(model_label)` once a batch (the search index writes thousands at once)."""
    model = apps.get_model(model_label)
    labels = _page_types.setdefault(model._meta.label, [])
    labels.extend(label for label in page_type_labels if label not in labels)
    if renewed_by_writer:
        return
    signals = [post_save, post_delete]
    if issubclass(model, DraftStateMixin):
        signals += [published, unpublished]
    for signal in signals:
        signal.connect(content_changed, sender=model, dispatch_uid=f"expiry-{model_label}")


def records_changed(model_label: str) -> None:
    """The rows of a model registered `renewed_by_writer` changed: what shows them expires.
    Such a model (the search index) is shown by views that are not pages."""
    bump(KEY, record_version_name(apps.get_model(model_label)._meta.label))
    frontend_cache.ban_after_commit(frontend_cache.NOT_PAGES)


def register_clock(page_type_label: str, next_change: Callable[[], datetime | None]) -> None:
    """`next_change()` answers when what pages of this type show next changes by itself."""
    _clocks.setdefault(apps.get_model(page_type_label)._meta.label, []).append(next_change)


def version_names(page_type_label: str | None) -> list[str]:
    """The versions a cached copy of a page of this type depends on; None (a view that is not
    a page: search, API, sitemap) depends on every record."""
    names = [PAGES]
    for model_label, page_types in _page_types.items():
        if page_type_label is None or page_type_label in page_types:
            names.append(record_version_name(model_label))
    return names


def next_change(page_type_label: str | None) -> datetime | None:
    """When content bound to the clock next changes on a page of this type (None: any type)."""
    if page_type_label is None:
        clocks = [clock for registered in _clocks.values() for clock in registered]
    else:
        clocks = _clocks.get(page_type_label, [])
    moments = [moment for moment in (clock() for clock in clocks) if moment is not None]
    return min(moments, default=None)


def pages_showing(instance) -> list[Page]:
    """The live pages that show this record (or any record of its model). A translation shows
    only on the pages of its language; a default-language record on those of every language,
    which fall back to it where it has no translation (core/localized.py)."""
    labels = _page_types.get(instance._meta.label, [])
    if labels == EVERY_PAGE:
        return list(Page.objects.live().filter(depth__gt=1))
    pages: list[Page] = []
    for label in labels:
        shown = apps.get_model(label).objects.live()
        if isinstance(instance, TranslatableMixin) and instance.locale_id:
            language = instance.locale.language_code
            if language != default_language():
                shown = shown.filter(locale__language_code=language)
        pages.extend(shown)
    return pages


def content_changed(sender, instance, signal, **kwargs) -> None:
    if not _is_visible(instance, signal, **kwargs):
        return
    label = instance._meta.label
    if _page_types.get(label) == EVERY_PAGE:
        bump(KEY, PAGES)
        frontend_cache.ban_after_commit(frontend_cache.EVERYTHING)
        return
    bump(KEY, record_version_name(label))
    if frontend_cache.enabled():
        # The pages are found when the change commits: once, however many rows it saved.
        shown_in = instance.locale_id if isinstance(instance, TranslatableMixin) else None
        on_commit.once(
            ("purge", label, shown_in),
            lambda: frontend_cache.purge_pages(pages_showing(instance)),
        )


def _is_visible(instance, signal, **kwargs) -> bool:
    """A draft saved for review changes no public page: a draftable record changes them when
    published, unpublished or deleted while live. A live one saved without any revision (an
    import, code) changes them as well; one with revisions is saved as part of publishing,
    which the `published` signal answers."""
    if not isinstance(instance, DraftStateMixin) or signal in (published, unpublished):
        return True
    if signal is post_delete:
        return instance.live
    return instance.live and instance.latest_revision_id is None
