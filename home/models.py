"""The home page, generic content pages and the site-wide settings."""

from django.core.cache import cache
from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from core.blocks import BodyBlock
from core.phone import tel_target
from home.blocks import HomeBodyBlock


class HomePage(Page):
    """The customer's tasks: blocks editors arrange, fed by the records of the other apps
    (home/blocks.py)."""

    lead = models.TextField(
        blank=True,
        verbose_name=_("lead"),
        help_text=_("One or two sentences under the title: who we are and what the site offers."),
    )
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The root of a language version of the site.")
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Finds the deepest page on the path in one query (by slugs, indexed, and full URL
        paths) instead of one query per level, and lets it route the rest: a routable page
        serves its own sub-paths (/clients/tariffs/csv/), any other page answers 404."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            f"{self.url_path}{'/'.join(path_components[:depth])}/"
            for depth in range(1, len(path_components) + 1)
        ]
        page = (
            Page.objects.filter(slug__in=path_components, url_path__in=prefixes)
            .order_by("-depth")
            .first()
        )
        if page is None:
            raise Http404
        remaining = path_components[page.depth - self.depth :]
        return page.specific.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu()
        return context


class SectionPage(Page):
    """A section index, such as Клиентам: an introduction and the list of its pages."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("Shown above the list of the section's pages."),
    )

    parent_page_types = ["home.HomePage", "home.SectionPage"]
    page_description = _("A section that lists its pages, such as «Клиентам».")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public()
        return context


class StandardPage(Page):
    """Text content built from the shared blocks: headings, text, callouts, documents."""

    lead = models.TextField(
        blank=True,
        verbose_name=_("lead"),
        help_text=_("A short summary shown under the title and in section lists."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.SectionPage", "home.StandardPage"]
    page_description = _("A page of text with headings, callouts and documents.")
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contacts shown in every page's footer."""

    company_name = models.CharField(
        max_length=255, default="ООО «РУСЭНЕРГОСБЫТ»", verbose_name=_("company name")
    )
    company_name_en = models.CharField(
        max_length=255,
        default="RUSENERGOSBYT LLC",
        verbose_name=_("company name in English"),
        help_text=_("Shown in the title, header and footer of the English pages."),
    )
    hotline_phone = models.CharField(
        max_length=40,
        blank=True,
        verbose_name=_("hotline phone"),
        help_text=_("As customers dial it, e.g. 8 800 100-00-00."),
    )
    email = models.EmailField(blank=True, verbose_name=_("e-mail"))
    head_office_address = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("legal address"),
        help_text=_(
            "The company's legal address (schema.org data). The footer's address and hours come "
            "from the service centre marked as the head office."
        ),
    )
    personal_account_url = models.URLField(
        blank=True,
        verbose_name=_("personal account"),
        help_text=_(
            "The address of the customers' personal account (a separate service), linked in "
            "every page's header and offered to the home page's tasks."
        ),
    )

    panels = [
        FieldPanel("company_name"),
        FieldPanel("company_name_en"),
        MultiFieldPanel(
            [
                FieldPanel("hotline_phone"),
                FieldPanel("email"),
                FieldPanel("head_office_address"),
            ],
            heading=_("Contacts"),
        ),
        FieldPanel("personal_account_url"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @staticmethod
    def cache_key(site_id: int) -> str:
        return f"site-settings:{site_id}"

    @classmethod
    def for_site(cls, site: Site | None) -> "SiteSettings":
        """Every page's footer reads them: kept in the shared cache, forgotten on save
        (home/signals.py)."""
        if site is None:
            return super().for_site(site)
        key = cls.cache_key(site.pk)
        settings = cache.get(key)
        if settings is None:
            settings = super().for_site(site)
            cache.set(key, settings, timeout=None)
        return settings

    @property
    def local_company_name(self) -> str:
        """The company's name in the language of the page being rendered."""
        english = get_language() == "en" and self.company_name_en
        return self.company_name_en if english else self.company_name

    @property
    def hotline_tel(self) -> str:
        """The hotline as a tel: URI target (E.164, from the one phone rule)."""
        return tel_target(self.hotline_phone)


def personal_account_url(request: HttpRequest | None) -> str:
    """The personal account's address (a named link, core/links.py)."""
    if request is None:
        site = Site.objects.filter(is_default_site=True).first()
        return SiteSettings.for_site(site).personal_account_url if site else ""
    return SiteSettings.for_request(request).personal_account_url


def default_hotline() -> str:
    """The hotline of the default site's settings (core/facts.py: the compliance report checks
    that the hotline's own record and the pages give the same number)."""
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).hotline_phone if site else ""
