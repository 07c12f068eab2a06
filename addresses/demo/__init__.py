"""Demo address directory: `addresses.csv` through the same import as staff uploads
(localities of the demo offices, with the streets the demo notices cover)."""

from pathlib import Path

from ..importer import import_addresses

HERE = Path(__file__).parent


def load() -> None:
    result = import_addresses((HERE / "addresses.csv").read_text(encoding="utf-8"))
    if result.errors:
        raise ValueError("addresses.csv: " + " ".join(result.errors))
