"""The production topology (deploy/, `make topology`): an editor's publish is visible through
the proxy and on every app server within a second, forms pass CSRF through the proxy, and the
key pages through the proxy against nginx static in the same run (benchmarks/load.py).

    .venv/bin/python benchmarks/topology.py [--publishes 5] [--duration 5] \
        [--output benchmarks/topology.txt]

Starts deploy/topology.py (TOPOLOGY_PORT, TOPOLOGY_APP_PORTS, DATABASE_URL and REDIS_URL as
it reads them) unless `--running`, waits until the worker has run what loading the demo queued
(indexing; it would compete for the CPU), creates an editor, and with headless Chromium logs in
to the admin through the proxy, changes the contacts page's title and clicks "Publish". One
thread a server polls the page (through the proxy, and each app server directly, as anonymous
visitors, every 10 ms) until the new title shows. Reported for each publish, in seconds:

- "answered": from the click until the browser has the answer to the publish POST (the
  redirect; the admin page it leads to loads after it, "admin page loaded");
- "visible": from the click until the new title shows through the proxy and at each app server;
- "after the answer": the same from the moment the POST was answered (negative: the page
  showed before the editor's browser had the answer, as it does once the change commits).

Then a form is posted through the proxy after GETs from it, and wrk measures each key page
through the proxy against nginx serving that page's own HTML (the same bytes) as a static
file, the two alternating `--rounds` times so that the load of the shared machine weighs on
both alike; the share of the home page's nginx figure is given too, and the proxy's hits and
misses during each page's runs (varnishstat). The reception page is measured twice: for a first
visit (no cookie: it reaches the app, which sets the CSRF cookie) and for a visitor who has the
cookie (the proxy writes the token into its shared copy). Last, wrk on a search of its own,
and how many of the searches the proxy answered from its copy the report of queries gained
(counted from its log by count_proxy_searches).
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
import tempfile
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
COUNTED = "показания счётчика"  # a search of its own, to count
COUNTS_WRITTEN_AFTER = 13  # s: count_proxy_searches writes every 10 (search.services)
# A page with a form for a visitor who has the CSRF cookie (any page with a form set it): the
# proxy shares it and writes the token in; a first visit (the row without) reaches the app.
RETURNING = "/reception/ (cookie)"
VISITOR_COOKIE = {"Cookie": "csrftoken=" + "r" * 32}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
EDITOR = "topology-editor"
NGINX_PORT = int(os.environ.get("TOPOLOGY_NGINX_PORT", "8460"))  # nginx static beside the proxy


def create_editor(env: dict, password: str) -> int:
    """A superuser for the run; answers the id of the page to edit."""
    return int(
        load.manage_shell(
            env,
            "from django.contrib.auth import get_user_model; from wagtail.models import Page\n"
            f"u, _ = get_user_model().objects.get_or_create(username={EDITOR!r})\n"
            f"u.is_staff = u.is_superuser = True; u.set_password({password!r}); u.save()\n"
            "print(Page.objects.get(url_path='/home/contacts/').id)",
        ).splitlines()[-1]
    )


def poll_until(base: str, needle: str, found: dict, timeout: float) -> None:
    """Stores the moment (time.time()) `needle` first shows on the page at `base`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            body = load.fetch(base + PAGE).decode()
        except OSError:
            body = ""
        if needle in body:
            found[base] = time.time()
            return
        time.sleep(0.01)


def publish_and_wait(page, base: str, page_id: int, targets: list[str]) -> dict[str, float]:
    """Publishes a new title in the admin; the moments (time.time()) of the click, of the
    POST's answer, of the next admin page's load, and of the new title showing at each URL."""
    stamp = f"Контакты {secrets.token_hex(3)}"
    edit = f"{base}/admin/pages/{page_id}/edit/"
    page.goto(edit)
    page.fill("#id_title", stamp)
    found: dict[str, float] = {}
    threads = [threading.Thread(target=poll_until, args=(url, stamp, found, 30)) for url in targets]
    for thread in threads:
        thread.start()
    with (
        # The form's own POST (the editor's page also pings its editing session by POST).
        page.expect_response(lambda r: r.request.method == "POST" and r.url == edit) as answer,
        page.expect_navigation(),
    ):
        found["click"] = time.time()
        page.eval_on_selector('button[name="action-publish"]', "button => button.click()")
    found["loaded"] = time.time()
    timing = answer.value.request.timing  # milliseconds, from the request's start (epoch)
    found["answered"] = (timing["startTime"] + timing["responseStart"]) / 1000
    for thread in threads:
        thread.join()
    return found


def editor_publishes(base: str, app_urls: list[str], password: str, page_id: int, times: int):
    from playwright.sync_api import sync_playwright

    lines = []
    worst_click = worst_answer = 0.0
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
            moments = publish_and_wait(page, base, page_id, targets)
            click, answered = moments["click"], moments["answered"]
            shown = [moments.get(url) for url in targets]
            worst_click = max(worst_click, shown[0] - click if shown[0] else float("inf"))
            worst_answer = max(worst_answer, shown[0] - answered if shown[0] else float("inf"))
            lines.append(
                f"publish {number}: answered {answered - click:6.3f}, admin page loaded "
                f"{moments['loaded'] - click:6.3f}; visible {seconds(shown, click)}; "
                f"after the answer {seconds(shown, answered)}"
            )
        browser.close()
    where = ", ".join(["the proxy", *(f"app server {u.rsplit(':', 1)[1]}" for u in app_urls)])
    return [
        f"seconds from the click on Publish; visible at: {where}",
        *lines,
        f"worst through the proxy: {worst_click:.3f} s from the click, {worst_answer:.3f} s "
        "from the POST's answer (target ≤ 1 s)",
    ]


