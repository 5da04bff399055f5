"""Realistic Wikipedia multistream dumps, with their index, for tests and benchmarks.

    dump = write_dump(folder, pages=500)              # a small one: dump.path, dump.index, dump.relations
    dump = write_dump(folder, target_bytes=1 << 30)   # >= 1 GB of XML, for a benchmark

Shaped as Wikipedia publishes them: `<prefix>-pages-articles-multistream.xml.bz2` is a
concatenation of bz2 streams, the first holding the `<mediawiki>` start and the
`<siteinfo>` header, then one stream per 100 pages, the last holding the closing tag;
`<prefix>-pages-articles-multistream-index.txt.bz2` has one line `offset:page_id:title`
per page (offset: the byte where the page's stream starts in the dump; the title
XML-escaped, as in Wikipedia's index).

About 1 % of the pages (`relations_share`) are "A–B relations" articles: the
real-looking articles of data/wiki/ and tests/wiki/ with their two countries replaced
by another pair. Like on Wikipedia, such articles were written in series, so their
page ids come in runs (`run` pages at most) rather than one per stream. The others:
ordinary articles of pseudo-English wikitext (log-normal sizes, median ~5 KB), redirects
and pages in other namespaces; beside a relations article, as its editor would make
them, sometimes a redirect from the other order of its names and a `Category:A–B
relations` page (both listed under relations titles in the index).

Deterministic for a given seed. Lives in tests/ (not benchmarks/, not the package): it
is test tooling that the benchmarks borrow by adding tests/ to sys.path, and nothing a
user of `reports` needs installed.
"""

from __future__ import annotations

import bz2
import hashlib
import random
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PAGES_PER_STREAM = 100
HEAD = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ '
        'http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="en">\n'
        "  <siteinfo>\n    <sitename>Wikipedia</sitename>\n    <dbname>enwiki</dbname>\n"
        "    <base>https://en.wikipedia.org/wiki/Main_Page</base>\n"
        "    <generator>MediaWiki 1.44.0-wmf.5</generator>\n    <case>first-letter</case>\n"
        "    <namespaces>\n      <namespace key=\"0\" case=\"first-letter\" />\n"
        "      <namespace key=\"4\" case=\"first-letter\">Wikipedia</namespace>\n"
        "      <namespace key=\"6\" case=\"first-letter\">File</namespace>\n"
        "      <namespace key=\"10\" case=\"first-letter\">Template</namespace>\n"
        "      <namespace key=\"14\" case=\"first-letter\">Category</namespace>\n"
        "      <namespace key=\"828\" case=\"first-letter\">Module</namespace>\n"
        "    </namespaces>\n  </siteinfo>\n")
TAIL = "</mediawiki>\n"
_QUOTE = {'"': "&quot;"}

