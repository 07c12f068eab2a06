"""sitemap.xml for every language: Wagtail's own sitemap lists only the site's root page tree,
which is the Russian home; the English home is its translation, a sibling tree at /en/."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).live()
        in_a_home = Q()
        for path in homes.values_list("path", flat=True):
            in_a_home |= Q(path__startswith=path)
        if not in_a_home:
            return Page.objects.none()
        return (
            Page.objects.filter(in_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
