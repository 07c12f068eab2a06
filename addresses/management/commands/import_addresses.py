from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from addresses.importer import import_addresses
from core.csv_import import decode


class Command(BaseCommand):
    help = (
        "Adds the house ranges of a CSV file to the address directory (columns in "
        "addresses/importer.py); valid rows are kept, bad rows are reported by line."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="the CSV file")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        result = import_addresses(decode(data))
        self.stdout.write(f"House ranges created: {result.created}, updated: {result.updated}.")
        if result.errors:
            raise CommandError("Rows not imported:\n" + "\n".join(result.errors))
