from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection

from core.backup import backup, files_on_disk


class Command(BaseCommand):
    help = "Backs up the database and the uploaded files on disk into a folder (core/backup.py)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options) -> None:
        for path in backup(folder, connection.settings_dict, files_on_disk()):
            self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
