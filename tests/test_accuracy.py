"""benchmarks/accuracy.py: its matching rules on tiny hand-made records (no real pages)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy.py"
_SPEC = importlib.util.spec_from_file_location("accuracy", _PATH)
accuracy = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("accuracy", accuracy)  # dataclasses look their module up there
_SPEC.loader.exec_module(accuracy)


def test_surname_is_the_last_word_folded_without_regnal_numbers():
    assert accuracy.surname("Andrés Manuel López Obrador") == "obrador"
    assert accuracy.surname("King Juan Carlos I") == "carlos"
    assert accuracy.surname("Martin Luther King Jr.") == "king"
    assert accuracy.surname(None, "Foreign Minister") == "foreign minister"


def test_visits_match_on_direction_surname_and_year_and_count_full_dates():
    gold = [{"from": "Chile", "to": "Perú", "office": "President", "person": "Michelle Bachelet", "date": "2014-03"},
            {"from": "Peru", "to": "Chile", "office": "President", "person": "Alan García", "date": "2007"}]
    found = [{"from": "Chile", "to": "Peru", "office": "President", "person": "Bachelet", "date": "2014"},
             {"from": "Chile", "to": "Peru", "office": "President", "person": "Alan Garcia", "date": "2007"}]
    score = accuracy.score_page("chile-peru", "plain", {"visits": gold}, {"visits": found}, kinds=("visits",))
    assert (score.tallies["visits"].right, score.tallies["visits"].found) == (1, 2)  # García's is the wrong way
    assert score.visits_full_date == 0  # 2014 is less precise than 2014-03


def test_agreement_titles_alike_after_stop_words_and_the_same_year():
    countries = ("Chile", "Peru")
    assert accuracy.agreement_score({"title": "Agreement on Tourism Cooperation", "date": "2004"},
                                    {"title": "Tourism Cooperation Agreement between Chile and Peru",
                                     "date": "2004-05-02"}, countries) == 1.0
    assert accuracy.agreement_score({"title": "Agreement on Tourism Cooperation", "date": "2004"},
                                    {"title": "Agreement on Tourism Cooperation", "date": "2005"}, countries) == 0
    assert accuracy.agreement_score({"title": "Extradition Treaty", "date": None},
                                    {"title": "Agreement on Tourism Cooperation", "date": None}, countries) == 0
    # no date on one side: the title alone decides
    assert accuracy.agreement_score({"title": "Extradition Treaty", "date": "1990"},
                                    {"title": "Treaty of Extradition", "date": None}, countries) == 1.0


def test_best_agreement_pairs_are_taken_first():
    gold = [{"title": "Agreement on Cultural Cooperation", "date": None},
            {"title": "Agreement on Cultural and Educational Cooperation", "date": None}]
    found = [{"title": "Cultural and Educational Cooperation Agreement", "date": None},
             {"title": "Cultural Cooperation Agreement", "date": None}]
    assert accuracy.match_kind("agreements", gold, found) == [(0, 1), (1, 0)]


def test_memberships_normalise_names_and_abbreviations():
    assert accuracy.membership_name("the United Nations") == accuracy.membership_name("UN")
    assert accuracy.membership_name("World Trade Organisation") == accuracy.membership_name("WTO")
    assert accuracy.membership_name("Organization of American States (OAS)") == accuracy.membership_name("OAS")
    assert accuracy.membership_name("OECD") == accuracy.membership_name(
        "Organisation for Economic Co-operation and Development")
    assert accuracy.membership_name("G20") == accuracy.membership_name("G-20")


def test_trade_matches_on_year_and_amount_within_two_percent():
    assert accuracy.trade_matches({"year": 2022, "total_usd": 100_000_000}, {"year": 2022, "total_usd": 101_500_000})
    assert not accuracy.trade_matches({"year": 2022, "total_usd": 100_000_000}, {"year": 2022, "total_usd": 103_000_000})
    assert not accuracy.trade_matches({"year": 2021, "total_usd": 100_000_000}, {"year": 2022, "total_usd": 100_000_000})
    assert accuracy.trade_matches({"year": 2022, "total_usd": None}, {"year": 2022, "total_usd": None})


def test_missions_match_on_folded_fields():
    gold = [{"country": "Peru", "host": "Chile", "kind": "embassy", "city": "Santiago"}]
    found = [{"country": "Peru", "host": "Chile", "kind": "embassy", "city": "santiago", "resident": True},
             {"country": "Peru", "host": "Chile", "kind": "consulate-general", "city": "Arica"}]
    assert accuracy.match_kind("missions", gold, found) == [(0, 0)]


def test_establishment_and_summary_over_pages():
    gold = {"established": "1839-02", "visits": [], "missions": []}
    right = accuracy.score_page("a-b", "plain", gold, {"established": "1839-02"})
    wrong = accuracy.score_page("a-b", "browser", gold, {"established": "1839"})
    failed = accuracy.score_page("a-b", "wikitext", gold, None, error="ArticleError: no title")
    summary = accuracy.summarise([right, wrong, failed])
    assert summary["establishment accuracy"]["right"] == 1
    assert summary["establishment accuracy"]["right year"] == 2
    assert summary["establishment accuracy"]["pages stating one"] == 3
    assert summary["all forms"]["establishment"]["recall"] == pytest.approx(1 / 3)
    assert summary["errors"] == [{"id": "a-b", "form": "wikitext", "error": "ArticleError: no title"}]
    assert "| all | **micro total** |" in accuracy.markdown(summary)


def test_the_script_runs_on_a_corpus_folder(tmp_path, capsys):
    (tmp_path / "pages").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "SOURCES.tsv").write_text(
        "id\tform\tfile\turl\tcharacters\tsha256\tcovers\n"
        "chile-peru\tplain\tchile-peru.plain.txt\tx\t0\t0\twhole page\n"
        "chile-peru\tbrowser\tchile-peru.browser.txt\tx\t0\t0\twhole page\n", encoding="utf-8")
    (tmp_path / "gold" / "chile-peru.json").write_text(json.dumps(
        {"id": "chile-peru", "countries": ["Chile", "Peru"], "established": "1839", "memberships": ["United Nations"],
         "visits": [], "agreements": [], "trade": [], "missions": []}), encoding="utf-8")
    (tmp_path / "pages" / "chile-peru.plain.txt").write_text(
        "= Chile–Peru relations =\nChile and Peru established diplomatic relations in 1839. "
        "Both nations are members of the United Nations.\n", encoding="utf-8")
    assert accuracy.main(["--corpus", str(tmp_path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["skipped"]["absent"] == 1
    assert summary["pages"] == 1
    assert summary["establishment accuracy"]["right"] == 1
