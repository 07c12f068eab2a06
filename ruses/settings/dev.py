"""Local development: the embedded default (SQLite, memory cache, console e-mail)."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = ["*"]
# Templates and code change under a developer's hands: pages render afresh unless asked for.
PAGE_CACHE = env_bool("PAGE_CACHE", False)
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", False)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Links in admin e-mails and the API point at the port the dev server listens on (`make run`).
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://localhost:{os.environ.get('PORT', '8000')}"
)
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
