import signal
import subprocess
import threading

from django.core.management.base import BaseCommand

from search import proxy_log
from search.services import COUNT_INTERVAL, write_counted_queries


class Command(BaseCommand):
    help = (
        "Counts in the report of queries the searches the caching proxy answers from its "
        "copies, read from Varnish's log with varnishncsa (search/proxy_log.py). Runs until "
        "stopped, beside the proxy."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--varnish-name", required=True, help="the proxy's instance (varnishd -n)"
        )

    def handle(self, *args, varnish_name: str, **options) -> None:
        # Stopped like any service (SIGTERM): what was counted is written on the way out.
        signal.signal(signal.SIGTERM, lambda *_: exit(0))
        # Searches are written when the next one comes COUNT_INTERVAL after the oldest; this
        # writes those of a quiet spell.
        stopped = threading.Event()

        def write_quiet_spells() -> None:
            while not stopped.wait(COUNT_INTERVAL):
                write_counted_queries()

        threading.Thread(target=write_quiet_spells, daemon=True).start()
        log = subprocess.Popen(
            proxy_log.varnishncsa_command(varnish_name), stdout=subprocess.PIPE, text=True
        )
        try:
            for line in log.stdout:
                proxy_log.count_line(line)
        finally:
            stopped.set()
            log.terminate()
            write_counted_queries()
