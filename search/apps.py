from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import services, signals, sources, synonyms  # noqa: F401 - signal receivers

        signals.connect_pages()

        from core.staff import register_group

        from .staff import GROUPS

        for name, permissions in GROUPS.items():
            register_group(name, permissions)

        from core import page_cache
        from core.expiry import register_listing

        # Only search results show synonyms, customer tasks and promotions (views that are not
        # pages depend on every registered record).
        register_listing("search.SynonymGroup", [])
        register_listing("search.CustomerTask", [])
        register_listing("wagtailsearchpromotions.SearchPromotion", [])
        # The index itself: the worker indexes a publish after the page tree's version was
        # renewed, and a search cached in between would keep the old results (search.indexer).
        register_listing("search.SearchEntry", [], renewed_by_writer=True)
        # A search answered from the page cache still counts in the report of queries.
        page_cache.register_hit_action("search.query", services.count_query)

        from core import demo as demo_loaders

        from . import demo

        # Last: it indexes what every other loader made.
        demo_loaders.register("search", demo.load, after_all=True)
