"""The events of the history sections: each dated sentence, with its first date."""

from __future__ import annotations

from ..dates import find_dates
from ..document import texts
from ..model import Event
from .. import sections as kinds
from .context import Context
from .sentences import split_sentences


def read_events(context: Context) -> list[Event]:
    """An event per sentence of a history section that names a date."""
    found = []
    for section in context.sections_of(kinds.HISTORY):
        for unit in texts(section.blocks):
            for sentence in split_sentences(unit.text):
                dates = find_dates(sentence)
                if dates:
                    found.append(Event(dates[0].iso, sentence, unit.line))
    return found
