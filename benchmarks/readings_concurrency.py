"""Concurrent meter-reading submissions against the production-like server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \
        .venv/bin/python benchmarks/readings_concurrency.py [--clients 8] [--meters 100]

Without --url it migrates the database, loads the demo, imports a registry of benchmark meters
(accounts 7000000000…), collects static files and starts gunicorn with the production settings
(SECRET_KEY, ALLOWED_HOSTS and a high READINGS_RATE_LIMIT in its environment) on a free port of
127.0.0.1; with --url it uses a server already running there (its READINGS_RATE_LIMIT must allow
the run, and it must share DATABASE_URL). Localhost only.

Every meter gets the same readings from two different clients at once, so half the requests
race for the same (meter, period). Each client fetches the form for a CSRF cookie and token,
posts, follows the redirect to its confirmation. Reported: submissions per second, p50/p95
latency of the POST, and the check that every successful response has exactly one stored row
with the confirmation number it showed (both racers of a meter see the same number).
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FORM_PATH = "/clients/meter-readings/"
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NUMBER_RE = re.compile(r"ПУ-\d{4}-\d{6}")
FIRST_ACCOUNT = 7_000_000_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def registry_csv(meters: int, path: Path) -> None:
    lines = ["account_number;meter_number;zones;decimals;last_t1;last_t2;last_t3;last_reading_date"]
    for index in range(meters):
        lines.append(f"{FIRST_ACCOUNT + index};B{index:07d};2;0;1000;500;;01.01.2026")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "ruses.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


class Client:
    """One browser: its own connection and cookies."""

    def __init__(self, host: str, port: int) -> None:
        self.connection = http.client.HTTPConnection(host, port, timeout=30)
        self.cookies: dict[str, str] = {}
        self.host = f"{host}:{port}"

    def request(self, method: str, path: str, body: str | None = None):
        headers = {"Host": self.host, "Accept-Language": "ru"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location"), data

    def submit(self, account: str, meter: str) -> tuple[float, int, str]:
        """(POST latency in seconds, status, the confirmation number shown or "")."""
        status, _, html = self.request("GET", FORM_PATH)
        match = TOKEN_RE.search(html)
        if status != 200 or not match:
            return 0.0, status, ""
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": match.group(1),
                "account_number": account,
                "meter_number": meter,
                "reading_t1": "1100",
                "reading_t2": "550",
                "consent": "on",
            }
        )
        started = time.perf_counter()
        status, location, _ = self.request("POST", FORM_PATH, body)
        latency = time.perf_counter() - started
        if status != 302 or not location:
            return latency, status, ""
        _, _, confirmation = self.request("GET", urllib.parse.urlparse(location).path)
        number = NUMBER_RE.search(confirmation)
        return latency, status, number.group(0) if number else ""


def run(host: str, port: int, clients: int, meters: int, time_limit: float):
    jobs: queue.Queue[int] = queue.Queue()
    for index in range(meters):
        jobs.put(index)
        jobs.put(index)  # the same readings again, raced by another client
    results: list[tuple[int, float, int, str]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + time_limit

    def worker() -> None:
        client = Client(host, port)
        while time.monotonic() < deadline:
            try:
                index = jobs.get_nowait()
            except queue.Empty:
                return
            client.cookies.clear()  # a new visitor for every submission
            try:
                latency, status, number = client.submit(str(FIRST_ACCOUNT + index), f"B{index:07d}")
            except (OSError, http.client.HTTPException):
                latency, status, number = 0.0, 0, ""
                client = Client(host, port)
            with lock:
                results.append((index, latency, status, number))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def check_rows(results) -> tuple[int, list[str]]:
    """Every successful response has exactly one stored row with its number."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ruses.settings.dev")
    import django

    django.setup()
    from readings.models import Submission

    problems = []
    ok = [(index, number) for index, _, status, number in results if status == 302 and number]
    for index, number in ok:
        meter = f"B{index:07d}"
        stored = Submission.objects.filter(meter__number=meter)
        if stored.count() != 1:
            problems.append(f"{meter}: {stored.count()} rows")
        elif stored.get().confirmation_number != number:
            problems.append(f"{meter}: shown {number}, stored {stored.get().confirmation_number}")
    numbers_per_meter: dict[int, set[str]] = {}
    for index, number in ok:
        numbers_per_meter.setdefault(index, set()).add(number)
    problems += [f"meter {i}: {n}" for i, n in numbers_per_meter.items() if len(n) > 1]
    return len(ok), problems


def summarize(
    results, elapsed: float, server: str, load_before: str, clients: int, meters: int
) -> tuple[list[str], bool]:
    """The report's lines, and whether every submission succeeded and was stored once."""
    latencies = sorted(latency for _, latency, status, _ in results if status == 302)
    successes, problems = check_rows(results)
    failures = [status for _, _, status, _ in results if status != 302]
    lines = [
        f"server: {server}",
        f"load average before/after: {load_before} / {os.getloadavg()[0]:.1f} "
        f"(cores: {os.cpu_count()}, shared with other jobs)",
        f"clients: {clients}; meters: {meters}; requests: {len(results)} in {elapsed:.1f} s",
        f"successful submissions: {successes}; failed: {len(failures)} {sorted(set(failures))}",
        f"submissions/s: {len(latencies) / elapsed:.1f}",
    ]
    if latencies:
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        lines.append(
            f"POST latency p50: {statistics.median(latencies) * 1000:.0f} ms; "
            f"p95: {p95 * 1000:.0f} ms"
        )
    lines.append(f"stored rows checked: {successes - len(problems)} ok, {len(problems)} problems")
    lines += [f"   {problem}" for problem in problems[:20]]
    return lines, not (problems or failures)


def prepare_meters(env: dict, meters: int) -> None:
    """Imports the benchmark meters' registry and removes their earlier readings."""
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "registry.csv"
        registry_csv(meters, registry)
        manage(env, "import_meter_registry", str(registry))
    # A clean slate for the benchmark meters (earlier runs stored their readings).
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from readings.models import Submission as S; "
            f"S.objects.filter(meter__account__number__gte='{FIRST_ACCOUNT}', "
            f"meter__account__number__lt='{FIRST_ACCOUNT + 10**6}').delete()",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running server on 127.0.0.1 (default: start gunicorn)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--meters", type=int, default=100, help="each is submitted twice")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds at most")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database of your own.")
    args.meters = min(args.meters, 5000)
    args.clients = min(args.clients, 64)

    env = dict(os.environ)
    server = None
    if args.url:
        parsed = urllib.parse.urlparse(args.url)
        if parsed.hostname not in {"127.0.0.1", "localhost"}:
            raise SystemExit("Localhost only.")
        host, port = "127.0.0.1", parsed.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        static_root = tempfile.mkdtemp(prefix="ruses-bench-static-")
        env.update(
            DJANGO_SETTINGS_MODULE="ruses.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_COOKIES="false",
            STATIC_ROOT=static_root,
            READINGS_RATE_LIMIT="1000000",
        )
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_demo", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
    prepare_meters(env, args.meters)
    if not args.url:
        server = start_server(env, port, args.workers)
    try:
        Client(host, port).request("GET", FORM_PATH)  # warm up
        load_before = os.getloadavg()[0]
        results, elapsed = run(host, port, args.clients, args.meters, args.time_limit)
    finally:
        if server:
            server.terminate()
            server.wait(10)
    lines, ok = summarize(
        results,
        elapsed,
        f"gunicorn --workers {args.workers}" if server else args.url,
        f"{load_before:.1f}",
        args.clients,
        args.meters,
    )
    print("\n".join(lines))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
