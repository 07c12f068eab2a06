"""The searches the caching proxy answers from its copies, counted from its log.

deploy/varnish.vcl shares search results like any page; a search that reaches the app is
counted there (search.views), one the proxy answers never does. varnishncsa reads Varnish's
shared-memory log and writes a line for each search the proxy answered from a copy: the
`X-Search-Results` the app put on that copy (absent when it did not count it, as for a later
page of results) and the URL. `manage.py count_proxy_searches` runs it beside the proxy.
"""

from __future__ import annotations

import threading
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from .services import COUNTED_HEADER, count_query, typed_query

# The client side of each request (varnishncsa's default), answered from a copy.
HITS = 'VCL_call eq "HIT" and ReqURL ~ "^/(en/)?search/\\?"'
LINE = f"%{{{COUNTED_HEADER}}}o %U%q"


def varnishncsa_command(instance: str) -> list[str]:
    """varnishncsa for the Varnish of this instance (its `-n`): waits for it to start."""
    return ["varnishncsa", "-n", instance, "-t", "off", "-q", HITS, "-F", LINE]


def count_line(line: str, times: int = 1) -> bool:
    """Counts the search of a line of varnishncsa, seen `times`; whether it counted."""
    results, _, url = line.strip().partition(" ")
    if not results.isdigit():  # "-": a search the app does not count either
        return False
    query = typed_query(parse_qs(urlsplit(url).query).get("q", [""])[0])
    if not query:
        return False
    count_query(query, int(results), times)
    return True


class Tally:
    """Lines of varnishncsa as they come, counted later: a line costs one dict update, so the
    reader keeps up with the proxy (one that falls behind loses lines when Varnish's log
    wraps around; parsing each line as it came did at 37,000 searches a second)."""

    def __init__(self) -> None:
        self._lines: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, line: str) -> None:
        with self._lock:
            self._lines[line] += 1

    def count(self) -> int:
        """Counts the searches added since the last call (`count_line`); how many counted."""
        with self._lock:
            lines, self._lines = self._lines, Counter()
        return sum(times for line, times in lines.items() if count_line(line, times))
