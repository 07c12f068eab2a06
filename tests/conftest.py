"""Cross-app tests: the demo site as a whole, site-wide pages, the interface catalogues, the
settings, and the browser tests (tests/browser/).

The demo is loaded once, when the first of these tests asks for the database, so they see what
a fresh `make run` shows; each test's changes are rolled back. They run after every app's
tests (root conftest.py). Transactional tests here build their own data: they run after the
others and empty the database when they finish."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
