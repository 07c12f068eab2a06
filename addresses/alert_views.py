"""Outage alerts by street for customers: the form below the outages page, wherever an editor
puts it (`/clients/outages/subscribe/`: routes of disclosure's OutagesPage through
core/page_routes.py; the core public-form flow: honeypot, consent, rate limit), and the
confirmation and the one-click unsubscribe, each a signed link at `/alerts/` (alert_urls.py),
a path no move of a page changes, since it is in e-mails already sent (addresses/alerts.py)."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from core.consent import policy_version
from core.forms import PublicForm
from core.public_forms import private, serve_public_form
from disclosure.models import OutagesPage
from readings.models.pages import privacy_policy, privacy_url

from . import alerts
from .lookup import find_streets, parse
from .models import Street

MAX_STREETS = 10
RATE = (5, 60 * 60)  # subscriptions per client address and hour


class SubscribeForm(PublicForm):
    consent_required = gettext_lazy("Without your consent we cannot send you alerts.")

    email = forms.EmailField(label=gettext_lazy("E-mail"))
    streets = forms.CharField(
        label=gettext_lazy("Streets"),
        help_text=gettext_lazy("One a line, with the locality: «Подольск, улица Ленина»."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def clean_streets(self) -> list[Street]:
        lines = [line.strip() for line in self.cleaned_data["streets"].splitlines() if line.strip()]
        if len(lines) > MAX_STREETS:
            raise forms.ValidationError(
                _("At most %(count)d streets in one subscription.") % {"count": MAX_STREETS}
            )
        found, problems = [], []
        for line in lines:
            streets = find_streets(parse(line), limit=5)
            exact = [street for street in streets if parse(line).names(street)]
            streets = exact if len(exact) == 1 else streets
            if len(streets) == 1:
                found.append(streets[0])
            elif streets:
                choices = "; ".join(f"{street.locality}, {street.name}" for street in streets)
                problems.append(
                    _("«%(line)s»: which one? %(choices)s") % {"line": line, "choices": choices}
                )
            else:
                problems.append(_("«%(line)s» is not in our directory") % {"line": line})
        if problems:
            raise forms.ValidationError(problems)
        if not found:
            raise forms.ValidationError(_("Name at least one street."))
        return list(dict.fromkeys(found))


def _below(page: OutagesPage, request: HttpRequest, name: str) -> str:
    return page.get_url(request) + page.reverse_subpage(name)


def subscribe_view(page: OutagesPage, request: HttpRequest) -> HttpResponse:
    def store(form: SubscribeForm) -> str:
        alerts.subscribe(
            form.cleaned_data["email"],
            form.cleaned_data["streets"],
            policy_version(privacy_policy()),
        )
        return _below(page, request, "alerts_sent")

    def render(form: SubscribeForm) -> HttpResponse:
        # Not `page`: the outages page's title, description and canonical URL are not these.
        context = {"form": form, "privacy_url": privacy_url(), "form_url": request.path}
        return TemplateResponse(request, "addresses/subscribe.html", context)

    def build(data, files) -> SubscribeForm:
        initial = {"streets": request.GET.get("street", "")[:200]} if data is None else None
        return SubscribeForm(data, initial=initial)

    return serve_public_form(
        request,
        build,
        scope="alerts-subscribe",
        rate=RATE,
        store=store,
        render=render,
        back_url=request.path,
    )


def sent_view(page: OutagesPage, request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "addresses/subscribe_done.html", {"state": "sent"})


def _signed(request: HttpRequest, value: str, action: str, apply) -> HttpResponse:
    """A signed link's page: GET asks to press the button (mail scanners follow links), POST
    does it."""
    subscription = alerts.subscription_for(value, action)
    if subscription is None:
        response = TemplateResponse(
            request, "addresses/subscribe_done.html", {"state": "invalid"}, status=400
        )
        return private(response)
    if request.method == "POST":
        apply(subscription)
        return private(redirect(reverse(f"alerts_{action}_done")))
    return private(
        TemplateResponse(request, "addresses/subscribe_done.html", {"state": f"ask_{action}"})
    )


def confirm_view(request: HttpRequest, value: str) -> HttpResponse:
    return _signed(request, value, alerts.CONFIRM, alerts.confirm)


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without a form.
def unsubscribe_view(request: HttpRequest, value: str) -> HttpResponse:
    return _signed(request, value, alerts.UNSUBSCRIBE, lambda subscription: subscription.delete())


def done_view(state: str):
    def view(request: HttpRequest) -> HttpResponse:
        return TemplateResponse(request, "addresses/subscribe_done.html", {"state": state})

    return view


# Served below the outages page (core/page_routes.py), so they follow it when it moves.
PAGE_ROUTES = [
    path("subscribe/", subscribe_view, name="alerts_subscribe"),
    path("subscribe/sent/", sent_view, name="alerts_sent"),
]


def alerts_url(request: HttpRequest | None = None) -> str | None:
    """The form below the live outages page of the active language (a named link,
    core/links.py), or None when there is none."""
    page = OutagesPage.objects.live().filter(locale__language_code=get_language() or "ru").first()
    return _below(page, request, "alerts_subscribe") if page else None
