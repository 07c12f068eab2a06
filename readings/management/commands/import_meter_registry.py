from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.csv_import import decode
from readings.registry import import_registry


class Command(BaseCommand):
    help = (
        "Loads the registry of accounts and meters from the billing system's CSV. All or "
        "nothing: any bad row is reported with its line number and nothing is stored."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="the CSV file (see readings/registry.py)")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        result = import_registry(decode(data))
        if not result.ok:
            raise CommandError("Nothing imported.\n" + "\n".join(result.errors))
        self.stdout.write(
            self.style.SUCCESS(
                f"Accounts created: {result.accounts_created}; meters created: "
                f"{result.meters_created}, updated: {result.meters_updated}."
            )
        )
