"""Announcements: what editors tell customers about tariff changes and new rules, listed
newest first with an Atom feed (`<index>/feed/`), and the latest ones on the home page."""

from itertools import islice

from django.db import models
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.blocks import BodyBlock

FEED_ITEMS = 20
PER_PAGE = 20


class AnnouncementIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], verbose_name=_("introduction")
    )

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["announcements.AnnouncementPage"]
    max_count_per_parent = 1
    page_description = _("News and announcements, newest first, with an Atom feed.")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("announcements page")

    def get_cached_paths(self) -> list[str]:
        return ["/", "/feed/"]

    def announcements(self, request: HttpRequest, limit: int) -> list:
        """Newest first, without those whose view restriction (Settings → Privacy of a page)
        the request does not pass: Wagtail checks a page's restrictions when it serves the
        page, not when another page lists it. The index's own and its ancestors' were
        checked when the index was served. One query while none is restricted."""
        children = (
            AnnouncementPage.objects.child_of(self)
            .live()
            .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
            .order_by("-date", "-first_published_at")
        )
        shown = (
            page
            for page in children.iterator(chunk_size=limit)
            if not page.restricted
            or all(rule.accept_request(request) for rule in page.view_restrictions.all())
        )
        return list(islice(shown, limit))

    @path("")
    def index(self, request):
        return self.render(
            request, context_overrides={"announcements": self.announcements(request, PER_PAGE)}
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
        for announcement in self.announcements(request, FEED_ITEMS):
            link = request.build_absolute_uri(announcement.get_url(request))
            feed.add_item(
                title=announcement.title,
                link=link,
                unique_id=link,
                description=announcement.lead,
                pubdate=announcement.first_published_at,
                updateddate=announcement.last_published_at,
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response


class AnnouncementPage(Page):
    date = models.DateField(
        default=timezone.localdate,
        verbose_name=_("date"),
        help_text=_("Shown with the announcement; the list is ordered by it."),
    )
    lead = models.TextField(verbose_name=_("lead"), help_text=_("One or two sentences."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["announcements.AnnouncementIndexPage"]
    subpage_types: list[str] = []
    page_description = _("An announcement: a tariff change, a new rule, a change of hours.")
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
