"""What a change queues for its commit, done once a transaction: an import saves thousands of
rows that renew the same versions and purge the same pages, each of which queues it."""

import threading
from collections.abc import Callable, Hashable

from django.db import transaction

_tickets = threading.local()  # key → the ticket the callbacks queued since its last run share


def once(key: Hashable, callback: Callable[[], None]) -> None:
    """`transaction.on_commit(callback)`, done once for all the callbacks of one key queued
    until one of them runs: the first to run does it, the others find it done. They do the
    same work, so which one runs does not matter, and one queued in a savepoint that was
    rolled back is simply not among them."""
    ticket = _tickets.__dict__.get(key)
    if ticket is None or ticket["done"]:
        ticket = _tickets.__dict__[key] = {"done": False}

    def run() -> None:
        if not ticket["done"]:
            ticket["done"] = True
            callback()

    transaction.on_commit(run)
