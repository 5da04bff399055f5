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


def test_export_sentences_of_another_pair_or_with_a_verb(tmp_path):
    from reports.loader.trade import export_rows

    assert export_rows("Chile's main exports to Mexico include copper and wine.", PAIR) == []
    assert export_rows("Chilean exports to Mexico include copper and wine.", PAIR) == []
    assert export_rows("Georgia's main exports to Chile include nuts.", PAIR) == []
    assert export_rows("Georgia exports mainly nuts, wine and mineral water to Mexico.", PAIR) == [
        ("Georgia", "Mexico", ["nuts", "wine", "mineral water"])]
    assert export_rows("The main products exported by Mexico to Georgia are cars and tequila.", PAIR) == [
        ("Mexico", "Georgia", ["cars", "tequila"])]
    assert export_rows("Mexico mainly exports cars to Georgia, while Georgia exports nuts and wine to Mexico.", PAIR) == [
        ("Mexico", "Georgia", ["cars"]), ("Georgia", "Mexico", ["nuts", "wine"])]
    assert export_rows("Georgian exports to Mexico are mainly minerals (manganese, copper), nuts and wine.", PAIR) == [
        ("Georgia", "Mexico", ["minerals (manganese, copper)", "nuts", "wine"])]


@pytest.mark.parametrize("sentence", [
    "A few companies operate in Mexico.",
    "Georgia's exports to Mexico were valued at US$5 million.",
    "Georgia's exports to Mexico are growing fast.",
])
def test_not_an_export_list(sentence):
    assert parse_exports(sentence, PAIR) is None


# -- money as written: other currencies, other countries' dollars, several years ----------

from reports.loader.trade import trade_rows  # noqa: E402


@pytest.mark.parametrize("sentence, pair, rows", [
    ("In 2022, bilateral trade amounted to €45 million.", PAIR, [(2022, 45_000_000, "EUR")]),
    ("In 2021, trade between both countries totaled CAD 1.2 billion.", ("Canada", "Mexico"),
     [(2021, 1_200_000_000, "CAD")]),
    ("In 2020, trade between the two countries reached 1.2 billion pesos.", ("Chile", "Norway"),
     [(2020, 1_200_000_000, "CLP")]),
    ("In 2019, two-way trade amounted to NZ$3.1 billion.", ("New Zealand", "Peru"), [(2019, 3_100_000_000, "NZD")]),
    ("In 2019, two-way trade amounted to A$850 million.", ("Australia", "Peru"), [(2019, 850_000_000, "AUD")]),
    ("In 2019, two-way trade amounted to C$2 billion.", ("Canada", "Peru"), [(2019, 2_000_000_000, "CAD")]),
    ("In 2019, two-way trade amounted to Can$2 billion.", ("Canada", "Peru"), [(2019, 2_000_000_000, "CAD")]),
    ("In 2019, two-way trade amounted to HK$9 billion.", ("Hong Kong", "Peru"), [(2019, 9_000_000_000, "HKD")]),
    ("In 2019, two-way trade amounted to MX$12 billion.", PAIR, [(2019, 12_000_000_000, "MXN")]),
    ("In 2019, two-way trade amounted to S$1.4 billion.", ("Singapore", "Peru"), [(2019, 1_400_000_000, "SGD")]),
    ("In 2018, trade was worth 3 billion Norwegian kroner.", ("Norway", "Peru"), [(2018, 3_000_000_000, "NOK")]),
    ("In 2018, trade was worth ¥500 billion.", ("Japan", "Peru"), [(2018, 500_000_000_000, "JPY")]),
    ("In 2022, trade totaled €45 million (US$50 million).", PAIR, [(2022, 50_000_000, "USD")]),
    ("Trade reached US$180 million in 2022, up from US$150 million in 2021.", PAIR,
     [(2022, 180_000_000, "USD"), (2021, 150_000_000, "USD")]),
    ("In 2022, trade reached US$180 million, up from US$150 million in 2021.", PAIR,
     [(2022, 180_000_000, "USD"), (2021, 150_000_000, "USD")]),
    ("In 2023, trade amounted to US$15.7 million.", PAIR, [(2023, 15_700_000, "USD")]),
])
def test_trade_rows_keep_the_amount_and_currency_as_written(sentence, pair, rows):
    assert trade_rows(sentence, pair) == rows


