"""The dossier's named styles: taken from the user's template, or defined here from
the layout's fonts and colours. Nothing in the document carries direct formatting."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

DEFAULT_TABLE_STYLE = "Dossier Table"
W = nsdecls("w")
_W = W

def _hp(points: float) -> int:
    """Half-points, Word's unit of font size."""
    return round(points * 2)


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _border(edges: str, size: int, colour: str, space: int) -> str:
    lines = "".join(f'<w:{edge} w:val="single" w:sz="{size}" w:space="{space}" w:color="{colour}"/>'
                    for edge in edges.split())
    return f"<w:pBdr>{lines}</w:pBdr>"


def _ppr(*, keep=False, numbering="", border="", fill=None, tabs="", before=None, after=None,
         line=None, indent="", jc=None, outline=None) -> str:
    """A paragraph-properties element, its children in the order the schema requires."""
    spacing = "".join(f' w:{name}="{value}"' for name, value in
                      (("before", before), ("after", after), ("line", line)) if value is not None)
    if line is not None:
        spacing += ' w:lineRule="auto"'
    return ("<w:pPr>" + ("<w:keepNext/><w:keepLines/>" if keep else "") + numbering + border
            + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "") + tabs
            + (f"<w:spacing{spacing}/>" if spacing else "") + indent
            + (f'<w:jc w:val="{jc}"/>' if jc else "")
            + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "") + "</w:pPr>")


