"""The page tree for tests: the root, a home page as the default site's root, sections and
standard pages, each published; translations into English where a test needs them."""

import factory
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, SectionPage, StandardPage


class PublishedPageFactory(factory.django.DjangoModelFactory):
    """A page added under `parent` and published (as an editor would)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent: Page, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class SectionPageFactory(PublishedPageFactory):
    class Meta:
        model = SectionPage

    title = "Клиентам"
    slug = "clients"
    show_in_menus = True


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Страница {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")


def ensure_wagtail_roots() -> Page:
    """What Wagtail's migrations create and a flush removes: the Russian locale, the root
    collection and the root page (returned)."""
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", locale=russian))


def make_home_page() -> HomePage:
    """A Russian home page at the root of the default site (on the empty database of an app's
    tests, see the root conftest.py); published once it has its site, so that it has a URL
    when the site search indexes it."""
    home = HomePage(title="Главная", slug="home")
    ensure_wagtail_roots().add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Сайт"},
    )
    home.save_revision().publish()
    return home


def translate(page: Page, title: str = "", **fields) -> Page:
    """The published English translation of `page`, translating its untranslated ancestors
    below the root first (with their Russian titles), as an editor would."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    parent = page.get_parent()
    if parent.depth > 1 and not parent.get_translations().filter(locale=english).exists():
        translate(parent)
    translation = page.copy_for_translation(english)
    translation.title = title or page.title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def make_standard_page(parent: Page, slug: str, title: str, lead: str = "", **fields) -> Page:
    """A published StandardPage (indexed by the site search on publish)."""
    return StandardPageFactory(parent=parent, slug=slug, title=title, lead=lead, **fields)
