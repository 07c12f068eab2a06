"""Demo content of home: the home page as the default site's root with its English
translation, the /clients/ section, the privacy policy and the site settings (data in this
folder); once every app has added its pages, the menus' order of `menus.yaml`."""

from dataclasses import replace
from pathlib import Path

from wagtail.models import Page, Site

from core import demo

from ..models import HomePage

HERE = Path(__file__).parent


def load() -> None:
    russian, _ = demo.ensure_locales()
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", locale=russian))
    spec = demo.find_spec(demo.page_specs(HERE / "pages.yaml"), "home")
    if not HomePage.objects.filter(depth=2, locale=russian).exists():
        # Wagtail's first migration leaves a "Welcome" page at /; the demo home replaces it.
        Page.objects.filter(depth=2, content_type__model="page").delete()
    home = demo.ensure_page(root, replace(spec, children=[]))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.id:
        site.hostname, site.port, site.site_name = "localhost", 80, "РУСЭНЕРГОСБЫТ"
        site.root_page = home
        site.save()
    for child in spec.children:
        demo.ensure_page(home, child)
    demo.load_records(HERE / "records.yaml")


def order_menus() -> None:
    for path, slugs in demo.read(HERE / "menus.yaml").items():
        demo.order_children(path, slugs)
