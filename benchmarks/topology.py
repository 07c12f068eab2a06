"""The production topology (deploy/, `make topology`): an editor's publish is visible through
the proxy and on every app server within a second, forms pass CSRF through the proxy, and the
key pages through the proxy against nginx static in the same run (benchmarks/load.py).

    .venv/bin/python benchmarks/topology.py [--publishes 5] [--duration 5] \
        [--output benchmarks/topology.txt]

Starts deploy/topology.py (TOPOLOGY_PORT, TOPOLOGY_APP_PORTS, DATABASE_URL and REDIS_URL as
it reads them) unless `--running`, creates an editor, and with headless Chromium logs in to
the admin through the proxy, changes the contacts page's title and clicks "Publish". From
the click, one thread a server polls the page (through the proxy, and each app server
directly, as anonymous visitors) until the new title shows. Then a form is posted through the
proxy after a GET from it, and wrk measures the key pages through the proxy.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from deploy import topology  # noqa: E402

PAGE = "/contacts/"
FORM = "/clients/meter-readings/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
EDITOR = "topology-editor"
NGINX_PORT = int(os.environ.get("TOPOLOGY_NGINX_PORT", "8460"))  # nginx static beside the proxy


def manage_shell(env: dict, code: str) -> str:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def create_editor(env: dict, password: str) -> int:
    """A superuser for the run; answers the id of the page to edit."""
    return int(
        manage_shell(
            env,
            "from django.contrib.auth import get_user_model; from wagtail.models import Page\n"
            f"u, _ = get_user_model().objects.get_or_create(username={EDITOR!r})\n"
            f"u.is_staff = u.is_superuser = True; u.set_password({password!r}); u.save()\n"
            "print(Page.objects.get(url_path='/home/contacts/').id)",
        ).splitlines()[-1]
    )


def poll_until(base: str, needle: str, started: list[float], found: dict, timeout: float) -> None:
    """Stores the seconds from the click until `needle` shows on the page at `base`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            body = load.fetch(base + PAGE).decode()
        except OSError:
            body = ""
        if started and needle in body:
            found[base] = time.monotonic() - started[0]
            return
        time.sleep(0.01)


def publish_and_wait(page, base: str, page_id: int, targets: list[str]) -> tuple[dict, float]:
    """Publishes a new title in the admin; (seconds until visible by URL, the POST's seconds)."""
    stamp = f"Контакты {secrets.token_hex(3)}"
    page.goto(f"{base}/admin/pages/{page_id}/edit/")
    page.fill("#id_title", stamp)
    started: list[float] = []
    found: dict[str, float] = {}
    threads = [
        threading.Thread(target=poll_until, args=(url, stamp, started, found, 30))
        for url in targets
    ]
    for thread in threads:
        thread.start()
    with page.expect_navigation():
        started.append(time.monotonic())
        page.eval_on_selector('button[name="action-publish"]', "button => button.click()")
    posted = time.monotonic() - started[0]
    for thread in threads:
        thread.join()
    return found, posted


def editor_publishes(base: str, app_urls: list[str], password: str, page_id: int, times: int):
    from playwright.sync_api import sync_playwright

    lines = []
    worst = 0.0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"], headless=True
        )
        page = browser.new_page(locale="ru-RU")
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", EDITOR)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("button[type=submit]")
        targets = [base, *app_urls]
        for number in range(1, times + 1):
            found, posted = publish_and_wait(page, base, page_id, targets)
            cells = []
            for url in targets:
                seconds = found.get(url)
                worst = max(worst, seconds if seconds is not None else float("inf"))
                cells.append(f"{seconds:6.3f}" if seconds is not None else "  never")
            # The app servers see the change when it commits; the proxy once the purge lands.
            lag = found.get(base, float("inf")) - min(found.get(u, float("inf")) for u in app_urls)
            lines.append(
                f"publish {number}: POST {posted:6.3f} s; visible {' '.join(cells)}; "
                f"proxy after the app servers {lag:6.3f}"
            )
        browser.close()
    header = "seconds from the click on Publish until the new title shows, at: " + ", ".join(
        ["the proxy", *(f"app server {u.rsplit(':', 1)[1]}" for u in app_urls)]
    )
    return [header, *lines, f"worst: {worst:.3f} s (target ≤ 1 s)"]


def form_through_proxy(base: str) -> str:
    """A visitor's GET of a form page and its POST, both through the proxy: not refused by CSRF
    (an empty form is answered with its errors; CSRF refuses with 403, as it does a token that
    is not the visitor's)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    opener.open(base + FORM).read()  # the first visit: the app's page cache, maybe a miss
    with opener.open(base + FORM) as response:  # a hit, with this visitor's own token
        html = response.read().decode()
        proxy = response.headers.get("X-Proxy-Cache")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(token: str) -> int:
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(base + FORM, data=data, headers={"Referer": base + FORM})
        try:
            with opener.open(request) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    status, forged = post(token), post("x" * 64)
    verdict = "accepted by CSRF" if status != 403 and forged == 403 else "WRONG"
    return (
        f"form {FORM} through the proxy: GET X-Proxy-Cache {proxy}; POST with its token "
        f"{status}, with another token {forged}: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--running", action="store_true", help="the topology is already up")
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    env = topology.settings()
    base = f"http://127.0.0.1:{env['TOPOLOGY_PORT']}"
    app_urls = [f"http://127.0.0.1:{port}" for port in topology.app_ports()]
    runner = None
    if not args.running:
        runner = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "python"), "deploy/topology.py", "start"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        load.wait_for(base + "/", timeout=900)
    try:
        password = secrets.token_urlsafe(16)
        page_id = create_editor(env, password)
        now = time.strftime("%d.%m.%Y %H:%M", time.gmtime())
        report = [
            f"== {now} UTC, load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores"
            f"; Varnish at {base}, app servers {', '.join(app_urls)}",
            *editor_publishes(base, app_urls, password, page_id, args.publishes),
            form_through_proxy(base),
        ]
        text = "\n".join(report) + "\n"
        text += load.measure(
            "topology (Varnish → 2 granian app servers)",
            base,
            args.duration,
            runner.pid if runner else None,
            NGINX_PORT,
        )
    finally:
        if runner:
            os.killpg(runner.pid, signal.SIGTERM)
            runner.wait(30)
    print(text, end="")
    if args.output:
        with args.output.open("a", encoding="utf-8") as output:
            output.write(text + "\n")


if __name__ == "__main__":
    main()
