"""The register of requirements (disclosure/data/requirements.yaml) stays true: every entry
names an implementation and a test that exist, and every section the site must serve is in
it. Checked entry by entry, so a failure names the requirement."""

import pytest

from disclosure import items, requirements

REGISTER = requirements.load()


@pytest.mark.parametrize(
    "requirement", REGISTER, ids=[f"§{entry.section}: {entry.requires[:40]}" for entry in REGISTER]
)
def test_each_requirement_is_implemented_and_tested(requirement):
    assert requirement.problems() == []


def test_the_register_covers_the_sections_a_site_serves():
    assert requirements.missing_chapters() == []


def test_every_item_of_section_6_2_is_registered():
    sections = {entry.section for entry in REGISTER}
    for number in range(1, 15):
        assert f"6.2 п. {number}" in sections
    assert len([item for item in items.ITEMS if item.code.startswith("6.2-")]) == 14


def test_a_missing_implementation_or_test_is_caught():
    broken = requirements.Requirement(
        section="9.2",
        requires="—",
        implemented_by=("reception.services.no_such_function", "templates/none.html"),
        tested_by=("reception/tests/test_services.py::test_nothing", "no_such_file.py::test_x"),
    )
    assert broken.problems() == [
        "not found: reception.services.no_such_function",
        "not found: templates/none.html",
        "no such test: reception/tests/test_services.py::test_nothing",
        "no such test: no_such_file.py::test_x",
    ]
    empty = requirements.Requirement("11", "—", (), ())
    assert empty.problems() == ["no implementation", "no test"]
    assert requirements.Requirement("7, табл. 3, п. 2.2", "—", (), ()).chapter == "7"
    assert requirements.Requirement("6.2 п. 3", "—", (), ()).chapter == "6.2"
