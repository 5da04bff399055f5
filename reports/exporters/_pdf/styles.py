"""Paragraph and table styles, every size and colour taken from the layout."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from .._reportlab_text.fonts import Family, family


CELL_PADDING = 4  # points, left and right of a table cell


@dataclass(frozen=True)
class Styles:
    body: Family
    heads: Family
    colour: dict            # layout colour name -> reportlab Color
    text: ParagraphStyle
    small: ParagraphStyle   # table cells
    cite: ParagraphStyle    # "l. 19": small and muted
    cell_head: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    kicker: ParagraphStyle  # the small line above the title
    title: ParagraphStyle
    subtitle: ParagraphStyle
    fact_label: ParagraphStyle
    bullet: ParagraphStyle
    bullet_small: ParagraphStyle  # the data caveats
    colophon: ParagraphStyle      # the local file and hash: small, muted
    lead: ParagraphStyle          # the bottom line under the title band
    timeline_key: ParagraphStyle  # the texts of the timeline's numbered labels


def make_styles(layout) -> Styles:
    body, heads = family(layout.fonts.body), family(layout.fonts.headings)
    colour = {name: colors.HexColor(value) for name, value in layout.colors.items()}
    f = layout.fonts
    base = ParagraphStyle("text", fontName=body.regular, fontSize=f.size, leading=f.size * 1.4,
                          textColor=colour["text"], spaceAfter=f.size * 0.6, splitLongWords=1,
                          bulletFontName=body.regular)  # else a bullet brings in Helvetica
    small_size = (f.size + f.small_size) / 2

    def derive(name, parent=base, **kw):
        return ParagraphStyle(name, parent=parent, **kw)

    small = derive("small", fontSize=small_size, leading=small_size * 1.3, spaceAfter=0)
    return Styles(
        body=body, heads=heads, colour=colour, text=base, small=small,
        cite=derive("cite", small, fontSize=f.small_size, leading=f.small_size * 1.3,
                    textColor=colour["muted"], alignment=TA_RIGHT),
        cell_head=derive("cell_head", small, fontName=heads.bold, textColor=colour["on_primary"]),
        h1=derive("h1", fontName=heads.bold, fontSize=f.heading_size, leading=f.heading_size * 1.25,
                  textColor=colour["primary"], spaceBefore=f.heading_size * 0.9,
                  spaceAfter=f.heading_size * 0.45, keepWithNext=1),
        h2=derive("h2", fontName=heads.bold, fontSize=f.size * 1.15, leading=f.size * 1.5,
                  textColor=colour["primary"], spaceBefore=f.size * 0.8, spaceAfter=f.size * 0.35,
                  keepWithNext=1),
        kicker=derive("kicker", fontName=heads.bold, fontSize=f.small_size + 1,
                      leading=(f.small_size + 1) * 1.5, textColor=colour["on_primary"], spaceAfter=2),
        title=derive("title", fontName=heads.bold, fontSize=f.title_size, leading=f.title_size * 1.2,
                     textColor=colour["on_primary"], spaceAfter=f.size * 0.3),
        subtitle=derive("subtitle", fontSize=f.size * 1.1, leading=f.size * 1.5,
                        textColor=colour["on_primary"], spaceAfter=0),
        fact_label=derive("fact_label", small, fontName=body.bold, textColor=colour["primary"]),
        bullet=derive("bullet", leftIndent=f.size * 1.2, bulletIndent=f.size * 0.2, spaceAfter=f.size * 0.25),
        bullet_small=derive("bullet_small", small, leftIndent=f.size * 1.2, bulletIndent=f.size * 0.2,
                            spaceAfter=1, bulletFontName=body.regular),
        colophon=derive("colophon", small, fontSize=f.small_size, leading=f.small_size * 1.3,
                        textColor=colour["muted"]),
        timeline_key=derive("timeline_key", small, fontSize=f.small_size + 0.5,
                            leading=(f.small_size + 0.5) * 1.35, spaceBefore=3, textColor=colour["text"]),
        lead=derive("lead", fontSize=f.size * 1.1, leading=f.size * 1.5, spaceAfter=f.size * 0.4),
    )


def table_style(styles: Styles, cite_column: bool, header: bool = True) -> TableStyle:
    """Ruled rows, a coloured header row, light bands on alternate rows."""
    c = styles.colour
    commands = cell_font(styles) + [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, c["rule"]),
        ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, c["light"]]),
    ]
    if header:
        h = styles.cell_head
        commands += [("BACKGROUND", (0, 0), (-1, 0), c["primary"]),
                     ("FONT", (0, 0), (-1, 0), h.fontName, h.fontSize, h.leading),
                     ("TEXTCOLOR", (0, 0), (-1, 0), c["on_primary"]),
                     ("LINEBELOW", (0, 0), (-1, 0), 0, c["primary"])]
    if cite_column:
        # Citations are plain strings (no Paragraph to parse): small, muted, flush right.
        commands += [("RIGHTPADDING", (-1, 0), (-1, -1), 2), ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
                     ("FONT", (-1, 1), (-1, -1), styles.body.regular, styles.cite.fontSize),
                     ("TEXTCOLOR", (-1, 1), (-1, -1), c["muted"])]
    return TableStyle(commands)


def cell_font(styles: Styles) -> list:
    """Every table names its cell font: reportlab sets Helvetica (unembedded) even for
    cells that hold flowables or nothing."""
    return [("FONT", (0, 0), (-1, -1), styles.body.regular, styles.small.fontSize, styles.small.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), styles.colour["text"])]
