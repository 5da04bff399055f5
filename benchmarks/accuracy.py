"""How well the loader reads real relationship pages: precision, recall and F1 per fact kind.

    python benchmarks/accuracy.py                      # every page of tests/real/SOURCES.tsv
    python benchmarks/accuracy.py --form browser       # one form only
    python benchmarks/accuracy.py --kind visits --show-misses
    python benchmarks/accuracy.py --json               # the numbers as JSON

Every page file listed in tests/real/SOURCES.tsv (columns id, form, file, url,
characters, sha256, covers) that exists in tests/real/pages/ is loaded with the public
API (`reports.load(path, form=FORM)`) and compared with tests/real/gold/<id>.json, which
a person wrote by reading the page. Listed files that are absent (page texts are never
committed) are skipped and counted. A page the loader cannot read counts as all-missed,
and its error is printed.

Matching rules (the same for every page; each gold fact matches at most one found fact):

- establishment: the found date equals the gold date (ISO, same precision). A page whose
  gold says null has no establishment fact; a found date there is a false positive.
  "Establishment accuracy" is right / pages whose gold states one.
- memberships: names normalised (ASCII-folded, lower case, punctuation and a leading
  "the" dropped, a parenthesised abbreviation dropped, British spellings "organisation",
  "co-operation" folded to "organization", "cooperation"), then abbreviations mapped to
  the full name by ALIASES (UN, WTO, OAS, ...); equal normalised names match.
- visits: (from, to, the person's surname, year). Countries and surname are ASCII-folded
  lower case; the surname is the last word of the name after dropping a trailing regnal
  number or Jr./Sr. (no person: the office stands for it); the year is the first four
  digits of the date (none when the date is null). Matched visits whose found date equals
  the gold date exactly (the gold's full precision) are counted separately.
- agreements: the years agree when both have a date; and the titles are alike: the
  Dice coefficient of their word sets is >= 0.6, after folding, dropping STOP_WORDS
  (articles, prepositions, "agreement", "treaty", "memorandum"...) and the words of the
  two countries' names. Titles left without words compare as whole folded strings.
  Best-scoring pairs are taken first.
- trade: same year, and the found total in US dollars within 2 % of the gold total
  (both null: the year alone decides).
- missions: (country, host, kind, city), each ASCII-folded lower case.

Each kind is micro-averaged over pages; the totals are micro-averaged over all facts.
Pure standard library plus the project.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "real"
KINDS = ("establishment", "memberships", "visits", "agreements", "trade", "missions")
FORMS = ("plain", "wikitext", "browser")

ALIASES = {
    "un": "united nations",
    "wto": "world trade organization",
    "oas": "organization of american states",
    "nato": "north atlantic treaty organization",
    "oecd": "organization for economic cooperation and development",
    "eu": "european union",
    "au": "african union",
    "apec": "asia pacific economic cooperation",
    "asean": "association of southeast asian nations",
    "oic": "organization of islamic cooperation",
    "osce": "organization for security and cooperation in europe",
    "celac": "community of latin american and caribbean states",
    "imf": "international monetary fund",
    "g20": "group of twenty",
    "g 20": "group of twenty",
    "g77": "group of 77",
    "g 77": "group of 77",
    "nam": "non aligned movement",
    "cis": "commonwealth of independent states",
    "brics": "brics",
    "commonwealth": "commonwealth of nations",
    "la francophonie": "organisation internationale de la francophonie",
    "francophonie": "organisation internationale de la francophonie",
    "international organisation of la francophonie": "organisation internationale de la francophonie",
    "international organization of la francophonie": "organisation internationale de la francophonie",
    "cplp": "community of portuguese language countries",
    "mercosur": "mercosur",
    "bsec": "organization of the black sea economic cooperation",
    "oif": "organisation internationale de la francophonie",
    "arab league": "league of arab states",
    "gcc": "gulf cooperation council",
    "cooperation council for the arab states of the gulf": "gulf cooperation council",
    "union for the mediterranean": "union for the mediterranean",
    "ufm": "union for the mediterranean",
    "sco": "shanghai cooperation organisation",
    "shanghai cooperation organization": "shanghai cooperation organisation",
    "ibero american community": "organization of ibero american states",
    "oei": "organization of ibero american states",
    "saarc": "south asian association for regional cooperation",
    "caricom": "caribbean community",
    "sica": "central american integration system",
    "aladi": "latin american integration association",
}

STOP_WORDS = frozenset(
    "a an the of on and or between in for to with by at as from its their both two "
    "agreement agreements treaty treaties convention conventions memorandum memoranda "
    "understanding mou protocol accord arrangement signed sign government governments "
    "republic kingdom state states federal federative democratic people peoples "
    "bilateral mutual concerning regarding".split()
)
DICE_THRESHOLD = 0.6
TRADE_TOLERANCE = 0.02


# -- folding ---------------------------------------------------------------------------------


def fold(text: str | None) -> str:
    """ASCII, lower case, punctuation as blanks, blanks collapsed."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


