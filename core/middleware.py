"""Hostile input stopped at the door: a NUL character in a query or a form field is refused
with 400 before any view sees it (PostgreSQL cannot store or compare it, and no person types
one)."""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict

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
