"""The site without Redis: with REDIS_URL set and Redis stopped, public pages render from the
database and the forms still accept what customers send (DESIGN: degrade, don't break)."""

import datetime as dt
from unittest import mock

import pytest

from readings.models import Submission

BEFORE_CUTOFF = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)  # the November period
PUBLIC_URLS = [
    "/",
    "/clients/",
    "/clients/tariffs/",
    "/clients/payment/",
    "/clients/meter-readings/",
    "/contacts/",
    "/reception/",
    "/reception/status/",
    "/search/?q=тариф",
    "/search/suggest/?q=тар",
    "/en/",
    "/sitemap.xml",
    "/api/v2/pages/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_render_without_redis(client, redis_stopped, url):
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="ru").status_code == 200


@pytest.mark.django_db
def test_a_meter_reading_is_accepted_without_redis(client, redis_stopped):
    with mock.patch("django.utils.timezone.now", return_value=BEFORE_CUTOFF):
        response = client.post(
            "/clients/meter-readings/",
            {
                "account_number": "1000000001",
                "meter_number": "12345678",
                "reading_t1": "10100",
                "reading_t2": "5050",
                "consent": "on",
            },
            HTTP_ACCEPT_LANGUAGE="ru",
        )
    assert response.status_code == 302
    assert Submission.objects.filter(meter__number="12345678").exists()
