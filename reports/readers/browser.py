"""Text copied from a Wikipedia page in a browser (select all, copy, paste into a file).

What a browser copies: the page chrome around the article ("From Wikipedia, the free
encyclopedia", "Jump to navigation", tabs, the table of contents, the infobox as
loose short lines), the title without marks, headings as lines ending in `[edit]`,
citation markers `[1]`, `[a]`, `[citation needed]` in the text, list items with or
without `•`, tables as tab-separated rows, and the References list as `^` lines. This
reader drops the chrome, takes the markers out of the text as refs tied to the `^`
lines (the n-th `^` line is note n), and gives the lines every reader produces.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..errors import ArticleError
from ..document import HEADING, ITEM, TABLE, TEXT, Document, Line, Row, Table, Text, build_article
from ..model import Citation
from ._text import read_text

NAME = "browser"
EXTENSIONS: tuple[str, ...] = ()
DESCRIPTION = "text copied from a Wikipedia page in a browser (recognised by its page chrome)"

_FROM_WIKIPEDIA = re.compile(r"^From Wikipedia, the free encyclopedia\s*$", re.MULTILINE)
_EDIT = re.compile(r"\s*\[\s*edit(?: source)?\s*\]\s*$", re.IGNORECASE)
_MARKER = re.compile(r"\[(?:\d{1,4}|[a-z]{1,2}|note \d+|n \d+|nb \d+|citation needed|clarification needed|"
                     r"according to whom\?|when\?|who\?|which\?|dubious(?: – discuss)?|failed verification|"
                     r"better source needed|page needed|full citation needed|verification needed|"
                     r"original research\?|update)\]", re.IGNORECASE)
_EDIT_ANYWHERE = re.compile(r"\[edit\]\s*$|^\[edit\]", re.MULTILINE)
_EDIT_LEAD = re.compile(r"^\[\s*edit(?: source)?\s*\]\s*", re.IGNORECASE)  # "[edit]" opening the line below a heading
_WIKI_MARKUP = re.compile(r"'''|\[\[|\{\{|<ref[\s>/]")
# A table of contents copied from a mirror: "• History 1", "• State visits 1.4".
_TOC_ENTRY = re.compile(r"^(\D{2,60}?)\s+\d{1,2}(?:\.\d{1,2})*$")
# Words of section headings, for copies whose headings carry no "[edit]" (mirrors of Wikipedia).
_HEADING_WORD = re.compile(r"\b(?:history|relations|visits|agreements?|treaties|trade|commerce|missions?|economy|"
                           r"economic|cooperation|co-operation|cultural|culture|links|references|notes|see also|"
                           r"background|overview|investment|tourism|education|military|defen[cs]e|migration|"
                           r"sports?|aid|development|diplomacy|political|politics|security|diaspora|"
                           r"immigration|transport|energy|representation|consulates?|embassies)\b", re.IGNORECASE)
_NOTE_NUMBER = re.compile(r"^\[(\d{1,4})\]$")
_BULLET = re.compile(r"^\s*[•·▪◦‣●○\-*]\s+")
_CARET = re.compile(r"^\s*\^\s*(?:(?:[a-z]{1,2}\s+)+)?")
_RELATIONS_TITLE = re.compile(r"^\S.*[–—-].*\S relations$")
_CHROME = re.compile(r"^(?:jump to (?:navigation|search|content)|main menu|navigation|search|contents|hide|\(top\)|"
                     r"toggle .*|article|talk|read|edit|edit source|view history|tools|appearance|move to sidebar|"
                     r"languages|add languages|print/export|download as pdf|printable version|in other projects|"
                     r"what links here|related changes|upload file|special pages|permanent link|page information|"
                     r"cite this page|get shortened url|wikidata item|actions|general|donate|create account|log in|"
                     r"personal tools|\d+ languages|show|text|small|standard|large|width|wide|color \(beta\)|"
                     r"automatic|light|dark|from wikipedia, the free encyclopedia|this article is about .*|"
                     r"for other uses, see .*|see also: .*|main articles?: .*|further information: .*)$",
                     re.IGNORECASE)
_END = re.compile(r"^(?:categories?\s*:|retrieved from\s|hidden categories\s*:|this page was last edited|"
                  r"text is available under the creative commons|privacy policy$)", re.IGNORECASE)
_APPARATUS = re.compile(r"^(?:references?|notes?|footnotes?|citations?|sources?|bibliography|works cited|"
                        r"notes and references)$", re.IGNORECASE)
_HATNOTE = re.compile(r"^(?:main articles?|see also|further information|for more information)\s*:\s", re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
_QUOTED = re.compile(r"[\"“]([^\"”]{3,300})[\"”]")
_BLANKS = re.compile(r"[ \t\u00a0]+")


def sniff(head: str) -> bool:
    # Substring tests first: most text has neither, and they are far cheaper than the patterns.
    if ("From Wikipedia, the free encyclopedia" in head and _FROM_WIKIPEDIA.search(head)) or \
            ("[edit]" in head and len(_EDIT_ANYWHERE.findall(head)) >= 2):
        return True
    # A copy from a mirror of Wikipedia: none of Wikipedia's own chrome, but a title line
    # "A–B relations" near the top, no plain-form "= Title =" first and no wikitext markup.
    # (The first non-blank line starts with "=" when the first non-blank character is "=".)
    if head.lstrip().startswith("=") or " relations" not in head or _WIKI_MARKUP.search(head):
        return False
    return any(_RELATIONS_TITLE.match(line.strip()) for line in head.split("\n")[:60])


def documents(path: Path, shown: str, max_bytes: int, tally=None) -> Iterator[Document]:
    text, digest, warnings = read_text(path, shown, max_bytes)
    yield Document(parse(text, shown), digest, warnings)


# Some mirrors drop the blank before each link's text: "relations betweenIndia andGhana", "inAccra".
_GLUED = re.compile(r"\b(the|of|in|and|to|a|an|by|with|for|at|from|as|on|between|into|than|that|his|her|its|their|"
                    r"while|whose|was|were|is|are|visited|signed)(?=[A-Z][a-z])")


# In such a copy, any word glued to a capitalised one ("firstPresident", "MinisterP V Rao",
# "Nkrumah,Hilla"), but for names that are written so ("McDonald", "MacArthur", "DiCaprio", "YouTube").
_JOIN = re.compile(r"(?<=\b[a-z]{3})(?=[A-Z])|(?<=[a-z]{3})(?<!\b[A-Z][a-z]{2})(?<!\bMac)(?=[A-Z][a-z]*\b)|,(?=[A-Z])")


def _unglued(text: str) -> str:
    """The copy with a blank back between a word and the link glued to it, when the copy
    shows that fault often (a word such as "iPhone" alone is left as it is)."""
    if len(_GLUED.findall(text)) < 5:
        return text
    return _JOIN.sub(lambda join: ", " if join.group(0) == "," else " ", _GLUED.sub(r"\1 ", text))


def parse(text: str, shown: str):
    text = _unglued(text)
    raw = text.split("\n")
    title_at = next((i for i, line in enumerate(raw) if _RELATIONS_TITLE.match(line.strip())), None)
    if title_at is None:
        raise ArticleError(shown, 1, "no title line naming two countries ('A–B relations') in the copied page")
    title = raw[title_at].strip()
    numbered = []
    for number, line in enumerate(raw[title_at + 1:], start=title_at + 2):
        if _END.match(line.strip()):
            break
        numbered.append((number, line.rstrip()))
    lines, notes = [], []
    infobox: list[Text] = []  # the infobox's fields the fact rules read (its missions)
    in_apparatus = False
    started = False  # the lead starts at the first sentence; short lines above it are the infobox
    run: list[tuple[int, str]] = []

    def close_run():
        """A run of short lines without full stops is a list; one line alone a paragraph."""
        while len(run) >= 2 and (len(run[0][1]) >= 200 or _take_markers(run[0][1])[0].endswith(".")):
            lines.append(_text_line(TEXT, run.pop(0)))  # a paragraph is no caption: the list starts below it
        if len(run) >= 2 and all(len(t) < 200 and not _take_markers(t)[0].endswith(".") for _, t in run[1:]):
            caption, items = run[0], run[1:]  # the line above a list is its caption
            lines.append(_text_line(TEXT, caption))
            lines.extend(_text_line(ITEM, item) for item in items)
        else:
            lines.extend(_text_line(TEXT, unit) for unit in run)
        run.clear()

    table: list[tuple[int, list[str]]] = []

    def close_table():
        if table:
            header, *rows = table
            caption = lines.pop().text if lines and lines[-1].kind == TEXT and lines[-1].text.line == header[0] - 1 \
                and len(lines[-1].text.text) < 200 and not lines[-1].text.text.endswith(".") else None
            lines.append(Line(TABLE, Text("", header[0]), table=Table(
                caption, header[1], [Row(tuple(_MARKER.sub("", c).strip() for c in cells), n, _refs_of(" ".join(cells)))
                                  for n, cells in rows], header[0])))
            table.clear()

    def open_section(number: int, heading: str) -> None:
        nonlocal in_apparatus, started
        close_run(), close_table()
        if not heading:  # "[edit]" on the line below its heading (today's skin): the line above is it
            above = lines.pop() if lines and lines[-1].kind == TEXT and len(lines[-1].text.text) < 120 else None
            if above is None:
                return
            number, heading = above.text.line, above.text.text
        in_apparatus = bool(_APPARATUS.match(heading))
        started = True
        if not in_apparatus:
            lines.append(Line(HEADING, Text(heading, number), level=2))

    mirror = not _EDIT_ANYWHERE.search(text)  # headings carry no "[edit]": found by their shape
    listed = [m.group(1).strip(" •·▪◦‣●○-*") for _, line in numbered
              for m in [_TOC_ENTRY.match(_BULLET.sub("", line.strip()))] if m and _BULLET.match(line)] if mirror else []
    contents = {entry.lower() for entry in listed}
    # A mirror may drop the first heading, standing right below its table of contents: the
    # text after the contents is then the first listed section's, not the lead's.
    first_missing = listed[0] if listed and not any(
        _BLANKS.sub(" ", _MARKER.sub("", line).strip()).lower() == listed[0].lower() for _, line in numbered) else None
    after_contents = False
    skipping = None  # "contents" (Wikipedia's numbered table of contents) or "navbox" (a navigation box)
    for index, (number, line) in enumerate(numbered):
        stripped = _BLANKS.sub(" ", line.strip())
        skipping = _still_skipping(skipping, stripped, numbered, index)
        if skipping:
            close_run(), close_table()
            continue
        if after_contents and stripped:
            after_contents = False
            if first_missing and not (_BULLET.match(stripped) and _TOC_ENTRY.match(_BULLET.sub("", stripped))):
                open_section(number, first_missing)
        lead_edit = _EDIT_LEAD.match(stripped)
        if lead_edit or _EDIT.search(stripped):
            if lead_edit:
                close_run()
                open_section(number, "")
                stripped = stripped[lead_edit.end():]
                if not stripped:
                    continue
            else:
                open_section(number, _EDIT.sub("", stripped).strip())
                continue
        if _same_title(stripped, title):
            continue  # the title again, as a mirror repeats it above its infobox
        if mirror and started and _is_mirror_heading(stripped, contents, numbered, index):
            open_section(number, _MARKER.sub("", stripped).strip())
            continue
        if mirror and contents and _BULLET.match(stripped) and _TOC_ENTRY.match(_BULLET.sub("", stripped)):
            after_contents = True
            continue  # the table of contents
        if mirror and stripped.lower() == "contents":
            continue
        if in_apparatus:
            if stripped.startswith("^"):
                notes.append(_note(len(notes) + 1, stripped))
            continue
        if not stripped or (_CHROME.match(stripped) and not started):
            close_run(), close_table()
            continue
        if _HATNOTE.match(stripped):
            continue
        if "\t" in line.strip() and started:
            close_run()
            table.append((number, [_BLANKS.sub(" ", c).strip() for c in line.strip().split("\t")]))
            continue
        close_table()
        if not started:
            mission_cell = _mission_cell(numbered, index)
            if mission_cell:
                infobox.append(Text(f"Diplomatic mission: {mission_cell}", number))
            # the first sentence starts the lead (however short, its markers after the stop)
            if len(stripped.split()) < 6 or not re.search(r"[.!?]$", _take_markers(stripped)[0]):
                continue  # the infobox, copied as loose short lines
            started = True
        if _BULLET.match(stripped):
            close_run()
            lines.append(_text_line(ITEM, (number, _BULLET.sub("", stripped))))
            continue
        run.append((number, stripped))
    close_run(), close_table()
    names = {name.casefold() for name in re.split(r"\s*[–—]\s*|\s+-\s+|-(?=[A-Z])", title[:-len(" relations")])}
    first_heading = next((index for index, line in enumerate(lines) if line.kind == HEADING), len(lines))
    lines = [line for index, line in enumerate(lines)
             if not _image_caption(lines, index, index > first_heading) and not _infobox_name(lines, index, names)]
    used = {ref for line in lines for _, ref in line.text.refs}
    used |= {ref for line in lines if line.table for row in line.table.rows for _, ref in row.refs}
    citations = [note for note in notes if note.id in used]
    return build_article(title, title_at + 1, infobox, lines, citations)


# An image's caption, as a browser copies it: a line alone that names what a picture shows,
# without a sentence's verb ("Embassy of Mexico in Prague", "Statue of ... in Mexico City"),
# or ending in its date ("President A with Prime Minister B in Mexico City; 2016.").
_DATED_CAPTION = re.compile(r"^[^.!?]{5,200}[;,]\s*(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?\d{4}\.?$")
_SENTENCE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|signed|visited|established|opened|became|met|paid|"
                            r"maintains?|includes?|amounted|reached|took|held)\b", re.IGNORECASE)


# The infobox's "Diplomatic mission" label, alone on its line (a mirror's table: "Diplomatic mission | |").
_MISSION_LABEL = re.compile(r"^diplomatic\s+missions?[\s|]*$", re.IGNORECASE)


def _mission_cell(numbered: list, index: int) -> str | None:
    """The missions of an infobox copied above the lead: the line below its "Diplomatic
    mission" label, the table's bars as separators ("Embassy of A in X | Embassy of B in Y |")."""
    above = next((line.strip() for _, line in reversed(numbered[max(0, index - 3):index]) if line.strip()), "")
    if not _MISSION_LABEL.match(above):
        return None
    cell = " | ".join(part.strip() for part in re.split(r"\s*[|\t]\s*", numbered[index][1].strip()) if part.strip())
    # a heading of that name above the lead's first paragraph is no label of a cell
    return cell if cell and len(cell) < 250 and not re.search(r"[.!?]$", _take_markers(cell)[0]) else None


