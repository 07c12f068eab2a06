"""Tests: fast hashing, memory cache and mail, a file-named SQLite test database so that
pytest --reuse-db keeps it between runs. DATABASE_URL switches to PostgreSQL."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Test transactions never commit, so no version is renewed: the page cache's own tests turn it on.
PAGE_CACHE = False
ROUTE_CACHE = False  # the same: its own tests and the SQL budgets that count on it turn it on
FRAGMENT_CACHE = False  # the same: its own tests turn it on
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".pytest-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "reception.files.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / ".pytest-private-media")},
    },
}
# Named explicitly on both engines, so that conftest.ensure_test_database can tell whether the
# test database is already in use (Django's default name is derived from the current NAME).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".pytest-db.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}"}
# Tests need no durability: skipping the disk flush on every commit makes the live-server
# (browser) tests, which reload the demo after each test, several times faster.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"
else:
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"
