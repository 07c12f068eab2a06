from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .content_version import bump_content_version
from .models import SiteSettings


def forget_site_settings(sender, instance: SiteSettings, **kwargs) -> None:
    cache.delete(SiteSettings.cache_key(instance.site_id))


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid="content-version-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version,
            sender=PageViewRestriction,
            dispatch_uid=f"content-version-restriction-{signal!r}",
        )
        signal.connect(
            forget_site_settings, sender=SiteSettings, dispatch_uid=f"site-settings-{signal!r}"
        )