# "1 History", "2.1 State visits": an entry of Wikipedia's numbered table of contents.
_NUMBERED_ENTRY = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+\S.{0,80}$")


def _still_skipping(skipping: str | None, line: str, numbered: list, index: int) -> str | None:
    """Whether a line belongs to what a copy shows but the article does not say: the table
    of contents ("Contents" and its numbered entries) and a navigation box (its "v t e" links
    and the names below, up to the next heading or the page's end)."""
    if skipping == "contents" and (not line or _NUMBERED_ENTRY.match(line) or
                                   (_BULLET.match(line) and _TOC_ENTRY.match(_BULLET.sub("", line)))):
        return skipping
    if skipping == "navbox" and not (_EDIT.search(line) or _EDIT_LEAD.match(line)):
        return skipping
    if line.lower() in ("contents", "hide contents") and index + 1 < len(numbered):
        below = next((l.strip() for _, l in numbered[index + 1:index + 4] if l.strip()), "")
        return "contents" if _NUMBERED_ENTRY.match(below) else None
    if line == "v":
        following = [l.strip() for _, l in numbered[index + 1:index + 6] if l.strip()][:2]
        return "navbox" if following == ["t", "e"] else None
    return None


def _same_title(line: str, title: str) -> bool:
    """"Australia-Chile relations" for the title "Australia–Chile relations"."""
    return line.endswith(" relations") and re.sub(r"\s*[-–—]\s*", "–", line).casefold() == \
        re.sub(r"\s*[-–—]\s*", "–", title).casefold()


