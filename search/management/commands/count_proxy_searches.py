import signal
import subprocess
import sys
import threading

from django.core.management.base import BaseCommand

from search import proxy_log
from search.services import COUNT_INTERVAL, write_counted_queries


class Command(BaseCommand):
    help = (
        "Counts in the report of queries the searches the caching proxy answers from its "
        "copies, read from Varnish's log with varnishlog (search/proxy_log.py). Runs until "
        "stopped, beside the proxy."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--varnish-name", required=True, help="the proxy's instance (varnishd -n)"
        )

    def handle(self, *args, varnish_name: str, **options) -> None:
        # Stopped like any service (SIGTERM): what was read is counted on the way out.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        tally = proxy_log.Tally()
        stopped = threading.Event()

        def count_every_interval() -> None:
            while not stopped.wait(COUNT_INTERVAL):
                tally.count()
                write_counted_queries()

        threading.Thread(target=count_every_interval, daemon=True).start()
        log = subprocess.Popen(
            proxy_log.varnishlog_command(varnish_name), stdout=subprocess.PIPE, text=True
        )
        try:
            for line in log.stdout:
                tally.add(line)
        finally:
            stopped.set()
            log.terminate()
            tally.count()
            write_counted_queries()
