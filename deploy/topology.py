"""The production topology on one machine (`make topology`; deploy/README.md):

    Varnish :TOPOLOGY_PORT ─┬─ granian app server :TOPOLOGY_APP_PORTS[0] ─┬─ PostgreSQL
                            └─ granian app server :TOPOLOGY_APP_PORTS[1] ─┼─ Redis (page cache)
             PURGE / BAN  ◄── task worker (manage.py db_worker) ──────────┤
             its log  ──────► manage.py count_proxy_searches ─────────────┘

    .venv/bin/python deploy/topology.py start   # in the foreground; Ctrl-C stops it all
    .venv/bin/python deploy/topology.py stop    # from another shell (`make topology-stop`)

Settings from the environment (defaults in brackets): TOPOLOGY_PORT [8080],
TOPOLOGY_APP_PORTS [8081,8082], TOPOLOGY_APP_WORKERS [1 a server], TOPOLOGY_APP_THREADS
[4 a worker], DATABASE_URL [postgres://postgres@127.0.0.1:5432/ruses_topology, created when
missing], REDIS_URL [redis://127.0.0.1:6379/0]. Needs varnishd (`make topology` installs Debian's
varnish as root).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
STATE = ROOT / ".topology"  # the runner's pid, the generated backends, Varnish's work dir
BIN = ROOT / ".venv" / "bin"

BACKEND = """backend app{n} {{
    .host = "127.0.0.1";
    .port = "{port}";
    .probe = health;
}}
"""


def settings() -> dict[str, str]:
    port = os.environ.get("TOPOLOGY_PORT", "8080")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ruses.settings.production",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ruses_topology"
        ),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{port}/",
        # Varnish appends the visitor's address to X-Forwarded-For (rate limits count it).
        "TRUSTED_PROXY_COUNT": "1",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost"),
        # Plain HTTP on loopback; a real installation terminates TLS in front of Varnish.
        "SECURE_COOKIES": os.environ.get("SECURE_COOKIES", "false"),
        "SECURE_SSL_REDIRECT": os.environ.get("SECURE_SSL_REDIRECT", "false"),
        "SECURE_HSTS_SECONDS": os.environ.get("SECURE_HSTS_SECONDS", "0"),
        "TOPOLOGY_PORT": port,
    }
    return env


def app_ports() -> list[int]:
    return [int(p) for p in os.environ.get("TOPOLOGY_APP_PORTS", "8081,8082").split(",")]


def create_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not found.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"no answer from {url} within {timeout:.0f} s")


def write_backends(ports: list[int]) -> None:
    STATE.mkdir(exist_ok=True)
    text = "".join(BACKEND.format(n=n, port=port) for n, port in enumerate(ports, 1))
    text += "\nsub vcl_init {\n    new app = directors.round_robin();\n"
    text += "".join(f"    app.add_backend(app{n});\n" for n in range(1, len(ports) + 1))
    (STATE / "backends.vcl").write_text(text + "}\n")


def start() -> None:
    if shutil.which("varnishd") is None:
        raise SystemExit("No varnishd: apt-get install varnish (make topology does it as root)")
    env = settings()
    if env["DATABASE_URL"].startswith("postgres"):
        create_database(env["DATABASE_URL"])
    python = str(BIN / "python")
    # Varnish starts empty: what loading the demo changes needs no purge (it would queue hundreds).
    setup_env = {k: v for k, v in env.items() if k != "FRONTEND_CACHE_PURGE_URL"}
    for command in (
        ["migrate", "--noinput"],
        ["load_demo"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=setup_env, check=True)
    ports = app_ports()
    write_backends(ports)
    (STATE / "pid").write_text(str(os.getpid()))
    workers = os.environ.get("TOPOLOGY_APP_WORKERS", "1")
    threads = os.environ.get("TOPOLOGY_APP_THREADS", "4")  # as `make serve` (Makefile THREADS)
    commands = [
        [str(BIN / "granian"), "--interface", "wsgi", "ruses.wsgi:application", "--host",
         "127.0.0.1", "--port", str(port), "--workers", workers, "--blocking-threads",
         threads, "--no-ws",
         "--log-level", "warning"]
        for port in ports
    ]  # fmt: skip
    # Polled five times a second: a purge leaves well within the second after a publish.
    commands.append([python, "manage.py", "db_worker", "--interval", "0.2"])
    commands.append(
        ["varnishd", "-F", "-a", f"127.0.0.1:{env['TOPOLOGY_PORT']}",
         "-f", str(DEPLOY / "varnish.vcl"), "-p", f"vcl_path={STATE}:{DEPLOY}",
         "-n", str(STATE / "varnish"), "-s", "malloc,256m"]
    )  # fmt: skip
    # Searches the proxy answers from its copies count in the report from its log.
    commands.append(
        [python, "manage.py", "count_proxy_searches", "--varnish-name", str(STATE / "varnish")]
    )
    children = [subprocess.Popen(command, cwd=ROOT, env=env) for command in commands]

    def stop(*_args) -> None:
        for child in children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + 15
        for child in children:
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        (STATE / "pid").unlink(missing_ok=True)
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    for port in ports:
        wait_for(f"http://127.0.0.1:{port}/health/")
    wait_for(f"http://127.0.0.1:{env['TOPOLOGY_PORT']}/")
    # The first ban at a clock boundary; each one the worker sends queues the next.
    subprocess.run(
        [python, "manage.py", "shell", "-c",
         "from core.frontend_cache import schedule_clock_ban; schedule_clock_ban()"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    print(f"The site through the proxy: http://127.0.0.1:{env['TOPOLOGY_PORT']}/ (Ctrl-C stops)")
    while all(child.poll() is None for child in children):
        time.sleep(0.5)
    print("A process of the topology exited; stopping the others.", file=sys.stderr)
    stop()


def stop_running() -> None:
    pid_file = STATE / "pid"
    if not pid_file.exists():
        print("No topology is running.")
        return
    try:
        os.kill(int(pid_file.read_text()), signal.SIGTERM)
    except ProcessLookupError:  # it was killed without cleaning up
        pid_file.unlink()
        return
    deadline = time.monotonic() + 30
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)


if __name__ == "__main__":
    {"start": start, "stop": stop_running}[sys.argv[1] if len(sys.argv) > 1 else "start"]()
