"""deploy/varnish.vcl in a real varnishd, in front of a fake app server that counts the
requests it answers: what it shares, what it passes, that PURGE and BAN drop copies, and that
pages with a form are shared with each visitor's CSRF token written in. Skipped without
varnishd (`make test` installs it as root), except in CI, where it fails."""

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

import pytest

from core.page_cache import ESI_CSRF_INPUT
from search.proxy_log import logged_search, varnishlog_command

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"

pytestmark = pytest.mark.skipif(
    not Path(VARNISHD).exists() and not os.environ.get("CI"), reason="no varnishd"
)

HEADERS = {
    "/public/": [("Cache-Control", "public, max-age=0, s-maxage=60"), ("Vary", "Cookie")],
    "/form/": [("Cache-Control", "private, max-age=0, must-revalidate")],
    "/cookie/": [("Cache-Control", "public, s-maxage=60"), ("Set-Cookie", "csrftoken=abc")],
    "/plain/": [],  # no s-maxage: the app did not say it may be shared
}


class App(BaseHTTPRequestHandler):
    """Answers every path with the count of requests it has answered for that path."""

    counts: dict[str, int]

    def _answer(self) -> None:
        key = f"{self.command} {self.path} {self.headers.get('Cookie', '')}"
        self.counts[self.path] = self.counts.get(self.path, 0) + 1
        body = f"{self.counts[self.path]} {key}".encode()
        headers = HEADERS.get(self.path.split("?")[0], HEADERS["/public/"])
        if self.path.startswith("/esi-form/"):
            body, headers = self._form(body)
        if self.path.startswith("/search/") and "page=" not in self.path:
            headers = [*headers, ("X-Search-Results", "3")]  # as search.views does on a first page
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _form(self, body: bytes) -> tuple[bytes, list[tuple[str, str]]]:
        """A page with a form, as core/page_cache.py answers it: for a proxy that speaks ESI,
        with the include in place of the token; else with a token and the cookie."""
        private = ("Cache-Control", "private, max-age=0, must-revalidate")
        if "ESI/1.0" in self.headers.get("Surrogate-Capability", ""):
            surrogate = ("Surrogate-Control", 'content="ESI/1.0", max-age=60')
            return b"<form>" + ESI_CSRF_INPUT + b"</form>" + body, [private, surrogate]
        token = b'<input type="hidden" name="csrfmiddlewaretoken" value="' + b"m" * 64 + b'">'
        return b"<form>" + token + b"</form>" + body, [private, ("Set-Cookie", "csrftoken=new")]

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Proxy(NamedTuple):
    base: str  # its URL
    counts: dict[str, int]  # the app's requests by path
    instance: str  # varnishd -n


