import pytest

from reports.dates import find_dates, first_date


@pytest.mark.parametrize("text, dates", [
    ("on 8 June 1992 soon after", ["1992-06-08"]),
    ("on June 8, 1992 soon after", ["1992-06-08"]),
    ("on June 8th 1992", ["1992-06-08"]),
    ("in June 1992", ["1992-06"]),
    ("in Sept. 2001", ["2001-09"]),
    ("In 2008, during the war", ["2008"]),
    ("between 1900 and 1950", ["1900", "1950"]),
    ("the war of 1846–1848", ["1846", "1848"]),
    ("for the period 2003 to 2007", ["2003", "2007"]),
    ("31 February 2010", ["2010-02"]),          # impossible day: month and year remain
    ("June 0, 2010", ["2010"]),                # impossible day, no "June 2010" in the words
    ("June 31, 2010", ["2010"]),
    ("on 29 February 2024", ["2024-02-29"]),
    ("on 29 February 2023", ["2023-02"]),
    ("(May 17–18, 2002)", ["2002-05"]),          # a range of days names its month
    ("on 17-18 May 2002", ["2002-05"]),
    ("from 3–5 May 2011", ["2011-05"]),
    ("on 3 – 5 May 2011", ["2011-05"]),
    ("(February and July 2017)", ["2017-02", "2017-07"]),
    ("in March, May and June 2010", ["2010-03", "2010-05", "2010-06"]),
    ("Resolution 1325 was adopted in 2000.", ["2000"]),
])
def test_date_expressions(text, dates):
    assert [d.iso for d in find_dates(text)] == dates


@pytest.mark.parametrize("text", [
    "in the 1920s", "during the 1990's", "5300 km away", "1,500 refugees", "1500 refugees",
    "US$15.7 million", "$2010 in cash", "COP16", "Synagogue 71", "123 years", "the 119th Session",
    "3.2015 percent", "2100 and 999", "Mayor of the town", "Route 66", "about 1500 Georgian students",
    "UN Security Council Resolution 1325",
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_first_date_is_first_in_text_order():
    assert first_date("In 2009, they met; a Presidency in 2013.") == "2009"
    assert first_date("No date here.") is None


def test_month_names_must_be_months():
    assert first_date("The Marine 2010 exercise") == "2010"
    assert first_date("Mayor 2010") == "2010"


@pytest.mark.parametrize("text, iso", [
    ("on the 8th of April 2014", "2014-04-08"),
    ("from 3 to 5 May 2011", "2011-05"),            # days of one month: the month
    ("from 30 March to 2 April 2014", "2014"),      # days of two months: the year
    ("March 30 to April 2, 2014", "2014"),
    ("between 28 February and 2 March 2015", "2015"),
])
def test_ordinal_days_and_ranges_written_out(text, iso):
    assert first_date(text) == iso


@pytest.mark.parametrize("sentence, previous, iso", [
    ("The following year, the minister visited.", "2009", "2010"),       # after a bare year
    ("That same year, a treaty was signed.", "2009-06", "2009"),
    ("That same month, a treaty was signed.", "2009", None),             # a bare year names no month
    ("That same month, a treaty was signed.", "2009-06-02", "2009-06"),
    ("The following month, talks began.", "2009-12", "2010-01"),
    ("In July of that same year, talks began.", "2009", "2009-07"),
    ("In March the following year, talks began.", "2009-06", "2010-03"),
    ("While in Lima, the minister signed an accord.", "2009-06-02", "2009-06-02"),
])
def test_dates_told_relative_to_the_one_before(sentence, previous, iso):
    from reports.dates import relative_date

    assert relative_date(sentence, previous) == iso