def _infobox_name(lines: list[Line], index: int, names: set[str]) -> bool:
    """A country's name alone on its line, as an infobox a mirror moved below the lead leaves it."""
    line = lines[index]
    below = lines[index + 1].kind if index + 1 < len(lines) else None
    return line.kind == TEXT and below not in (ITEM, TABLE) and line.text.text.strip().casefold() in names


def _image_caption(lines: list[Line], index: int, in_a_section: bool) -> bool:
    """Whether a paragraph of the copy is an image's caption (the wikitext reader leaves those
    out too): alone, not the caption of a list or table below it, and shaped as one (a line
    without a final stop only in a section: the lead's lines all are text)."""
    line = lines[index]
    if line.kind != TEXT:
        return False
    below = lines[index + 1].kind if index + 1 < len(lines) else None
    if below in (ITEM, TABLE):
        return False
    text = line.text.text.strip()
    if _DATED_CAPTION.match(text):
        return True
    return in_a_section and 0 < len(text) < 160 and text[-1] not in ".!?:;\"”)" and not _SENTENCE_VERB.search(text)


def _is_mirror_heading(line: str, contents: set[str], numbered: list, index: int) -> bool:
    """A heading of a copy from a mirror: a short line alone, with no closing punctuation,
    named in the copied table of contents (or, without one, a section word such as
    "History", "State visits"), and not the caption of a list right below it."""
    text = _MARKER.sub("", line).strip()
    if not text or len(text) > 60 or len(text.split()) > 8 or not text[0].isupper() or text[-1] in ".,;:!?)|" \
            or any(c.isdigit() for c in text) or _BULLET.match(line):
        return False
    if contents:
        if text.lower() not in contents:
            return False
    elif not _HEADING_WORD.search(text):
        return False
    below = numbered[index + 1][1].strip() if index + 1 < len(numbered) else ""
    return not _BULLET.match(below) and "\t" not in below


