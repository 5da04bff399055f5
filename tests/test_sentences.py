import pytest

from reports.loader.sentences import split_sentences


@pytest.mark.parametrize("text, count", [
    ("Both nations established relations on 31 May 1938 in Washington, D.C. after the signing.", 1),
    ("The office is based in Washington, D.C. In 1925 the count visited.", 2),
    ("The office is based in Washington, D.C. The count visited in 1925.", 2),
    ("Mr. Smith met Dr. Jones at St. Petersburg.", 1),
    ("It was signed by J. R. Smith in 1990. He left.", 2),
    ("The U.S. President visited. Then he left.", 2),
    ("Trade amounted to US$15.7 million. Exports grew.", 2),
    ("In 2008, during the war; Mexico remained neutral. Mexico has not recognized it.", 2),
    ("Is it true? Yes! It is.", 3),
    ("The refugees arrived on 13 Jun. 1939 aboard the Sinaia.", 1),
    ("They fought in World War I. In 1920 they resumed relations.", 2),
    ("It was signed by George W. Bush in 2002.", 1),
    ("", 0),
])
def test_sentence_counts(text, count):
    assert len(split_sentences(text)) == count


def test_sentences_keep_their_text():
    text = "First one. Second one, in Washington, D.C. The third."
    assert split_sentences(text) == ["First one.", "Second one, in Washington, D.C.", "The third."]


@pytest.mark.parametrize("text, first", [
    ("Both sides opened ties on 3 May 1970.[2] By June 1971 a treaty followed.", "Both sides opened ties on 3 May 1970.[2]"),
    ("Both sides opened ties in 1970.[1][12] Since then trade grew.", "Both sides opened ties in 1970.[1][12]"),
    ("Both sides opened ties in 1970. [4] Both are members of the UN.", "Both sides opened ties in 1970. [4]"),
    ("Both sides opened ties in 1970.[citation needed] Trade grew.", "Both sides opened ties in 1970.[citation needed]"),
])
def test_reference_markers_after_a_full_stop_close_the_sentence(text, first):
    assert split_sentences(text)[0] == first
    assert len(split_sentences(text)) == 2
