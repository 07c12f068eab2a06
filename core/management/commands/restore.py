from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import RestoreRefused, files_on_disk, restore


class Command(BaseCommand):
    help = (
        "Restores a backup written by `backup` into the configured database, which must be "
        "empty (a new database), and the uploaded files into their folders (core/backup.py)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options) -> None:
        connection.close()  # pg_restore and SQLite's backup work on their own connections
        try:
            restore(folder, connection.settings_dict, files_on_disk())
        except RestoreRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"Restored {folder}.")
