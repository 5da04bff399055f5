"""Wikicode nodes -> the text Wikipedia shows, one inline run at a time.

mwparserfromhell parses; this module renders what a reader of the page sees: links
as their text, templates by family (flags to names, dates and conversions to their
words, maintenance and navigation templates to nothing), refs as markers that the
wikitext reader turns into citation ids. Nothing here knows about lines or sections.
"""

from __future__ import annotations

import html
import re
from typing import Callable

# A ref in rendered text: REF_OPEN + its citation id + REF_CLOSE (private-use characters).
REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
REF_MARK = re.compile(f"{REF_OPEN}([^{REF_CLOSE}]*){REF_CLOSE}")

# Namespaces whose links show nothing in the text (a file's caption is not a paragraph).
_HIDDEN_LINKS = re.compile(r"^\s*:?\s*(?:file|image|category|media|wikt?|wiktionary)\s*:", re.IGNORECASE)
_INTERLANGUAGE = re.compile(r"^\s*[a-z]{2,3}(?:-[a-z]{2,8})*\s*:(?!\s)", re.IGNORECASE)
_LINK_TITLE_PREFIX = re.compile(r"^\s*:\s*")
_TAGS_SHOWING_CONTENT = {"span", "small", "big", "sup", "sub", "abbr", "b", "i", "u", "s", "em", "strong", "font",
                         "center", "div", "nowiki", "poem", "cite", "code", "tt", "del", "ins", "q", "bdi", "mark",
                         "onlyinclude", "includeonly", "blockquote", "p", "li", "dd", "dt", "td", "th", "var"}

# Templates whose text is their first parameter ({{nowrap|Mexico City}}).
_FIRST_PARAMETER = {"nowrap", "nobr", "small", "smaller", "big", "larger", "resize", "abbr", "abbrlink",
                    "nowrap begin", "transl", "transliteration", "lang-rtl", "bdi", "nobold", "noitalic",
                    "nihongo2", "avoid wrap", "keep together", "wrap", "sc", "smallcaps", "small caps",
                    "flag country", "flagcountry", "flag", "flagu", "flagc", "flagdeco country", "flag2",
                    "ill", "interlanguage link", "interlanguage link multi", "illm", "ill2", "link-interwiki",
                    "no wrap", "vanchor", "anchor text", "tooltip", "lang-x", "script", "ruby",
                    "c.", "mvar", "em", "strong", "var", "underline", "strikethrough", "strike", "ubl single",
                    "civil war", "cquote", "quote", "blockquote", "pull quote", "color", "colour", "highlight",
                    "hilite", "nbsp text"}
# Templates whose text is their second parameter ({{lang|es|Secretaría}}).
_SECOND_PARAMETER = {"lang", "langx", "language", "native name", "transl", "translit", "script"}
# Templates whose parameters are the items of a list ({{hlist|a|b}}).
_LISTS = {"hlist", "flatlist", "plainlist", "ubl", "ublist", "unbulleted list", "bulleted list", "blist",
          "nowrap list", "cslist", "comma separated entries", "unordered list", "ordered list",
          "unbulleted list citebundle", "startflatlist", "endflatlist", "plain list", "enum"}
_WORDS = {"nbsp": " ", "snd": " – ", "spnd": " – ", "ndash": "–", "mdash": "—", "sndash": " – ",
          "spaced ndash": " – ", "dash": " – ", "•": " • ", "dot": " · ", "middot": "·", "·": " · ",
          "bull": " • ", "!": "|", "=": "=", "en dash": "–", "em dash": "—", "'": "'", "\"": "\"",
          "thinsp": " ", "zwsp": "", "-": "", "clear": "", "clr": "", "br": " ", "break": " ",
          "pipe": "|", "colon": ":", "amp": "&", "shy": "", "wbr": "", "ref label": ""}
_DATES = {"dts", "date", "start date", "end date", "start date and age", "end date and age", "birth date",
          "death date", "birth date and age", "death date and age", "film date", "date table sorting",
          "dtsort", "sortdate", "start and end dates", "bda", "dob", "birth-date", "death-date"}
_CURRENCIES = {"us$": "US$", "usd": "US$", "us dollar": "US$", "€": "€", "eur": "€", "euro": "€", "£": "£",
               "gbp": "£", "¥": "¥", "jpy": "¥", "cny": "CN¥", "rmb": "CN¥", "inr": "₹", "₹": "₹",
               "mxn": "MX$", "aud": "A$", "a$": "A$", "cad": "CA$", "ca$": "CA$", "nz$": "NZ$",
               "nzd": "NZ$", "brl": "R$", "r$": "R$", "krw": "₩", "chf": "CHF ", "rub": "₽", "₽": "₽"}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_BLOCK = re.compile(r"\s*\n\s*")
