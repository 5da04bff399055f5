"""`reports check` says what was not understood, with its line: a sentence that reads as a
visit or an agreement of the two but gave none (issue 26, item 9)."""

from conftest import write_article

from reports.articles import read


def _warnings(tmp_path, body):
    text = f"= Chile–Kenya relations =\n\nChile and Kenya are partners.\n\n==History==\n{body}\n"
    return [(w.line, w.message.split(":")[0]) for w in read(write_article(tmp_path, "a.txt", text)).warnings]


def test_a_sentence_that_reads_as_a_visit_but_gave_none_is_reported(tmp_path):
    # an office-holder without a name, in a relative clause: not read, and check says so
    assert _warnings(tmp_path, "According to the Kenyan Secretary for Trade, who visited Chile in 2016, Chile is a "
                               "market.") \
        == [(6, "sentence looks like a visit between the two but gave none")]


def test_a_visit_read_or_one_to_a_third_place_is_not_reported(tmp_path):
    assert _warnings(tmp_path, "In 2010, Kenyan President Paul Mwangi visited Chile.") == []
    assert _warnings(tmp_path, "In 2010, Kenyan President Paul Mwangi visited Madrid.") == []
    assert _warnings(tmp_path, "In 2010, Kenyan President Paul Mwangi planned to visit Chile.") == []


def test_a_sentence_that_reads_as_an_agreement_signed_but_gave_none_is_reported(tmp_path):
    assert _warnings(tmp_path, "In 2015, Chile and Kenya signed an agreement with which trade was opened.") == [
        (6, "sentence tells of an agreement signed but names none that was read")]
    # with a third party, or only planned: nothing to report
    assert _warnings(tmp_path, "In 1997, Chile signed a Free Trade Agreement with the European Union.") == []
    assert _warnings(tmp_path, "Chile and Kenya will sign an agreement on fishing.") == []