# (template file, its two countries, their demonyms)
TEMPLATES = (
    (ROOT / "data" / "wiki" / "Georgia–Mexico relations.wiki", ("Georgia", "Mexico"), ("Georgian", "Mexican")),
    (ROOT / "data" / "wiki" / "lithuania-mexico.wiki", ("Lithuania", "Mexico"), ("Lithuanian", "Mexican")),
    (ROOT / "data" / "wiki" / "mexico-slovenia.wiki", ("Mexico", "Slovenia"), ("Mexican", "Slovenian")),
    (ROOT / "tests" / "wiki" / "sample.wiki", ("Latvia", "Mexico"), ("Latvian", "Mexican")),
)
COUNTRIES = (
    ("Argentina", "Argentine"), ("Armenia", "Armenian"), ("Australia", "Australian"), ("Austria", "Austrian"),
    ("Azerbaijan", "Azerbaijani"), ("Belgium", "Belgian"), ("Bolivia", "Bolivian"), ("Brazil", "Brazilian"),
    ("Bulgaria", "Bulgarian"), ("Canada", "Canadian"), ("Chile", "Chilean"), ("Colombia", "Colombian"),
    ("Croatia", "Croatian"), ("Cuba", "Cuban"), ("Cyprus", "Cypriot"), ("Denmark", "Danish"),
    ("Ecuador", "Ecuadorian"), ("Egypt", "Egyptian"), ("Estonia", "Estonian"), ("Finland", "Finnish"),
    ("France", "French"), ("Ghana", "Ghanaian"), ("Greece", "Greek"), ("Guatemala", "Guatemalan"),
    ("Hungary", "Hungarian"), ("Iceland", "Icelandic"), ("India", "Indian"), ("Indonesia", "Indonesian"),
    ("Ireland", "Irish"), ("Israel", "Israeli"), ("Italy", "Italian"), ("Jamaica", "Jamaican"),
    ("Japan", "Japanese"), ("Jordan", "Jordanian"), ("Kazakhstan", "Kazakh"), ("Kenya", "Kenyan"),
    ("Luxembourg", "Luxembourgish"), ("Malaysia", "Malaysian"), ("Malta", "Maltese"), ("Moldova", "Moldovan"),
    ("Mongolia", "Mongolian"), ("Morocco", "Moroccan"), ("Nepal", "Nepali"), ("Nigeria", "Nigerian"),
    ("Norway", "Norwegian"), ("Pakistan", "Pakistani"), ("Panama", "Panamanian"), ("Paraguay", "Paraguayan"),
    ("Peru", "Peruvian"), ("Poland", "Polish"), ("Portugal", "Portuguese"), ("Romania", "Romanian"),
    ("Senegal", "Senegalese"), ("Serbia", "Serbian"), ("Singapore", "Singaporean"), ("Slovakia", "Slovak"),
    ("Spain", "Spanish"), ("Sweden", "Swedish"), ("Thailand", "Thai"), ("Tunisia", "Tunisian"),
    ("Turkey", "Turkish"), ("Ukraine", "Ukrainian"), ("Uruguay", "Uruguayan"), ("Vietnam", "Vietnamese"),
    ("Bosnia and Herzegovina", "Bosnian"), ("Trinidad and Tobago", "Trinidadian"),
    ("Guinea-Bissau", "Bissau-Guinean"), ("South Korea", "South Korean"), ("New Zealand", "New Zealand"),
)
OTHER_NAMESPACES = ((10, "Template"), (14, "Category"), (4, "Wikipedia"), (6, "File"), (828, "Module"))
_WORDS = ("the of and in to a was is for on as by with that from his at which an were also are it be "
          "this its first after their had has been one two new city other not or but they into she her "
          "he during world year years time national state school university war century film team season "
          "known river county district population government people later family village album club "
          "series history church may between under became including most until while part where early "
          "several town area such second north south east west river region company game members group "
          "built served local born died public player league music began since many only around both "
          "three north based named won high work found held station house line used called following "
          "original led main record major final included published released former each league players "
          "market council election party member building species island system million american british "
          "french german english road route park bridge railway football museum library college").split()
_NAMES = ("Abbott Barlow Castillo Drummond Ellery Faraday Gallagher Holloway Ingram Jarvis Keating "
          "Lindqvist Moreau Novak Okafor Pemberton Quintero Rasmussen Sandoval Thorne Underwood Valdez "
          "Whitaker Yamada Zielinski").split()


