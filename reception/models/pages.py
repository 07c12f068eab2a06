"""The reception page (appeal form, confirmation, status lookup, home-visit request as routes)
and the satisfaction survey built by editors with Wagtail's form builder (§11, §13)."""

from anyascii import anyascii
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
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
from core.consent import policy_version
from core.forms import HONEYPOT, HoneypotField, sent_before
from core.public_forms import TOO_MANY, private, serve_public_form
from core.ratelimit import allow

from ..actions import register_appeal, register_visit, visit_requested_within_year
from ..choices import Status
from ..forms import AppealForm, HomeVisitForm, StatusForm
from ..services import contact_matches
from ..tokens import make_token, read_token
from .appeals import Appeal
from .visits import HomeVisitRequest

# (attempts, seconds) per client address.
APPEAL_RATE = (5, 3600)
STATUS_RATE = (10, 600)
VISIT_RATE = (3, 3600)
SURVEY_RATE = (5, 3600)
APPEAL_SALT, VISIT_SALT = "reception.appeal", "reception.visit"


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

    def render_form(self, request, form, template: str):
        # The template calls it (a callable value), so a form from the fragment cache reads none.
        context = {"form": form, "policy_page": self.policy}
        return self.render(request, context_overrides=context, template=template)

    def confirmation(self, request, token: str, salt: str, queryset, name: str, template: str):
        """The confirmation after a redirect: only the record its signed token names."""
        record = queryset.filter(pk=read_token(token, salt)).first()
        if record is None:
            raise Http404
        return private(self.render(request, context_overrides={name: record}, template=template))

    @path("")
    def appeal(self, request):
        def thanks(appeal: Appeal) -> str:
            token = make_token(appeal.pk, APPEAL_SALT)
            return self.url + self.reverse_subpage("thanks", args=[token])

        def repeat(form) -> str | None:
            appeal = sent_before(Appeal, form)
            return thanks(appeal) if appeal else None

        return serve_public_form(
            request,
            AppealForm,
            scope="reception.appeal",
            rate=APPEAL_RATE,
            store=lambda form: thanks(register_appeal(form, policy_version(self.policy()))),
            render=lambda form: self.render_form(request, form, "reception/reception_page.html"),
            back_url=self.url,
            repeat=repeat,
        )

    @path("thanks/<str:token>/", name="thanks")
    def thanks(self, request, token):
        appeals = Appeal.objects.only("number", "due_date")
        template = "reception/reception_thanks.html"
        return self.confirmation(request, token, APPEAL_SALT, appeals, "appeal", template)

    @path("status/", name="status")
    def status(self, request):
        """The status of an appeal by its number and the e-mail or phone given in it. A
        lookup, not a submission: the answer is shown on the POST itself."""
        form, result, status = StatusForm(), None, 200
        if request.method == "POST":
            form = StatusForm(request.POST)
            if form.is_valid() and not request.POST.get(HONEYPOT):
                data = form.cleaned_data
                # Per client and per appeal number: guessing a number's contact from many
                # addresses is stopped as well as one client trying many numbers.
                number = data["number"].strip().upper()
                by_client = allow("reception.status", request, *STATUS_RATE)
                by_number = allow("reception.status-number", request, *STATUS_RATE, number)
                if by_client and by_number:
                    result = self.appeal_status(data["number"], data["contact"])
                else:
                    form.add_error(None, TOO_MANY)
                    status = 429
        response = self.render(
            request,
            context_overrides={"form": form, "result": result},
            template="reception/reception_status.html",
        )
        response.status_code = status
        # The empty lookup form is public; an answer to a POST names an appeal's state.
        return private(response) if request.method == "POST" else response

    @staticmethod
    def appeal_status(number: str, contact: str) -> dict:
        """The status, the due date and what was sent to the customer (§10.2: the interim
        reply and the extension); a wrong pair and an unknown number get the same answer."""
        appeal = (
            Appeal.objects.filter(number__iexact=number.strip())
            .only(
                "status",
                "due_date",
                "original_due_date",
                "extended",
                "email",
                "phone",
                "answer_channel",
            )
            .first()
        )
        if appeal is None or not contact_matches(contact, appeal.email, str(appeal.phone)):
            return {"unknown": True}
        sent = appeal.deliveries.filter(done_at__isnull=False).only("kind", "channel", "done_at")
        return {
            "status": appeal.get_status_display(),
            "due_date": appeal.due_date,
            "extended_from": appeal.original_due_date if appeal.extended else None,
            "sent": list(sent),
            "answered": appeal.status in (Status.ANSWERED, Status.CLOSED),
        }

    @path("home-visit/", name="home_visit")
    def home_visit(self, request):
        def thanks(visit: HomeVisitRequest) -> str:
            token = make_token(visit.pk, VISIT_SALT)
            return self.url + self.reverse_subpage("home_visit_thanks", args=[token])

        def repeat(form) -> str | None:
            visit = sent_before(HomeVisitRequest, form)
            return thanks(visit) if visit else None

        def store(form) -> str | None:
            # A sending that raced its own repeat finds it here, not "already this year".
            first_time = sent_before(HomeVisitRequest, form) is None
            if first_time and visit_requested_within_year(form.cleaned_data["account_number"]):
                form.add_error(
                    "account_number",
                    _("A home visit for this account was already requested within a year."),
                )
                return None
            return thanks(register_visit(form, policy_version(self.policy())))

        return serve_public_form(
            request,
            HomeVisitForm,
            scope="reception.visit",
            rate=VISIT_RATE,
            store=store,
            render=lambda form: self.render_form(request, form, "reception/home_visit.html"),
            back_url=self.url,
            repeat=repeat,
        )

    @path("home-visit/thanks/<str:token>/", name="home_visit_thanks")
    def home_visit_thanks(self, request, token):
        visits = HomeVisitRequest.objects.only("number", "visit_due_date")
        template = "reception/home_visit_thanks.html"
        return self.confirmation(request, token, VISIT_SALT, visits, "visit", template)


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

    def get_form_class(self):
        """The editors' questions and the honeypot (its answer is never stored)."""
        return type("SurveyForm", (super().get_form_class(),), {HONEYPOT: HoneypotField()})

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT, None)
        return super().process_form_submission(form)

    def serve(self, request, *args, **kwargs):
        """The form builder's page through the public-form flow: the honeypot, a rate limit
        and a redirect after POST (to ?sent=1, which shows the thank-you text)."""

        def build_form(data, files):
            return self.get_form(data, files, page=self, user=request.user)

        def render(form):
            context = self.get_context(request)
            context.update({"form": form, "sent": request.GET.get("sent") == "1"})
            return TemplateResponse(request, "reception/survey_page.html", context)

        def store(form) -> str:
            self.process_form_submission(form)
            return self.url + "?sent=1"

        return serve_public_form(
            request,
            build_form,
            scope="reception.survey",
            rate=SURVEY_RATE,
            store=store,
            render=render,
            back_url=self.url,
        )
