"""Page weight of the key pages on a running server: what a first visit transfers without
images (the HTML and every stylesheet and script it links), against the 150 KB budget.

    make run &                                   # or make serve (gunicorn + whitenoise)
    .venv/bin/python benchmarks/page_weight.py [http://127.0.0.1:8000] [/extra/path/ ...]

"wire" is what the server sent (its Content-Encoding as it chose); "gzip" is the same bytes
compressed as a reverse proxy with gzip on would send them. Any request to another host is
reported: pages must not depend on third parties. Exits 1 when a page is over the budget.
"""

import gzip
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BUDGET = 150 * 1024
KEY_PAGES = ["/", "/clients/tariffs/", "/contacts/", "/reception/"]


class Assets(HTMLParser):
    """The URLs a browser fetches before the page is usable: stylesheets and scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "preload" in rel or "modulepreload" in rel):
            self.urls.append(attributes.get("href") or "")
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"] or "")


def fetch(url: str) -> tuple[bytes, int]:
    """The decoded body and the number of bytes that came over the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            return gzip.decompress(raw), len(raw)
        return raw, len(raw)


def measure(base: str, path: str) -> dict:
    html, html_wire = fetch(urljoin(base, path))
    parser = Assets()
    parser.feed(html.decode("utf-8", "replace"))
    rows = [(path, len(html), html_wire, len(gzip.compress(html)))]
    third_party = []
    for asset in dict.fromkeys(parser.urls):
        url = urljoin(urljoin(base, path), asset)
        if urlsplit(url).netloc != urlsplit(base).netloc:
            third_party.append(url)
            continue
        body, wire = fetch(url)
        rows.append((asset, len(body), wire, len(gzip.compress(body))))
    return {
        "path": path,
        "rows": rows,
        "wire": sum(row[2] for row in rows),
        "gzip": sum(row[3] for row in rows),
        "third_party": third_party,
    }


def main(argv: list[str]) -> int:
    base = argv[1] if len(argv) > 1 else "http://127.0.0.1:8000"
    paths = KEY_PAGES + argv[2:]
    over = False
    print(f"{'request':<44}{'bytes':>10}{'wire':>10}{'gzip':>10}")
    for path in paths:
        try:
            result = measure(base, path)
        except urllib.error.URLError as error:
            print(f"{base}{path}: {error.reason} (is the server running? `make run`)")
            return 2
        for name, size, wire, compressed in result["rows"]:
            print(f"  {name:<42}{size:>10}{wire:>10}{compressed:>10}")
        verdict = "ok" if result["wire"] <= BUDGET else "OVER BUDGET"
        over |= result["wire"] > BUDGET
        print(
            f"{path:<44}{'':>10}{result['wire']:>10}{result['gzip']:>10}"
            f"  {result['wire'] / 1024:.1f} KB of {BUDGET // 1024} KB: {verdict}"
        )
        for url in result["third_party"]:
            print(f"  THIRD-PARTY REQUEST: {url}")
            over = True
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
