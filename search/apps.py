from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import services, signals, sources, synonyms  # noqa: F401 - signal receivers

        signals.connect_pages()

        from core import demo as demo_loaders

        from . import demo

        # Last: it indexes what every other loader made.
        demo_loaders.register("search", demo.load, after_all=True)
