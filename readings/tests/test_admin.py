"""Staff side of meter readings: the registry import, the export for billing, batches, and
who may see readings at all (personal data)."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from core.staff import DISCLOSURE_EDITORS, MODERATORS
from readings.export import HEADER, create_batch, period_csv
from readings.intake import store_submission
from readings.models import Account, ExportBatch, Meter, Submission
from readings.permissions import STAFF_GROUP
from readings.registry import import_registry

from .factories import MeterFactory, SubmissionFactory

pytestmark = pytest.mark.usefixtures("registry")


@pytest.fixture(autouse=True)
def russian():
    with translation.override("ru"):
        yield


GOOD_CSV = (
    "account_number;meter_number;zones;decimals;last_t1;last_t2;last_t3;last_reading_date\n"
    "3000000001;A-1;1;0;100;;;01.10.2026\n"
    "3000000002;B-2;2;1;200,5;100;;2026-10-02\n"
    "1000000001;12345678;2;0;10500;5200;;20.11.2026\n"
)


# --- the registry import ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_import_creates_and_updates_accounts_and_meters():
    result = import_registry(GOOD_CSV)
    assert result.ok, result.errors
    assert (result.accounts_created, result.meters_created, result.meters_updated) == (2, 2, 1)
    meter = Meter.objects.get(number="B-2")
    assert (meter.zones, meter.decimals, meter.last_t1) == (2, 1, Decimal("200.5"))
    assert meter.last_reading_date == dt.date(2026, 10, 2)
    known = Meter.objects.get(number="12345678")
    assert (known.last_t1, known.last_t2) == (Decimal(10500), Decimal(5200))


@pytest.mark.django_db
def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_imported():
    accounts, meters = Account.objects.count(), Meter.objects.count()
    bad = GOOD_CSV + (
        "12ab;C-3;1;0;1;;;01.10.2026\n"  # line 5: account
        "3000000005;D-4;4;0;1;;;01.10.2026\n"  # line 6: zones
        "3000000006;E-5;1;0;1;2;;01.10.2026\n"  # line 7: a reading for a missing zone
        "3000000007;F-6;1;0;x;;;31.02.2026\n"  # line 8: reading and date
        "3000000001;A-1;1;0;100;;;01.10.2026\n"  # line 9: the meter of line 2 again
    )
    result = import_registry(bad)
    assert not result.ok
    assert [error.split(":")[0] for error in result.errors] == [
        "Строка 5",
        "Строка 6",
        "Строка 7",
        "Строка 8",
        "Строка 9",
    ]
    assert "номер лицевого счёта" in result.errors[0]
    assert "строке 2" in result.errors[4]
    assert Account.objects.count() == accounts
    assert Meter.objects.count() == meters
    assert Meter.objects.get(number="12345678").last_t1 == Decimal(10000)  # not updated


@pytest.mark.django_db
def test_a_file_without_the_header_is_refused():
    result = import_registry("3000000001;A-1;1;0;100;;;01.10.2026\n")
    assert not result.ok
    assert result.errors[0].startswith("Строка 1")


@pytest.mark.django_db
def test_the_import_command(tmp_path):
    good = tmp_path / "registry.csv"
    good.write_text(GOOD_CSV, encoding="utf-8-sig")
    out = io.StringIO()
    call_command("import_meter_registry", str(good), stdout=out)
    assert "meters created: 2" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD_CSV + "x;y;9;0;;;;\n", encoding="cp1251")
    with pytest.raises(CommandError, match="Строка 5"):
        call_command("import_meter_registry", str(bad))


# --- the export -------------------------------------------------------------------------------


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.django_db
def test_the_export_format():
    meter = Meter.objects.get(number="12345678")
    SubmissionFactory(
        meter=meter,
        period=dt.date(2026, 11, 1),
        reading_t1=Decimal(10100),
        reading_t2=Decimal(5050),
        confirmation_number="ПУ-2026-000007",
        flagged=True,
    )
    decimal_meter = Meter.objects.get(number="55500012")
    SubmissionFactory(meter=decimal_meter, period=dt.date(2026, 11, 1), reading_t1=Decimal("820.5"))
    SubmissionFactory(meter=MeterFactory(), period=dt.date(2026, 12, 1))  # another period
    text = period_csv(dt.date(2026, 11, 1))
    assert text.endswith("\r\n")
    table = rows(text)
    assert table[0] == HEADER
    assert len(table) == 3
    first = dict(zip(HEADER, table[1], strict=True))
    assert first["account_number"] == "1000000001"
    assert first["meter_number"] == "12345678"
    assert first["period"] == "2026-11"
    assert first["zones"] == "2"
    assert (first["reading_t1"], first["reading_t2"], first["reading_t3"]) == ("10100", "5050", "")
    assert first["confirmation_number"] == "ПУ-2026-000007"
    assert first["flagged"] == "1"
    assert dt.datetime.fromisoformat(first["received_at"]).utcoffset() == dt.timedelta(hours=3)
    second = dict(zip(HEADER, table[2], strict=True))
    assert second["reading_t1"] == "820.5"
    assert second["flagged"] == "0"


@pytest.mark.django_db
def test_a_batch_takes_only_new_readings():
    period = dt.date(2026, 11, 1)
    SubmissionFactory.create_batch(3, period=period)
    batch = create_batch(period)
    assert batch.submissions.count() == 3
    assert create_batch(period) is None
    SubmissionFactory(period=period)
    assert create_batch(period).submissions.count() == 1


@pytest.mark.django_db
def test_the_export_command(tmp_path):
    SubmissionFactory.create_batch(2, period=dt.date(2026, 11, 1))
    target = tmp_path / "out.csv"
    call_command("export_readings", "2026-11", output=str(target), stderr=io.StringIO())
    assert len(rows(target.read_text(encoding="utf-8"))) == 3
    assert ExportBatch.objects.get().submissions.count() == 2
    err = io.StringIO()
    call_command("export_readings", "2026-11", stderr=err, stdout=io.StringIO())
    assert "No new readings" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("export_readings", "ноябрь")


# --- who sees readings ------------------------------------------------------------------------


def user_in(group_name: str | None, username: str) -> User:
    user = User.objects.create_user(username, password="x")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    else:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


ADMIN_URLS = [
    "/admin/readings_submissions/",
    "/admin/readings_export/",
    "/admin/readings_batches/",
    "/admin/readings_meters/",
    "/admin/readings_registry_upload/",
]


@pytest.mark.django_db
def test_the_staff_group_exists_after_migrate():
    group = Group.objects.get(name=STAFF_GROUP)
    assert group.permissions.filter(codename="view_submission").exists()
    assert not group.permissions.filter(codename="delete_submission").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_staff_see_the_readings_admin(client, url):
    SubmissionFactory(email="secret@example.ru")
    client.force_login(user_in(STAFF_GROUP, "staff"))
    response = client.get(url)
    assert response.status_code == 200, url
    assert "/admin/readings_submissions/" in client.get("/admin/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", [DISCLOSURE_EDITORS, MODERATORS, None])
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_editors_cannot_see_readings(client, url, group_name):
    submission = SubmissionFactory(email="secret@example.ru")
    client.force_login(user_in(group_name, "editor"))
    response = client.get(url)
    assert response.status_code in (302, 403), url
    inspect = client.get(f"/admin/readings_submissions/inspect/{submission.pk}/")
    assert inspect.status_code in (302, 403)
    dashboard = client.get("/admin/").content.decode()
    assert "readings_submissions" not in dashboard


@pytest.mark.django_db
def test_staff_see_personal_data_and_history_in_the_inspect_view(client):
    meter = Meter.objects.get(number="12345678")
    period = dt.date(2026, 11, 1)
    store_submission(meter, period, (Decimal(10100), Decimal(5050)), policy_version="v")
    submission = store_submission(
        meter,
        period,
        (Decimal(10200), Decimal(5050)),
        email="secret@example.ru",
        policy_version="v",
    ).submission
    client.force_login(user_in(STAFF_GROUP, "staff"))
    html = client.get(f"/admin/readings_submissions/inspect/{submission.pk}/").content.decode()
    assert "secret@example.ru" in html
    assert "ПУ-2026-000001: 10100 / 5050" in html


@pytest.mark.django_db
def test_nobody_adds_readings_by_hand(admin_client):
    assert admin_client.get("/admin/readings_submissions/new/").status_code in (302, 403)


@pytest.mark.django_db
def test_the_list_filters_by_period_flagged_and_exported(client):
    flagged = SubmissionFactory(period=dt.date(2026, 11, 1), flagged=True)
    plain = SubmissionFactory(period=dt.date(2026, 11, 1))
    other = SubmissionFactory(period=dt.date(2026, 10, 1))
    create_batch(dt.date(2026, 10, 1))
    client.force_login(user_in(STAFF_GROUP, "staff"))

    def listed(query: str) -> set[str]:
        html = client.get(f"/admin/readings_submissions/?{query}").content.decode()
        return {
            s.confirmation_number for s in (flagged, plain, other) if s.confirmation_number in html
        }

    assert listed("period=2026-11-01") == {flagged.confirmation_number, plain.confirmation_number}
    assert listed("flagged=true") == {flagged.confirmation_number}
    assert listed("exported=true") == {other.confirmation_number}
    assert listed("exported=false") == {flagged.confirmation_number, plain.confirmation_number}


@pytest.mark.django_db
def test_staff_export_a_batch_and_mark_it_transferred(client):
    SubmissionFactory.create_batch(2, period=dt.date(2026, 11, 1))
    client.force_login(user_in(STAFF_GROUP, "staff"))
    response = client.post("/admin/readings_export/", {"period": "2026-11"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows(response.content.decode())) == 3
    batch = ExportBatch.objects.get()
    assert Submission.objects.filter(batch=batch).count() == 2
    again = client.get(f"/admin/readings_batches/{batch.pk}/csv/")
    assert again.content == response.content
    client.post(f"/admin/readings_batches/{batch.pk}/transferred/")
    batch.refresh_from_db()
    assert batch.transferred_at is not None


@pytest.mark.django_db
def test_staff_upload_the_registry(client):
    client.force_login(user_in(STAFF_GROUP, "staff"))
    upload = SimpleUploadedFile("r.csv", GOOD_CSV.encode("utf-8-sig"), "text/csv")
    response = client.post("/admin/readings_registry_upload/", {"file": upload})
    assert response.status_code == 302
    assert Meter.objects.filter(number="B-2").exists()
    bad = SimpleUploadedFile("r.csv", (GOOD_CSV + "x;;;;;;;\n").encode(), "text/csv")
    response = client.post("/admin/readings_registry_upload/", {"file": bad})
    assert response.status_code == 400
    assert "Строка 5" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_the_readings_list_runs_a_constant_number_of_queries(client, count):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    SubmissionFactory.create_batch(count)
    client.force_login(user_in(STAFF_GROUP, "staff"))
    client.get("/admin/readings_submissions/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/readings_submissions/").status_code == 200
    assert len(queries) < 30
