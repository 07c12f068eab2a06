"""Russian text for the embedded search: normalisation, stemming, stop words, snippets.

SQLite's FTS5 does not know Russian morphology, so the embedded index stores the Snowball
stems of every word and the query is stemmed the same way: «тарифы», «тарифов» and «тариф»
all become «тариф». Letters are lower-cased and «ё» becomes «е» before stemming. The stemmer is
PyStemmer, the Snowball algorithms compiled to C: the same stems as the pure-Python
`snowballstemmer`, many times faster (indexing stems every word of every page).
"""

import re
from functools import lru_cache

import Stemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD_RE = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)

# Words that carry no meaning in a customer's question. Kept short on purpose: a word that
# might matter («счёт», «не») is not here.
STOP_WORDS = frozenset(
    """
    а без более бы был была были было быть в вам вас во вот все всех вы где да для до
    его ее если есть еще же за здесь и из или им их к как ко когда кто ли либо мне много
    может можно мой мы на над надо наш не него нее нет ни них но ну о об однако он она они
    оно от очень по под после при про с со так также такой там те то того тоже только
    том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этот я ли
    какой какая какие каком куда откуда почему зачем сколько
    the a an of to and or in on for is are how what where when which
    """.split()  # noqa: SIM905 - a readable block of words
)

_stemmer = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")


def normalize(text: str) -> str:
    """Lower case, «ё» as «е»."""
    return text.lower().replace("ё", "е")


def words(text: str) -> list[str]:
    return WORD_RE.findall(normalize(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    word = normalize(word)
    if word.isascii():
        return _english.stemWord(word)
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    """The stems of every word of a text, in order (stop words kept: phrases need them)."""
    return [stem(word) for word in words(text)]


def stemmed_text(text: str) -> str:
    return " ".join(stems(text))


@lru_cache(maxsize=1)
def stop_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in STOP_WORDS)


def meaningful(stem_list: list[str]) -> list[str]:
    """Stems without stop words; the original list if nothing else would remain."""
    stop = stop_stems()
    kept = [s for s in stem_list if s not in stop]
    return kept or stem_list


def _first_match(text: str, query_stems: set[str]) -> int | None:
    """Where the first word whose stem is a query stem starts. A regular expression finds
    the candidates (words that begin with a stem); only those are stemmed, so a long page
    costs little."""
    if not query_stems:
        return None
    lowered = normalize(text)
    stems_pattern = "|".join(re.escape(s) for s in sorted(query_stems, key=len, reverse=True))
    for match in re.finditer(rf"(?<![0-9a-zа-я])(?:{stems_pattern})[0-9a-zа-я]*", lowered):
        if stem(match.group()) in query_stems:
            return match.start()
    return None


# A long text's snippet is looked for in its first this many characters, then in four times as
# many, and so on: what a text with no early match costs grows by a third at most.
HEAD = 2000


def highlight(text: str, query_stems: set[str], length: int = 240) -> SafeString:
    """A fragment of `text` around the first matching word, matches wrapped in <mark>. A long
    text is read from its head while the head has no match with a full window after it: the
    head cut at a space is a prefix of the whole text, so the same words give the same snippet
    (one page of tens of thousands of characters took a third of a search's time)."""
    size = HEAD
    while len(text) > size:
        head = " ".join(text[:size].split())
        cut = head.rfind(" ")  # the last word may be cut short: it goes
        if cut > 0:
            found = _snippet(head[:cut], query_stems, length, whole=False)
            if found is not None:
                return found
        size *= 4
    return _snippet(" ".join(text.split()), query_stems, length, whole=True)


def _snippet(text: str, query_stems: set[str], length: int, whole: bool) -> SafeString | None:
    """The snippet of `text` (whitespace collapsed); None when `text` is only the beginning of
    the whole (`whole` false) and the snippet needs more of it."""
    first = _first_match(text, query_stems)
    if not whole and first is None:
        return None  # the first match may come later
    start = 0
    if first is not None and len(text) > length and first > length // 3:
        start = text.rfind(" ", 0, first - length // 3) + 1
    if not whole and start + length >= len(text):
        return None  # the window reaches past the head
    end = min(len(text), start + length)
    if end < len(text) and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    window = text[start:end]
    parts = ["…" if start > 0 else ""]
    cursor = 0
    for match in WORD_RE.finditer(window):
        if stem(match.group()) in query_stems:
            parts.append(escape(window[cursor : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            cursor = match.end()
    parts.append(escape(window[cursor:]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))
