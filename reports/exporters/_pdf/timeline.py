"""The page-one timeline: the shared drawing (exporters/_timeline) set in the brief's
styles, and the key to its numbered labels as a paragraph under the band."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from .._timeline.drawing import Pen, timeline


def pen(styles, gate, layout) -> Pen:
    return Pen(styles.body.regular, styles.body.bold, layout.fonts.small_size, styles.colour, gate)


def timeline_flowables(record, width: float, height: float, styles, gate, layout) -> list:
    """The drawing and, when some labels are numbers, the key under it ([] without marks)."""
    found = timeline(record, width, height, pen(styles, gate, layout), layout)
    if found is None:
        return []
    return [found.drawing, _key(found.numbers, styles, gate)] if found.numbers else [found.drawing]


def _key(numbers, styles, gate) -> Paragraph:
    """The texts of the numbered labels, in one small paragraph under the band."""
    entries = [f"<b>{n}</b>&nbsp;{gate.markup(mark.text)}" for n, mark in numbers]
    return Paragraph("&nbsp;&nbsp;&nbsp; ".join(entries), styles.timeline_key)