_PARSER_FUNCTION = re.compile(r"^#\w+\s*:")
_FORMATNUM = re.compile(r"^formatnum\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_MAGIC = re.compile(r"^(?:DISPLAYTITLE|DEFAULTSORT|PAGENAME|FULLPAGENAME|NAMESPACE|CURRENTYEAR|lc|uc|lcfirst|ucfirst)"
                    r"\s*:?", re.IGNORECASE)


def template_name(node) -> str:
    """The template's name as a key: lower case, underscores as spaces, no namespace."""
    name = str(node.name).split("<!--")[0].strip().replace("_", " ")
    name = re.sub(r"^(?:template|t)\s*:\s*", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).lower()


class Renderer:
    """Renders wikicode to shown text. `on_ref(tag)` is called for each <ref> (and
    short-footnote template) and returns the marker to put in the text."""

    def __init__(self, on_ref: Callable[[object], str], show_urls: bool = False):
        self.on_ref = on_ref
        self.show_urls = show_urls
        # What a line break (<br>, {{br}}) and a list template's items become: a space in
        # running text, a new line in a table cell, whose lines may be separate entries
        # ("President A<br>Minister B": two visitors).
        self.breaks = " "

    def render(self, code) -> str:
        if code is None:
            return ""
        return "".join(self.node(node) for node in code.nodes)

    def node(self, node) -> str:
        kind = type(node).__name__
        if kind == "Text":
            return node.value
        if kind == "Wikilink":
            return self.wikilink(node)
        if kind == "Template":
            return self.template(node)
        if kind == "Tag":
            return self.tag(node)
        if kind == "ExternalLink":
            return self.external_link(node)
        if kind == "HTMLEntity":
            return node.normalize()
        if kind == "Heading":
            return self.render(node.title)
        if kind == "Argument":
            return self.render(node.default) if node.default is not None else ""
        return ""  # Comment, and anything new

    def wikilink(self, node) -> str:
        title = str(node.title)
        if _HIDDEN_LINKS.match(title) and not title.lstrip().startswith(":"):
            return ""
        if _INTERLANGUAGE.match(title) and node.text is None and not title.lstrip().startswith(":"):
            return ""
        if node.text is not None:
            shown = self.render(node.text)
            if shown.strip():
                return shown
        # [[Mexico]], [[:Category:X]], [[Foo (disambiguation)|]] (the pipe trick: no parenthesis)
        plain = _LINK_TITLE_PREFIX.sub("", html.unescape(title))
        if node.text is not None:
            plain = re.sub(r"\s*\([^)]*\)\s*$", "", plain.split(",")[0])
        return plain.split("#")[0] if not plain.startswith("#") else plain[1:]

    def external_link(self, node) -> str:
        url = str(node.url).strip()
        if node.title is not None:
            shown = self.render(node.title).strip()
            return f"{shown} ({url})" if self.show_urls else shown
        return url if (self.show_urls or not node.brackets) else ""

    def tag(self, node) -> str:
        name = str(node.tag).strip().lower()
        if name == "ref":
            return self.on_ref(node)
        if name == "br":
            return self.breaks
        if name in ("references", "gallery", "math", "chem", "score", "timeline", "imagemap", "graph",
                    "mapframe", "maplink", "templatedata", "syntaxhighlight", "source", "hiero", "noinclude",
                    "indicator", "section", "hr", "ce"):
            return ""
        if name in _TAGS_SHOWING_CONTENT or node.contents is not None:
            return self.render(node.contents)
        return ""

    # -- templates ------------------------------------------------------------------------

    def template(self, node) -> str:
        name = template_name(node)
        formatted = _FORMATNUM.match(str(node.name).strip())
        if formatted:
            return _group_digits(formatted.group(1).strip())
        if _PARSER_FUNCTION.match(name) or _MAGIC.match(str(node.name).strip()) and ":" in str(node.name):
            return ""
        if name in ("br", "break"):
            return self.breaks
        if name in _WORDS:
            return _WORDS[name]
        positional = self.positional(node)
        if name in ("flagicon", "flag icon", "flagdeco", "flagicon image", "flag decoration", "flagathlete"):
            return ""
        if name.startswith("flag") and self.named(node, "name"):
            return self.named(node, "name")  # {{flag|Latvia|name=Republic of Latvia}} shows the name
        if name in _FIRST_PARAMETER or name.startswith("flag"):
            return positional[0] if positional else ""
        if name in _SECOND_PARAMETER:
            return positional[1] if len(positional) > 1 else (positional[0] if positional else "")
        if name.startswith("lang-") or name.startswith("langx"):
            return positional[-1] if positional else ""
        if name in ("nihongo", "nihongo3", "nihongo foot", "chinese", "zh", "korean", "ko-hhrm"):
            return self.nihongo(positional)
        if name in _LISTS:
            return ("\n" if self.breaks == "\n" else ", ").join(item for item in positional if item)
        if name in _DATES:
            return _date(positional, self.named(node, "df"))
        if name in ("convert", "cvt", "convinfobox"):
            return _convert(positional)
        if name in ("as of", "asof"):
            return "As of " + _date(positional, "y")
        if name in ("circa", "c.", "ca"):
            return "c. " + (positional[0] if positional else "")
        if name in ("sfn", "sfnp", "harvnb", "harv", "sfnm", "efn", "efn-ua", "efn-lr", "refn", "r", "rp"):
            return self.on_ref(node) if name in ("sfn", "sfnp", "sfnm", "refn", "r", "efn", "efn-ua", "efn-lr") else ""
        if name in _CURRENCIES:
            amount = positional[0] if positional else ""
            return f"{_CURRENCIES[name]}{amount}"
        if name in ("inflation", "format price", "formatprice", "to usd"):
            return positional[1] if name.startswith("infl") and len(positional) > 1 else (positional[0] if positional else "")
        if name in ("ordinal", "ord"):
            return _ordinal(positional[0]) if positional else ""
        if name in ("val",):
            return positional[0] if positional else ""
        if name in ("frac",):
            return "/".join(positional)
        if name in ("sic", "not a typo", "proper name"):
            return positional[0] if positional and len(positional[0]) > 1 else ""
        return ""  # maintenance, hatnotes, navigation boxes, citations outside refs, the unknown

    def nihongo(self, positional: list[str]) -> str:
        shown, rest = (positional[0], [p for p in positional[1:3] if p]) if positional else ("", [])
        if not shown:
            return rest[0] if rest else ""
        return f"{shown} ({', '.join(rest)})" if rest else shown

    def positional(self, node) -> list[str]:
        """The shown text of each positional parameter, in order."""
        return [self.inline(param.value) for param in node.params if not param.showkey]

    def named(self, node, key: str) -> str | None:
        for param in node.params:
            if param.showkey and str(param.name).strip().lower() == key:
                return self.inline(param.value)
        return None

    def inline(self, code) -> str:
        """Rendered text on one line."""
        return _BLOCK.sub(" ", self.render(code)).strip()


