"""Property-based tests: whatever the text, the loader raises nothing but ArticleError,
and articles generated from the format's grammar always load with their facts intact.

The default profile keeps the run short; HYPOTHESIS_PROFILE=deep runs many more cases.
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.errors import ArticleError
from reports.loader import read

settings.register_profile("default", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.register_profile("deep", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() and "–" not in s and "=" not in s and "\n" not in s)
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
months = st.sampled_from(["January", "May", "June", "December", "February"])
years = st.integers(900, 2150)
dates = st.one_of(years.map(str), st.tuples(months, years).map(lambda t: f"{t[0]} {t[1]}"),
                  st.tuples(st.integers(0, 40), months, years).map(lambda t: f"{t[0]} {t[1]} {t[2]}"))
amounts = st.tuples(st.decimals(0, 10**6, places=1, allow_nan=False), st.sampled_from(["million", "billion", ""])).map(
    lambda t: f"US${t[0]} {t[1]}".strip())


@st.composite
def articles(draw):
    a, b = draw(names), draw(names)
    sections = draw(st.permutations([
        f"==History==\nIn {draw(dates)}, {draw(words)}. {draw(words)} on {draw(dates)}.",
        "==High-level visits==\nHigh-level visits from {a} to {b}\n".format(a=a, b=b)
        + "\n".join(f"- {draw(st.sampled_from(['President', 'Foreign Minister', 'Queen']))} {draw(names)} ({draw(dates)})"
                    for _ in range(draw(st.integers(0, 4)))),
        f"==Trade==\nIn {draw(dates)}, trade amounted to {draw(amounts)}. {a}'s exports to {b} include: "
        f"{draw(words)}, {draw(words)} and {draw(words)}.",
        f"==Agreements==\nBoth nations signed agreements such as an Agreement on {draw(names)} ({draw(dates)}); "
        f"a Treaty of {draw(names)} and a {draw(words)}",
        f"==Diplomatic missions==\n- {a} has an embassy in {draw(names)}.\n"
        f"- {b} is accredited to {a} from its embassy in {draw(names)}, {draw(names)}.",
        f"=={draw(names)}==\n{draw(words)}\n- {draw(words)}",
    ]))
    lead = f"The nations of {a} and {b} established diplomatic relations in {draw(dates)}."
    return a, b, f"= {a}–{b} relations =\n\n{lead}\n\n" + "\n\n".join(sections) + "\n"


@given(data=st.binary(max_size=400))
def test_any_bytes_load_or_fail_cleanly(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    try:
        read(path)
    except ArticleError as error:
        assert "\n" not in str(error)


@given(text=st.text(max_size=400))
def test_any_text_loads_or_fails_cleanly(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8", errors="surrogatepass")
    try:
        read(path)
    except ArticleError:
        pass


@given(article=articles())
def test_grammar_articles_load_with_their_countries(tmp_path, article):
    a, b, text = article
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    record = read(path).record
    assert record.countries == (a.strip(), b.strip())
    assert all(fact.line >= 1 for fact in (*record.events, *record.visits, *record.agreements, *record.trade,
                                            *record.missions))
    for fact in record.events:
        assert 1000 <= int(fact.date[:4]) <= 2099
