"""Fixtures shared by every test: each app's `<app>/tests/` and the cross-app `tests/`.

The demo site is loaded once into the test database, so every test starts from the same
content as a fresh `make run`; each test's changes are rolled back.

Transactional tests (`django_db(transaction=True)`) run last and empty the database when they
finish: they build their own data, and must not rely on the demo content."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_test_database()
        call_command("load_demo", verbosity=0)


def ensure_test_database() -> None:
    """pytest-django sets up the test database only when a collected test asks for `db`; the
    browser tests (tests/browser/) ask for none, and run alone they would otherwise load the
    demo into, and at the end empty, the development database."""
    from django.db import connection
    from django.test.utils import setup_databases

    if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
        setup_databases(verbosity=0, interactive=False, keepdb=True, aliases={"default"})


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: fragments cached under the content version by
    one test would otherwise outlive the rollback of its data."""
    cache.clear()


@pytest.fixture
def ru_client(db) -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="ru")
