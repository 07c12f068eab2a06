"""The planned-outages page (§7 2.1.2): the notices of `notices.py`, upcoming and current
first, an archive, an Atom feed and an iCalendar export."""

from datetime import timedelta

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.page_routes import RoutesOfOtherApps
from disclosure import services

from .notices import MeterVisitNotice, OutageNotice
from .pages import SECTION_PARENTS


class OutagesPage(RoutesOfOtherApps, RoutablePageMixin, Page):
    """Planned outages (§7 2.1.2): upcoming and current first, an archive, an Atom feed and
    an iCalendar export. Notices are snippets so that the lead time is checked on publish.
    Other apps serve routes below it (core/page_routes.py: the outage alerts' form)."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("What a planned outage is and whom to call in an emergency."),
    )

    parent_page_types = SECTION_PARENTS
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("Planned outage and meter-reading visit notices; feed and calendar.")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("outages page")

    def get_cached_paths(self):
        return ["/", "/archive/", "/feed/", "/calendar/"]

    @staticmethod
    def _current() -> models.Q:
        # A notice without an end stays current for a day after it starts.
        now = timezone.now()
        return models.Q(ends_at__gte=now) | models.Q(
            ends_at__isnull=True, starts_at__gte=now - timedelta(days=1)
        )

    @classmethod
    def current_and_upcoming(cls, locale=None):
        """In `locale` (the active language by default), as core/localized.py chooses."""
        notices = OutageNotice.objects.live().for_locale(locale)
        return notices.filter(cls._current()).order_by("starts_at")

    @classmethod
    def past(cls, locale=None):
        notices = OutageNotice.objects.live().for_locale(locale)
        return notices.exclude(cls._current()).order_by("-starts_at")

    @path("")
    def current(self, request):
        notices = list(self.current_and_upcoming(self.locale_id)[:100])
        now = timezone.now()
        for notice in notices:
            notice.is_current = notice.starts_at <= now
        return self.render(
            request,
            context_overrides={
                "notices": notices,
                "visits": MeterVisitNotice.objects.upcoming().for_locale(self.locale_id)[:50],
                "archive": False,
            },
        )

    @path("archive/")
    def archive(self, request):
        return self.render(
            request,
            context_overrides={"notices": list(self.past(self.locale_id)[:200]), "archive": True},
        )

    @path("feed/")
    def feed(self, request):
        url = request.build_absolute_uri(self.get_url(request))
        feed = Atom1Feed(
            title=self.title,
            link=url,
            description=self.title,
            language=self.locale.language_code,
            feed_url=request.build_absolute_uri(),
        )
        for notice in self.current_and_upcoming(self.locale_id)[:100]:
            feed.add_item(
                title=str(notice),
                link=f"{url}#notice-{notice.pk}",
                unique_id=f"{url}#notice-{notice.pk}",
                description=services.describe_outage(notice),
                pubdate=notice.first_published_at or notice.starts_at,
                updateddate=notice.last_published_at or notice.starts_at,
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response

    @path("calendar/")
    def calendar(self, request):
        body = services.outages_to_ical(
            self.current_and_upcoming(self.locale_id)[:200],
            request.build_absolute_uri(self.get_url(request)),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="outages.ics"'
        return response
