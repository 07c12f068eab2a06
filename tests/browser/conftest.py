"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium; .ci/run installs it)
against pytest-django's live server.

Add a test in a few lines (checks shared by the tests live in tests/browser/helpers.py):

    from .helpers import assert_accessible

    def test_filing_an_appeal(page, site_url):
        page.goto(site_url + "/reception/")
        page.get_by_label("Фамилия, имя, отчество").fill("Иванов Иван")
        ...
        assert_accessible(page)

`site_url` loads the demo content first: live-server tests are transactional, and the
database is emptied after each of them; a test that needs more data creates it itself.
Mark a test that needs JavaScript off with
`@pytest.mark.browser_context_args(java_script_enabled=False)`.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

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


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    missing = not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if missing and not os.environ.get("CI"):
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}"))


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


@pytest.fixture
def site_url(live_server, transactional_db) -> str:
    """The live server's URL, with the demo content loaded."""
    call_command("load_demo", verbosity=0)
    return live_server.url
