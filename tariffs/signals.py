"""Publishing a tariff period changes the tariffs page without publishing the page itself, so
a front-end cache (when one is configured) is purged here."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from core.content_version import bump_content_version

from .models import PriceComponent, TariffPeriod, TariffRate, TariffRegion, TariffsPage, ZoneHours


def purge_tariffs_pages() -> None:
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(TariffsPage.objects.live())
    batch.purge()


@receiver(published, sender=TariffPeriod)
@receiver(unpublished, sender=TariffPeriod)
@receiver(post_delete, sender=TariffPeriod)
def tariffs_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("signal") is post_delete and not instance.live:
        return
    purge_tariffs_pages()


def connect_content_version() -> None:
    """Any saved or deleted tariff record renews the cached tariffs (tariffs/selection.py)."""
    for model in (TariffPeriod, TariffRate, ZoneHours, PriceComponent, TariffRegion):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version, sender=model, dispatch_uid=f"tariffs-{model.__name__}"
            )
    published.connect(bump_content_version, sender=TariffPeriod, dispatch_uid="tariffs-pub")
    unpublished.connect(bump_content_version, sender=TariffPeriod, dispatch_uid="tariffs-unpub")
