"""Notices name the addresses they cover in the structured form of the address directory,
beside the free text for people; the keys survive the revision and publish cycle."""

from django.utils import translation

from disclosure.models import OutageCoverage, OutageNotice

from .factories import OutageNoticeFactory


def test_coverage_published_through_a_revision_is_found_by_address(db):
    notice = OutageNoticeFactory.build(live=False)
    notice.covered_addresses = [
        OutageCoverage(locality="г. Подольск", street="ул. Ленина", house_from=1, house_to=25),
        OutageCoverage(locality="Химки", street=""),
    ]
    notice.save()
    notice.save_revision().publish()

    row = OutageCoverage.objects.get(street="ул. Ленина")
    assert (row.locality_key, row.street_key) == ("подольск", "улица:ленина")
    covering = OutageNotice.objects.live().covering
    assert list(covering("Подольск", "Ленина улица", 25)) == [notice]
    assert not covering("Подольск", "улица Ленина", 26).exists()
    assert not covering("Подольск", "проспект Ленина", 5).exists()
    assert list(covering("Химки", "Садовая улица", 140)) == [notice]


def test_the_coverage_label():
    with translation.override("en"):
        row = OutageCoverage(locality="Подольск", street="улица Ленина", house_from=1, house_to=25)
        assert str(row) == "Подольск, улица Ленина, houses 1–25"
        row.parity = OutageCoverage.ODD
        assert row.houses_label == "houses 1–25 (odd numbers)"
        assert str(OutageCoverage(locality="Химки")) == "Химки"


def test_the_editor_enters_coverage_rows(admin_client):
    html = admin_client.get("/admin/snippets/disclosure/outagenotice/add/").content.decode()
    assert 'name="covered_addresses-TOTAL_FORMS"' in html
