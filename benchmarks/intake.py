"""Meter-reading intake on PostgreSQL through `make serve` (granian, the page cache, the task
worker): submissions per second, and every success stored exactly once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ruses_bench \
        .venv/bin/python benchmarks/intake.py [--clients 16] [--meters 300] [--workers 2] \
        [--port 8453] [--output benchmarks/intake.txt]

Starts `make serve` (on --port, WORKERS as given, a rate limit high enough for the run), then
runs the clients of benchmarks/readings_concurrency.py against it: each submission is a new
visitor who GETs the form (a page cache hit with their own CSRF token), POSTs the readings and
follows the redirect to the confirmation; every meter is submitted twice at once by two clients.
Reported: its summary, the count of rows stored for the benchmark meters (one per meter), the
CPU time the clients themselves took (they share the cores with the server) and the server's
CPU time per submission.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from benchmarks import readings_concurrency as readings  # noqa: E402


def stored_rows() -> int:
    from readings.models import Submission  # Django is set up by readings.check_rows

    first = readings.FIRST_ACCOUNT
    return Submission.objects.filter(
        meter__account__number__gte=str(first), meter__account__number__lt=str(first + 10**6)
    ).count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--meters", type=int, default=300, help="each is submitted twice")
    parser.add_argument("--workers", type=int, default=2, help="granian workers")
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--port", type=int, default=8453, help="of make serve")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database of your own.")
    os.environ.update(READINGS_RATE_LIMIT="1000000", WORKERS=str(args.workers))

    server = load.start_serve(page_cache=True, port=args.port)
    try:
        readings.prepare_meters(dict(os.environ), args.meters)
        host, port = "127.0.0.1", args.port
        readings.Client(host, port).request("GET", readings.FORM_PATH)  # warm up
        load_before = f"{os.getloadavg()[0]:.1f}"
        cpu_before, server_cpu_before = time.process_time(), load.cpu_of_session(server.pid)
        results, elapsed = readings.run(host, port, args.clients, args.meters, args.time_limit)
        client_cpu = time.process_time() - cpu_before
        server_cpu = load.cpu_of_session(server.pid) - server_cpu_before
        rss = load.rss_of_session(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    lines, ok = readings.summarize(
        results,
        elapsed,
        f"make serve (granian, {args.workers} workers, PostgreSQL)",
        load_before,
        args.clients,
        args.meters,
    )
    lines.append(f"rows stored for the {args.meters} benchmark meters: {stored_rows()}")
    # The clients share the 2 cores with the server: what they cost is the server's loss.
    lines.append(
        f"load generator CPU: {client_cpu:.1f} s in {elapsed:.1f} s "
        f"({client_cpu / elapsed:.0%} of one core)"
    )
    # Less noisy than the rate on a shared machine: what one submission costs the server.
    lines.append(
        f"server CPU (granian workers and task worker): {server_cpu:.1f} s, "
        f"{server_cpu * 1000 / max(len(results), 1):.0f} ms a submission"
    )
    lines += [f"RSS {mb:4d} MB  {command}" for command, mb in rss]
    text = f"== {time.strftime('%d.%m.%Y %H:%M', time.gmtime())} UTC\n" + "\n".join(lines) + "\n"
    print(text, end="")
    if args.output:
        with args.output.open("a", encoding="utf-8") as output:
            output.write(text + "\n")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
