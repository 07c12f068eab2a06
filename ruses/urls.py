from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.health import health
from home.sitemap import AllLanguagesSitemap
from home.views import accessibility_settings, robots_txt

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("health/", health, name="health"),
    path("accessibility/", accessibility_settings, name="accessibility"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Russian at /, English at /en/; Wagtail's page tree serves everything not matched above.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("address/", include("addresses.urls")),
    path("alerts/", include("addresses.alert_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
