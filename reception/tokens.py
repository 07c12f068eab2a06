"""Signed tokens in confirmation URLs: only the sender, redirected there, can open the
confirmation of an appeal or a home visit; guessing a number opens nothing."""

import time

from django.http import Http404
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

TOKEN_MAX_AGE = 2 * 24 * 3600


def _signature(pk: int, stamp: str, salt: str) -> str:
    return salted_hmac(salt, f"{pk}-{stamp}", algorithm="sha256").hexdigest()[:32]


def make_token(pk: int, salt: str) -> str:
    r"""pk-time-signature, in the characters Wagtail's page URLs allow ([\w-])."""
    stamp = int_to_base36(int(time.time()))
    return f"{pk}-{stamp}-{_signature(pk, stamp, salt)}"


def read_token(token: str, salt: str) -> int:
    """The pk a valid, unexpired token names; Http404 for anything else."""
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
