"""Pages of the home app for tests."""

from wagtail.models import Page

from home.models import StandardPage


def make_standard_page(parent: Page, slug: str, title: str, lead: str = "", **fields) -> Page:
    """A published StandardPage (indexed by the site search on publish)."""
    page = StandardPage(title=title, slug=slug, lead=lead, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
