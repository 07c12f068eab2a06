"""The searches the caching proxy answers from its copies, counted from its log.

deploy/varnish.vcl shares search results like any page; a search that reaches the app is
counted there (search.views), one the proxy answers never does. The proxy logs each it answers
from a copy of a search the app counted (`std.log`: "search-hit: ", the `X-Search-Results` the
app put on the copy, the URL), and `manage.py count_proxy_searches` reads these records from
Varnish's shared-memory log with varnishlog, beside the proxy. Raw records of one tag cost the
reader next to nothing (varnishncsa, which assembles every request to filter them, took a
tenth of the proxy's rate on two cores).
"""

from __future__ import annotations

import threading
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from .services import count_query, typed_query

MARK = "search-hit: "


def varnishlog_command(instance: str) -> list[str]:
    """varnishlog of the proxy's log records (VCL_Log) for the Varnish of this instance (its
    `-n`): waits for it to start."""
    return ["varnishlog", "-n", instance, "-g", "raw", "-i", "VCL_Log", "-t", "off"]


def logged_search(line: str) -> str | None:
    """The results count and URL of a line of varnishlog that logs a search, else None."""
    _, mark, search = line.partition(MARK)
    return search.strip() if mark else None


def count_line(line: str, times: int = 1) -> bool:
    """Counts a logged search ("3 /search/?q=…"), seen `times`; whether it counted."""
    results, _, url = line.partition(" ")
    if not results.isdigit():
        return False
    query = typed_query(parse_qs(urlsplit(url).query).get("q", [""])[0])
    if not query:
        return False
    count_query(query, int(results), times)
    return True


class Tally:
    """Lines of varnishlog as they come, counted later: a line costs one dict update, so the
    reader keeps up with the proxy (one that falls behind loses lines when Varnish's log
    wraps around; parsing each line as it came did at 37,000 searches a second)."""

    def __init__(self) -> None:
        self._lines: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, line: str) -> None:
        search = logged_search(line)
        if search is not None:
            with self._lock:
                self._lines[search] += 1

    def count(self) -> int:
        """Counts the searches added since the last call (`count_line`); how many counted."""
        with self._lock:
            lines, self._lines = self._lines, Counter()
        return sum(times for line, times in lines.items() if count_line(line, times))
