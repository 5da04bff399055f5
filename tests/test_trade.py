import pytest

from reports.loader.trade import parse_exports, split_products, trade_totals

PAIR = ("Georgia", "Mexico")


@pytest.mark.parametrize("sentence, totals", [
    ("In 2023, two-way trade between both nations amounted to US$15.7 million.", [(2023, 15_700_000)]),
    ("In 2019, trade between both nations totaled $284 million USD.", [(2019, 284_000_000)]),
    ("In 2022, bilateral trade reached US$1.2 billion.", [(2022, 1_200_000_000)]),
    ("In 2021, trade amounted to 15.7 million US dollars.", [(2021, 15_700_000)]),
    ("In 2020, trade was worth US$ 1,234,567.", [(2020, 1_234_567)]),
    ("Trade totaled US$10 million in 2019 and US$12.5 million in 2020.", [(2019, 10_000_000), (2020, 12_500_000)]),
    ("In 2023, trade amounted to US$50 million, of which Georgia exported US$20 million.", [(2023, 50_000_000)]),
    ("In 1997, Mexico signed a Free Trade Agreement with the European Union.", []),
    ("Trade amounted to US$15 million.", []),  # no year: not a year total
    ("In 2023, tourism brought US$5 million.", []),  # not about trade
    ("In 2012 and 2013, bilateral trade reached US$1 billion and US$1.3 billion respectively.",
     [(2012, 1_000_000_000), (2013, 1_300_000_000)]),
    ("In 2019, Georgia exported US$200 million and imported US$300 million, for a total trade of US$500 million.",
     [(2019, 500_000_000)]),
    ("In 2019, trade amounted to US$1.5 mil.", [(2019, 1_500_000)]),
    ("In 2019, trade amounted to US$1,5 million.", []),  # a decimal comma: not read rather than misread
    ("In 2019, trade amounted to €18 billion.", []),
])
def test_trade_totals(sentence, totals):
    assert trade_totals(sentence) == totals


@pytest.mark.parametrize("text, products", [
    ("chemical based products, electronic wires and cables, nuts, and parts and accessories for motor vehicles",
     ["chemical based products", "electronic wires and cables", "nuts", "parts and accessories for motor vehicles"]),
    ("chemicals, automobile parts, tequila and beer", ["chemicals", "automobile parts", "tequila", "beer"]),
    ("automobile and machinery parts and computer wires", ["automobile and machinery parts", "computer wires"]),
    ("coffee", ["coffee"]),
])
def test_serial_comma_rule(text, products):
    assert split_products(text) == products


@pytest.mark.parametrize("sentence, direction", [
    ("Georgia's main exports to Mexico include: nuts, and wine.", ("Georgia", "Mexico")),
    ("Mexico's exports to Georgia include: tequila and beer.", ("Mexico", "Georgia")),
    ("Main exports from Mexico to Georgia include tequila and beer.", ("Mexico", "Georgia")),
    ("The main exports from Georgia to Mexico are nuts and wine.", ("Georgia", "Mexico")),
    ("Mexican exports to Georgia include tequila and beer.", ("Mexico", "Georgia")),
    ("Georgia's exports to Mexico consist mainly of nuts and wine.", ("Georgia", "Mexico")),
])
def test_export_sentences(sentence, direction):
    origin, destination, products = parse_exports(sentence, PAIR)
    assert (origin, destination) == direction
    assert products[-1] in ("wine", "beer")


@pytest.mark.parametrize("sentence", [
    "A few companies operate in Mexico.",
    "Georgia's exports to Mexico were valued at US$5 million.",
    "Georgia's exports to Mexico are growing fast.",
])
def test_not_an_export_list(sentence):
    assert parse_exports(sentence, PAIR) is None
