"""Demo content of home: the home page as the default site's root with its English
translation, the /clients/ section, the privacy policy and the site settings (data in this
folder); once every app has added its pages, the menus' order of `menus.yaml` and the home
page's tasks of `tasks.yaml`."""

from dataclasses import replace
from pathlib import Path

from wagtail.models import Locale, Page, Site

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


def home_tasks() -> None:
    """The blocks of `tasks.yaml` at the top of each language's home page, unless its body
    already has tasks (an editor's arrangement is left alone)."""
    for language, blocks in demo.read(HERE / "tasks.yaml").items():
        locale = Locale.objects.get(language_code=language)
        home = demo.page_at("/", locale).specific
        if any(block.block_type == "tasks" for block in home.body):
            continue
        for block in blocks:
            for task in block["value"].get("tasks", []):
                if "page" in task:
                    task["page"] = demo.page_at(task["page"], locale).pk
        home.body = [*blocks, *home.body.raw_data]
        demo.publish(home)
