"""The base document of a layout: styles, page, settings and properties, made once
per layout (from the user's template or python-docx's blank document) and reused
for every dossier."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ... import facts_view
from .styles import ARTICLE_TEXT, DEFAULT_TABLE_STYLE, article_language, install_styles

@dataclass
class Base:
    blob: bytes
    style_ids: dict[str, str]  # style name -> style id in this base
    table_style: str
    text_width_mm: float
    # The "Article Text" character style, for runs of the article's own text, when the
    # article's language is not the document's (the style carries its w:lang).
    article_style: str | None = None
    _all_styles: dict[str, str] | None = None

    def all_styles(self) -> dict[str, str]:
        """Style id -> name of every style the base defines (read once, for carried notes)."""
        if self._all_styles is None:
            import zipfile

            from .notes import style_names

            with zipfile.ZipFile(io.BytesIO(self.blob)) as archive:
                self._all_styles = style_names(archive.read("word/styles.xml"))
        return self._all_styles


_BASES: dict[tuple, Base] = {}


def base_of(layout) -> Base:
    template = template_path(layout)
    key = (layout.fingerprint(), str(template), template.stat().st_mtime_ns if template else None)
    if key not in _BASES:
        _BASES[key] = _make_base(layout, template)
    return _BASES[key]


def template_path(layout) -> Path | None:
    """The user's template, relative to the layout file, to ./, or to the built-in layouts."""
    name = str(layout.options("docx").get("template") or "").strip()
    if not name:
        return None
    candidates = [Path(name)]
    if not Path(name).is_absolute():
        if Path(layout.source).suffix == ".toml":
            candidates.insert(0, Path(layout.source).parent / name)
        candidates.append(Path(facts_view.__file__).resolve().parent.parent / "layouts" / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"[docx] template {name!r} not found (layout {layout.source})")


def _make_base(layout, template: Path | None) -> Base:
    document = Document(str(template)) if template else Document()
    table_style = layout.options("docx").get("table_style") or DEFAULT_TABLE_STYLE
    style_ids = install_styles(document, layout, table_style, restyle=template is None)
    _clear_body(document)
    _set_page(document, layout)
    _set_update_fields(document)
    _drop_thumbnail(document)
    _set_app_properties(document, layout)
    stream = io.BytesIO()
    document.save(stream)
    page = layout.page
    width = page.width_mm - page.margin_left_mm - page.margin_right_mm
    article_style = style_ids[ARTICLE_TEXT] if article_language(layout) else None
    return Base(stream.getvalue(), style_ids, style_ids[table_style], width, article_style)



def _clear_body(document) -> None:
    """A template's sample text goes; its last section properties stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:
        body.append(OxmlElement("w:sectPr"))


def _set_page(document, layout) -> None:
    page = layout.page
    for section in document.sections:
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
        section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
        section.header_distance = section.footer_distance = Mm(page.margin_bottom_mm / 2)


def _set_update_fields(document) -> None:
    """Word fills the table of contents (and page fields) when the file is opened."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(update)
    else:
        later.addprevious(update)


# The elements that follow w:updateFields in w:settings (Word wants the schema's order).
_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"} | {qn(f"w:{name}") for name in (
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")}


def _drop_thumbnail(document) -> None:
    """python-docx's blank document carries a thumbnail of some other document."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(r_id)


_APP_XML = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>')
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


def _set_app_properties(document, layout) -> None:
    """docProps/app.xml: the company and the application that made the file."""
    from lxml import etree

    package = document.part.package
    part = next((rel.target_part for rel in package.rels.values()
                 if rel.reltype == RT.EXTENDED_PROPERTIES), None)
    if part is None:
        part = Part(PackURI("/docProps/app.xml"), _APP_CT, _APP_XML.encode(), package)
        package.relate_to(part, RT.EXTENDED_PROPERTIES)
    root = etree.fromstring(part.blob)
    namespace = root.nsmap[None]
    values = {"Application": layout.metadata.get("creator", "reports"),
              "Company": layout.metadata.get("company", ""), "Template": "", "TotalTime": "0"}
    for tag, value in values.items():
        element = root.find(f"{{{namespace}}}{tag}")
        if element is None:
            element = etree.SubElement(root, f"{{{namespace}}}{tag}")
        element.text = value
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
