from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from .models import SiteSettings


def forget_site_settings(sender, instance: SiteSettings, **kwargs) -> None:
    cache.delete(SiteSettings.cache_key(instance.site_id))


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            forget_site_settings, sender=SiteSettings, dispatch_uid=f"site-settings-{signal!r}"
        )
