"""The health endpoint of load balancers and the topology."""

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_health_answers_ok_with_database_and_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_fails_when_the_database_is_down(client):
    with mock.patch("core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.django_db
def test_health_reports_a_cache_outage_without_failing(client):
    with mock.patch("core.health.cache.get", return_value=None):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "down"}
