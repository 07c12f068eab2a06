"""Shared start-up of the benchmark scripts: Django on DATABASE_URL (default: a fresh SQLite
file in /tmp), migrated, with the demo content loaded."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(default_sqlite_name: str) -> str:
    """Start Django; returns a label of the database backend."""
    sys.path.insert(0, str(ROOT))
    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.gettempdir()) / default_sqlite_name
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ruses.settings.test")
    os.environ.pop("ELASTICSEARCH_URL", None)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    version = connection.pg_version
    return f"PostgreSQL {version // 10000}.{version % 10000}"


def write(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as output:
        output.write(text)
    print(text, end="")
