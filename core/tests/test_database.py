"""The database connection survives a server restart and never hangs a worker."""

import psycopg
import pytest
from django.db import close_old_connections, connection
from wagtail.models import Page

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's connections"),
    pytest.mark.django_db(transaction=True),
]


def terminate_own_backend() -> None:
    """What a PostgreSQL restart does to a persistent connection: kills it server-side."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_dropped_by_the_server_is_replaced_at_the_next_request():
    Page.objects.count()
    terminate_own_backend()
    close_old_connections()  # what Django does when a request starts
    assert Page.objects.count() >= 1


def test_without_the_health_check_the_next_request_would_fail():
    Page.objects.count()
    terminate_own_backend()
    connection.health_check_enabled = False
    try:
        close_old_connections()
        with pytest.raises(Exception, match=r"terminat|closed|server"):
            Page.objects.count()
    finally:
        connection.close()
        connection.health_check_enabled = True


def test_statements_and_connections_have_timeouts():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] != "0"
    assert connection.get_connection_params()["connect_timeout"] > 0
