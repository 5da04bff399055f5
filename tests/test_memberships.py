"""Organisations both countries belong to (loader/memberships.py), in the wordings articles use."""

import pytest
from conftest import write_article

from reports.articles import read


def _memberships(tmp_path, lead):
    text = f"= Chile–Kenya relations =\n\n{lead}\n\n==History==\nTrade grew.\n"
    return list(read(write_article(tmp_path, "a.txt", text)).record.memberships)


@pytest.mark.parametrize("lead, names", [
    ("Both nations have over the years joined many forums and are members of the United Nations and the "
     "World Trade Organization.", ["United Nations", "World Trade Organization"]),
    ("Both members of the United Nations and the Group of 77.", ["United Nations", "Group of 77"]),
    ("Moreover both countries are APEC and WTO members.", ["APEC", "WTO"]),
    ("Their ties are close, underpinned by shared membership of the Pacific Alliance, the Rio Group and "
     "the United Nations, and they trade much.", ["Pacific Alliance", "Rio Group", "United Nations"]),
    # every sentence that says so, each organisation once
    ("Both are members of the United Nations. Moreover, they are both part of the Southern Five.",
     ["United Nations", "Southern Five"]),
    # only what both belong to
    ("Chile is a member of APEC and Kenya is a candidate.", []),
    ("Both are part of the same region.", []),
])
def test_memberships_in_other_wordings(tmp_path, lead, names):
    assert _memberships(tmp_path, lead) == names
