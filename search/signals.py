"""Re-index on publish, unpublish, save and delete.

A publish or save queues the indexing for the task worker: the editor's answer and the new
page's visibility do not wait for it (`index_task`; the embedded default runs it at once). A
delete removes the entries at once: the object is gone by the time a task would run."""

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished


@task()
def index_task(label: str, pk: int) -> None:
    """Indexes the object as it is when the task runs (one deleted since then is gone)."""
    from . import indexer

    obj = apps.get_model(label)._default_manager.filter(pk=pk).first()
    if obj is not None:
        indexer.index_object(obj)


def index_later(obj: Model) -> None:
    index_task.enqueue(obj._meta.label, obj.pk)


def _page_changed(sender, instance, **kwargs):
    index_later(instance)


def _deleted(sender, instance, **kwargs):
    from . import indexer

    indexer.remove_object(instance)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_later(instance)


def _task_changed(sender, instance, raw=False, **kwargs):
    # The phrases live in the entries of their page: re-index it (if it still exists).
    if not raw:
        index_task.enqueue(Page._meta.label, instance.page_id)


def connect_pages() -> None:
    post_save.connect(_task_changed, sender="search.CustomerTask", dispatch_uid="site_search_task")
    post_delete.connect(
        _task_changed, sender="search.CustomerTask", dispatch_uid="site_search_task_deleted"
    )
    page_published.connect(_page_changed, dispatch_uid="site_search_published")
    page_unpublished.connect(_page_changed, dispatch_uid="site_search_unpublished")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="site_search_page_deleted")


def connect_model(model, name: str) -> None:
    uid = f"site_search_{name}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid + "_saved")
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "_deleted")
