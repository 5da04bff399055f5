"""Money as a property: every scale word, in any case, and every currency sign reads to
the same number as the amount written out in digits with the same sign."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reports.loader.money import find_amounts

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "mn": 10**6}
SIGNS = {"US$": "USD", "NZ$": "NZD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "€": "EUR", "£": "GBP",
         "₹": "INR", "₩": "KRW", "R$": "BRL", "S$": "SGD"}


def _any_case(draw, word: str) -> str:
    flags = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if up else c.lower() for c, up in zip(word, flags))


def _digits(value: int) -> str:
    return f"{value:,}"


@st.composite
def amounts(draw):
    sign = draw(st.sampled_from(sorted(SIGNS)))
    scale = draw(st.sampled_from(sorted(SCALES)))
    number = draw(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1))
    written = _any_case(draw, scale)
    return sign, number, written, int(number * SCALES[scale])


@given(amounts())
def test_a_scale_word_in_any_case_is_the_number_written_out(amount):
    sign, number, scale, value = amount
    scaled = find_amounts(f"Trade reached {sign}{number} {scale} in 2019.")
    spelled = find_amounts(f"Trade reached {sign}{_digits(value)} in 2019.")
    assert [(a.value, a.currency) for a in scaled] == [(value, SIGNS[sign])]
    assert [(a.value, a.currency) for a in spelled] == [(value, SIGNS[sign])]


@given(st.sampled_from(sorted(SIGNS)), st.integers(1, 10**12))
def test_every_sign_names_its_currency_whatever_the_number(sign, value):
    found = find_amounts(f"Exports were worth {sign}{_digits(value)} that year.")
    assert [(a.value, a.currency) for a in found] == [(value, SIGNS[sign])]


@given(st.sampled_from(sorted(SCALES)), st.integers(1, 999))
def test_a_code_before_the_number_reads_like_its_sign(scale, number):
    assert ([(a.value, a.currency) for a in find_amounts(f"It came to EUR {number} {scale}.")]
            == [(a.value, a.currency) for a in find_amounts(f"It came to €{number} {scale}.")]
            == [(number * SCALES[scale], "EUR")])
