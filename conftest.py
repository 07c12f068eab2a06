"""Fixtures shared by every test: each app's `<app>/tests/` and the cross-app `tests/`.

The tests of an app start from an empty database and build what they need with their app's
factories (`<app>/tests/factories.py`); the page tree comes from `home_page` and
`clients_section` below. Only the cross-app tests in `tests/` see the demo site: their
conftest.py loads it when the first of them runs, and they run after every app's tests
(`pytest_collection_modifyitems` below), so no app test ever sees demo content.

Each test's changes are rolled back. Transactional tests (`django_db(transaction=True)`) run
after the others of their group and empty the database when they finish."""

import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS
from django.test import Client
from django.utils import translation

from core.cache import DegradingRedisClient
from home.models import HomePage, SectionPage, StandardPage
from home.tests.factories import (
    SectionPageFactory,
    ensure_wagtail_roots,
    make_home_page,
    make_standard_page,
)
from search import services as search_services

CROSS_APP_TESTS = Path(__file__).parent / "tests"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """An empty database, whatever an earlier `--reuse-db` run left in it (such as the demo),
    with the rows that migrating gives: those of Wagtail's data migrations that the tests
    need, then whatever the apps' post_migrate handlers create (staff groups)."""
    with django_db_blocker.unblock():
        ensure_test_database()
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        # The cached content types name rows that the flush removed.
        ContentType.objects.clear_cache()
        for app_config in apps.get_app_configs():
            create_contenttypes(app_config, verbosity=0)
        ensure_wagtail_roots()
        ensure_admin_access_permission()
        emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)


def ensure_admin_access_permission() -> None:
    """Wagtail's permission to use the admin (a data migration of wagtailadmin creates it)."""
    admin, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    Permission.objects.get_or_create(
        content_type=admin, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )


def ensure_test_database() -> None:
    """pytest-django sets up the test database only when a collected test asks for `db`; the
    browser tests (tests/browser/) ask for none, and run alone they would otherwise empty, and
    load the demo into, the development database."""
    from django.db import connection
    from django.test.utils import setup_databases

    if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
        setup_databases(verbosity=0, interactive=False, keepdb=True, aliases={"default"})


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The cross-app tests run after every app's tests, whatever the order on the command line:
    the demo they load must not leak into a test that builds its own data. Within each part
    pytest-django's order holds (transactional tests after the others)."""
    items.sort(key=lambda item: CROSS_APP_TESTS in Path(item.fspath).parents)


@pytest.fixture(autouse=True)
def russian_first():
    """Each test starts in the site's default language: a request to /en/ in one test would
    otherwise leave English active for lazy messages read in the next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch):
    """Each test starts with an empty cache: fragments cached under the content version by
    one test would otherwise outlive the rollback of its data. So do the searches counted in
    memory (search/services.py): one test's would be written into another's. The tests write
    them themselves, inside their transaction: no writer thread of its own connection commits
    them meanwhile (as if this process's were running)."""
    cache.clear()
    search_services.forget_counted_queries()
    monkeypatch.setattr(search_services, "_writer", threading.main_thread())


@pytest.fixture
def redis_stopped(settings):
    """The cache is a Redis nobody answers at (connection refused), as when Redis is down."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    DegradingRedisClient.down_until = 0.0
    yield
    DegradingRedisClient.down_until = 0.0


@pytest.fixture
def ru_client(db) -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="ru")


@pytest.fixture
def home_page(db) -> HomePage:
    """The Russian home page, root of the default site."""
    return make_home_page()


@pytest.fixture
def privacy_page(home_page) -> StandardPage:
    """The personal-data policy at /privacy/, which the public forms link to and whose
    version a consent records."""
    return make_standard_page(home_page, "privacy", "Политика обработки персональных данных")


@pytest.fixture
def clients_section(home_page) -> SectionPage:
    """The section «Клиентам» at /clients/, where most of the apps' pages live."""
    return SectionPageFactory(parent=home_page)