@pytest.fixture(scope="module")
def proxy():
    counts: dict[str, int] = {}
    app = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (App,), {"counts": counts}))
    threading.Thread(target=app.serve_forever, daemon=True).start()
    workdir = Path(tempfile.mkdtemp(prefix="ruses-varnish-"))
    workdir.chmod(0o755)  # varnishd's unprivileged users read the VCL and work there
    (workdir / "backends.vcl").write_text(
        (DEPLOY / "backends.vcl")
        .read_text()
        .replace('"8081"', f'"{app.server_address[1]}"')
        .replace('"8082"', f'"{app.server_address[1]}"')
    )
    port = free_port()
    varnish = subprocess.Popen(
        [VARNISHD, "-F", "-a", f"127.0.0.1:{port}", "-f", str(DEPLOY / "varnish.vcl"),
         "-p", f"vcl_path={workdir}:{DEPLOY}", "-n", str(workdir / "n"), "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:  # until the probes find the app healthy
        try:
            if request(base, "/health/")[0] == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "varnishd did not serve"
        time.sleep(0.3)
    yield Proxy(base, counts, str(workdir / "n"))
    varnish.terminate()
    varnish.wait(10)
    app.shutdown()
    shutil.rmtree(workdir, ignore_errors=True)


def request(base: str, path: str, method: str = "GET", **headers: str) -> tuple[int, str, dict]:
    headers = {name.replace("_", "-"): value for name, value in headers.items()}
    req = urllib.request.Request(base + path, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, "", dict(error.headers)


def test_a_public_page_is_shared_by_visitors_with_or_without_the_csrf_cookie(proxy):
    base, counts, _instance = proxy
    first = request(base, "/public/?a=1")
    assert first[2]["X-Proxy-Cache"] == "miss"
    assert first[2]["Vary"] == "Cookie"  # the app's, for browsers
    assert request(base, "/public/?a=1")[1] == first[1]
    assert request(base, "/public/?a=1", Cookie="csrftoken=x1")[1] == first[1]
    assert request(base, "/public/?a=1", Cookie="csrftoken=x2", Accept_Language="en")[1] == first[1]
    assert counts["/public/?a=1"] == 1


def test_the_a11y_preference_is_a_copy_of_its_own(proxy):
    base, counts, _instance = proxy
    plain = request(base, "/public/?b=1")[1]
    a11y = request(base, "/public/?b=1", Cookie="a11y=large; csrftoken=x")[1]
    assert a11y != plain
    assert request(base, "/public/?b=1", Cookie="a11y=large")[1] == a11y
    assert counts["/public/?b=1"] == 2


@pytest.mark.parametrize(
    ("path", "method", "headers"),
    [
        ("/public/?c=session", "GET", {"Cookie": "sessionid=editor; csrftoken=x"}),
        ("/public/?c=auth", "GET", {"Authorization": "Basic eDp5"}),
        ("/public/?c=post", "POST", {}),
        ("/form/", "GET", {}),
        ("/cookie/", "GET", {}),
        ("/plain/", "GET", {}),
        ("/admin/", "GET", {}),
    ],
)
def test_what_is_personal_or_not_shareable_always_reaches_the_app(proxy, path, method, headers):
    base, counts, _instance = proxy
    for _ in range(3):
        status, _, answer = request(base, path, method, **headers)
        assert status == 200
    assert counts[path] >= 3  # every request answered by the app
    assert answer["X-Proxy-Cache"] == "pass"


def test_purge_drops_one_url_and_ban_drops_every_match(proxy):
    base, counts, _instance = proxy
    for path in ("/public/?d=1", "/public/?d=2", "/api/v2/pages/"):
        request(base, path)
        request(base, path)
    assert request(base, "/public/?d=1", "PURGE")[0] == 200
    request(base, "/public/?d=1")
    request(base, "/public/?d=2")
    assert (counts["/public/?d=1"], counts["/public/?d=2"]) == (2, 1)

    assert request(base, "/", "BAN", X_Ban_Url=r"^/(api/|sitemap\.xml)")[0] == 200
    request(base, "/api/v2/pages/")
    request(base, "/public/?d=2")
    assert (counts["/api/v2/pages/"], counts["/public/?d=2"]) == (2, 1)

    assert request(base, "/", "BAN", X_Ban_Url=".")[0] == 200
    request(base, "/public/?d=2")
    assert counts["/public/?d=2"] == 2


SECRET_A, SECRET_B = "a" * 32, "B1" * 16


def token_input(secret: str) -> str:
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{secret}">'


def test_a_page_with_a_form_is_shared_with_each_visitors_own_token(proxy):
    base, counts, _instance = proxy
    first = request(base, "/esi-form/", Cookie=f"csrftoken={SECRET_A}")
    second = request(base, "/esi-form/", Cookie=f"csrftoken={SECRET_A}")
    other = request(base, "/esi-form/", Cookie=f"csrftoken={SECRET_B}")
    assert counts["/esi-form/"] == 1
    assert (first[2]["X-Proxy-Cache"], other[2]["X-Proxy-Cache"]) == ("miss", "hit")
    assert first[1].startswith(f"<form>{token_input(SECRET_A)}</form>1 GET /esi-form/")
    assert second[1] == first[1]
    assert other[1] == first[1].replace(SECRET_A, SECRET_B, 1)
    assert "esi:" not in other[1]
    assert other[2]["Cache-Control"] == "private, max-age=0, must-revalidate"
    assert not {"ETag", "Surrogate-Control", "x-csrf-esi", "Set-Cookie"} & set(other[2])

    assert request(base, "/esi-form/", "PURGE")[0] == 200
    request(base, "/esi-form/", Cookie=f"csrftoken={SECRET_B}")
    assert counts["/esi-form/"] == 2


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/esi-form/first/", {}),  # a first visit: the app sets the cookie
        ("/esi-form/bad/", {"Cookie": "csrftoken=short"}),
        ("/esi-form/said/", {"Surrogate_Capability": 'x="ESI/1.0"'}),  # not the proxy's word
    ],
)
def test_a_visitor_whose_token_the_proxy_cannot_write_in_reaches_the_app(proxy, path, headers):
    base, counts, _instance = proxy
    request(base, path, Cookie=f"csrftoken={SECRET_A}")  # the shared copy, kept
    for _ in range(2):
        status, body, answer = request(base, path, **headers)
        assert status == 200
        assert answer["Set-Cookie"] == "csrftoken=new"
        assert "esi:" not in body
    assert counts[path] == 3


def test_a_page_with_a_form_and_a_query_string_is_never_shared(proxy):
    """A visitor may choose what such a page shows: shared, its token could be guessed from
    the sizes of compressed answers (BREACH)."""
    base, counts, _instance = proxy
    for secret in (SECRET_A, SECRET_A, SECRET_B):
        body = request(base, "/esi-form/?topic=x", Cookie=f"csrftoken={secret}")[1]
        assert token_input("m" * 64) in body
    assert counts["/esi-form/?topic=x"] == 3


def test_searches_are_shared_and_the_log_tells_each_one_answered_from_a_copy(proxy):
    """What `manage.py count_proxy_searches` reads (search/proxy_log.py): a record for each
    search the proxy answered from a copy of a search the app counted, none for those that
    reached the app (it counts them itself)."""
    base, counts, instance = proxy
    log = subprocess.Popen(varnishlog_command(instance), stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(log.stdout), daemon=True).start()
    try:
        deadline = time.monotonic() + 20
        while not any("q=ready" in line for line in lines):  # until varnishlog reads the log
            assert time.monotonic() < deadline, "varnishlog wrote nothing"
            request(base, "/search/?q=ready")
            time.sleep(0.2)
        lines.clear()
        for path in ["/search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84"] * 3 + [
            "/en/search/?q=tariff&page=2", "/en/search/?q=tariff&page=2", "/public/?e=1",
            "/public/?e=1",
        ]:  # fmt: skip
            assert request(base, path)[0] == 200
        time.sleep(1)
    finally:
        log.terminate()
    assert counts["/search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84"] == 1
    assert counts["/en/search/?q=tariff&page=2"] == 1
    assert [logged_search(line) for line in lines] == [
        "3 /search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84",
        "3 /search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84",
    ]
