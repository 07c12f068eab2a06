"""Facts one app states and another checks, without importing it: the app that owns a fact
registers a reader in `AppConfig.ready()` (`register("hotline", read_hotline)`), and the
compliance report asks for it by name to check that the site says the same everywhere."""

from collections.abc import Callable

_readers: dict[str, Callable[[], str]] = {}


def register(name: str, reader: Callable[[], str]) -> None:
    _readers[name] = reader


def value(name: str) -> str:
    """The fact as its owner states it now, or "" when no app states it."""
    reader = _readers.get(name)
    return (reader() or "") if reader else ""