def seconds(moments: list[float | None], start: float) -> str:
    return " ".join(f"{m - start:6.3f}" if m is not None else "  never" for m in moments)


def form_through_proxy(base: str) -> str:
    """A visitor's GETs of a form page and a POST, all through the proxy: the first visit
    reaches the app, which sets the CSRF cookie; the next are shared copies with the visitor's
    token written in by the proxy; the POST is not refused by CSRF (an empty form is answered
    with its errors; CSRF refuses with 403, as it does a token that is not the visitor's)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    served = []
    for _visit in range(3):
        with opener.open(base + FORM) as response:
            html = response.read().decode()
            served.append(response.headers.get("X-Proxy-Cache"))
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
        f"form {FORM} through the proxy: 3 GETs X-Proxy-Cache {'/'.join(served)}; POST with "
        f"its token {status}, with another token {forged}: {verdict}"
    )


def searches_counted(base: str, env: dict, duration: int) -> str:
    """wrk on one search through the proxy: how many it answered from its copy (varnishstat),
    and how many of those the report of queries gained from its log (count_proxy_searches)."""
    code = (
        "from search.models import QueryStat; from search.services import normalise\n"
        f"print(sum(QueryStat.objects.filter(query=normalise({COUNTED!r}))"
        ".values_list('hits', flat=True)))"
    )
    before, counters = int(load.manage_shell(env, code).splitlines()[-1]), varnish_counters()
    url = f"{base}/search/?q={urllib.parse.quote(COUNTED)}"
    load.fetch(url)  # a miss: the app counts it and writes it within 10 s
    rps = load.wrk(url, duration)[0]
    time.sleep(COUNTS_WRITTEN_AFTER)
    hits = varnish_counters()["cache_hit"] - counters["cache_hit"]
    counted = int(load.manage_shell(env, code).splitlines()[-1]) - before
    return (
        f"search «{COUNTED}» through the proxy, wrk {duration} s: {rps:.0f} req/s; answered from "
        f"its copy {hits}, counted in the report from its log {counted}\n"
    )


def varnish_counters() -> dict[str, int]:
    """The proxy's hits, misses and passes so far."""
    out = subprocess.run(
        ["varnishstat", "-n", str(topology.STATE / "varnish"), "-1",
         "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss", "-f", "MAIN.s_pass"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return {line.split()[0][5:]: int(line.split()[1]) for line in out.splitlines()}


def proxy_against_nginx(base: str, duration: int, rounds: int, nginx_port: int) -> str:
    """wrk on each key page through the proxy and on nginx serving the same HTML, alternating."""
    lines = [
        f"-- topology (Varnish → 2 granian app servers) against nginx serving each page's own "
        f"HTML: wrk -t2 -c{load.CONNECTIONS} -d{duration}s, {rounds} rounds alternating, "
        "req/s of all rounds",
        f"{'page':20} {'bytes':>6} {'proxy':>7} {'p50 ms':>7} {'p99 ms':>7} {'nginx':>7} "
        f"{'share':>6} {'of home':>7}  proxy hits/misses/passes",
    ]
    home_nginx = None
    for path, headers in [(path, {}) for path in load.PAGES] + [(RETURNING, VISITOR_COOKIE)]:
        url = base + load.quoted(path.split()[0])
        html = load.fetch(url, headers)
        load.fetch(url, headers)  # stored by the proxy where it shares the page
        with tempfile.TemporaryDirectory() as workdir:
            nginx = load.start_nginx(Path(workdir), html, nginx_port)
            try:
                ours, theirs = [], []
                served = dict.fromkeys(("cache_hit", "cache_miss", "s_pass"), 0)
                for _round in range(rounds):
                    theirs.append(load.wrk(f"http://127.0.0.1:{nginx_port}/", duration))
                    before = varnish_counters()
                    ours.append(load.wrk(url, duration, headers))
                    served = {k: n + varnish_counters()[k] - before[k] for k, n in served.items()}
            finally:
                nginx.terminate()
                nginx.wait()
        rps = sum(r[0] for r in ours) / rounds
        nginx_rps = sum(r[0] for r in theirs) / rounds
        home_nginx = home_nginx or nginx_rps
        p50 = max(r[1] for r in ours)
        p99 = max(r[2] for r in ours)
        errors = sum(r[3] for r in ours)
        note = f"  ({errors} errors)" if errors else ""
        lines.append(
            f"{path:20} {len(html):6d} {rps:7.0f} {p50:7.2f} {p99:7.2f} {nginx_rps:7.0f} "
            f"{rps / nginx_rps:6.3f} {rps / home_nginx:7.3f}  "
            f"{served['cache_hit']}/{served['cache_miss']}/{served['s_pass']}{note}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--running", action="store_true", help="the topology is already up")
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--nginx-port", type=int, default=NGINX_PORT)
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
        load.wait_for_tasks(env)
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
        text += proxy_against_nginx(base, args.duration, args.rounds, args.nginx_port)
        text += searches_counted(base, env, args.duration)
        text += f"load average at the end {os.getloadavg()[0]:.1f}\n"
        if runner:
            text += "".join(
                f"RSS {rss:4d} MB  {command}\n" for command, rss in load.rss_of_session(runner.pid)
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
