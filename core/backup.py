"""Backup and restore of what the site cannot recreate: the database and the uploaded files
(public documents and images, and the private attachments to appeals).

`manage.py backup DIR` writes DIR/database.dump (PostgreSQL: pg_dump's custom format) or
DIR/database.sqlite3 (the embedded default), and DIR/<storage>-files.tar.gz for each file
storage on disk. `manage.py restore DIR` puts them back into an EMPTY database (it refuses
any other: a restore never mixes with live data) and into the storages' folders. Files kept
in S3 are not copied: the bucket's own versioning or replication keeps them."""

import os
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages

FILE_STORAGES = ("default", "private")


class RestoreRefused(RuntimeError):
    pass


def files_on_disk() -> dict[str, Path]:
    """The folders of the file storages that live on this machine's disk."""
    return {
        alias: Path(storages[alias].location)
        for alias in FILE_STORAGES
        if isinstance(storages[alias], FileSystemStorage)
    }


def backup(target: Path, database: dict, file_roots: dict[str, Path]) -> list[Path]:
    """Writes the backup into `target`; returns the files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = [_dump(database, target)]
    for alias, root in file_roots.items():
        archive = target / f"{alias}-files.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            if root.exists():
                tar.add(root, arcname=".")
        written.append(archive)
    return written


def restore(source: Path, database: dict, file_roots: dict[str, Path]) -> None:
    """Restores a backup written by `backup` into an empty database and the given folders."""
    _load(source, database)
    for alias, root in file_roots.items():
        archive = source / f"{alias}-files.tar.gz"
        if archive.exists():
            root.mkdir(parents=True, exist_ok=True)
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(root, filter="data")  # no absolute paths, links out or devices


def _is_sqlite(database: dict) -> bool:
    return database["ENGINE"] == "django.db.backends.sqlite3"


def _dump(database: dict, target: Path) -> Path:
    if _is_sqlite(database):
        path = target / "database.sqlite3"
        # SQLite's online backup: a consistent copy even while the site writes.
        with (
            closing(sqlite3.connect(database["NAME"])) as live,
            closing(sqlite3.connect(path)) as copy,
        ):
            live.backup(copy)
        return path
    path = target / "database.dump"
    _postgres("pg_dump", database, "--format=custom", "--no-owner", f"--file={path}")
    return path


def _load(source: Path, database: dict) -> None:
    if _is_sqlite(database):
        name = Path(database["NAME"])
        if name.exists() and name.stat().st_size > 0:
            raise RestoreRefused(f"{name} exists: restore into a new database file.")
        with (
            closing(sqlite3.connect(source / "database.sqlite3")) as saved,
            closing(sqlite3.connect(name)) as new,
        ):
            saved.backup(new)
        return
    tables = _postgres(
        "psql", database, "--tuples-only", "--no-align",
        "--command=SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
    )  # fmt: skip
    if tables.strip() != "0":
        raise RestoreRefused(f"The database {database['NAME']} is not empty.")
    _postgres(
        "pg_restore", database, "--no-owner", "--exit-on-error", "--single-transaction",
        str(source / "database.dump"),
    )  # fmt: skip


def _postgres(program: str, database: dict, *args: str) -> str:
    """Runs a PostgreSQL client on `database`; the password travels in the environment."""
    connection = [f"--host={database.get('HOST') or 'localhost'}"]
    if database.get("PORT"):
        connection.append(f"--port={database['PORT']}")
    if database.get("USER"):
        connection.append(f"--username={database['USER']}")
    env = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    command = [program, *connection, f"--dbname={database['NAME']}", *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
