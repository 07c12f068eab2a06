"""Which content change expires which pages. Records (snippets) are not pages: publishing one
does not republish the pages that list it. An app declares, in `AppConfig.ready()`, which page
types show a model:

    register_listing("disclosure.OutageNotice", ["disclosure.OutagesPage"])

and then saving, publishing, unpublishing or deleting such a record renews the content
version (core/content_version.py) and, when `wagtail.contrib.frontend_cache` is installed,
purges those pages from the front-end cache once the change commits. `pages_showing(record)`
answers which pages show a record."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import published, unpublished

from .content_version import bump_content_version

_page_types: dict[str, list[str]] = {}  # model label → labels of the page types showing it


def register_listing(model_label: str, page_type_labels: list[str]) -> None:
    model = apps.get_model(model_label)
    labels = _page_types.setdefault(model._meta.label, [])
    labels.extend(label for label in page_type_labels if label not in labels)
    signals = [post_save, post_delete]
    if issubclass(model, DraftStateMixin):
        signals += [published, unpublished]
    for signal in signals:
        signal.connect(content_changed, sender=model, dispatch_uid=f"expiry-{model_label}")


def pages_showing(instance) -> list[Page]:
    """The live pages that show this record (or any record of its model)."""
    pages: list[Page] = []
    for label in _page_types.get(instance._meta.label, []):
        pages.extend(apps.get_model(label).objects.live())
    return pages


def content_changed(sender, instance, signal, **kwargs) -> None:
    bump_content_version()
    if apps.is_installed("wagtail.contrib.frontend_cache") and _is_visible(instance, signal):
        pages = pages_showing(instance)
        if pages:
            transaction.on_commit(lambda: purge(pages))


def _is_visible(instance, signal) -> bool:
    """A draft saved for review changes no public page: a draftable record changes them when
    published, unpublished or deleted while live."""
    if not isinstance(instance, DraftStateMixin):
        return True
    return signal in (published, unpublished) or (signal is post_delete and instance.live)


def purge(pages: list[Page]) -> None:
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()
