import pytest

from reports.people import label_name, short_name, without_other_script


@pytest.mark.parametrize("name, short", [
    ("Gabriela Cuevas Barron", "Cuevas"),
    ("Lourdes Aranda Bezaury", "Aranda"),
    ("Andrés Manuel López Obrador", "López"),
    ("Enrique Peña Nieto", "Peña"),
    ("Felipe Calderón", "Calderón"),
    ("Felipe VI", "Felipe VI"),
    ("King Felipe VI", "Felipe VI"),
    ("Queen Elizabeth II", "Elizabeth II"),
    ("Pope Francis", "Pope Francis"),
    ("Luiz Inácio Lula da Silva", "Lula da Silva"),
    ("Miguel de la Madrid", "de la Madrid"),
    ("Jacinda Ardern", "Ardern"),
    ("Helen Clark", "Clark"),
    ("Shinzō Abe (安倍 晋三)", "Abe"),
    ("Martin Luther King Jr.", "King"),
    ("Madonna", "Madonna"),
])
def test_short_name(name, short):
    assert short_name(name) == short


def test_other_script_dropped_not_cut():
    assert without_other_script("Narendra Modi (नरेन्द्र मोदी)") == "Narendra Modi"
    assert "(" not in label_name("Shinzō Abe (安倍 晋三)", room=40)


def test_full_name_where_room_allows():
    assert label_name("Jacinda Ardern", room=20) == "Jacinda Ardern"
    assert label_name("Andrés Manuel López Obrador", room=10) == "López"