@pytest.mark.parametrize("sentence", [
    "In 2022 and 2023, bilateral trade totaled US$5 billion.",
    "Between 2019 and 2023, trade between both nations amounted to US$2.3 billion.",
    "From 2015 to 2020, trade totaled €400 million.",
    "Trade totaled US$1 billion in the period 2010–2015.",
    "In 2020, trade between the two countries reached 1.2 billion pesos.",  # neither country's pesos
])
def test_no_single_year_row(sentence):
    assert trade_rows(sentence, ("Norway", "Peru")) == []


def test_a_trade_row_in_another_currency_has_no_dollar_total(tmp_path):
    from reports import load
    path = tmp_path / "a.txt"
    path.write_text("= Germany–Mexico relations =\n\nLead.\n\n==Trade==\n"
                    "In 2022, trade between both nations totaled €18 billion. "
                    "In 2023, trade amounted to US$21 billion.\n", "utf-8")
    trade = [(t.year, t.total_usd, t.amount, t.currency) for t in load(str(path)).trade]
    assert trade == [(2022, None, 18_000_000_000, "EUR"), (2023, 21_000_000_000, None, None)]


@pytest.mark.parametrize("pair, currency", [
    (("China", "Peru"), "CNY"),   # ¥ in an article on China and a country without the yen: the yuan
    (("Japan", "Peru"), "JPY"),
    (("China", "Japan"), "JPY"),  # with the yen's own country in the pair, ¥ is the yen
])
def test_the_yen_sign_is_the_yuan_where_only_china_uses_it(pair, currency):
    assert trade_rows(f"In 2020, trade between {pair[0]} and {pair[1]} amounted to ¥45 billion.", pair) == [
        (2020, 45_000_000_000, currency)]


@pytest.mark.parametrize("pair, currency", [
    (("Australia", "Japan"), "AUD"),       # the one country of the pair whose currency is written "$"
    (("United States", "Peru"), "USD"),
    (("Australia", "Chile"), "XXX"),       # a dollar and a peso: not settled
    (("Japan", "Peru"), "XXX"),            # neither: not settled, never silently US$
])
def test_a_bare_dollar_sign_takes_its_currency_from_the_pair(pair, currency):
    assert trade_rows("In 2019, two-way trade amounted to $3 billion.", pair) == [(2019, 3_000_000_000, currency)]


def _trade(tmp_path, lead, body="Trade grew."):
    from conftest import write_article
    from reports.articles import read

    text = f"= Japan–Peru relations =\n\n{lead}\n\n==History==\n{body}\n"
    result = read(write_article(tmp_path, "a.txt", text))
    return [(t.year, t.total_usd, t.amount, t.currency) for t in result.record.trade], result.warnings


def test_a_bilateral_total_told_in_the_lead_or_history_counts(tmp_path):
    rows, _ = _trade(tmp_path, "Japan and Peru are partners. In 2021, bilateral trade reached US$3.1 billion.",
                     "In 2015, trade between the two countries amounted to US$2 billion. Peru's total trade "
                     "with the world reached US$90 billion in 2016.")
    assert rows == [(2021, 3_100_000_000, None, None), (2015, 2_000_000_000, None, None)]


def test_a_bare_dollar_after_a_us_dollar_figure_is_in_us_dollars(tmp_path):
    rows, _ = _trade(tmp_path, "Japan gave US$5 million in aid in 1990.",
                     "In 2015, trade between the two countries amounted to $2 billion.")
    assert rows == [(2015, 2_000_000_000, None, None)]


def test_a_bare_dollar_the_text_does_not_settle_is_kept_with_a_warning(tmp_path):
    rows, warnings = _trade(tmp_path, "Japan and Peru are partners.",
                            "In 2015, trade between the two countries amounted to $2 billion.")
    assert rows == [(2015, None, 2_000_000_000, "XXX")]
    assert any("does not settle" in warning.message and warning.line == 6 for warning in warnings)
