"""The directory from CSV: valid rows kept, bad rows reported with their line numbers."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from addresses.admin_views import can_import
from addresses.importer import import_addresses, parse_houses
from addresses.models import HouseRange, Street
from core.addressing import HouseSpan
from core.staff import DISCLOSURE_EDITORS, MODERATORS
from disclosure.staff import NOTICE_EDITORS
from disclosure.tests.factories import GridCompanyFactory
from tariffs.tests.factories import TariffRegionFactory

HEADER = "locality;street;houses;tariff_region;grid_company;latitude;longitude\n"


@pytest.fixture(autouse=True)
def english():
    """The messages are compared in English, their msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def region(db):
    return TariffRegionFactory(slug="moscow-oblast", name="Московская область")


@pytest.fixture
def grid(db):
    return GridCompanyFactory(name="АО «Мособлэнерго»")


@pytest.mark.parametrize(
    ("text", "houses"),
    [
        ("", (None, None, HouseSpan.ALL)),
        ("7", (7, None, HouseSpan.ALL)),
        ("1-25", (1, 25, HouseSpan.ALL)),
        ("2 – 40 чёт", (2, 40, HouseSpan.EVEN)),
        ("1-39 нечет.", (1, 39, HouseSpan.ODD)),
    ],
)
def test_house_ranges_as_editors_write_them(text, houses):
    assert parse_houses(text) == houses


def test_valid_rows_are_kept_and_bad_rows_reported_by_line(region, grid):
    text = HEADER + (
        "Подольск;улица Ленина;1-25;moscow-oblast;АО «Мособлэнерго»;55.43;37.54\n"  # line 2
        "Подольск;улица Ленина;27-5;moscow-oblast;;;\n"  # 3: the range runs backwards
        "Подольск;Садовая улица;2-40 чёт;Марс;;;\n"  # 4: no such region
        "\n"  # blank lines are skipped, but still counted
        "Химки;ул. Молодёжная;;Московская область;Нет такой;91;37\n"  # 6: company, latitude
        "Подольск;Ленина ул.;1-25;moscow-oblast;;;\n"  # 7: line 2 again, spelt otherwise
        "Подольск;Садовая улица;2-40 чёт;moscow-oblast;;55.4;\n"  # 8: half the coordinates
        "Подольск;Садовая улица;1-39 нечёт;moscow-oblast;;;\n"  # 9
    )
    result = import_addresses(text)

    assert [error.split(":")[0] for error in result.errors] == [
        "Line 3",
        "Line 4",
        "Line 6",
        "Line 7",
        "Line 8",
    ]
    assert "no tariff region «Марс»" in result.errors[1]
    assert "no grid company «Нет такой»" in result.errors[2]
    assert "latitude is not a coordinate" in result.errors[2]
    assert "line 2" in result.errors[3]
    assert result.created == 2
    lenina = HouseRange.objects.get(street__name="улица Ленина")
    assert (lenina.house_from, lenina.house_to, lenina.grid_company) == (1, 25, grid)
    assert lenina.tariff_region == region
    assert Street.objects.get(name="Садовая улица").ranges.get().parity == HouseSpan.ODD


def test_a_second_import_updates_instead_of_duplicating(region, grid):
    import_addresses(HEADER + "Подольск;улица Ленина;1-25;moscow-oblast;;;\n")
    result = import_addresses(
        HEADER + "г. Подольск;ул. Ленина;1-25;moscow-oblast;АО «Мособлэнерго»;;\n"
    )
    assert (result.created, result.updated, result.errors) == (0, 1, [])
    assert HouseRange.objects.get().grid_company == grid


def test_a_file_without_the_columns_is_refused(region):
    result = import_addresses("город;улица\nПодольск;Ленина\n")
    assert result.errors == [
        "Line 1: the header lacks locality, street, houses, tariff_region, grid_company, "
        "latitude, longitude."
    ]


def test_the_command_reports_bad_rows_and_keeps_the_good(region, tmp_path):
    path = tmp_path / "addresses.csv"
    text = HEADER + "Подольск;улица Ленина;1-25;moscow-oblast;;;\nПодольск;;1;moscow-oblast;;;\n"
    path.write_bytes(text.encode("cp1251"))
    with pytest.raises(CommandError, match="Line 3: street is empty"):
        call_command("import_addresses", str(path))
    assert HouseRange.objects.count() == 1


def test_the_admin_upload(admin_client, region):
    text = HEADER + "Подольск;улица Ленина;1-25;moscow-oblast;;;\nПодольск;x;1-2-3;nowhere;;;\n"
    response = admin_client.post(
        "/admin/addresses_upload/",
        {"file": SimpleUploadedFile("a.csv", text.encode(), content_type="text/csv")},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Строка 3" in html  # the admin speaks the user's language
    assert HouseRange.objects.count() == 1


@pytest.mark.parametrize(
    ("group", "allowed"),
    [(DISCLOSURE_EDITORS, True), (MODERATORS, True), (NOTICE_EDITORS, False)],
)
def test_who_may_import(client, django_user_model, group, allowed):
    user = django_user_model.objects.create_user("staff", password="x")
    user.groups.add(Group.objects.get(name=group))
    assert can_import(user) is allowed
