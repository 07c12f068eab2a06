"""The fault table of the fault-tolerance issue, rerun against `make serve` on PostgreSQL.

    .venv/bin/python benchmarks/faults.py [--port 8201] [--database ruses_faults_bench]

Starts `make serve` (the production-like server with its task worker) on a fresh PostgreSQL
database with the demo, with every outside service broken at once: REDIS_URL points at a port
where nothing listens, and SMTP at a server that accepts the connection and never answers. It
stands behind one trusted proxy (TRUSTED_PROXY_COUNT=1). Then it plays each row of the table
and prints what happened. Localhost only; the output is recorded in benchmarks/faults.txt.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = {"host": "127.0.0.1", "user": "postgres"}
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PUBLIC = [
    "/", "/en/", "/clients/", "/clients/tariffs/", "/clients/payment/", "/contacts/",
    "/clients/faq/", "/reception/", "/reception/status/", "/clients/meter-readings/",
    "/search/?q=тариф", "/search/suggest/?q=тар", "/sitemap.xml", "/api/v2/pages/",
    "/clients/outages/",
]  # fmt: skip
HOSTILE = [
    "/search/?q=%00", "/search/suggest/?q=a%00b", "/api/v2/pages/?search=%00",
    "/api/v2/pages/?offset=9223372036854775808", "/api/v2/pages/?search=%22(",
]  # fmt: skip


class Browser:
    """One visitor: keeps its cookies, fetches a form for its tokens, posts it."""

    def __init__(self, port: int, forwarded_for: str = "") -> None:
        self.port, self.cookies, self.forwarded_for = port, {}, forwarded_for

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 60):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Accept-Language": "ru", "Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        started = time.monotonic()
        connection.request(
            method, urllib.parse.quote(path, safe="/?=&%:,"), body=body, headers=headers
        )
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, text, time.monotonic() - started

    def post_form(self, path: str, data: dict):
        _, _, page, _ = self.request("GET", path)
        fields = {"csrfmiddlewaretoken": TOKEN_RE.search(page).group(1), **data}
        return self.request("POST", path, fields)


def hung_smtp() -> int:
    """A server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []
    threading.Thread(target=lambda: [held.append(server.accept()) for _ in iter(int, 1)],
                     daemon=True).start()  # fmt: skip
    return server.getsockname()[1]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when this returns: nothing listens


