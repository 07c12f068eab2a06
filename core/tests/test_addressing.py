"""One comparable form of street names and house numbers (core/addressing.py)."""

import pytest

from core.addressing import house_number, locality_key, street_key


@pytest.mark.parametrize(
    "spelling",
    ["улица Ленина", "ул. Ленина", "Ленина ул.", "ЛЕНИНА", "Ленина", "  улица   ленина "],
)
def test_spellings_of_one_street_share_a_key(spelling):
    assert street_key(spelling) == street_key("улица Ленина") == "улица:ленина"


def test_street_types_tell_streets_apart_and_yo_is_e():
    assert street_key("проспект Ленина") != street_key("улица Ленина")
    assert street_key("пр-т Ленина") == street_key("проспект Ленина")
    assert street_key("Молодёжная ул.") == street_key("Молодежная улица")


def test_locality_key_ignores_the_town_word():
    assert locality_key("г. Подольск") == locality_key("Подольск") == "подольск"


@pytest.mark.parametrize(
    ("text", "number"), [("12", 12), ("12а", 12), ("д. 12/1", 12), ("12 к 2", 12), ("дом", None)]
)
def test_house_number(text, number):
    assert house_number(text) == number
