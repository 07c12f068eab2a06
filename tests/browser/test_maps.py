"""The maps of offices and payment points (and of the address page) ask before they load: until
the visitor presses the button the page requests nothing from another host; pressed, the
tiles come from the configured tile server (here a fake one on this machine: there is no
internet) and the markers are targets of at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8)."""

import copy
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from .helpers import AXE_JS

MAP_PAGES = ["/contacts/", "/clients/payment/", "/address/?q=Химки, Молодёжная, 3"]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _tile_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 230, 220)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def tile_server(settings):
    """A tile server on 127.0.0.1 (another origin than the live server's localhost), set as
    DISCLOSURE_MAP_TILE_URL and allowed by the Content-Security-Policy as production's
    settings would do; yields the paths it was asked for."""
    png = _tile_png()
    requested: list[str] = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):
            requested.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    settings.DISCLOSURE_MAP_TILE_URL = origin + "/{z}/{x}/{y}.png"
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"] = ["'self'", "data:", origin]
    settings.CONTENT_SECURITY_POLICY = policy
    try:
        yield requested
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", MAP_PAGES)
def test_the_map_loads_nothing_from_another_host_until_asked(page, site_url, tile_server, path):
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site_url + path, wait_until="networkidle")

    site = _origin(site_url)
    assert [url for url in requests if _origin(url) != site] == []
    assert tile_server == []
    assert page.locator(".record-map__marker").count() == 0
    expect(page.locator(".record-map__note")).to_contain_text("127.0.0.1")

    page.get_by_role("button", name="Показать на карте").click()
    box = page.get_by_role("region", name="Карта")
    expect(box).to_be_focused()
    markers = box.locator(".record-map__marker")
    expect(markers.first).to_be_visible()
    page.wait_for_load_state("networkidle")
    tiles = box.locator("img")
    assert tiles.count() > 0
    assert tiles.evaluate_all("imgs => imgs.every(img => img.complete && img.naturalWidth === 256)")
    assert len(tile_server) == tiles.count()
    assert {_origin(url) for url in requests} == {
        site,
        _origin(page.evaluate("document.querySelector('.record-map__box img').src")),
    }

    for marker in markers.all():
        size = marker.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, size
    assert errors == []


def test_markers_pass_axe_target_size(page, site_url, tile_server):
    """axe-core's WCAG 2.2 target-size rule (not in the tags the other browser tests run) on
    the opened map of the offices."""
    page.goto(site_url + "/contacts/")
    page.get_by_role("button", name="Показать на карте").click()
    expect(page.locator(".record-map__marker").first).to_be_visible()
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})")
    assert result["passes"], "no marker was checked"
    assert [
        (n["target"], n["failureSummary"]) for v in result["violations"] for n in v["nodes"]
    ] == []


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_list_stands_alone(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "/contacts/", wait_until="networkidle")
    expect(page.locator(".records .record").first).to_be_visible()
    expect(page.get_by_role("button", name="Показать на карте")).to_be_hidden()
    assert {_origin(url) for url in requests} == {_origin(site_url)}
