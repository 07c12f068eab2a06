from django.core.management.base import BaseCommand

import disclosure.demo
import readings.demo
import reception.demo
import search.demo
import tariffs.demo
from home.demo import load_site


class Command(BaseCommand):
    help = "Builds the demo site: every public page in Russian and English. Safe to run again."

    def handle(self, *args, **options) -> None:
        home = load_site()
        disclosure.demo.load(home)
        readings.demo.load(home)
        tariffs.demo.load(home)
        reception.demo.load(home)
        search.demo.load(home)  # last: indexes what the others made
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
