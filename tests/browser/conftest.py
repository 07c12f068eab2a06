"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium; .ci/run installs it)
against pytest-django's live server.

Add a test in a few lines (checks shared by the tests live in tests/browser/helpers.py):

    from .helpers import assert_accessible

    def test_filing_an_appeal(page, site_url):
        page.goto(site_url + "/reception/")
        page.get_by_label("Фамилия, имя, отчество").fill("Иванов Иван")
        ...
        assert_accessible(page)

`site_url` is a live server over the demo content, shared by all browser tests (see its
docstring); a test that needs more data creates it itself, and may read the database.
Mark a test that needs JavaScript off with
`@pytest.mark.browser_context_args(java_script_enabled=False)`.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in the test thread; the ORM calls of the fixtures
# (load_demo) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


HERE = Path(__file__).parent


def pytest_itemcollected(item):
    """Every test here is marked `browser` (so `-m "not browser"` leaves them out) and is
    skipped without Chromium, except in CI, where a missing browser must fail."""
    if HERE not in Path(item.fspath).parents:
        return
    item.add_marker(pytest.mark.browser)
    if not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None and not os.environ.get("CI"):
        item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests run last, after pytest-django's own ordering (transactional tests last,
    which empty the database): they share one live server and one load of the demo."""
    browser = [item for item in items if HERE in Path(item.fspath).parents]
    items[:] = [item for item in items if item not in browser] + browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ru-RU"}


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """The URL of a live server over the demo content, shared by every browser test.

    pytest-django's `live_server` fixture makes each test transactional and empties the
    database after it, so each test would reload the demo (seconds each, tens on a busy
    PostgreSQL). The same server here is started once, the demo loaded once (after any
    transactional test emptied the database: browser tests run last), and the database is
    emptied at the end as a transactional test would, so nothing a browser test wrote
    survives into the next `--reuse-db` run. Tests get a fresh browser context each: no
    cookie carries over.
    """
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        server = LiveServer("localhost")
        try:
            yield server.url
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def no_policy_violations(page):
    """Every browser test also proves the Content-Security-Policy breaks nothing: Chromium
    reports each blocked script, style or image on the console."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    yield
    assert not refused, refused
