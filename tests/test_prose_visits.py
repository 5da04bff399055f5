"""Visits told in sentences (loader/prose_visits.py): who travels where, and what is no visit."""

import pytest

from reports.dates import first_date
from reports.loader.prose_visits import prose_visits


def _rows(countries, sentence):
    return [(v.from_, v.to, v.office, v.person, v.date, v.origin)
            for v in prose_visits(sentence, first_date(sentence), 7, countries)]


@pytest.mark.parametrize("countries, sentence, rows", [
    (("Japan", "Peru"), "In June 2009, Peruvian President Alan García paid an official visit to Japan and met "
     "with Prime Minister Tarō Asō.", [("Peru", "Japan", "President", "Alan García", "2009-06")]),
    (("Japan", "Peru"), "In 2019, Japanese Foreign Minister Taro Kono visited Lima.",
     [("Japan", "Peru", "Foreign Minister", "Taro Kono", "2019")]),
    (("Japan", "Peru"), "In 2016, Japanese Prime Minister Shinzō Abe attended the APEC summit held in Lima, "
     "accompanied by Foreign Minister Fumio Kishida.",
     [("Japan", "Peru", "Prime Minister", "Shinzō Abe", "2016"),
      ("Japan", "Peru", "Foreign Minister", "Fumio Kishida", "2016")]),
    (("Japan", "Peru"), "In 2019, Peru's Foreign Minister Néstor Popolizio travelled to Osaka for the G20 summit.",
     [("Peru", "Japan", "Foreign Minister", "Néstor Popolizio", "2019")]),
    (("Japan", "Peru"), "In 1999, President Alberto Fujimori of Peru made a state visit to Japan.",
     [("Peru", "Japan", "President", "Alberto Fujimori", "1999")]),
    (("Lithuania", "Mexico"), "In 2004, Lithuanian President Arturas Paulauskas traveled to Guadalajara, Mexico to "
     "attend the 3rd European Union, Latin America and the Caribbean Summit.",
     [("Lithuania", "Mexico", "President", "Arturas Paulauskas", "2004")]),
    (("Lithuania", "Mexico"), "In January 2002, President Valdas Adamkus became the first Lithuanian head-of-state "
     "to pay an official visit to Mexico and was accompanied by Foreign Minister Antanas Valionis.",
     [("Lithuania", "Mexico", "President", "Valdas Adamkus", "2002-01"),
      ("Lithuania", "Mexico", "Foreign Minister", "Antanas Valionis", "2002-01")]),
    (("Georgia", "Mexico"), "Later that year in December 2010, Georgian President Mikheil Saakashvili attended the "
     "UN Conference on Climate Change (COP16) held in Cancún.",
     [("Georgia", "Mexico", "President", "Mikheil Saakashvili", "2010-12")]),
    (("Georgia", "Mexico"), "In July 2016, a Mexican Delegation of the Foreign Relations Committee, led by Senator "
     "Gabriela Cuevas Barron, paid a visit to Georgia.",
     [("Mexico", "Georgia", "Senator", "Gabriela Cuevas Barron", "2016-07")]),
    (("Norway", "Indonesia"), "King Harald V and Queen Sonja of Norway paid a state visit to Indonesia in 2011.",
     [("Norway", "Indonesia", "King", "Harald V", "2011"), ("Norway", "Indonesia", "Queen", "Sonja", "2011")]),
    (("Norway", "Indonesia"), "Indonesian President Joko Widodo arrived in Oslo on 12 April 2019.",
     [("Indonesia", "Norway", "President", "Joko Widodo", "2019-04-12")]),
    (("Czech Republic", "Slovenia"), "In May 2015, Czech Prime Minister Bohuslav Sobotka made an official trip to "
     "Ljubljana.", [("Czech Republic", "Slovenia", "Prime Minister", "Bohuslav Sobotka", "2015-05")]),
    (("Mexico", "Slovenia"), "In October 1998, Slovenian Prime Minister Janez Drnovšek travelled to Mexico City.",
     [("Slovenia", "Mexico", "Prime Minister", "Janez Drnovšek", "1998-10")]),
    # the office after the name: "X became the first <demonym> <office> to visit B"
    (("Japan", "Peru"), "In 2016, Shinzō Abe became the first Japanese prime minister to visit Peru, attending the "
     "APEC summit in Lima.", [("Japan", "Peru", "Prime Minister", "Shinzō Abe", "2016")]),
    (("Japan", "Peru"), "In 1999, Alberto Fujimori was the first head of state of Peru to visit Japan.",
     [("Peru", "Japan", "Head of State", "Alberto Fujimori", "1999")]),
    # several visits (the decade is no date)
    (("Japan", "Peru"), "Peruvian President Alberto Fujimori made several visits to Japan during the 1990s.",
     [("Peru", "Japan", "President", "Alberto Fujimori", None)]),
])
def test_visits_told_in_prose(countries, sentence, rows):
    assert _rows(countries, sentence) == [(*row, "prose") for row in rows]


@pytest.mark.parametrize("countries, sentence", [
    # a meeting in a third country
    (("Japan", "Peru"), "In 2013, Peruvian Foreign Minister Eda Rivas and Japanese Foreign Minister Fumio Kishida "
     "met in New York City."),
    (("Lithuania", "Mexico"), "In 2009, Mexican Foreign Minister Patricia Espinosa met her counterpart during the "
     "session held in Madrid, Spain."),
    (("Japan", "Peru"), "In 2005, President Alejandro Toledo visited Spain."),
    (("Japan", "Peru"), "In 2008, Peruvian President Alan García attended the summit held in Santiago."),
    # an ambassador presenting credentials
    (("Japan", "Peru"), "The Japanese Ambassador presented his credentials to the President of Peru in 2014."),
    # an unnamed delegation
    (("Japan", "Peru"), "A Peruvian delegation travelled to Tokyo in 2019."),
    (("Norway", "Indonesia"), "In 2012, a Norwegian trade delegation visited Jakarta."),
    # a person with no office of either country
    (("Japan", "Peru"), "In 2015, Chilean President Michelle Bachelet visited Japan."),
    (("Japan", "Peru"), "In 2014, Pope Francis visited Peru."),
    (("Japan", "Peru"), "In 2010, Alberto Fujimori travelled to Tokyo."),
    # only planned, invited or cancelled
    (("Japan", "Peru"), "In 2018, President Martín Vizcarra was invited to visit Japan, but the visit was cancelled."),
    (("Norway", "Indonesia"), "Prime Minister Erna Solberg is expected to visit Indonesia in 2020."),
    (("Norway", "Indonesia"), "A visit to Jakarta by Foreign Minister Børge Brende planned for 2016 was postponed."),
    # attending something that is not held in the other country
    (("Georgia", "Mexico"), "In September 2010, Georgian Prime Minister Nika Gilauri attended the bicentennial of "
     "Mexican Independence."),
    # "the first" of no office
    (("Japan", "Peru"), "In 1990, Japan became the first nation to visit Peru."),
    (("Japan", "Peru"), "In 1999, Alberto Fujimori became the first to visit Japan."),
])
def test_not_visits(countries, sentence):
    assert _rows(countries, sentence) == []
