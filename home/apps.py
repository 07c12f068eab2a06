from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page and site settings")

    def ready(self) -> None:
        from core import demo as demo_loaders
        from core import facts, links, page_cache
        from core.expiry import EVERY_PAGE, register_listing

        from . import accessibility, demo, signals
        from .models import default_hotline, personal_account_url

        signals.connect()
        links.register("personal-account", personal_account_url, _("Personal account"))
        facts.register("hotline", default_hotline)
        # The footer and the head of every page come from the site settings.
        register_listing("home.SiteSettings", EVERY_PAGE)
        # Each preference of the version for the visually impaired is its own cached copy.
        page_cache.register_variant_cookie(
            accessibility.COOKIE_NAME,
            lambda value: accessibility.Preferences.from_cookie(value).cache_key,
        )
        demo_loaders.register("home", demo.load)
        # The /clients/ menu lists pages of several apps: ordered once all of them are in.
        demo_loaders.register("home.menus", demo.order_menus, after_all=True)
        # The home page's tasks link pages of several apps: built once all of them are in.
        demo_loaders.register("home.tasks", demo.home_tasks, after_all=True)
