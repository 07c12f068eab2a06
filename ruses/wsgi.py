import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ruses.settings.production")
django_application = get_wsgi_application()

from core.page_cache import PageCacheApplication  # noqa: E402 (needs the settings above)

# A page cache hit is answered before Django's request cycle (core/page_cache.py).
application = PageCacheApplication(django_application)

# What loading made lives as long as the process: kept out of the collector's full passes,
# which would otherwise walk all of it (about 150 ms a pass in a warm worker, which stalls
# every request it holds).
gc.freeze()
