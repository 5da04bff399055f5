"""Agreements told in sentences (loader/prose_agreements.py) and their one row per fact."""

import pytest

from reports.loader.prose_agreements import prose_agreement_titles


@pytest.mark.parametrize("countries, sentence, titles", [
    (("Peru", "Japan"), "That same month, both nations signed an agreement on technical cooperation.",
     ["Agreement on technical cooperation"]),
    (("Peru", "Japan"), "In 2012, Peru and Japan signed a Treaty of Friendship, Commerce and Navigation in Tokyo.",
     ["Treaty of Friendship, Commerce and Navigation"]),
    (("Norway", "Indonesia"), "A memorandum of understanding on maritime cooperation was signed in Jakarta in 2015.",
     ["Memorandum of understanding on maritime cooperation"]),
    (("Chile", "South Korea"), "In 2019, both governments signed an Agreement on Air Services and a Memorandum of "
     "Understanding on Culture during the visit.",
     ["Agreement on Air Services", "Memorandum of Understanding on Culture"]),
    (("Lithuania", "Mexico"), "Both nations established diplomatic relations on 31 May 1938 in Washington, D.C. "
     "after the signing of a Treaty of Friendship.", ["Treaty of Friendship"]),
    (("Japan", "Peru"), "Japan and Peru signed an Agreement for the Avoidance of Double Taxation in 2019, which "
     "entered into force in 2021.", ["Agreement for the Avoidance of Double Taxation"]),
    (("Peru", "Japan"), "Peru signed an Economic Partnership Agreement with Japan in 2011.",
     ["Economic Partnership Agreement"]),
    (("Egypt", "Kenya"), "On 4 March 1999 the two countries concluded a Convention on Cultural Exchange.",
     ["Convention on Cultural Exchange"]),
])
def test_signed_agreements(countries, sentence, titles):
    assert prose_agreement_titles(sentence, countries) == titles


@pytest.mark.parametrize("countries, sentence", [
    (("Mexico", "Slovenia"), "In 1997, Mexico signed a Free Trade Agreement with the European Union "
     "(which includes Slovenia)."),
    (("Peru", "Japan"), "In 2016, Peru signed the Trans-Pacific Partnership agreement with Canada."),
    (("Peru", "Japan"), "Both countries are negotiating a free trade agreement."),
    (("Peru", "Japan"), "In 2018 both governments proposed a treaty on extradition, which was signed by neither."),
    (("India", "Brazil"), "Both nations have signed several agreements."),
    (("India", "Brazil"), "The two countries are expected to sign an agreement on defence cooperation in 2025."),
    (("Poland", "Chile"), "In 2010, Poland hosted the summit where the leaders discussed trade."),
    (("Ghana", "Turkey"), "Turkey signed the Treaty of Sèvres in 1920."),
])
def test_not_agreements_between_the_two(countries, sentence):
    assert prose_agreement_titles(sentence, countries) == []
