"""The meter-readings page: the procedure text and the intake form under it, served by the
public-form flow (POST, redirect, GET the confirmation); §6.2 item 6."""

import json

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import fragment_cache
from core.blocks import BodyBlock
from core.consent import current_policy_version
from core.public_forms import private, serve_public_form
from disclosure.models import MeterVisitNotice

from ..forms import ReadingsForm
from ..intake import CORRECTED, REPEATED, store_submission
from ..services import billing_period, counts_for_next_period, format_reading
from .records import Submission

# The confirmation's cookie: signed, limited to the confirmation's path, holding the submission's
# id, confirmation number and outcome (no personal data); the page reads the rest from the row.
CONFIRMATION_COOKIE = "readings_confirmation"
CONFIRMATION_SALT = "readings.confirmation"
CONFIRMATION_MAX_AGE = 3600
CONFIRMATION_TEMPLATE = "readings/meter_readings_confirmation.html"
PRIVACY_PATH = "/privacy/"


def privacy_url() -> str:
    """The policy's address in the active language, without a query: /privacy/ for the
    default language (no prefix), /en/privacy/ for English."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return PRIVACY_PATH
    return f"/{language}{PRIVACY_PATH}"


class MeterReadingsPage(RoutablePageMixin, Page):
    """The procedure of submitting meter readings and the intake form under it."""

    # The disclosure items it covers (codes of disclosure/items.py; the compliance report).
    disclosure_items = ("6.2-6", "10.1-readings")

    lead = models.TextField(
        blank=True,
        verbose_name=_("lead"),
        help_text=_("A short summary shown under the title and in section lists."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("procedure"),
        help_text=_(
            "How and when readings are accepted, and the consequences of a broken or missing "
            "meter (§6.2 item 6). The form follows this text."
        ),
    )

    parent_page_types = ["home.SectionPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _("The procedure of submitting meter readings, with the intake form.")
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    class Meta:
        verbose_name = _("meter readings page")

    @path("")
    def form_view(self, request: HttpRequest) -> HttpResponse:
        confirmation: dict = {}
        response = serve_public_form(
            request,
            lambda data, files: ReadingsForm(data),
            scope="readings",
            rate=(settings.READINGS_RATE_LIMIT, 3600),
            store=lambda form: self.accept(form, confirmation),
            render=lambda form: self.render_form(request, form),
            back_url=self.url,
        )
        if confirmation:
            # A cookie, not the session: no session row written (and committed) per submission.
            response.set_signed_cookie(
                CONFIRMATION_COOKIE,
                json.dumps(confirmation),
                salt=CONFIRMATION_SALT,
                max_age=CONFIRMATION_MAX_AGE,
                path=self.confirmation_url(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def render_form(self, request: HttpRequest, form: ReadingsForm) -> HttpResponse:
        now = timezone.now()
        cutoff = settings.READINGS_CUTOFF_DAY
        context = {
            "form": form,
            "privacy_url": privacy_url(),
            "cutoff_day": cutoff,
            "after_cutoff": counts_for_next_period(now, cutoff),
            "period_now": billing_period(now, cutoff),
            # Under the form only: the confirmation does not build this query.
            "visits": MeterVisitNotice.objects.upcoming().for_locale(self.locale_id)[:50],
        }
        return self.render(request, context_overrides=context)

    def confirmation_url(self) -> str:
        return self.url + self.reverse_subpage("confirmation_view")

    def accept(self, form: ReadingsForm, confirmation: dict) -> str:
        """Stores the readings, fills in what the confirmation's cookie keeps, returns the
        confirmation's URL."""
        now = timezone.now()
        cutoff = settings.READINGS_CUTOFF_DAY
        meter, verdict = form.meter, form.verdict
        assert meter is not None and verdict is not None
        outcome = store_submission(
            meter,
            billing_period(now, cutoff),
            verdict.readings,
            email=form.cleaned_data["email"],
            phone=str(form.cleaned_data["phone"] or ""),
            policy_version=current_policy_version(),
            flag_reason=verdict.flag_reason,
            now=now,
        )
        confirmation.update(
            id=outcome.submission.pk,
            number=outcome.submission.confirmation_number,
            status=outcome.status,
            next_period=counts_for_next_period(now, cutoff),
        )
        return self.confirmation_url()

    @path("confirmation/")
    def confirmation_view(self, request: HttpRequest) -> HttpResponse:
        """The confirmation is in the sender's signed cookie, never in the URL: the page shows
        nothing to anyone else, and nothing once a later correction renumbered the readings."""
        kept = request.get_signed_cookie(
            CONFIRMATION_COOKIE, None, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE
        )
        kept = json.loads(kept) if kept else {}
        submission = (
            Submission.objects.select_related("meter")
            .filter(pk=kept.get("id"), confirmation_number=kept.get("number"))
            .first()
            if kept
            else None
        )
        if submission is None:
            return HttpResponseRedirect(self.url)
        repeated = kept["status"] == REPEATED
        confirmation = {
            "number": submission.confirmation_number,
            "period": submission.period.strftime("%m.%Y"),
            "next_period": kept["next_period"],
            "meter": submission.meter.number,
            "readings": [format_reading(value) for value in submission.readings],
            "repeated": repeated,
            "corrected": kept["status"] == CORRECTED,
            "emailed": bool(submission.email) and not repeated,
        }
        # Only the content shows the cookie's submission: the layout is every visitor's.
        fragment_cache.share_all_but_content(request, CONFIRMATION_COOKIE)
        response = self.render(
            request,
            template=CONFIRMATION_TEMPLATE,
            context_overrides={"confirmation": confirmation},
        )
        return private(response)
