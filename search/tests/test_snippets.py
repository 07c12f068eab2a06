"""Snippets of long texts (search.text.highlight): looked for in the head first, and always
what reading the whole text gives."""

import random

import pytest

from search import text
from search.text import HEAD, highlight, stem

FORMS = ["тарифы", "Тариф,", "(тарифа)", "ТАРИФОВ"]
SPACES = [" ", "  ", "\n", "\t ", " \r\n"]
TARIFF = {stem("тариф")}


def whole(raw: str) -> str:
    """The snippet from the whole text, as before the head was tried."""
    return text._snippet(" ".join(raw.split()), TARIFF, 240, whole=True)


def filler(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts += [
            rng.choice(["слово", "другое", "Энергосбыт", "кВт·ч", "2026"]),
            rng.choice(SPACES),
        ]
    return "".join(parts)


@pytest.mark.parametrize("at", [0, 50, 500, HEAD - 400, HEAD - 200, HEAD - 120, HEAD - 20, HEAD,
                                HEAD + 300, 4 * HEAD - 20, 5 * HEAD, None])  # fmt: skip
@pytest.mark.parametrize("seed", range(4))
def test_a_long_text_gives_the_snippet_of_the_whole_text(at, seed):
    """The first match anywhere before, near or after the end of the head; or only far after."""
    rng = random.Random(seed)
    raw = "" if at is None else filler(rng, at) + rng.choice(FORMS)
    raw += rng.choice(SPACES) + filler(rng, rng.randint(HEAD, 2 * HEAD)) + " тарифов. "
    if seed == 3:
        raw = raw[: HEAD - 3] + "оченьдлинноеслово" * 3 + raw[HEAD - 3 :]  # a word across the cut
    assert highlight(raw, TARIFF) == whole(raw)


def test_a_match_early_in_a_long_text_reads_only_the_head(monkeypatch):
    raw = "Тарифы на электроэнергию. " + filler(random.Random(1), 10 * HEAD)
    read: list[int] = []
    snippet = text._snippet

    def spy(part: str, *args, **kwargs):
        read.append(len(part))
        return snippet(part, *args, **kwargs)

    monkeypatch.setattr(text, "_snippet", spy)
    assert "<mark>Тарифы</mark>" in highlight(raw, TARIFF)
    assert read and max(read) <= HEAD


def test_a_word_cut_by_the_end_of_the_head_is_not_taken_for_a_match():
    """«тарифицировалось» cut after «тариф» would look like a match."""
    raw = ("слово " * HEAD)[: HEAD - 6] + " тарифицировалось " + filler(random.Random(3), HEAD)
    raw += " тарифы"
    assert raw[HEAD - 5 : HEAD] == "тариф"
    assert highlight(raw, TARIFF) == whole(raw)
