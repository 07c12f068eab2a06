"""The flow of every public form: honeypot → rate limit → validate → store → redirect.

A robot that fills the honeypot is sent back to the page as if all went well; a client over
its limit gets the form back with a 429; a valid form is stored by the app's callback and the
browser redirected (POST/redirect/GET, so a refresh never sends it again); an invalid one is
shown again with what was typed (400). The empty form of a GET is public (the page cache keeps
it, with a fresh CSRF token filled in per visitor: core/page_cache.py); nothing answered to a
POST is cached, since it carries what the visitor typed."""

from collections.abc import Callable

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _

from .forms import HONEYPOT
from .ratelimit import allow

TOO_MANY = _("Too many attempts from your address. Please try again later.")


def private(response: HttpResponse) -> HttpResponse:
    """`Cache-Control: private, no-store` and the rest of never_cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def serve_public_form(
    request: HttpRequest,
    build_form: Callable[..., forms.BaseForm],
    *,
    scope: str,
    rate: tuple[int, int],
    store: Callable[[forms.BaseForm], str | None],
    render: Callable[[forms.BaseForm], HttpResponse],
    back_url: str,
    repeat: Callable[[forms.BaseForm], str | None] | None = None,
) -> HttpResponse:
    """Serves a public form on GET and POST.

    `build_form(data, files)` (both None on GET) makes the form; `rate` is (attempts, seconds)
    per client address in `scope`; `store(form)` saves a valid form and returns the URL to
    redirect to, or None after adding errors to the form; `render(form)` draws the page;
    `back_url` is where a robot caught by the honeypot is sent; `repeat(form)`, for a form
    stored once however often it is sent (core.forms.SentOnce), returns the URL of the
    confirmation when this very submission was stored before: the repeat is answered with it
    and not counted against the limit again."""
    if request.method != "POST":
        return render(build_form(None, None))
    if request.POST.get(HONEYPOT):
        # Pretend nothing happened: a robot learns nothing from the answer.
        return private(HttpResponseRedirect(back_url))
    form = build_form(request.POST, request.FILES)
    status = 400
    # Only a valid submission counts against the limit: a customer correcting a mistake is
    # not a flood, and an invalid one stores nothing.
    if form.is_valid():
        if repeat is not None and (url := repeat(form)) is not None:
            return private(HttpResponseRedirect(url))
        if not allow(scope, request, *rate):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            url = store(form)
            if url is not None:
                return private(HttpResponseRedirect(url))
    response = render(form)
    response.status_code = status
    return private(response)