def write_dump(folder, pages: int | None = None, target_bytes: int | None = None, relations_share: float = 0.01,
               run: int = 20, seed: int = 1, prefix: str = "enwiki-20261201", workers: int = 1,
               per_stream: int = PAGES_PER_STREAM) -> Dump:
    """Write `<prefix>-pages-articles-multistream.xml.bz2` and its index into `folder`:
    `pages` pages, or as many as make `target_bytes` of uncompressed XML. `workers`
    processes compress the streams (bz2 level 9, as Wikipedia's)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dump = folder / f"{prefix}-pages-articles-multistream.xml.bz2"
    index = folder / f"{prefix}-pages-articles-multistream-index.txt.bz2"
    if pages is None and target_bytes is None:
        pages = 1000
    plan = _Plan(seed, relations_share, run)
    offset, page_id, written = 0, 0, 0
    with open(dump, "wb") as out, bz2.open(index, "wt", encoding="utf-8") as lines:
        head = bz2.compress(HEAD.encode("utf-8"), 9)
        out.write(head)
        offset = len(head)
        batches = _batches(plan, pages, target_bytes, per_stream)
        with ProcessPoolExecutor(workers) if workers > 1 else _Inline() as pool:
            for titles, compressed, size in _in_order(pool, batches, 4 * workers):
                out.write(compressed)
                for title in titles:
                    page_id += 1
                    lines.write(f"{offset}:{page_id}:{escape(title, _QUOTE)}\n")
                offset += len(compressed)
                written += size
        out.write(bz2.compress(TAIL.encode("utf-8"), 9))
    return Dump(dump, index, plan.made, page_id, written + len(HEAD) + len(TAIL))


def pages_xml(pages: int, relations_share: float = 0.01, run: int = 20, seed: int = 1) -> bytes:
    """The same pages as one plain XML dump (what the multistream file decompresses to)."""
    plan = _Plan(seed, relations_share, run)
    body = "".join(xml for batch in _batches(plan, pages, None, PAGES_PER_STREAM) for _, xml in batch)
    return (HEAD + body + TAIL).encode("utf-8")


@dataclass(frozen=True)
class Dump:
    path: Path
    index: Path
    relations: list[str]   # titles of its relations articles (not redirects), in dump order
    pages: int
    xml_bytes: int         # uncompressed


# -- pages ---------------------------------------------------------------------------------------


class _Plan:
    """Which page comes next: a relations article (in runs), a redirect, a page of another
    namespace, or an ordinary article; deterministic for the seed."""

    def __init__(self, seed: int, relations_share: float, run: int):
        self.rng = random.Random(seed)
        self.share, self.run = relations_share, max(1, run)
        self.templates = [(path.read_text("utf-8"), pair, demonyms) for path, pair, demonyms in TEMPLATES]
        self.left = 0      # relations articles left in the current run
        self.companions: list = []
        self.made: list[str] = []
        self.used: set[str] = set()
        self.revision = 1_200_000_000

    def page(self, page_id: int) -> tuple[str, str]:
        rng = self.rng
        self.revision += rng.randint(1, 40)
        if self.companions:  # made with the article just written, as editors do
            return self.companions.pop(0)(page_id)
        if self.left == 0 and rng.random() < self.share / ((self.run + 1) / 2):
            self.left = rng.randint(1, self.run)
        if self.left:
            self.left -= 1
            return self._relations(page_id)
        roll = rng.random()
        if roll < 0.10:
            target, title = _title(rng), _title(rng)
            return title, _xml(title, 0, page_id, self.revision, f"#REDIRECT [[{target}]]", redirect=target)
        if roll < 0.16:
            key, name = rng.choice(OTHER_NAMESPACES)
            title = f"{name}:{_title(rng)}"
            return title, _xml(title, key, page_id, self.revision, _text(rng, 800))
        title = _title(rng)
        return title, _xml(title, 0, page_id, self.revision, _text(rng, int(min(rng.lognormvariate(8.5, 0.9),
                                                                              250_000))))

    def _companions(self, title: str) -> None:
        """A redirect from the other order of the names, and sometimes a category of the
        article's own title (Category:A–B relations): pages the index also lists under
        relations titles, which the build passes over."""
        if self.rng.random() < 0.5:
            other = _swapped(title)
            self.companions.append(lambda page_id: (other, _xml(other, 0, page_id, self.revision,
                                                                f"#REDIRECT [[{title}]]", redirect=title)))
        if self.rng.random() < 0.2:
            category = f"Category:{title}"
            self.companions.append(lambda page_id: (category, _xml(category, 14, page_id, self.revision,
                                                                   f"[[Category:{title.split('–')[0]}]]")))

    def _relations(self, page_id: int) -> tuple[str, str]:
        rng = self.rng
        text, (a, b), (da, db) = rng.choice(self.templates)
        while True:
            (x, dx), (y, dy) = sorted(rng.sample(COUNTRIES, 2))
            title = f"{x}–{y} relations"
            if title not in self.used or len(self.used) >= len(COUNTRIES) * (len(COUNTRIES) - 1) // 2:
                break
        self.used.add(title)
        self.made.append(title)
        self._companions(title)
        swap = {a: x, b: y, da: dx, db: dy, f"{a} (country)": x}
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(swap, key=len, reverse=True))) + r")\b")
        body = pattern.sub(lambda m: swap[m.group(1)], text)
        return title, _xml(title, 0, page_id, self.revision, body)


def _batches(plan: _Plan, pages: int | None, target_bytes: int | None, per_stream: int):
    """Lists of (title, page XML), `per_stream` each, until `pages` or `target_bytes`."""
    page_id, size, batch = 0, len(HEAD), []
    while (pages is None or page_id < pages) and (target_bytes is None or size < target_bytes):
        page_id += 1
        title, xml = plan.page(page_id)
        batch.append((title, xml))
        size += len(xml.encode("utf-8"))
        if len(batch) == per_stream:
            yield batch
            batch = []
    if batch:
        yield batch


def _compress(batch) -> tuple[list[str], bytes, int]:
    data = "".join(xml for _, xml in batch).encode("utf-8")
    return [title for title, _ in batch], bz2.compress(data, 9), len(data)


def _in_order(pool, batches, window: int):
    """pool.map(_compress, batches) with at most `window` batches in flight (Executor.map
    would generate the whole dump in memory first)."""
    from collections import deque

    pending = deque()
    for batch in batches:
        pending.append(pool.submit(_compress, batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class _Inline:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    @staticmethod
    def submit(function, item):
        from concurrent.futures import Future

        future = Future()
        future.set_result(function(item))
        return future


def _xml(title: str, ns: int, page_id: int, revision: int, text: str, redirect: str | None = None) -> str:
    data = text.encode("utf-8")
    stamp = f"20{10 + revision % 16:02d}-{1 + revision % 12:02d}-{1 + revision % 28:02d}T{revision % 24:02d}:" \
            f"{revision % 60:02d}:{(revision // 7) % 60:02d}Z"
    sha1 = hashlib.sha1(data).hexdigest()
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{page_id}</id>\n"
            + (f'    <redirect title="{escape(redirect, _QUOTE)}" />\n' if redirect else "")
            + f"    <revision>\n      <id>{revision}</id>\n      <parentid>{revision - 17}</parentid>\n"
            f"      <timestamp>{stamp}</timestamp>\n      <contributor>\n        <username>"
            f"{_NAMES[revision % len(_NAMES)]}</username>\n        <id>{revision % 99991}</id>\n"
            f"      </contributor>\n      <comment>copyedit</comment>\n      <origin>{revision}</origin>\n"
            "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
            f'      <text bytes="{len(data)}" sha1="{sha1}" xml:space="preserve">{escape(text)}</text>\n'
            f"      <sha1>{sha1}</sha1>\n    </revision>\n  </page>\n")


def _title(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(1, 4))
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.choice(_NAMES)} {rng.choice(_NAMES)}"
    if kind < 0.4:
        return f"{' '.join(words).capitalize()} ({rng.choice(('film', 'album', 'band', 'river', 'ship'))})"
    return " ".join(words).capitalize() + f" {rng.randint(1, 999)}"


def _swapped(title: str) -> str:
    pair = title[: -len(" relations")].split("–")
    return f"{pair[-1]}–{pair[0]} relations" if len(pair) == 2 else title


def _text(rng: random.Random, size: int) -> str:
    """Pseudo-English wikitext of about `size` characters: lead, sections, links, refs,
    lists, an infobox, categories."""
    parts = [f"{{{{Short description|{' '.join(rng.choices(_WORDS, k=4))}}}}}\n"
             f"{{{{Infobox settlement\n| name = {rng.choice(_NAMES)}\n| population = {rng.randint(100, 99999)}\n}}}}\n"]
    length, section = 0, 0
    while length < size:
        words = rng.choices(_WORDS, k=rng.randint(40, 160))
        for i in range(0, len(words), rng.randint(6, 14)):
            words[i] = f"[[{words[i]}]]" if rng.random() < 0.5 else words[i].capitalize()
        paragraph = " ".join(words).replace(" the ", ". The ", 2) + "."
        if rng.random() < 0.4:
            paragraph += (f"<ref>{{{{cite web|url=https://example.org/{rng.randint(1, 10**6)}|title="
                          f"{' '.join(rng.choices(_WORDS, k=3))}|date={rng.randint(1, 28)} May "
                          f"{rng.randint(1950, 2025)}}}}}</ref>")
        if rng.random() < 0.15:
            paragraph += "\n" + "".join(f"* {' '.join(rng.choices(_WORDS, k=5))}\n" for _ in range(rng.randint(2, 6)))
        if rng.random() < 0.3:
            section += 1
            parts.append(f"\n== {' '.join(rng.choices(_WORDS, k=2)).capitalize()} ==\n")
        parts.append(paragraph + "\n\n")
        length += len(paragraph) + 1
    parts.append("== References ==\n{{Reflist}}\n\n" + "".join(
        f"[[Category:{' '.join(rng.choices(_WORDS, k=2)).capitalize()}]]\n" for _ in range(rng.randint(1, 4))))
    return "".join(parts)
