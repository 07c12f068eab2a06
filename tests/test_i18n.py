"""The interface catalogues: every string translated, and the compiled .mo up to date; and
every interface string translated per request, none at import time."""

import ast
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


# --- translated per request, not at import time ---------------------------------------------

PROJECT = LOCALE_DIR.parent
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
LAZY = {"gettext_lazy", "ngettext_lazy", "pgettext_lazy"}


def import_time_translations(tree: ast.Module, path: Path) -> list[str]:
    """Calls that translate while a module or class body runs: an eager gettext, or a lazy
    one made a str there (`%`, `.format`, `str()`, an f-string), which fixes the message in
    whatever language is active at import."""
    names = {"eager": set(), "lazy": set()}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if alias.name in EAGER | LAZY:
                    names["eager" if alias.name in EAGER else "lazy"].add(
                        alias.asname or alias.name
                    )

    def calls(node, kind: str) -> bool:
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in names[kind]
        )

    def translates(node) -> bool:
        return (
            calls(node, "eager")
            or (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Mod)
                and calls(node.left, "lazy")
            )
            or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and calls(node.func.value, "lazy")
            )
            or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "str"
                and any(calls(arg, "lazy") for arg in node.args)
            )
            or (
                isinstance(node, ast.JoinedStr)
                and any(
                    isinstance(value, ast.FormattedValue) and calls(value.value, "lazy")
                    for value in node.values
                )
            )
        )

    found = []

    def visit(node) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                # Default values run at definition; the body runs per call.
                for default in [*child.args.defaults, *filter(None, child.args.kw_defaults)]:
                    found.extend(
                        f"{path.relative_to(PROJECT)}:{n.lineno}"
                        for n in ast.walk(default)
                        if translates(n)
                    )
                continue
            if translates(child):
                found.append(f"{path.relative_to(PROJECT)}:{child.lineno}")
            visit(child)

    if names["eager"] or names["lazy"]:
        visit(tree)
    return found


def test_no_interface_string_is_translated_at_import_time():
    found = []
    for path in sorted(PROJECT.glob("*/**/*.py")):
        parts = path.relative_to(PROJECT).parts
        if parts[0] in {".venv", "node_modules"} or "migrations" in parts or "tests" in parts:
            continue
        found += import_time_translations(ast.parse(path.read_text(encoding="utf-8")), path)
    assert found == []


def test_the_audit_finds_a_help_text_fixed_at_import():
    source = (
        "from django.utils.translation import gettext_lazy as _, gettext\n"
        "class Form:\n"
        "    help = _('Up to %(n)s files') % {'n': 5}\n"
        "    label = gettext('Name')\n"
        "    lazy = _('Fine')\n"
        "def view():\n"
        "    return gettext('Fine too')\n"
    )
    found = import_time_translations(ast.parse(source), PROJECT / "example.py")
    assert found == ["example.py:3", "example.py:4"]


def test_a_form_help_text_follows_the_request_language():
    from reception.forms import AppealForm

    field = AppealForm.base_fields["attachments"]
    with translation.override("en"):
        assert str(field.help_text).startswith("Up to 5 files")
    with translation.override("ru"):
        assert "файлов" in str(field.help_text)
