"""The interface catalogues: every string translated, and the compiled .mo up to date."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_string_is_translated(language):
    catalogue = polib.pofile(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("language", ["ru", "en"])
def test_compiled_catalogue_matches_the_source(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(folder / "django.po")}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(folder / "django.mo")}
    assert compiled == source, "run `make messages` to recompile"


def test_russian_is_active_for_interface_strings():
    with translation.override("ru"):
        assert translation.gettext("Skip to content") == "Перейти к содержанию"
