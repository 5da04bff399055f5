"""Names of people as they are written in a short label.

A short name is not simply the last word: Spanish and Portuguese names keep the
first surname ("Gabriela Cuevas Barrón" → "Cuevas"), regnal names stay whole
("Felipe VI", "Pope Francis"), and a name in another script given in parentheses
("Shinzō Abe (安倍 晋三)") is dropped rather than cut.
"""

from __future__ import annotations

import re

_PARENTHESES = re.compile(r"\s*[(（][^)）]*[)）]")
_REGNAL = re.compile(r"^(?:[IVXL]+|\d+(?:st|nd|rd|th)?)$")
_ROYAL = frozenset("king queen emperor empress prince princess pope sultan emir sheikh grand duke "
                   "duchess crown tsar shah".split())
# Particles that belong to the surname that follows them: "de la Madrid", "da Silva".
_PARTICLES = frozenset("de del la las los da das do dos e y van von der den di du le".split())
# Suffixes that are not a surname: "Jr.", "Sr.".
_SUFFIXES = frozenset("jr jr. sr sr.".split())


def without_other_script(name: str) -> str:
    """The name with parenthesised parts dropped and spaces tidied."""
    return " ".join(_PARENTHESES.sub("", name).split())


def _iberian(words: list[str]) -> bool:
    """Does a given-name + two-surnames pattern look Spanish or Portuguese?

    Either a particle joins the surnames ("Luiz Inácio Lula da Silva"), or the
    name has three or more words carrying Spanish/Portuguese letters or known
    given names."""
    lowered = [w.lower() for w in words]
    if any(w in ("de", "del", "da", "do", "dos", "das", "y") for w in lowered[1:-1]):
        return True
    text = " ".join(words)
    marked = any(ch in text for ch in "áéíóúñãõçÁÉÍÓÚÑÃÕÇ")
    return len(words) >= 3 and (marked or lowered[0] in _IBERIAN_GIVEN)


_IBERIAN_GIVEN = frozenset(
    "josé jose juan luis carlos jorge miguel pedro manuel francisco antonio javier alfonso felipe "
    "enrique andrés andres vicente ernesto gabriela lourdes maría maria ana carmen rosa isabel "
    "claudia patricia marcelo sebastián sebastian michelle cristina dilma fernando mauricio alberto ricardo "
    "joão joao paulo marcelo rafael gustavo guillermo arturo eduardo raúl raul alejandro".split())


def short_name(person: str) -> str:
    """The name a label uses when room is short."""
    words = [w for w in without_other_script(person).split() if w.lower().strip(",") not in _SUFFIXES]
    words = [w.strip(",") for w in words]
    if not words:
        return person.strip()
    if len(words) == 1:
        return words[0]
    if _REGNAL.match(words[-1]):
        return " ".join(words[-2:])
    if words[0].lower() in _ROYAL:
        return " ".join(words)
    groups = _surname_groups(words)
    if len(groups) >= 3 and _iberian(words):
        if groups[-1].split()[0].lower() in _PARTICLES:
            # "Lula da Silva", "Salinas de Gortari": the joined surnames are the name used.
            return f"{groups[-2]} {groups[-1]}"
        return groups[-2]
    return groups[-1]


def _surname_groups(words: list[str]) -> list[str]:
    """Words with particles joined to the word that follows: "de la Madrid" is one."""
    groups: list[str] = []
    pending: list[str] = []
    for index, word in enumerate(words):
        if index and word.lower() in _PARTICLES and index < len(words) - 1:
            pending.append(word)
            continue
        groups.append(" ".join(pending + [word]))
        pending = []
    return groups


def label_name(person: str, room: int | None = None) -> str:
    """The full name (other script dropped) when it fits in `room` characters, else
    the short one."""
    full = without_other_script(person)
    if room is not None and len(full) <= room:
        return full
    return short_name(person)

