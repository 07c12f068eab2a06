from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page and site settings")

    def ready(self) -> None:
        from core import demo as demo_loaders

        from . import demo, signals

        signals.connect()
        demo_loaders.register("home", demo.load)
        # The /clients/ menu lists pages of several apps: ordered once all of them are in.
        demo_loaders.register("home.menus", demo.order_menus, after_all=True)
