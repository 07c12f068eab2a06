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

from core.consent import current_policy_version
from core.forms import HONEYPOT, PublicForm
from core.public_forms import private, serve_public_form
from disclosure.models import OutagesPage
from readings.models.pages import privacy_url

from . import alerts
from .lookup import find_streets, parse
from .models import Street

MAX_STREETS = 10
RATE = (5, 60 * 60)  # subscriptions per client address and hour


MAX_FOUND = 20  # streets listed for one search
FIND = "find"  # the value of the search step's button (name "step")


class StreetsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, street: Street) -> str:
        return f"{street.name}, {street.locality.name}"


def _ids(values) -> set[int]:
    # What a browser posts for the checkboxes; anything else (or a number no key can be) is
    # ignored here and refused by the field.
    return {int(value) for value in values if str(value).isdigit() and len(str(value)) < 10}


class SubscribeForm(PublicForm):
    """The streets are picked from the directory: a search step (the «Find» button, also
    without JavaScript) lists the streets matching what was typed (their stems, «ё» = «е», as
    the address lookup) as checkboxes beside those already ticked, and «Subscribe» sends the
    ticked ones."""

    consent_required = gettext_lazy("Without your consent we cannot send you alerts.")

    email = forms.EmailField(label=gettext_lazy("E-mail"))
    find = forms.CharField(
        label=gettext_lazy("Find a street"),
        help_text=gettext_lazy("Its name, with the locality if you like: «Подольск, Ленина»."),
        required=False,
        max_length=200,
    )
    streets = StreetsField(
        queryset=Street.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Streets"),
        error_messages={"required": gettext_lazy("Find your street and tick it.")},
    )

    def __init__(self, data=None, *args, search: str = "", chosen=(), **kwargs) -> None:
        super().__init__(data, *args, **kwargs)
        if data is not None:
            search, chosen = data.get("find", ""), data.getlist("streets")
        self.search = " ".join(str(search).split())[:200]
        self.found = find_streets(parse(self.search), MAX_FOUND) if len(self.search) > 1 else []
        ids = _ids(chosen) | {street.pk for street in self.found}
        self.fields["streets"].queryset = (
            Street.objects.filter(pk__in=ids)
            .select_related("locality")
            .order_by("locality__name", "name")
        )

    def clean_streets(self) -> list[Street]:
        streets = list(self.cleaned_data["streets"])
        if len(streets) > MAX_STREETS:
            raise forms.ValidationError(
                _("At most %(count)d streets in one subscription.") % {"count": MAX_STREETS}
            )
        return streets


def _search_step(request: HttpRequest) -> SubscribeForm:
    """The form again after «Find», unbound (no errors yet), with what was typed and ticked."""
    chosen = _ids(request.POST.getlist("streets"))
    initial = {
        "email": request.POST.get("email", "")[:254],
        "find": request.POST.get("find", "")[:200],
        "streets": sorted(chosen),
        "consent": bool(request.POST.get("consent")),
    }
    return SubscribeForm(initial=initial, search=initial["find"], chosen=chosen)


def _linked(text: str) -> SubscribeForm:
    """A link names a street (the address page's): searched, and ticked when it is the one."""
    text = text[:200]
    streets = find_streets(parse(text), limit=5)
    exact = [street.pk for street in streets if parse(text).names(street)]
    return SubscribeForm(initial={"find": text, "streets": exact[:1]}, search=text)


def _below(page: OutagesPage, request: HttpRequest, name: str) -> str:
    return page.get_url(request) + page.reverse_subpage(name)


def subscribe_view(page: OutagesPage, request: HttpRequest) -> HttpResponse:
    def store(form: SubscribeForm) -> str:
        alerts.subscribe(
            form.cleaned_data["email"],
            form.cleaned_data["streets"],
            current_policy_version(),
        )
        return _below(page, request, "alerts_sent")

    def render(form: SubscribeForm) -> HttpResponse:
        # Not `page`: the outages page's title, description and canonical URL are not these.
        context = {"form": form, "privacy_url": privacy_url(), "form_url": request.path}
        return TemplateResponse(request, "addresses/subscribe.html", context)

    def build(data, files) -> SubscribeForm:
        return SubscribeForm(data) if data is not None else _linked(request.GET.get("street", ""))

    searching = request.POST.get("step") == FIND and not request.POST.get(HONEYPOT)
    if request.method == "POST" and searching:
        return private(render(_search_step(request)))
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
