"""Hostile values in queries and form fields get a 400 in the site's language, never a 500."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_page")]

NUL_REQUESTS = [
    "/search/?q=%00",
    "/search/suggest/?q=a%00b",
    "/api/v2/pages/?search=%00",
    "/?x%00=1",
]


@pytest.mark.parametrize("url", NUL_REQUESTS)
def test_a_nul_in_a_query_is_a_bad_request(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert "Запрос не удалось прочитать" in response.content.decode()


def test_a_nul_in_a_form_field_is_a_bad_request(client):
    response = client.post("/reception/", {"name": "Анна\x00"})
    assert response.status_code == 400


def test_an_api_offset_beyond_any_list_is_a_bad_request(client):
    response = client.get("/api/v2/pages/?offset=9223372036854775808")
    assert response.status_code == 400
    assert "offset" in response.json()["message"]
    assert client.get("/api/v2/pages/?offset=5").status_code == 200


def test_a_csrf_failure_is_explained_in_russian(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/reception/", {"name": "Анна"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 403
    assert "Форма устарела" in response.content.decode()
