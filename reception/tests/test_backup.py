"""A backup restores into an empty database with every appeal and every attachment, byte for
byte (core/backup.py, `manage.py backup` and `restore`)."""

import sqlite3
import uuid
from contextlib import closing

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from core.backup import RestoreRefused, backup, files_on_disk, restore
from reception.models import AppealAttachment

from .factories import AppealFactory

SELECT = (
    "SELECT a.number, f.file FROM reception_appeal a "
    "LEFT JOIN reception_appealattachment f ON f.appeal_id = a.id ORDER BY a.number, f.file"
)


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the same engine as the tests', dropped afterwards."""
    database = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        database["NAME"] = str(tmp_path / "restored.sqlite3")
        yield database
        return
    database["NAME"] = f"restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        # Both wait for a checkpoint, which on a busy machine outlasts the site's 15 s limit.
        cursor.execute("SET statement_timeout = 0")
        cursor.execute(f'CREATE DATABASE "{database["NAME"]}"')
        cursor.execute("RESET statement_timeout")
    yield database
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
        cursor.execute(f'DROP DATABASE "{database["NAME"]}"')
        cursor.execute("RESET statement_timeout")


def rows(database: dict, sql: str) -> list[tuple]:
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(database["NAME"])) as db:
            return db.execute(sql).fetchall()
    params = {"host": database["HOST"], "port": database["PORT"] or 5432, "user": database["USER"]}
    with psycopg.connect(dbname=database["NAME"], password=database["PASSWORD"], **params) as db:
        return db.execute(sql).fetchall()


@pytest.mark.django_db(transaction=True)  # pg_dump reads what is committed
def test_a_backup_restores_every_appeal_and_its_attachments(tmp_path, empty_database):
    for n in range(3):
        appeal = AppealFactory()
        for kind in range(n):  # 0, 1 and 2 attachments
            attachment = AppealAttachment(
                appeal=appeal, original_name="скан.pdf", content_type="application/pdf",
                extension="pdf", size=9,
            )  # fmt: skip
            attachment.file.save("x.pdf", ContentFile(f"%PDF-{n}.{kind}".encode()), save=True)
    saved = rows(connection.settings_dict, SELECT)
    originals = {a.file.name: a.file.read() for a in AppealAttachment.objects.all()}

    folder = tmp_path / "backup"
    backup(folder, connection.settings_dict, files_on_disk())
    restored_files = {"private": tmp_path / "restored-private"}
    restore(folder, empty_database, restored_files)

    assert rows(empty_database, SELECT) == saved and len(saved) == 4  # 1 + 1 + 2 rows
    for name, content in originals.items():
        assert (restored_files["private"] / name).read_bytes() == content


@pytest.mark.django_db(transaction=True)
def test_a_restore_never_mixes_with_a_database_in_use(tmp_path):
    AppealFactory()
    backup(tmp_path / "backup", connection.settings_dict, {})
    with pytest.raises(RestoreRefused):
        restore(tmp_path / "backup", connection.settings_dict, {})
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "backup"))
