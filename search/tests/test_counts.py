"""Searches counted in memory (search/services.py) reach the report through the process's writer
thread: every COUNT_INTERVAL without a further search, and when the process stops."""

import logging
import multiprocessing
import threading
import time

import pytest
from django.db import OperationalError

from search import services
from search.models import QueryStat


def until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture
def process_running(monkeypatch):
    """This process's writer is started by the next count and outlives a main thread of the
    test's own (the real one outlives the test): setting the event ends it, as a process stops."""
    monkeypatch.setattr(services, "_writer", None)
    running = threading.Event()
    main = threading.Thread(target=running.wait, name="main")
    main.start()
    monkeypatch.setattr(threading, "main_thread", lambda: main)
    yield running
    running.set()
    if services._writer is not None:
        services._writer.join(5)


@pytest.mark.django_db(transaction=True)  # the writer writes through its own connection
def test_counts_are_written_without_a_further_search(monkeypatch, process_running):
    monkeypatch.setattr(services, "COUNT_INTERVAL", 0.05)
    services.count_query("тарифы", 3, times=2)
    services.count_query("абракадабра", 0)
    assert until(lambda: QueryStat.objects.count() == 2)
    assert QueryStat.objects.get(query="тарифы").hits == 2
    assert QueryStat.objects.get(query="абракадабра").empty_hits == 1
    assert services._writer.is_alive()  # one thread for every search of the process


@pytest.mark.django_db(transaction=True)
def test_counts_are_written_when_the_main_thread_ends(process_running):
    # Counted in a daemon thread, as granian runs requests: the writer is not one all the same,
    # so that the interpreter waits for its last write.
    search = threading.Thread(target=services.count_query, args=("тарифы", 1), daemon=True)
    search.start()
    search.join()
    assert not services._writer.daemon
    process_running.set()  # long before COUNT_INTERVAL (10 s)
    services._writer.join(5)
    assert not services._writer.is_alive()
    assert QueryStat.objects.get(query="тарифы").hits == 1


@pytest.mark.django_db(transaction=True)
def test_counts_the_database_failed_to_take_are_written_the_next_time(
    monkeypatch, process_running, caplog
):
    monkeypatch.setattr(services, "COUNT_INTERVAL", 0.05)
    record_query, calls = services.record_query, []

    def second_one_fails(*args) -> None:
        calls.append(args)
        if len(calls) == 2:
            raise OperationalError("connection refused\nDETAIL: …")
        record_query(*args)

    monkeypatch.setattr(services, "record_query", second_one_fails)
    with caplog.at_level(logging.WARNING, logger="search.services"):
        services.count_query("тарифы", 3)
        services.count_query("абракадабра", 0)
        assert until(lambda: QueryStat.objects.count() == 2)
    assert QueryStat.objects.get(query="тарифы").hits == 1  # neither lost nor written twice
    assert QueryStat.objects.get(query="абракадабра").empty_hits == 1
    assert len(calls) == 3
    assert caplog.messages == [
        "Search counts of 1 queries not written, kept for the next write: connection refused"
    ]
    assert services._writer.is_alive()


def _search_and_stop() -> None:
    search = threading.Thread(target=services.count_query, args=("тарифы", 1), daemon=True)
    search.start()
    search.join()


@pytest.mark.django_db(transaction=True)
def test_a_forked_worker_writes_its_own_counts_when_it_stops(monkeypatch):
    """As a granian worker: a process forked by multiprocessing, whose main thread returns and
    which then ends without running atexit handlers. It starts a writer of its own, and
    leaves the parent's counts to the parent."""
    parents_writer = threading.Thread(target=threading.Event().wait, args=(5,), daemon=True)
    parents_writer.start()
    monkeypatch.setattr(services, "_writer", parents_writer)
    services.count_query("в родителе", 1)
    started = time.monotonic()
    worker = multiprocessing.get_context("fork").Process(target=_search_and_stop)
    worker.start()
    worker.join(10)
    assert worker.exitcode == 0
    assert time.monotonic() - started < services.COUNT_INTERVAL  # not written by the timer
    assert list(QueryStat.objects.values_list("query", "hits")) == [("тарифы", 1)]
    assert [query for query, _, _ in services._counted] == ["в родителе"]
