"""What one meter-reading submission costs the server, in process: SQL queries and CPU time of
each step (the form's GET, the POST, the confirmation's GET), with the production settings on
PostgreSQL, through Django's test client (no HTTP server, no other clients).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \
        .venv/bin/python benchmarks/intake_profile.py [--submissions 100] [--profile]

Run benchmarks/intake.py once first (it migrates, loads the demo and collects static files).
--profile prints pyinstrument's profile of the POSTs and confirmations.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import readings_concurrency as readings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database of your own.")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="ruses.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",
        READINGS_RATE_LIMIT="1000000",
        CACHE_DIR=str(ROOT / ".cache"),
        LOG_LEVEL="ERROR",
    )
    warm_up = 5
    readings.prepare_meters(dict(os.environ), args.submissions + warm_up)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="ru")
    cpu: Counter[str] = Counter()
    queries: Counter[str] = Counter()

    def step(name: str, call):
        started = time.process_time()
        with CaptureQueriesContext(connection) as captured:
            response = call()
        cpu[name] += time.process_time() - started
        queries[name] += len(captured.captured_queries)
        return response

    def submit(index: int) -> None:
        client.cookies.clear()  # a new visitor
        form = step("GET form", lambda: client.get(readings.FORM_PATH)).content.decode()
        data = {
            "csrfmiddlewaretoken": readings.TOKEN_RE.search(form).group(1),
            "account_number": str(readings.FIRST_ACCOUNT + index),
            "meter_number": f"B{index:07d}",
            "reading_t1": "1100",
            "reading_t2": "550",
            "consent": "on",
        }
        posted = step("POST", lambda: client.post(readings.FORM_PATH, data))
        assert posted.status_code == 302, posted.status_code
        step("GET confirmation", lambda: client.get(posted["Location"]))

    for index in range(warm_up):  # routes, fragments and the policy version read once
        submit(index)
    cpu.clear()
    queries.clear()
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    for index in range(warm_up, warm_up + args.submissions):
        submit(index)
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(color=False))
    count = args.submissions
    for name in cpu:
        each = cpu[name] * 1000 / count
        print(f"{name:17} {each:6.2f} ms CPU, {queries[name] / count:4.1f} queries")


if __name__ == "__main__":
    main()
