from disclosure.standard_text import load_standard, paragraphs_to_html, parse_standard


def test_standard_parses_into_its_thirteen_numbered_sections():
    sections = load_standard()
    assert [s.number for s in sections] == [""] + [str(n) for n in range(1, 14)]
    assert sections[7].title.startswith("Требования к работе по договорам энергоснабжения")
    assert all(section.paragraphs for section in sections)


def test_wrapped_lines_join_and_clauses_start_paragraphs():
    text = (
        "1. ОБЩИЕ ПОЛОЖЕНИЯ\n\n1.1 Первая строка\nпродолжение.\n"
        "1.2 Второй пункт:\n\uf0b7 пункт списка;\n"
    )
    _intro, general = parse_standard(text)
    assert general.title == "Общие положения"
    assert general.paragraphs == [
        "1.1 Первая строка продолжение.",
        "1.2 Второй пункт:",
        "• пункт списка;",
    ]


def test_bullets_become_one_list_and_text_is_escaped():
    html = paragraphs_to_html(["Вступление <b>", "• один", "• два", "Итог"])
    assert html == "<p>Вступление &lt;b&gt;</p><ul><li>один</li><li>два</li></ul><p>Итог</p>"
