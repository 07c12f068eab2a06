"""Public views of the reception, called by the routes of ReceptionPage and SurveyPage.

Every successful POST redirects (POST/redirect/GET); confirmations carry a signed token, so
no one else's appeal can be opened by guessing; nothing here is cacheable."""

import time

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36
from django.utils.translation import gettext as _

from core.consent import policy_version
from core.ratelimit import allow

from .actions import register_appeal, register_visit, visit_requested_within_year
from .forms import AppealForm, HomeVisitForm, HoneypotField, StatusForm
from .models import Appeal, HomeVisitRequest
from .services import contact_matches

TOKEN_MAX_AGE = 2 * 24 * 3600
# (attempts, seconds) per client address.
APPEAL_RATE = (5, 3600)
STATUS_RATE = (10, 600)
VISIT_RATE = (3, 3600)
SURVEY_RATE = (5, 3600)


def private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _signature(pk: int, stamp: str, salt: str) -> str:
    return salted_hmac(salt, f"{pk}-{stamp}", algorithm="sha256").hexdigest()[:32]


def make_token(obj, salt: str) -> str:
    r"""pk-time-signature, in the characters Wagtail's page URLs allow ([\w-])."""
    stamp = int_to_base36(int(time.time()))
    return f"{obj.pk}-{stamp}-{_signature(obj.pk, stamp, salt)}"


def read_token(token: str, salt: str) -> int:
    try:
        pk_text, stamp, signature = token.split("-")
        pk, issued = int(pk_text), base36_to_int(stamp)
    except ValueError as error:
        raise Http404 from error
    if not constant_time_compare(signature, _signature(pk, stamp, salt)):
        raise Http404
    if time.time() - issued > TOKEN_MAX_AGE:
        raise Http404
    return pk


def too_many(form) -> None:
    form.add_error(None, _("Too many attempts from your address. Please try again later."))


def appeal_form(page, request):
    form = AppealForm()
    status = 200
    if request.method == "POST":
        form = AppealForm(request.POST, request.FILES)
        if form.is_spam:
            return HttpResponseRedirect(page.url)
        if not allow("reception.appeal", request, *APPEAL_RATE):
            form.is_valid()
            too_many(form)
            status = 429
        elif form.is_valid():
            appeal = register_appeal(form, policy_version(page.policy()))
            url = page.url + page.reverse_subpage(
                "thanks", args=[make_token(appeal, "reception.appeal")]
            )
            return HttpResponseRedirect(url)
        else:
            status = 400
    response = page.render(
        request,
        context_overrides={"form": form, "policy_page": page.policy()},
        template="reception/reception_page.html",
    )
    response.status_code = status
    return private(response)


def confirmation(page, request, token: str, salt: str, queryset, name: str, template: str):
    """The confirmation after a redirect: only the record its signed token names."""
    record = queryset.filter(pk=read_token(token, salt)).first()
    if record is None:
        raise Http404
    return private(page.render(request, context_overrides={name: record}, template=template))


def appeal_thanks(page, request, token):
    appeals = Appeal.objects.only("number", "due_date")
    template = "reception/reception_thanks.html"
    return confirmation(page, request, token, "reception.appeal", appeals, "appeal", template)


def status_lookup(page, request):
    form = StatusForm()
    result = None
    status = 200
    if request.method == "POST":
        form = StatusForm(request.POST)
        if not allow("reception.status", request, *STATUS_RATE):
            form.is_valid()
            too_many(form)
            status = 429
        elif form.is_valid() and not form.is_spam:
            appeal = (
                Appeal.objects.filter(number__iexact=form.cleaned_data["number"].strip())
                .only("status", "due_date", "email", "phone")
                .first()
            )
            found = appeal is not None and contact_matches(
                form.cleaned_data["contact"], appeal.email, appeal.phone
            )
            # A wrong pair and an unknown number get the same answer.
            result = (
                {"status": appeal.get_status_display(), "due_date": appeal.due_date}
                if (found)
                else {"unknown": True}
            )
    response = page.render(
        request,
        context_overrides={"form": form, "result": result},
        template="reception/reception_status.html",
    )
    response.status_code = status
    return private(response)


def home_visit_form(page, request):
    form = HomeVisitForm()
    status = 200
    if request.method == "POST":
        form = HomeVisitForm(request.POST)
        if form.is_spam:
            return HttpResponseRedirect(page.url)
        if not allow("reception.visit", request, *VISIT_RATE):
            form.is_valid()
            too_many(form)
            status = 429
        elif form.is_valid():
            if visit_requested_within_year(form.cleaned_data["account_number"]):
                form.add_error(
                    "account_number",
                    _("A home visit for this account was already requested within a year."),
                )
                status = 400
            else:
                visit = register_visit(form, policy_version(page.policy()))
                token = make_token(visit, "reception.visit")
                return HttpResponseRedirect(
                    page.url + page.reverse_subpage("home_visit_thanks", args=[token])
                )
        else:
            status = 400
    response = page.render(
        request,
        context_overrides={"form": form, "policy_page": page.policy()},
        template="reception/home_visit.html",
    )
    response.status_code = status
    return private(response)


def home_visit_thanks(page, request, token):
    visits = HomeVisitRequest.objects.only("number", "visit_due_date")
    template = "reception/home_visit_thanks.html"
    return confirmation(page, request, token, "reception.visit", visits, "visit", template)


def survey_serve(page, request):
    """The form builder's page, with a honeypot, a rate limit and a redirect after POST."""
    sent = request.GET.get("sent") == "1"
    status = 200
    if request.method == "POST":
        form = page.get_form(request.POST, page=page, user=request.user)
        form.fields["website"] = HoneypotField()
        if request.POST.get("website"):
            return HttpResponseRedirect(page.url)
        if not allow("reception.survey", request, *SURVEY_RATE):
            form.is_valid()
            too_many(form)
            status = 429
        elif form.is_valid():
            form.cleaned_data.pop("website", None)
            page.process_form_submission(form)
            return HttpResponseRedirect(page.url + "?sent=1")
        else:
            status = 400
    else:
        form = page.get_form(page=page, user=request.user)
        form.fields["website"] = HoneypotField()
    context = page.get_context(request)
    context.update({"form": form, "sent": sent})
    response = TemplateResponse(request, "reception/survey_page.html", context)
    response.status_code = status
    return private(response)
