import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from readings.export import batch_csv, create_batch, period_csv
from readings.services import parse_period


class Command(BaseCommand):
    help = (
        "Writes the CSV of a billing period's meter readings for the billing system. By "
        "default the readings not yet exported, recorded as a new batch; --all writes every "
        "current reading of the period without recording a batch."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("period", help="the billing period, e.g. 2026-11")
        parser.add_argument("--output", type=Path, help="a file to write (default: stdout)")
        parser.add_argument("--all", action="store_true", help="include exported readings")

    def handle(self, *args, period: str, output: Path | None, all: bool, **options) -> None:
        try:
            first_day = parse_period(period)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if all:
            text = period_csv(first_day)
        else:
            batch = create_batch(first_day)
            if batch is None:
                self.stderr.write("No new readings for this period.")
                return
            text = batch_csv(batch)
            self.stderr.write(f"Batch {batch.pk}: {batch.submissions.count()} readings.")
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
