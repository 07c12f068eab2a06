from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals, sources  # noqa: F401 - registers the built-in sources

        signals.connect_pages()