def _text_line(kind: str, unit: tuple[int, str]) -> Line:
    number, text = unit
    clean, refs = _take_markers(text)
    return Line(kind, Text(clean, number, refs))


def _take_markers(text: str) -> tuple[str, tuple]:
    out, refs, position = "", [], 0
    for match in _MARKER.finditer(text):
        out += text[position:match.start()]
        number = _NOTE_NUMBER.match(match.group(0))
        if number:
            refs.append((len(out.rstrip()), f"c{int(number.group(1))}"))
        position = match.end()
    out += text[position:]
    return _BLANKS.sub(" ", out).strip(), tuple(refs)


def _refs_of(text: str) -> tuple:
    return _take_markers(text)[1]


def _note(number: int, line: str) -> Citation:
    """A `^` line of the References list: '^ a b "Title". Publisher. 3 May 2020. Retrieved …'."""
    from ._citations import iso_date

    body = _CARET.sub("", line).strip()
    url = _URL.search(body)
    quoted = _QUOTED.search(body)
    title = quoted.group(1).strip() if quoted else (_URL.sub("", body).split(". ")[0].strip(" .") or None)
    publisher = None
    date = None
    accessed = None
    retrieved = re.search(r"Retrieved (?:on )?(.+?)\.?$", body)
    if retrieved:
        accessed = iso_date(retrieved.group(1).strip())
    if quoted:
        after = body[quoted.end():].strip(" .")
        pieces = [p.strip() for p in re.split(r"\.\s+", after)
                  if p.strip() and not p.startswith("Retrieved") and not _URL.match(p.strip())]
        if pieces:
            publisher = pieces[0] if not re.search(r"\d{4}", pieces[0]) else None
            dated = next((p for p in pieces if re.search(r"\b\d{4}\b", p)), None)
            if dated:
                date = iso_date(dated.strip("() "))
    return Citation(f"c{number}", url.group(0).rstrip(".,)") if url else None, title, publisher, date, accessed)
