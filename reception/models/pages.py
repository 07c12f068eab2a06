"""The reception page (appeal form, confirmation, status lookup, home-visit request as routes)
and the satisfaction survey built by editors with Wagtail's form builder (§11, §13)."""

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock


class ReceptionPage(RoutablePageMixin, Page):
    lead = models.TextField(
        blank=True,
        verbose_name=_("lead"),
        help_text=_("One or two sentences above the appeal form."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("How appeals are handled and their terms; shown above the form."),
    )
    privacy_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("personal data policy"),
        help_text=_("The policy the consent checkbox links to; its version is stored."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["reception.SurveyPage"]
    max_count_per_parent = 1
    page_description = _(
        "The virtual reception: the appeal form, the status lookup and the home-visit request."
    )
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("virtual reception")

    def policy(self) -> Page | None:
        """The policy page in this page's language (one query), else the chosen one."""
        if self.privacy_page_id is None:
            return None
        if not hasattr(self, "_policy"):
            chosen = Page.objects.filter(pk=self.privacy_page_id).values("translation_key")
            self._policy = (
                Page.objects.live()
                .filter(translation_key=models.Subquery(chosen), locale_id=self.locale_id)
                .first()
            ) or self.privacy_page
        return self._policy

    @path("")
    def appeal(self, request):
        from ..views import appeal_form

        return appeal_form(self, request)

    @path("thanks/<str:token>/", name="thanks")
    def thanks(self, request, token):
        from ..views import appeal_thanks

        return appeal_thanks(self, request, token)

    @path("status/", name="status")
    def status(self, request):
        from ..views import status_lookup

        return status_lookup(self, request)

    @path("home-visit/", name="home_visit")
    def home_visit(self, request):
        from ..views import home_visit_form

        return home_visit_form(self, request)

    @path("home-visit/thanks/<str:token>/", name="home_visit_thanks")
    def home_visit_thanks(self, request, token):
        from ..views import home_visit_thanks

        return home_visit_thanks(self, request, token)


class SurveyFormField(AbstractFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")

    def get_field_clean_name(self) -> str:
        """Transliterated, not escaped: Wagtail's default turns each Cyrillic letter into
        \\uXXXX, so a Russian question of 50 letters overflows the 255-character column."""
        name = slugify(anyascii(self.label)).replace("-", "_")[:80].strip("_")
        return name or "question"


class SurveyPage(AbstractForm):
    """The yearly customer satisfaction survey (§11, §13; Appendix 1 of the standard)."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("Why we ask and how long it takes; shown above the questions."),
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("thank-you text"),
        help_text=_("Shown after the answers are sent."),
    )

    parent_page_types = ["reception.ReceptionPage"]
    subpage_types = []
    page_description = _("A questionnaire built from fields, such as the yearly survey.")
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
    ]

    class Meta:
        verbose_name = _("survey")

    def serve(self, request, *args, **kwargs):
        from ..views import survey_serve

        return survey_serve(self, request)
