from django.core.management.base import BaseCommand

from core import demo


class Command(BaseCommand):
    help = (
        "Builds the demo site: every public page in Russian and English, by the demo loaders "
        "the apps register (core/demo.py). Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        names = demo.load_all()
        self.stdout.write(self.style.SUCCESS(f"Demo content is in place: {', '.join(names)}."))
