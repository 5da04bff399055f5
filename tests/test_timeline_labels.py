"""Page-one timeline labels: summaries, names as people write them, a broken axis."""

from reports.exporters._pdf.timeline import Group, scale, wordings
from reports.headline import headline


def test_headline_drops_the_date_and_the_pair_and_ends_at_a_phrase():
    text = ("Diplomatic relations between Georgia and Mexico were established on 8 June 1992 "
            "soon after the dissolution of the Soviet Union.")
    assert headline(text, 46) == "Diplomatic relations were established"
    assert headline("In 2018, celebrations took place in Mexico City to celebrate the centenary.", 30) \
        == "Celebrations took place"


def test_headline_shortens_people_as_they_are_called():
    text = "In September 2010, Georgian Prime Minister Nika Gilauri attended the bicentennial."
    assert "Prime Minister Gilauri" in headline(text, 46)
    assert "Nika" not in headline(text, 46)


def test_visit_labels_name_office_and_person():
    group = Group(2010, "visit", ("Prime Minister Nika Gilauri", "President Mikheil Saakashvili"))
    full, names, bare = wordings(group, 46)
    assert full == "2010: Prime Minister Gilauri, President Saakashvili"
    assert names == "2010: Gilauri, Saakashvili"
    spanish = Group(2016, "visit", ("Senator Gabriela Cuevas Barron",))
    assert wordings(spanish, 46)[0] == "2016: Senator Cuevas"
    royal = Group(2015, "visit", ("King Felipe VI",))
    assert wordings(royal, 46)[0] == "2015: King Felipe VI"


def test_a_connective_sentence_does_not_label_a_year():
    group = Group(2003, "event", ("To this end, the signatories started a program.",
                                  "In August 2003, both nations participated in the Mixed Commission."))
    assert wordings(group, 46)[0].startswith("2003 Both nations participated")


def test_long_empty_stretches_are_shrunk_and_recent_decades_get_room():
    s = scale([1900, 1918, 1921, 1938, 1944, 1990, 1991, 2002, 2004, 2008, 2024])
    assert (1945, 1990) in s.breaks
    assert s.hidden(1960) and not s.hidden(2000)
    # The last 35 years take more than half of the axis, not a quarter.
    assert (s.unit(s.last) - s.unit(1990)) / s.length > 0.5
    assert scale([1996, 1998, 2004, 2016]).breaks == ()
