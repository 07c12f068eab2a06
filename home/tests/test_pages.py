"""Home page types: where they live, and the menu that follows publishing."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, SectionPage, StandardPage


@pytest.mark.django_db
def test_a_published_page_joins_the_menu_at_once(
    ru_client, django_capture_on_commit_callbacks, clients_section
):
    clients = clients_section
    assert "Новый раздел" not in ru_client.get("/").content.decode()  # the menu is cached now
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPage(title="Новый раздел", slug="new-section", show_in_menus=True)
        clients.add_child(instance=page)
        page.save_revision().publish()
    assert 'href="/clients/new-section/">Новый раздел' in ru_client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Новый раздел" not in ru_client.get("/").content.decode()


class TestPageTypes(WagtailPageTestCase):
    def test_home_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_section_and_standard_pages_live_under_home(self):
        self.assertCanCreateAt(HomePage, SectionPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, SectionPage)