def _date(positional: list[str], day_first: str | None = None) -> str:
    """{{dts|2009|6|1}} and friends -> '1 June 2009'; a written date stays as written."""
    parts = [part for part in positional if part][:3]
    if not parts:
        return ""
    if len(parts) == 1 or not parts[0].isdigit():
        return parts[0]
    year, month, day = (parts + [None, None])[:3]
    if month and month.isdigit() and 1 <= int(month) <= 12:
        month_name = _MONTH_NAMES[int(month) - 1]
    elif month and month[:3].title() in {m[:3] for m in _MONTH_NAMES}:
        month_name = next(m for m in _MONTH_NAMES if m[:3] == month[:3].title())
    else:
        return year
    if day and day.isdigit():
        return f"{int(day)} {month_name} {year}"
    return f"{month_name} {year}"


def _convert(positional: list[str]) -> str:
    """{{convert|100|km|mi}} -> '100 km'; {{convert|1|-|2|km}} -> '1–2 km'."""
    if not positional:
        return ""
    if len(positional) >= 4 and positional[1] in ("-", "–", "to", "and", "or", "x", "by"):
        joiner = "–" if positional[1] in ("-", "–") else f" {positional[1]} "
        return f"{positional[0]}{joiner}{positional[2]} {positional[3]}"
    if len(positional) >= 2:
        return f"{positional[0]} {positional[1]}"
    return positional[0]


def _group_digits(number: str) -> str:
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return number
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def _ordinal(number: str) -> str:
    if not number.isdigit():
        return number
    value = int(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"
