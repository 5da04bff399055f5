"""The brief's timeline picture (exporters/_timeline) in the dossier's Timeline part,
above its table: a PNG as wide as the text column, its alt text naming every mark, and
the key to its numbered labels under it, as in the brief."""

from __future__ import annotations

import io

from docx.shared import Pt
from docx.text.paragraph import Paragraph

_MM = 72 / 25.4  # points


def timeline_picture(dossier) -> bool:
    """Add the picture where the dossier writes next; False when the record has no marks."""
    from .._timeline.picture import picture

    height = float(dossier.layout.options("pdf").get("timeline_height_mm", 62)) * _MM
    found = picture(dossier.record, dossier.layout, dossier.base.text_width_mm * _MM, height)
    if found is None:
        return False
    p = dossier.para("", "Normal")
    p.get_or_add_pPr().keepNext_val = True  # never alone at the foot of a page, away from its table
    Paragraph(p, dossier.document).add_run().add_picture(io.BytesIO(found.png), width=Pt(found.width_pt))
    p.xpath(".//wp:docPr")[0].set("descr", found.alt)
    if found.key:
        dossier.caption("\u2003".join(f"{number}\u00a0{text}" for number, text in found.key), article=True)
    return True
