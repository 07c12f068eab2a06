"""Re-index on publish, unpublish, save and delete."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished


def _page_changed(sender, instance, **kwargs):
    from . import indexer

    indexer.index_object(instance)


def _page_deleted(sender, instance, **kwargs):
    from . import indexer

    indexer.remove_object(instance)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        from . import indexer

        indexer.index_object(instance)


def _deleted(sender, instance, **kwargs):
    from . import indexer

    indexer.remove_object(instance)


def _task_changed(sender, instance, raw=False, **kwargs):
    # The phrases live in the entries of their page: re-index it (if it still exists).
    from wagtail.models import Page

    from . import indexer

    page = Page.objects.filter(pk=instance.page_id).first()
    if not raw and page is not None:
        indexer.index_object(page)


def connect_pages() -> None:
    post_save.connect(_task_changed, sender="search.CustomerTask", dispatch_uid="site_search_task")
    post_delete.connect(
        _task_changed, sender="search.CustomerTask", dispatch_uid="site_search_task_deleted"
    )
    page_published.connect(_page_changed, dispatch_uid="site_search_published")
    page_unpublished.connect(_page_changed, dispatch_uid="site_search_unpublished")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="site_search_page_deleted")


def connect_model(model, name: str) -> None:
    uid = f"site_search_{name}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid + "_saved")
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "_deleted")
