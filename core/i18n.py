"""Interface strings that are built at import time but translated per request."""

from django.utils.functional import lazy


def _interpolate(message, values: dict) -> str:
    return str(message) % values


# `message % values` evaluated when shown, in the request's language: `%` on a lazy
# translation at import time would fix it in the language active then (a form's help text).
interpolate_lazy = lazy(_interpolate, str)
