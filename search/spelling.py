"""Forgiving input: words typed in the wrong keyboard layout («nfhbas» → «тарифы») and typos of
one or two letters («тарифф» → «тариф») are corrected to words of the index.

The vocabulary is SearchTerm: every word of the index with its stem, kept by the indexer
(`learn`). A word is known when it, or its stem, is in the vocabulary; only unknown words are
corrected. The nearest words of a typo come from pg_trgm on PostgreSQL (a GIN trigram index)
and, on SQLite, from the same trigrams computed here over the vocabulary held in memory; the
choice among them (the fewest edits, then the most shared trigrams) is the same on both.
"""

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.core.cache import cache
from django.db import connection

from .models import SearchTerm
from .text import normalize, stem, stop_stems, words

LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`{}:\"<>~"
CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюёхъжэбюё"
TO_CYRILLIC = str.maketrans(LATIN, CYRILLIC)
TO_LATIN = str.maketrans(CYRILLIC[:33], LATIN[:33])
LATIN_TYPED = re.compile(r"[a-z\[\]{};:'\",.<>`~]*[a-z][a-z\[\]{};:'\",.<>`~]*")
CYRILLIC_TYPED = re.compile(r"[а-яё]+")

MIN_LENGTH = 4  # shorter words are left alone: too many neighbours
# Lower than pg_trgm's default (0.3): a swap of two letters in a short word («таирфы») shares
# few trigrams with the word meant; the edit distance then decides.
SIMILARITY = 0.2
VERSION_KEY = "site-search:vocabulary-version"
MAX_WORD = 100


def learn(texts: Iterable[str]) -> None:
    """Add the words of these texts to the vocabulary. Words of removed content stay: a
    correction to them finds nothing and is not shown (search.backends.search)."""
    found: dict[str, str] = {}
    for text in texts:
        for word in words(text):
            if len(word) <= MAX_WORD and not word.isdigit() and word not in found:
                found[word] = stem(word)
    chunk = list(found)
    new = set(found)
    for start in range(0, len(chunk), 500):
        new -= set(
            SearchTerm.objects.filter(word__in=chunk[start : start + 500]).values_list(
                "word", flat=True
            )
        )
    if new:
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=word, stem=found[word]) for word in sorted(new)],
            batch_size=1000,
            ignore_conflicts=True,
        )
        cache.delete(VERSION_KEY)


def _known(candidates: set[str]) -> set[str]:
    """Those of the words that the vocabulary knows, as a word or by their stem. A word of
    the vocabulary has its stem there too, so the stems alone answer, from their b-tree
    (asked for the words as well, PostgreSQL chose the trigram index for them, far slower)."""
    stem_of = {word: stem(word) for word in candidates}
    if not stem_of:
        return set()
    known_stems = set(
        SearchTerm.objects.filter(stem__in=set(stem_of.values())).values_list("stem", flat=True)
    )
    return {word for word, word_stem in stem_of.items() if word_stem in known_stems}


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second)


def edits(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class _MemoryTrigrams:
    """The vocabulary's trigram index in this process, rebuilt when the vocabulary grows."""

    version: object = None
    index: dict[str, list[str]] = {}

    def neighbours(self, word: str) -> list[str]:
        version = cache.get(VERSION_KEY)
        if version is None or version != self.version:
            version = version or uuid.uuid4().hex
            cache.set(VERSION_KEY, version, None)
            index = defaultdict(list)
            for term in SearchTerm.objects.values_list("word", flat=True).iterator():
                for trigram in trigrams(term):
                    index[trigram].append(term)
            self.index, self.version = dict(index), version
        shared: dict[str, int] = defaultdict(int)
        mine = trigrams(word)
        for trigram in mine:
            for term in self.index.get(trigram, ()):
                shared[term] += 1
        scored = [
            (count / (len(mine) + len(trigrams(term)) - count), term)
            for term, count in shared.items()
        ]
        return [term for sim, term in sorted(scored, reverse=True)[:20] if sim >= SIMILARITY]


_memory = _MemoryTrigrams()


def neighbours(word: str) -> list[str]:
    """Up to 20 words of the vocabulary most like `word` by trigrams, the most alike first."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.similarity_threshold = {SIMILARITY}")
            cursor.execute(
                "SELECT word FROM search_searchterm WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 20",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]
    return _memory.neighbours(word)


def nearest(word: str) -> str | None:
    """The vocabulary's word one edit away (two for words of seven letters or more)."""
    allowed = 2 if len(word) >= 7 else 1
    best = None
    for rank, candidate in enumerate(neighbours(word)):
        distance = edits(word, candidate)
        if distance <= allowed and (best is None or (distance, rank) < best[:2]):
            best = (distance, rank, candidate)
    return best[2] if best else None


def correct(query: str) -> str | None:
    """The query as the customer meant it, or None when every word is known (or nothing
    better is found)."""
    tokens = normalize(query).split()
    layouts = {}
    for token in tokens:
        if LATIN_TYPED.fullmatch(token):
            layouts[token] = token.translate(TO_CYRILLIC)
        elif CYRILLIC_TYPED.fullmatch(token):
            layouts[token] = token.translate(TO_LATIN)
    every = {word for token in tokens for word in words(token)}
    every |= {word for converted in layouts.values() for word in words(converted)}
    known = _known(every)
    stop = stop_stems()

    def is_known(word: str) -> bool:
        return word in known or word.isdigit() or stem(word) in stop

    corrected = []
    for token in tokens:
        token_words = words(token)
        if all(is_known(word) for word in token_words):
            corrected.append(token)
            continue
        converted = layouts.get(token)
        if converted and words(converted) and all(is_known(w) for w in words(converted)):
            corrected.append(converted)
            continue
        for word in token_words:
            if not is_known(word) and len(word) >= MIN_LENGTH and not word.isdigit():
                replacement = nearest(word)
                if replacement:
                    token = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, token)
        corrected.append(token)
    result = " ".join(corrected)
    return result if result != " ".join(tokens) else None
