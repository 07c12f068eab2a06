"""Hostile input stopped at the door: a NUL character in a query or a form field is refused
with 400 before any view sees it (PostgreSQL cannot store or compare it, and no person types
one). And the Content-Security-Policy of every response."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _holds_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


class RejectNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request.GET) or "\x00" in request.path:
            raise BadRequest("NUL character in the request")
        is_form = request.method == "POST" and request.content_type in FORM_TYPES
        if is_form and _holds_nul(request.POST):
            raise BadRequest("NUL character in a form field")
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY: no inline script or style, nothing
    from another host but the map tiles) on every page, with one exception: Wagtail's admin,
    open to signed-in staff only, still writes inline scripts and styles and frames its own
    previews, so its pages get settings.CONTENT_SECURITY_POLICY_ADMIN on top."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin = settings.CONTENT_SECURITY_POLICY_ADMIN
        if not report_only and request.path_info.startswith(admin["URL_PREFIXES"]):
            parts.update = {**admin["UPDATE"], **(parts.update or {})}
            parts.replace = {**admin["REPLACE"], **(parts.replace or {})}
        return parts