_SUFFIXES = {"jr", "sr", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


def surname(person: str | None, office: str | None = None) -> str:
    """The last word of the name (regnal numbers, Jr./Sr. dropped); the office if no name."""
    words = fold(re.sub(r"\([^)]*\)", " ", person or "")).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    if words:
        return words[-1]
    return fold(office)


def year_of(date) -> str | None:
    match = re.match(r"\d{4}", str(date)) if date else None
    return match.group(0) if match else None


def membership_name(name: str | None) -> str:
    text = re.sub(r"\([^)]*\)", " ", name or "")
    folded = fold(text.replace("-", " "))
    folded = re.sub(r"^the ", "", folded)
    folded = folded.replace("organisation", "organization").replace("co operation", "cooperation")
    aliases = {fold(key.replace("-", " ")).replace("organisation", "organization"): value
               for key, value in ALIASES.items()}
    folded = aliases.get(folded, folded)
    return folded.replace("organisation", "organization")


def title_words(title: str | None, countries=()) -> frozenset[str]:
    drop = set(STOP_WORDS)
    for country in countries:
        drop.update(fold(country).split())
    return frozenset(word for word in fold(title).split() if word not in drop)


def title_similarity(a: str | None, b: str | None, countries=()) -> float:
    """Dice coefficient of the titles' word sets (1.0/0.0 by whole strings when no words)."""
    words_a, words_b = title_words(a, countries), title_words(b, countries)
    if not words_a or not words_b:
        return 1.0 if fold(a) == fold(b) else 0.0
    return 2 * len(words_a & words_b) / (len(words_a) + len(words_b))


# -- matching one kind ---------------------------------------------------------------------


def visit_key(visit: dict) -> tuple:
    return (fold(visit.get("from")), fold(visit.get("to")),
            surname(visit.get("person"), visit.get("office")), year_of(visit.get("date")))


def mission_key(mission: dict) -> tuple:
    return (fold(mission.get("country")), fold(mission.get("host")),
            fold(mission.get("kind")), fold(mission.get("city")))


def match_by_key(gold: list, found: list, key) -> list[tuple[int, int]]:
    """Pairs (gold index, found index), each index at most once, equal keys matched in order."""
    waiting: dict = {}
    for j, item in enumerate(found):
        waiting.setdefault(key(item), []).append(j)
    pairs = []
    for i, item in enumerate(gold):
        queue = waiting.get(key(item))
        if queue:
            pairs.append((i, queue.pop(0)))
    return pairs


def match_best(gold: list, found: list, score) -> list[tuple[int, int]]:
    """Pairs of positive score, best first, each index at most once."""
    scored = sorted(((score(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)),
                    key=lambda entry: (-entry[0], entry[1], entry[2]))
    used_gold, used_found, pairs = set(), set(), []
    for value, i, j in scored:
        if value <= 0:
            break
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def agreement_score(gold: dict, found: dict, countries=()) -> float:
    years = year_of(gold.get("date")), year_of(found.get("date"))
    if years[0] and years[1] and years[0] != years[1]:
        return 0.0
    similarity = title_similarity(gold.get("title"), found.get("title"), countries)
    return similarity if similarity >= DICE_THRESHOLD else 0.0


def trade_matches(gold: dict, found: dict) -> bool:
    if gold.get("year") is None or found.get("year") is None or int(gold["year"]) != int(found["year"]):
        return False
    want, got = gold.get("total_usd"), found.get("total_usd")
    if want is None or got is None:
        return want is None and got is None
    if want == 0:
        return got == 0
    return abs(got - want) <= TRADE_TOLERANCE * abs(want)


def match_kind(kind: str, gold: list, found: list, countries=()) -> list[tuple[int, int]]:
    """The matched (gold index, found index) pairs of one fact kind on one page."""
    if kind == "establishment":
        return match_by_key(gold, found, str)
    if kind == "memberships":
        return match_by_key(gold, found, membership_name)
    if kind == "visits":
        return match_by_key(gold, found, visit_key)
    if kind == "missions":
        return match_by_key(gold, found, mission_key)
    if kind == "agreements":
        return match_best(gold, found, lambda g, f: agreement_score(g, f, countries))
    if kind == "trade":
        return match_best(gold, found, lambda g, f: 1.0 if trade_matches(g, f) else 0.0)
    raise ValueError(f"unknown fact kind {kind!r}")


def facts(record: dict, kind: str) -> list:
    """A record's (gold's or the loader's) facts of one kind, as a list."""
    if kind == "establishment":
        return [record["established"]] if record.get("established") else []
    return list(record.get(kind) or [])


# -- tallies ---------------------------------------------------------------------------------


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.found += other.found
        self.right += other.right

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if not p or not r:
            return 0.0 if (p is not None or r is not None) else None
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "right": self.right,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class PageScore:
    id: str
    form: str
    tallies: dict[str, Tally]
    misses: list[tuple[str, str, object]] = field(default_factory=list)  # (kind, "FN"/"FP", fact)
    error: str | None = None
    visits_full_date: int = 0
    established_gold: str | None = None
    established_found: str | None = None


def score_page(page_id: str, form: str, gold: dict, record: dict | None, kinds=KINDS,
               error: str | None = None) -> PageScore:
    """One page's tallies; `record` None (the loader failed) finds nothing."""
    record = record or {}
    countries = gold.get("countries") or ()
    score = PageScore(page_id, form, {}, error=error, established_gold=gold.get("established"),
                      established_found=record.get("established"))
    for kind in kinds:
        wanted, got = facts(gold, kind), facts(record, kind)
        pairs = match_kind(kind, wanted, got, countries)
        score.tallies[kind] = Tally(len(wanted), len(got), len(pairs))
        matched_gold = {i for i, _ in pairs}
        matched_found = {j for _, j in pairs}
        score.misses += [(kind, "FN", item) for i, item in enumerate(wanted) if i not in matched_gold]
        score.misses += [(kind, "FP", item) for j, item in enumerate(got) if j not in matched_found]
        if kind == "visits":
            score.visits_full_date = sum(1 for i, j in pairs if wanted[i].get("date") == got[j].get("date"))
    return score


# -- the corpus ------------------------------------------------------------------------------


def sources(corpus: Path) -> list[dict]:
    with open(corpus / "SOURCES.tsv", newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row.get("id")]


def load_record(path: Path, form: str) -> dict:
    """The loader's record as JSON data, through the public API."""
    import reports

    if "form" in inspect.signature(reports.load).parameters:
        record = reports.load(path, form=form)
    else:  # the public load() of this tree takes no form yet: the loader's own does
        from reports.loader import load
        record = load(path, form=form)
    return record.to_dict()


def compact(record: dict) -> dict:
    """Only what the scorer reads (records hold whole sections and citations)."""
    keep = {"established": record.get("established")}
    for kind in KINDS[1:]:
        keep[kind] = record.get(kind) or []
    return keep


def run(corpus: Path, forms=FORMS, kinds=KINDS) -> tuple[list[PageScore], dict]:
    scores, skipped = [], {"absent": 0, "no gold": 0}
    for row in sources(corpus):
        if row["form"] not in forms:
            continue
        path = corpus / "pages" / row["file"]
        gold_path = corpus / "gold" / f"{row['id']}.json"
        if not path.exists():
            skipped["absent"] += 1
            continue
        if not gold_path.exists():
            skipped["no gold"] += 1
            print(f"{row['id']}: no gold record at {gold_path}", file=sys.stderr)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            record, error = compact(load_record(path, row["form"])), None
        except Exception as problem:  # any failure is the loader's miss, shown, not fatal
            record, error = None, f"{type(problem).__name__}: {problem}"
        scores.append(score_page(row["id"], row["form"], gold, record, kinds, error))
    return scores, skipped


# -- summaries -------------------------------------------------------------------------------


def summarise(scores: list[PageScore], kinds=KINDS) -> dict:
    by_form: dict[str, dict[str, Tally]] = {}
    everything = {kind: Tally() for kind in kinds}
    for score in scores:
        form_tallies = by_form.setdefault(score.form, {kind: Tally() for kind in kinds})
        for kind in kinds:
            form_tallies[kind].add(score.tallies[kind])
            everything[kind].add(score.tallies[kind])

    def with_total(tallies):
        total = Tally()
        for tally in tallies.values():
            total.add(tally)
        return {**{kind: tally.as_dict() for kind, tally in tallies.items()}, "micro total": total.as_dict()}

    stating = [s for s in scores if s.established_gold]
    visits_matched = sum(s.tallies["visits"].right for s in scores if "visits" in s.tallies)
    return {
        "pages": len(scores),
        "pages by form": {form: sum(1 for s in scores if s.form == form) for form in by_form},
        "errors": [{"id": s.id, "form": s.form, "error": s.error} for s in scores if s.error],
        "all forms": with_total(everything),
        "by form": {form: with_total(tallies) for form, tallies in sorted(by_form.items())},
        "establishment accuracy": {
            "right": sum(1 for s in stating if s.established_found == s.established_gold),
            "right year": sum(1 for s in stating
                              if year_of(s.established_found) == year_of(s.established_gold)),
            "pages stating one": len(stating),
            "found where the gold has none": sum(1 for s in scores
                                                 if not s.established_gold and s.established_found),
        },
        "visits matched": visits_matched,
        "visits matched at the gold's full date": sum(s.visits_full_date for s in scores),
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def markdown(summary: dict) -> str:
    lines = ["| form | kind | gold | found | right | precision % | recall % | F1 % |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    groups = [("all", summary["all forms"])] + list(summary["by form"].items())
    for form, tallies in groups:
        for kind, t in tallies.items():
            name = f"**{kind}**" if kind == "micro total" else kind
            lines.append(f"| {form} | {name} | {t['gold']} | {t['found']} | {t['right']} | "
                         f"{_pct(t['precision'])} | {_pct(t['recall'])} | {_pct(t['f1'])} |")
    est = summary["establishment accuracy"]
    pages = ", ".join(f"{n} {form}" for form, n in summary["pages by form"].items())
    full_date = summary["visits matched at the gold's full date"]
    lines += [
        "",
        f"Pages: {summary['pages']} ({pages}).",
        f"Establishment accuracy: {est['right']}/{est['pages stating one']} exact"
        f" ({est['right year']}/{est['pages stating one']} right year);"
        f" {est['found where the gold has none']} found where the page states none.",
        f"Visits matched: {summary['visits matched']}, of which at the gold's full date precision:"
        f" {full_date}.",
    ]
    return "\n".join(lines)


def show_misses(scores: list[PageScore]) -> str:
    lines = []
    for score in scores:
        for kind, side, item in score.misses:
            lines.append(f"{score.id} [{score.form}] {kind} {side}: {json.dumps(describe(kind, item), ensure_ascii=False)}")
    return "\n".join(lines)


def describe(kind: str, item):
    """A fact without the loader's bookkeeping (lines, cites, text)."""
    if not isinstance(item, dict):
        return item
    drop = {"line", "cites", "also_lines", "text", "origin"}
    return {key: value for key, value in item.items() if key not in drop}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with SOURCES.tsv, pages/, gold/")
    parser.add_argument("--form", choices=FORMS, action="append", help="only this form (repeatable)")
    parser.add_argument("--kind", choices=KINDS, action="append", help="only this fact kind (repeatable)")
    parser.add_argument("--show-misses", action="store_true", help="list every false positive and negative")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)

    forms, kinds = tuple(args.form or FORMS), tuple(args.kind or KINDS)
    scores, skipped = run(args.corpus, forms, kinds)
    summary = summarise(scores, kinds)
    summary["skipped"] = skipped
    if args.json:
        if args.show_misses:
            summary["misses"] = [{"id": s.id, "form": s.form, "kind": kind, "side": side,
                                  "fact": describe(kind, item)} for s in scores for kind, side, item in s.misses]
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    if skipped["absent"] or skipped["no gold"]:
        print(f"Skipped: {skipped['absent']} listed page files absent from pages/,"
              f" {skipped['no gold']} without a gold record.\n")
    for error in summary["errors"]:
        print(f"{error['id']} [{error['form']}]: loader failed: {error['error']}")
    if summary["errors"]:
        print()
    print(markdown(summary))
    if args.show_misses:
        print("\n" + show_misses(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