def run_properties(*, font=None, bold=False, italic=False, caps=False, colour=None, size=None) -> str:
    """A w:rPr element (as XML text) with the font, weight, colour and size given."""
    fonts = (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
             if font else "")
    return ("<w:rPr>" + fonts + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
            + ("<w:caps/>" if caps else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
            + (f'<w:sz w:val="{_hp(size)}"/><w:szCs w:val="{_hp(size)}"/>' if size else "") + "</w:rPr>")


# The character style of runs that hold the article's own text: it looks like its
# paragraph and carries the article's language, so a spell-checker reads the prose as
# English and the labels around it in the document's language.
ARTICLE_TEXT = "Article Text"


def _lang_rpr(language: str | None) -> str:
    return f'<w:rPr><w:lang w:val="{escape(language, {chr(34): "&quot;"})}"/></w:rPr>' if language else ""


def article_language(layout) -> str | None:
    """The articles' language tag ([metadata] article_language, "en-GB") when the
    documents are in another one: article prose is then marked as such, so a
    spell-checker checks it as English and the labels as Spanish."""
    article = layout.metadata.get("article_language", "")
    document = layout.metadata.get("language", "")
    same = article.split("-")[0].lower() == document.split("-")[0].lower()
    return None if not article or same else article


@dataclass(frozen=True)
class StyleSpec:
    """One named style the dossier defines: its name, kind, run and paragraph properties."""
    name: str  # as python-docx and Word's Styles pane name it
    xml_name: str  # as styles.xml names it ("heading 1", "caption", "toc 1")
    kind: str  # paragraph, character or table
    properties: str
    based_on: str | None = "Normal"
    next_style: str | None = None


def _style_specs(layout, table_style: str, numbering: str) -> list[StyleSpec]:
    """Every style the dossier uses, with its look derived from the layout."""
    f, c = layout.fonts, {k: v.lstrip("#") for k, v in layout.colors.items()}
    width = twips(layout.page.width_mm - layout.page.margin_left_mm - layout.page.margin_right_mm)
    toc_tabs = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
    head = dict(font=f.headings, bold=True, colour=c["primary"])
    small = f.small_size + 0.5
    return [
        StyleSpec("Normal", "Normal", "paragraph", "", based_on=None),
        StyleSpec("Title", "Title", "paragraph", _ppr(keep=True, before=0, after=80, line=240)
                   + run_properties(**head, size=f.title_size)),
        StyleSpec("Subtitle", "Subtitle", "paragraph", _ppr(keep=True, after=60)
                   + run_properties(font=f.headings, colour=c["muted"], size=f.heading_size)),
        StyleSpec("Source Note", "Source Note", "paragraph",
                   _ppr(border=_border("bottom", 12, c["accent"], 8), after=360)
                   + run_properties(colour=c["muted"], size=f.small_size + 1.5)),
        StyleSpec("Heading 1", "heading 1", "paragraph",
                   _ppr(keep=True, border=_border("bottom", 6, c["rule"], 4), before=360, after=120,
                        outline=0) + run_properties(**head, size=f.heading_size), next_style="Normal"),
        StyleSpec("Heading 2", "heading 2", "paragraph", _ppr(keep=True, before=240, after=80, outline=1)
                   + run_properties(**head, size=f.heading_size * 0.8), next_style="Normal"),
        StyleSpec("Heading 3", "heading 3", "paragraph", _ppr(keep=True, before=200, after=60, outline=2)
                   + run_properties(font=f.headings, bold=True, colour=c["text"], size=f.size + 1),
                   next_style="Normal"),
        StyleSpec("List Bullet", "List Bullet", "paragraph", _ppr(numbering=numbering, after=40)),
        StyleSpec("Caption", "caption", "paragraph", _ppr(keep=True, before=160, after=60)
                   + run_properties(bold=True, colour=c["muted"], size=f.size - 0.5)),
        StyleSpec("Quote", "Quote", "paragraph",
                   _ppr(border=_border("left", 18, c["accent"], 10), after=120,
                        indent='<w:ind w:left="284" w:right="284"/>')
                   + run_properties(italic=True, colour=c["text"])),
        StyleSpec("TOC Heading", "TOC Heading", "paragraph", _ppr(keep=True, before=120, after=120)
                   + run_properties(**head, size=f.heading_size), next_style="Normal"),
        StyleSpec("TOC 1", "toc 1", "paragraph", _ppr(tabs=toc_tabs, before=20, after=0)
                   + run_properties(bold=True, colour=c["text"])),
        StyleSpec("TOC 2", "toc 2", "paragraph", _ppr(tabs=toc_tabs, after=0,
                                                       indent='<w:ind w:left="284"/>')
                   + run_properties(colour=c["text"])),
        StyleSpec("Header", "header", "paragraph", _ppr(border=_border("bottom", 4, c["rule"], 4), after=0)
                   + run_properties(colour=c["muted"], size=small)),
        StyleSpec("Footer", "footer", "paragraph", _ppr(after=0, jc="center")
                   + run_properties(colour=c["muted"], size=small)),
        StyleSpec("Analyst Notes Heading", "Analyst Notes Heading", "paragraph",
                   _ppr(keep=True, before=200, after=40)
                   + run_properties(bold=True, caps=True, colour=c["accent"], size=small), next_style="Analyst Notes"),
        StyleSpec("Analyst Notes", "Analyst Notes", "paragraph",
                   _ppr(border=_border("top left bottom right", 4, c["rule"], 6), fill=c["light"],
                        after=240, line=360, indent='<w:ind w:left="120" w:right="120"/>')
                   + run_properties(colour=c["text"])),
        StyleSpec("Table Text", "Table Text", "paragraph", _ppr(before=30, after=30, line=240)
                   + run_properties(size=f.size - 0.5)),
        StyleSpec("Table Heading", "Table Heading", "paragraph", _ppr(keep=True)
                   + run_properties(bold=True, colour=c["on_primary"]), based_on="Table Text"),
        StyleSpec("Table Source", "Table Source", "paragraph", run_properties(colour=c["muted"], size=small),
                   based_on="Table Text"),
        StyleSpec("Citation", "Citation", "character", run_properties(colour=c["muted"], size=small), based_on=None),
        StyleSpec(ARTICLE_TEXT, ARTICLE_TEXT, "character", _lang_rpr(article_language(layout)), based_on=None),
        StyleSpec(table_style, table_style, "table", _table_style_properties(c), based_on=None),
    ]


def _table_style_properties(c: dict) -> str:
    """Rules above and below, light row bands, a header row in the primary colour."""
    return (
        '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{c["primary"]}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{c["primary"]}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{c["rule"]}"/>'
        '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="{c["on_primary"]}"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{c["primary"]}"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz">'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{c["light"]}"/></w:tcPr></w:tblStylePr>'
    )


def install_styles(document, layout, table_style: str, restyle: bool) -> dict[str, str]:
    """Define the dossier's styles; with `restyle` False (a user's template) only those
    the template lacks. Returns style name -> style id."""
    styles = document.styles.element
    numbering = _bullet_numbering(document)
    ids = {}
    for spec in _style_specs(layout, table_style, numbering):
        existing = find_style(document, spec.name, spec.xml_name)
        if existing is not None and not restyle:
            ids[spec.name] = existing.get(qn("w:styleId"))
            continue
        style_id = existing.get(qn("w:styleId")) if existing is not None else new_id(styles, spec.name)
        element = parse_xml(style_xml(spec, style_id, ids))
        if existing is not None:
            existing.addprevious(element)
            styles.remove(existing)
        else:
            styles.append(element)
        ids[spec.name] = style_id
    _set_defaults(document, layout, restyle)
    return ids


def find_style(document, *names: str):
    """The first of the styles named that the document has, or None."""
    for name in names:
        try:
            return document.styles[name].element
        except KeyError:
            continue
    return None


def new_id(styles, name: str) -> str:
    """An id no style of the document has yet ("TableText", else "TableText2" ...)."""
    taken = {style.get(qn("w:styleId")) for style in styles.iterfind(qn("w:style"))}
    base = "".join(ch for ch in name if ch.isalnum())
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    return candidate


def style_xml(spec: StyleSpec, style_id: str, ids: dict[str, str]) -> str:
    """The w:style element (as XML text) a StyleSpec describes."""
    based_on = f'<w:basedOn w:val="{ids[spec.based_on]}"/>' if spec.based_on else ""
    next_id = ids.get(spec.next_style, (spec.next_style or "").replace(" ", ""))
    next_style = f'<w:next w:val="{next_id}"/>' if spec.next_style else ""
    default = ' w:default="1"' if spec.name == "Normal" else ""
    return (f'<w:style {_W} w:type="{spec.kind}"{default} w:styleId="{style_id}">'
            f'<w:name w:val="{spec.xml_name}"/>{based_on}{next_style}<w:qFormat/>{spec.properties}</w:style>')


def _bullet_numbering(document) -> str:
    """The numbering the template's List Bullet style uses (kept when it is restyled)."""
    from lxml import etree

    style = find_style(document, "List Bullet")
    num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") if style is not None else None
    if num is None:
        return ""
    return etree.tostring(num).decode().replace(f' xmlns:w="{num.nsmap["w"]}"', "")


def _set_defaults(document, layout, restyle: bool) -> None:
    """Body font, size, colour and spacing for every style; the language always."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {_W}/>")
        styles.insert(0, defaults)
    if defaults.find(qn("w:rPrDefault")) is None:
        defaults.insert(0, parse_xml(f"<w:rPrDefault {_W}><w:rPr/></w:rPrDefault>"))
    if defaults.find(qn("w:pPrDefault")) is None:
        defaults.append(parse_xml(f"<w:pPrDefault {_W}><w:pPr/></w:pPrDefault>"))
    r_pr_default, p_pr_default = defaults.find(qn("w:rPrDefault")), defaults.find(qn("w:pPrDefault"))
    if restyle:
        f = layout.fonts
        r_pr = run_properties(font=f.body, colour=layout.colors["text"].lstrip("#"), size=f.size)
        _replace_children(r_pr_default, r_pr.replace("<w:rPr>", f"<w:rPr {_W}>", 1))
        _replace_children(p_pr_default, f'<w:pPr {_W}><w:spacing w:after="120" w:line="264" '
                                        'w:lineRule="auto"/></w:pPr>')
    language = layout.metadata.get("language", "")
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = parse_xml(f"<w:rPr {_W}/>")
        r_pr_default.append(r_pr)
    if language:
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        lang.set(qn("w:val"), language)


def _replace_children(parent, xml: str) -> None:
    for child in list(parent):
        parent.remove(child)
    parent.append(parse_xml(xml))
