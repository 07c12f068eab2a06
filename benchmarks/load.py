"""Throughput of the key pages under the production-like server, against nginx serving the
home page's HTML as a static file in the same run (absolute figures drift on a shared machine;
the share of nginx static does not).

    .venv/bin/python benchmarks/load.py [--scenarios warm,uncached] [--duration 5] \
        [--output benchmarks/load.txt] [--port 8101] [--nginx-port 8199]

Each scenario starts `make serve` on `--port` (warm: the page cache on; uncached:
PAGE_CACHE=off, so every request renders; FRAGMENT_CACHE=off in the environment renders
every template too), waits for it and for its task worker to rest, primes each page once, then
runs wrk (16 connections, 2 threads) on every key page and on nginx (`--nginx-port`). `--url`
measures a server already running there instead (for instance the topology's proxy, `--label
topology`). Needs wrk and nginx (Debian packages). Reported: requests/s, p50, p99, the share
of nginx static's requests/s, and the resident memory of each server process.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/clients/tariffs/",
    "/contacts/",
    "/clients/payment/",
    "/search/?q=тариф",
    "/reception/",
    "/en/",
]
CONNECTIONS = 16

NGINX_CONF = """
daemon off;
worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {dir};
    proxy_temp_path {dir};
    fastcgi_temp_path {dir};
    uwsgi_temp_path {dir};
    scgi_temp_path {dir};
    server {{
        listen 127.0.0.1:{port};
        root {dir};
        location / {{ try_files /home.html =404; }}
    }}
}}
"""


def quoted(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&")


def fetch(url: str, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def wait_for(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer from {url} within {timeout:.0f} s")


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    url: str, duration: int, headers: dict[str, str] | None = None
) -> tuple[float, float, float, int]:
    """requests/s, p50 ms, p99 ms and the count of non-2xx/3xx answers."""
    sent = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", *sent, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def cpu_of_session(pid: int) -> float:
    """CPU seconds (user + system) the processes of the server's session have used so far."""
    ticks = 0
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.getsid(int(entry.name)) == pid:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_of_session(pid: int) -> list[tuple[str, int]]:
    """(command, RSS in MB) of every process in the server's session."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) != pid:
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:60]
            rss = int(re.search(r"VmRSS:\s+(\d+)", (entry / "status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
        if "python" in command or "granian" in command or "gunicorn" in command:
            found.append((command.strip(), rss // 1024))
    return found


def start_serve(page_cache: bool, port: int) -> subprocess.Popen:
    env = {**os.environ, "PORT": str(port), "PAGE_CACHE": "on" if page_cache else "off"}
    # An installed .venv (here, a shared one) is taken as up to date.
    assume = ["-o", ".venv/.installed"] if (ROOT / ".venv" / "bin" / "python").exists() else []
    server = subprocess.Popen(
        ["make", "--no-print-directory", *assume, "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(f"http://127.0.0.1:{port}/", timeout=600)
    wait_for_tasks(env)
    return server


def manage_shell(env: dict, code: str) -> str:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def wait_for_tasks(env: dict, timeout: float = 900) -> None:
    """Until the task worker has run every task that is due: loading the demo queues hundreds
    (reference-index updates, indexing), and pages measured meanwhile share the cores with it."""
    code = (
        "from django_tasks_db.models import DBTaskResult\n"
        "print(DBTaskResult.objects.ready().count())"
    )
    deadline = time.monotonic() + timeout
    while int(manage_shell(env, code).splitlines()[-1]) and time.monotonic() < deadline:
        time.sleep(2)


def start_nginx(workdir: Path, html: bytes, port: int) -> subprocess.Popen:
    (workdir / "home.html").write_bytes(html)
    conf = workdir / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=workdir, port=port))
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(workdir)])
    wait_for(f"http://127.0.0.1:{port}/", timeout=10)
    return nginx


def measure(label: str, base: str, duration: int, server_pid: int | None, nginx_port: int) -> str:
    for path in PAGES:  # render each page once (the warm scenario caches it)
        for _attempt in range(10):  # SQLite may be locked while the worker indexes the demo
            try:
                fetch(base + quoted(path))
                break
            except urllib.error.HTTPError:
                time.sleep(3)
    with tempfile.TemporaryDirectory() as workdir:
        nginx = start_nginx(Path(workdir), fetch(base + "/"), nginx_port)
        try:
            lines = [f"-- {label}: wrk -t2 -c{CONNECTIONS} -d{duration}s"]
            lines.append(f"{'page':22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'of nginx':>9}")
            static = wrk(f"http://127.0.0.1:{nginx_port}/", duration)
            for path in PAGES:
                rps, p50, p99, errors = wrk(base + quoted(path), duration)
                note = f"  ({errors} errors)" if errors else ""
                lines.append(
                    f"{path:22} {rps:9.0f} {p50:8.2f} {p99:8.2f} {rps / static[0]:9.4f}{note}"
                )
            lines.append(
                f"{'nginx static':22} {static[0]:9.0f} {static[1]:8.2f} {static[2]:8.2f} {1:9.4f}"
            )
        finally:
            nginx.terminate()
            nginx.wait()
    if server_pid:
        for command, rss in rss_of_session(server_pid):
            lines.append(f"RSS {rss:4d} MB  {command}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenarios", default="warm,uncached")
    parser.add_argument("--url", help="measure a running server instead of starting make serve")
    parser.add_argument("--label", default="running server")
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--port", type=int, default=8101, help="of make serve")
    parser.add_argument("--nginx-port", type=int, default=8199)
    args = parser.parse_args()

    load = os.getloadavg()[0]
    now = time.strftime("%d.%m.%Y %H:%M")
    report = f"== {now} UTC, load average {load:.1f}, {os.cpu_count()} cores\n"
    if args.url:
        report += measure(args.label, args.url.rstrip("/"), args.duration, None, args.nginx_port)
    else:
        for scenario in args.scenarios.split(","):
            server = start_serve(page_cache=scenario == "warm", port=args.port)
            try:
                report += measure(
                    f"make serve, {scenario}",
                    f"http://127.0.0.1:{args.port}",
                    args.duration,
                    server.pid,
                    args.nginx_port,
                )
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait()
                time.sleep(1)
    print(report, end="")
    if args.output:
        with args.output.open("a", encoding="utf-8") as output:
            output.write(report + "\n")


if __name__ == "__main__":
    sys.exit(main())
