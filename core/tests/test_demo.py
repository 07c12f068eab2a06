"""The demo loaders: their registry and order, and what `load_demo` builds from the apps'
data files."""

import pytest

from core.demo import DemoLoaderError, Loader, ordered


def noop() -> None:
    pass


def names(*loaders: Loader) -> list[str]:
    return [loader.name for loader in ordered(loaders)]


def test_loaders_run_after_those_they_require_and_after_all_ones_last():
    assert names(
        Loader("search", noop, after_all=True),
        Loader("faq", noop, requires=("home",)),
        Loader("menus", noop, requires=("search",), after_all=True),
        Loader("home", noop),
    ) == ["home", "faq", "search", "menus"]


def test_a_cycle_is_named():
    with pytest.raises(DemoLoaderError, match="home → faq → home"):
        names(Loader("home", noop, requires=("faq",)), Loader("faq", noop, requires=("home",)))


def test_an_unknown_requirement_is_named():
    with pytest.raises(DemoLoaderError, match="'faq' requires 'hom'"):
        names(Loader("faq", noop, requires=("hom",)))


def test_a_loader_cannot_require_one_that_runs_after_all():
    with pytest.raises(DemoLoaderError, match="runs after all"):
        names(Loader("faq", noop, requires=("search",)), Loader("search", noop, after_all=True))


def test_every_app_registers_its_loader_home_first_search_last():
    order = [loader.name for loader in ordered()]
    assert order[0] == "home"
    assert order[-1] == "search"
    assert {"disclosure", "tariffs", "faq", "reception", "readings"} <= set(order)
