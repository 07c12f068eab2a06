"""The register of the standard's requirements that the website serves
(`data/requirements.yaml`): for each, the section, what it requires, where it is implemented
and which tests prove it. The compliance report shows it; disclosure/tests/test_requirements.py
fails when an entry's implementation or test does not exist."""

import ast
import functools
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import yaml
from django.conf import settings

REGISTER = Path(__file__).parent / "data" / "requirements.yaml"
# §6.2, §7 (every row a site can serve), §8, §9, §10, §11 and §13 must each have entries.
REQUIRED_SECTIONS = ("6.2", "7", "8", "9", "10", "11", "13")


@dataclass(frozen=True)
class Requirement:
    section: str
    requires: str
    implemented_by: tuple[str, ...]
    tested_by: tuple[str, ...]

    @property
    def chapter(self) -> str:
        """The top-level section: «7» for «7, табл. 3, п. 2.2», «6.2» for «6.2 п. 1»."""
        head = self.section.split(",")[0].split(" ")[0]
        return head if head.startswith("6.2") else head.split(".")[0]

    def problems(self) -> list[str]:
        """What is wrong with the entry: a missing implementation or test, or one named
        that does not exist. Empty when the entry is sound."""
        found = []
        if not self.implemented_by:
            found.append("no implementation")
        if not self.tested_by:
            found.append("no test")
        found += [f"not found: {name}" for name in self.implemented_by if not implemented(name)]
        found += [f"no such test: {name}" for name in self.tested_by if not has_test(name)]
        return found


@functools.cache
def load() -> tuple[Requirement, ...]:
    rows = yaml.safe_load(REGISTER.read_text(encoding="utf-8"))
    return tuple(
        Requirement(
            section=str(row["section"]),
            requires=row["requires"],
            implemented_by=tuple(row.get("implemented_by") or ()),
            tested_by=tuple(row.get("tested_by") or ()),
        )
        for row in rows
    )


def implemented(name: str) -> bool:
    """A file under the project root, or a dotted path to a module or one of its attributes
    (a class's attribute too: `app.models.Page.method`)."""
    if "/" in name:
        return (Path(settings.BASE_DIR) / name).is_file()
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target = import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


@functools.cache
def _test_names(path: str) -> frozenset[str]:
    file = Path(settings.BASE_DIR) / path
    if not file.is_file():
        return frozenset()
    tree = ast.parse(file.read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    )


def has_test(name: str) -> bool:
    """`path/to/test_file.py::test_name` names a test function defined in that file."""
    path, _, function = name.partition("::")
    return bool(function) and function in _test_names(path)


def missing_chapters() -> list[str]:
    present = {requirement.chapter for requirement in load()}
    return [chapter for chapter in REQUIRED_SECTIONS if chapter not in present]
