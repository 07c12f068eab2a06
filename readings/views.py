"""The intake form on the meter-readings page: POST, redirect, GET the confirmation.

The confirmation lives in the customer's session, never in the URL, so the confirmation page
shows nothing to anyone else. Neither page is cached (personal data and a CSRF token)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.consent import policy_version
from core.ratelimit import allow

from .forms import ReadingsForm
from .intake import CORRECTED, REPEATED, store_submission
from .services import billing_period, counts_for_next_period, format_reading

SESSION_KEY = "readings_confirmation"
CONFIRMATION_TEMPLATE = "readings/meter_readings_confirmation.html"


PRIVACY_PATH = "/privacy/"


def privacy_policy() -> Page | None:
    """The live personal-data policy page of the active language (slug `privacy` under the
    home page): one query, run only when a submission is stored."""
    return (
        Page.objects.live()
        .filter(slug="privacy", depth=3, locale__language_code=get_language())
        .only("id", "live_revision_id", "last_published_at")
        .first()
    )


def privacy_url() -> str:
    """The policy's address in the active language, without a query: /privacy/ for the
    default language (no prefix), /en/privacy/ for English."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return PRIVACY_PATH
    return f"/{language}{PRIVACY_PATH}"


def form_view(page, request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = ReadingsForm(request.POST)
        if form.is_spam:
            # Pretend nothing happened; a bot learns nothing from the answer.
            return HttpResponseRedirect(page.url)
        if not allow("readings", request, settings.READINGS_RATE_LIMIT, 3600):
            form.is_valid()
            form.add_error(None, _("Too many submissions from your address. Try again later."))
            status = 429
        elif form.is_valid():
            return accept(page, request, form)
    else:
        form = ReadingsForm()
    now = timezone.now()
    cutoff = settings.READINGS_CUTOFF_DAY
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "privacy_url": privacy_url(),
            "cutoff_day": cutoff,
            "after_cutoff": counts_for_next_period(now, cutoff),
            "period_now": billing_period(now, cutoff),
        },
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def accept(page, request: HttpRequest, form: ReadingsForm) -> HttpResponse:
    policy = privacy_policy()
    now = timezone.now()
    cutoff = settings.READINGS_CUTOFF_DAY
    meter, verdict = form.meter, form.verdict
    assert meter is not None and verdict is not None
    outcome = store_submission(
        meter,
        billing_period(now, cutoff),
        verdict.readings,
        email=form.cleaned_data["email"],
        phone=form.cleaned_data["phone"],
        policy_version=policy_version(policy),
        flag_reason=verdict.flag_reason,
        now=now,
    )
    submission = outcome.submission
    request.session[SESSION_KEY] = {
        "number": submission.confirmation_number,
        "period": submission.period.strftime("%m.%Y"),
        "next_period": counts_for_next_period(now, cutoff),
        "meter": meter.number,
        "readings": [format_reading(value) for value in submission.readings],
        "repeated": outcome.status == REPEATED,
        "corrected": outcome.status == CORRECTED,
        "emailed": bool(submission.email) and outcome.status != REPEATED,
    }
    return HttpResponseRedirect(page.url + page.reverse_subpage("confirmation_view"))


def confirmation_view(page, request: HttpRequest) -> HttpResponse:
    confirmation = request.session.get(SESSION_KEY)
    if not confirmation:
        return HttpResponseRedirect(page.url)
    response = page.render(
        request,
        template=CONFIRMATION_TEMPLATE,
        context_overrides={"confirmation": confirmation},
    )
    add_never_cache_headers(response)
    return response
