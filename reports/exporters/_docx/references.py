"""The dossier's references: superscript note numbers after cited facts (each a link to
its entry), a References section whose addresses are real hyperlinks (w:hyperlink with
an external relationship), and the article's tables as Word tables.

Two character styles ("Note Reference", "Hyperlink") are added to a dossier only when
its record has references, so the dossiers of plain articles stay byte-identical; a
template's own styles of those names are used as they are. Only http(s) addresses
(citations_view.link_target) become hyperlinks; the rest is shown as text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ...citations_view import References
from ...facts_view import date_label
from .styles import find_style, new_id, run_properties, style_xml, StyleSpec

_WR = nsdecls("w", "r")
ANCHOR = "ref_"  # + number: a reference's bookmark (not "rpt_": carried notes ignore it)


class _State:
    def __init__(self, dossier):
        self.refs = References(dossier.record)
        self.styles: dict[str, str] = {}


def _state(d) -> _State:
    state = getattr(d, "_references_state", None)
    if state is None:
        state = d._references_state = _State(d)
    return state


def _style(d, name: str) -> str:
    """The id of one of the two reference styles, added to this document on first use."""
    state = _state(d)
    if name not in state.styles:
        existing = find_style(d.document, name)
        if existing is not None:
            state.styles[name] = existing.get(qn("w:styleId"))
        else:
            colour = d.layout.colors["primary"].lstrip("#")
            extra = '<w:vertAlign w:val="superscript"/>' if name == "Note Reference" else '<w:u w:val="single"/>'
            properties = run_properties(colour=colour).replace("</w:rPr>", extra + "</w:rPr>")
            styles = d.document.styles.element
            style_id = new_id(styles, name)
            styles.append(parse_xml(style_xml(StyleSpec(name, name, "character", properties, based_on=None),
                                               style_id, {})))
            state.styles[name] = style_id
    return state.styles[name]


def _run(text: str, style_id: str) -> str:
    return (f'<w:r><w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def note_runs(d, ids) -> list:
    """The superscript note numbers of `ids`, each linked to its reference ([] when none)."""
    numbers = _state(d).refs.numbers(ids)
    if not numbers:
        return []
    style = _style(d, "Note Reference")
    xml = ",".join(f'<w:hyperlink w:anchor="{ANCHOR}{n}" w:history="1">{_run(str(n), style)}</w:hyperlink>'
                   for n in numbers)
    # "," between numbers is a run of its own in the same style
    xml = xml.replace("</w:hyperlink>,<w:hyperlink", f"</w:hyperlink>{_run(',', style)}<w:hyperlink")
    return list(parse_xml(f"<w:p {_WR}>{xml}</w:p>"))


def add_notes(d, p, ids, cited: bool = False) -> None:
    """Put the note numbers of `ids` after the text of paragraph `p`: before its line
    citation run when `cited` (the paragraph was written with one), else at its end."""
    runs = note_runs(d, ids)
    if not runs:
        return
    anchor = p.findall(qn("w:r"))[-1] if cited else None
    for run in runs:
        if anchor is not None:
            anchor.addprevious(run)
        else:
            p.append(run)


def mark_rows(d, ids_per_row) -> None:
    """Note numbers in the last cell of each data row of the table just written."""
    if not _state(d).refs:
        return
    table = d.body_end.getprevious()
    rows = table.findall(qn("w:tr"))[1:]
    for row, ids in zip(rows, ids_per_row):
        p = row.findall(qn("w:tc"))[-1].find(qn("w:p"))
        for run in note_runs(d, ids):
            p.append(run)


def table_block(d, block) -> None:
    """A table of the article as a Word table, a Source column giving each row's line
    and notes."""
    columns = max([len(block.header), *(len(row) for row in block.rows)] or [1])
    if not block.rows:
        return
    if block.caption:
        d.caption(block.caption, block.line, article=True)
    header = [*block.header, *[""] * (columns - len(block.header)), d.label("source_column")]
    rows = []
    for index, row in enumerate(block.rows):
        line = block.row_lines[index] if index < len(block.row_lines) else block.line
        rows.append([*row, *[""] * (columns - len(row)), d.cite_cell(line)])
    share = 0.88 / columns
    d.table(header, rows, [share] * columns + [0.12], article=range(columns))
    mark_rows(d, [block.row_cites[i] if i < len(block.row_cites) else () for i in range(len(block.rows))])


def references(d) -> bool:
    """The numbered References section; False (nothing written) for a record without any."""
    refs = _state(d).refs
    if not refs:
        return False
    d.heading(d.label("references"))
    for ref in refs.list:
        c = ref.citation
        parts = [part for part in (c.title, c.publisher, date_label(c.date, d.layout) if c.date else None) if part]
        if c.accessed:
            parts.append(d.label("accessed_on", date=date_label(c.accessed, d.layout)))
        text = ". ".join(parts) or (c.id if not c.url else "")
        p = d.para(f"{ref.number}. {text}" + (". " if text and c.url else ""), "Normal")
        d.bookmark(p, f"{ANCHOR}{ref.number}")
        if c.url:
            _add_address(d, p, c.url, ref.link)
    return True


def _add_address(d, p, url: str, target: str | None) -> None:
    """The address at the end of `p` (before the bookmark's end): a hyperlink to `target`."""
    if target is None:
        run = parse_xml(f"<w:p {_WR}>{_run(url, d.style('Citation'))}</w:p>")[0]
    else:
        rid = d.document.part.relate_to(target, RT.HYPERLINK, is_external=True)
        run = parse_xml(f'<w:p {_WR}><w:hyperlink r:id="{rid}" w:history="1">'
                        f'{_run(url, _style(d, "Hyperlink"))}</w:hyperlink></w:p>')[0]
    end = p.find(qn("w:bookmarkEnd"))
    if end is not None:
        end.addprevious(run)
    else:
        p.append(run)
