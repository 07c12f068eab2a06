"""Settings shared by every environment. Production-safe: DEBUG is off and nothing secret
has a default here; dev.py and test.py relax what they need."""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "disclosure",
    "tariffs",
    "faq",
    "reception",
    "readings",
    "announcements",
    "search",
    "addresses",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "sequences",
    "django_tasks_db",
    "axes",
    "phonenumber_field",
]

MIDDLEWARE = [
    "core.page_cache.PageCacheMiddleware",  # first: sees the final response of a miss
    "core.fragment_cache.FragmentCacheMiddleware",  # keeps fragments the response may share
    "core.logging.RequestIdMiddleware",  # every log line of a request carries its id
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulMiddleware",  # 400, not 500, for a NUL in a query or form
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.route_cache.RouteCacheMiddleware",  # pages found without a query (core/route_cache.py)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.accessibility.AccessibilityMiddleware",  # the version for the visually impaired
    "axes.middleware.AxesMiddleware",  # answers a locked-out login (last, as axes asks)
]

ROOT_URLCONF = "ruses.urls"
WSGI_APPLICATION = "ruses.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.accessibility.context_processor",
            ],
        },
    },
]

# Database: DATABASE_URL, or an SQLite file in the project (the embedded default).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection the server dropped (a restart) is replaced, not used for a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A hung server fails a request in seconds instead of holding a worker until it is killed.
    statement_timeout_ms = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "15000"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
        options=f"-c statement_timeout={statement_timeout_ms}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every app server); else files in CACHE_DIR,
# shared by the workers of one machine (`make serve`); else per-process memory (`make run`).
# When Redis falters the site goes on without it (core/cache.py).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "ruses",
            # A stopped or hung Redis costs a request a fraction of a second, then is skipped.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
elif os.environ.get("CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FileCache",
            "LOCATION": os.environ["CACHE_DIR"],
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (core/page_cache.py), never stale: PAGE_CACHE=off renders
# every request (the uncached benchmark). Shared caches (a CDN, the topology's proxy) may keep a
# page PAGE_CACHE_SHARED_MAX_AGE seconds and are purged on every change.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Page routes found without a query under the page-tree version (core/route_cache.py).
ROUTE_CACHE = env_bool("ROUTE_CACHE", True)
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "60"))
# Parts of pages (core/fragment_cache.py) under the same versions, for what the page cache
# does not hold: FRAGMENT_CACHE=off renders every template.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
PAGE_CACHE_SKIP_PATHS = [
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/accessibility/",
    "/health/",
]

# The admin login is throttled (django-axes): after AXES_FAILURE_LIMIT wrong passwords from one
# address it refuses further attempts for a quarter of an hour, whatever the user name, and
# says so in the staff's language. Attempts are kept in the database, so Redis may be down.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # a ModelBackend that first refuses locked-out clients
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"  # the same proxy rule as the forms
AXES_LOCKOUT_TEMPLATE = "admin_locked_out.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian at /, English at /en/.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Our catalogue, then our corrections of Wagtail's and wagtail-localize's Russian: both take
# precedence over the installed apps' catalogues. The first is the one `make messages` writes.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "corrections"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible media storage when a bucket is named (django-storages reads AWS_* variables).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)

# Private files (attachments to appeals: personal data) never get a public URL: on disk outside
# MEDIA_ROOT, or in S3 under a private ACL with signed URLs; served to staff by a view that
# checks permissions (reception/admin_views/registry.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES["private"] = {
    "BACKEND": "reception.files.PrivateFileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get(
                "AWS_PRIVATE_STORAGE_BUCKET_NAME", os.environ["AWS_STORAGE_BUCKET_NAME"]
            ),
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# E-mail: SMTP from the environment; dev and test replace the backend.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@rusenergosbyt.ru")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks, which Wagtail itself uses: e-mail, search indexing, purges).
# The embedded default runs them at once; production queues them in the database for the worker
# (`manage.py db_worker`, django-tasks-db), so that no request waits on SMTP.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Search: Wagtail's database backend; PostgreSQL stems Russian with its `russian` config.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "russian",
    }
}
# Site search (search/): Elasticsearch when ELASTICSEARCH_URL is set, else the database.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "ruses-site")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "3"))

# Public forms and the admin login count attempts per client address (core/ratelimit.py, axes).
# Behind reverse proxies that append to X-Forwarded-For, say how many: the address the outermost
# one saw counts, and what a client writes into the header itself is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

WAGTAIL_SITE_NAME = "РУСЭНЕРГОСБЫТ"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

# Disclosure: map tiles for the office, payment-point and address maps ({z}/{x}/{y}; empty turns
# the tiles off and leaves the markers; requested only once the visitor asks for the map), and
# the age after which the compliance report calls a disclosure page stale.
DISCLOSURE_MAP_TILE_URL = os.environ.get(
    "DISCLOSURE_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
DISCLOSURE_STALE_MONTHS = int(os.environ.get("DISCLOSURE_STALE_MONTHS", "12"))

# Content-Security-Policy (django-csp; core/middleware.py): the public pages run only the
# site's own scripts and styles (none inline; JSON-LD is data, not script), load images from
# the site and the map's tile server, and may not be framed. The admin adds what Wagtail's
# editor needs.
_TILE_ORIGIN = re.match(r"https?://[^/{]+", DISCLOSURE_MAP_TILE_URL)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"] + ([_TILE_ORIGIN.group()] if _TILE_ORIGIN else []),
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "URL_PREFIXES": ("/admin/",),
    "UPDATE": {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE], "img-src": ["blob:"]},
    "REPLACE": {"frame-ancestors": [SELF], "frame-src": [SELF]},
}
X_FRAME_OPTIONS = "DENY"  # Wagtail's previews set SAMEORIGIN for themselves
# Staff avatars from Gravatar would tell a foreign server who works in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor do staff browsers ask wagtail.org for releases: upgrades come through requirements.txt.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Front-end cache purge on every change (a caching reverse proxy that accepts PURGE and BAN, as
# deploy/varnish.vcl; core/frontend_cache.py), sent as the change commits and again by the worker.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.ProxyBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
    # Each language's pages are pages of their own, purged as such; Wagtail's rewriting of
    # /en/… into /ru/… would purge URLs that do not exist (Russian has no prefix).
    WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Meter readings (readings/): the monthly cut-off day (Moscow time) after which readings count
# for the next billing period; the consumption above which a reading is flagged for staff;
# accepted submissions per client address and hour.
READINGS_CUTOFF_DAY = int(os.environ.get("READINGS_CUTOFF_DAY", "25"))
READINGS_MAX_KWH_PER_DAY = int(os.environ.get("READINGS_MAX_KWH_PER_DAY", "100"))
READINGS_RATE_LIMIT = int(os.environ.get("READINGS_RATE_LIMIT", "20"))
