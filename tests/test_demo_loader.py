"""What `load_demo` builds from the apps' data files (the demo loaded by tests/conftest.py):
the menu order and page links in both languages, the English survey, and a second run that
changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

CLIENTS_MENU = [
    "tariffs",
    "contracts",
    "consumption-norms",
    "payment",
    "meter-readings",
    "restriction",
    "appeals",
    "faq",
    "outages",
    "services",
    "service-standard",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url_path", ["/home/clients/", "/home-en/clients/"])
def test_the_clients_menu_keeps_its_order_in_both_languages(url_path):
    section = Page.objects.get(url_path=url_path)
    assert [page.slug for page in section.get_children()] == CLIENTS_MENU


@pytest.mark.django_db
def test_page_links_of_the_data_files_point_into_the_same_language():
    for url_path, privacy in [
        ("/home/reception/", "/home/privacy/"),
        ("/home-en/reception/", "/home-en/privacy/"),
    ]:
        reception = Page.objects.get(url_path=url_path).specific
        assert reception.privacy_page.url_path == privacy


@pytest.mark.django_db
def test_english_survey_asks_in_english():
    survey = Page.objects.get(url_path="/home-en/reception/survey/").specific
    assert survey.form_fields.first().label == "How do you rate our service overall?"


def counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    """Nothing is created or changed by a second run: the count of every model (pages,
    revisions, translations, records, documents, log entries) stays as it was."""
    before = counts()
    latest = {page.pk: page.latest_revision_id for page in Page.objects.all()}
    call_command("load_demo", verbosity=0)
    after = counts()
    assert {label: (before[label], n) for label, n in after.items() if before[label] != n} == {}
    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == latest