def psql(database: str, sql: str) -> str:
    command = ["psql", "-h", PG["host"], "-U", PG["user"], "-d", database, "-tAc", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def appeal(name: str) -> dict:
    return {
        "topic": "general", "appeal_type": "complaint", "customer_type": "household",
        "name": name, "email": "anna@example.ru", "phone": "+7 912 345-67-89",
        "message": "Счёт за октябрь пришёл с ошибкой.", "answer_channel": "email",
        "consent": "on", "website": "",
    }  # fmt: skip


def reading(index: int) -> dict:
    return {
        "account_number": "1000000002", "meter_number": "87654321",
        "reading_t1": str(4400 + index), "consent": "on", "website": "",
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8201)
    parser.add_argument("--database", default="ruses_faults_bench")
    args = parser.parse_args()
    port, database = args.port, args.database
    subprocess.run(
        ["dropdb", "-h", PG["host"], "-U", PG["user"], "--if-exists", database], check=True
    )
    subprocess.run(["createdb", "-h", PG["host"], "-U", PG["user"], database], check=True)
    env = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "REDIS_URL": f"redis://127.0.0.1:{closed_port()}/0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(hung_smtp()),
        "TRUSTED_PROXY_COUNT": "1",
        "READINGS_RATE_LIMIT": "1000",
    }
    server = subprocess.Popen(["make", "serve"], cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(600):
            if server.poll() is not None:
                raise SystemExit(f"make serve exited with {server.returncode}")
            try:
                if Browser(port).request("GET", "/", timeout=5)[0] == 200:
                    break
            except OSError:
                time.sleep(1)
        else:
            raise SystemExit("make serve did not start")
        run_table(port, database)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def row(fault: str, outcome: str) -> None:
    print(f"| {fault} | {outcome} |", flush=True)


def run_table(port: int, database: str) -> None:
    print("| fault or input | what happens now |\n| --- | --- |")
    statuses = [Browser(port).request("GET", url)[0] for url in PUBLIC]
    errors = sum(status >= 500 for status in statuses)
    before = int(psql(database, "SELECT count(*) FROM readings_submission"))
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda i: Browser(port).post_form(
            "/clients/meter-readings/", reading(i))[0], range(100)))  # fmt: skip
    stored = int(psql(database, "SELECT count(*) FROM readings_submission")) - before
    row(
        "Redis unreachable while `REDIS_URL` is set",
        f"{errors} of {len(PUBLIC)} public endpoints answer 500; 100 readings of one meter in "
        f"flight: {sum(s >= 500 for s in answers)} failed, {sum(s == 302 for s in answers)} "
        f"accepted, {stored} row stored (the same meter and period: one submission)",
    )

    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        send = lambda i: Browser(port).post_form("/reception/", appeal(f"Иванов {i}"))  # noqa: E731
        posts = list(pool.map(send, range(4)))
        home = Browser(port).request("GET", "/")
    slowest = max(answer[3] for answer in posts)
    row(
        "SMTP accepts the connection and never answers",
        f"4 appeal POSTs at once: {[a[0] for a in posts]}, slowest {slowest:.2f} s; `GET /` "
        f"meanwhile {home[3]:.2f} s; the mail waits in the outbox for the worker "
        f"({time.monotonic() - started:.1f} s in all)",
    )

    visitor = Browser(port)
    _, _, page, _ = visitor.request("GET", "/reception/")
    form = {
        "csrfmiddlewaretoken": TOKEN_RE.search(page).group(1),
        **appeal("Двойной Клик"),
    }
    first, again = (
        visitor.request("POST", "/reception/", form),
        visitor.request("POST", "/reception/", form),
    )
    count = psql(database, "SELECT count(*) FROM reception_appeal WHERE name = 'Двойной Клик'")
    same = first[1].get("location") is not None and first[1]["location"] == again[1].get("location")
    row(
        "appeal double-click",
        f"{first[0]}, {again[0]}; {count} appeal stored; same confirmation: {same}",
    )

    number = psql(database, "SELECT number FROM reception_appeal ORDER BY id LIMIT 1")
    lookups = []
    for attempt in range(60):
        spoofed = f"198.51.100.{attempt}, 203.0.113.7"  # forged left part, the proxy's right part
        browser = Browser(port, forwarded_for=spoofed)
        data = {"number": number, "contact": f"guess{attempt}@example.ru", "website": ""}
        lookups.append(browser.post_form("/reception/status/", data)[0])
    rotating = []
    for attempt in range(60):  # as if from 60 different clients, all after one number
        browser = Browser(port, forwarded_for=f"203.0.113.{attempt + 20}")
        data = {"number": number, "contact": f"guess{attempt}@example.ru", "website": ""}
        rotating.append(browser.post_form("/reception/status/", data)[0])
    row(
        "status lookups with a forged `X-Forwarded-For` behind one trusted proxy",
        f"one client forging its address: {lookups.count(200)} of 60 answered, then 429; "
        f"60 clients after one number: {rotating.count(200)} answered",
    )

    hostile = {url: Browser(port).request("GET", url)[0] for url in HOSTILE}
    row("hostile queries", ", ".join(f"`{url}` {status}" for url, status in hostile.items()))

    long_before = psql(database, "SELECT count(*) FROM reception_appeal")
    status = Browser(port).post_form(
        "/reception/", {**appeal("Длинный"), "message": "я" * 100_000}
    )[0]
    long_after = psql(database, "SELECT count(*) FROM reception_appeal")
    row(
        "a 100,000-character message",
        f"{status}; appeals stored: {int(long_after) - int(long_before)}",
    )

    admin = Browser(port)
    logins = []
    for attempt in range(100):
        _, _, page, _ = admin.request("GET", "/admin/login/")
        token = TOKEN_RE.search(page)
        data = {"username": "admin", "password": f"wrong-{attempt}"}
        if token:
            data["csrfmiddlewaretoken"] = token.group(1)
        logins.append(admin.request("POST", "/admin/login/", data)[0])
    first_pause = logins.index(429) + 1 if 429 in logins else None
    row(
        "100 wrong admin passwords from one client",
        f"paused from attempt {first_pause}: {logins.count(429)} answered 429",
    )

    _, headers, _, _ = Browser(port).request("GET", "/")
    csp = headers.get("content-security-policy", "none")
    row("headers of `/`", f"CSP `{csp[:80]}…`; X-Frame-Options {headers.get('x-frame-options')}")

    psql(
        "postgres",
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'",
    )
    after_restart = [Browser(port).request("GET", url)[0] for url in PUBLIC]
    row(
        "every PostgreSQL connection killed (`pg_terminate_backend`, as a restart does)",
        f"next {len(PUBLIC)} requests: {sum(s >= 500 for s in after_restart)} answered 500",
    )


if __name__ == "__main__":
    sys.exit(main())
