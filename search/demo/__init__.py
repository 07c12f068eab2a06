"""Demo content of site search: the synonyms of `records.yaml`, then the index of everything
the other apps' demo loaders made (the home pages were published before the site pointed at
them, records may precede their listing pages)."""

from pathlib import Path

from core import demo

from .. import indexer


def load() -> None:
    demo.load_records(Path(__file__).parent / "records.yaml")
    indexer.rebuild()
