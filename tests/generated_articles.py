"""Generated articles for benchmarks and tests: varied countries, people, dates and
section order, in the article format of RECORD.md. Deterministic for a seed."""

from __future__ import annotations

import random

COUNTRIES = [
    "Argentina", "Australia", "Austria", "Bosnia and Herzegovina", "Brazil", "Canada", "Chile",
    "Côte d'Ivoire", "Czech Republic", "Denmark", "Estonia", "Finland", "Ghana", "Greece",
    "Hungary", "Iceland", "Indonesia", "Kazakhstan", "Kenya", "Latvia", "Malaysia", "Morocco",
    "New Zealand", "Nigeria", "Norway", "Peru", "Poland", "Portugal", "Romania", "Senegal",
    "Serbia", "South Africa", "Sweden", "Trinidad and Tobago", "Türkiye", "Ukraine", "Uruguay",
    "Viet Nam",
]
CITIES = ["Łódź", "Ōsaka", "Győr", "São Paulo", "Reykjavík", "Plzeň", "Tartu", "Kraków",
          "Brno", "Cluj-Napoca", "Bergen", "Aarhus", "Graz", "Porto", "Valparaíso", "Córdoba"]
FIRST = ["Ana", "Jūratė", "Miloš", "Zoë", "Ólafur", "Žaneta", "Grzegorz", "Łukasz", "Ağa",
         "Björn", "Renée", "Tomás", "Ngozi", "Ilse", "Dragoş", "Ewa", "Gheorghe", "Ярослав"]
LAST = ["Kowalczyk", "Dvořák", "Nørgaard", "Őri", "Łapiński", "Ferreira", "Ruiz", "Hăşdeu",
        "Quispe", "Okafor", "Virtanen", "Müller", "Sørensen", "Petrović", "Шевченко"]
OFFICES = ["President", "Prime Minister", "Foreign Minister", "Deputy Foreign Minister",
           "Minister of Trade", "Foreign Undersecretary", "Vice President", "Senator"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORGANISATIONS = ["the United Nations", "the World Trade Organization",
                 "the Organisation for Economic Co-operation and Development", "the G20",
                 "the Organization of American States"]
PRODUCTS = ["machinery", "wheat", "copper", "wine", "medical instruments", "coffee",
            "parts and accessories for motor vehicles", "fish", "textiles", "chemicals"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random, year: int) -> str:
    form = rng.randrange(3)
    if form == 0:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"
    if form == 1:
        return f"{rng.choice(MONTHS)} {year}"
    return str(year)


def generate_article(seed: int) -> str:
    rng = random.Random(seed)
    a, b = rng.sample(COUNTRIES, 2)
    founded = rng.randint(1920, 2000)
    sections = {
        "History": _history(rng, a, b, founded),
        "High-level visits": _visits(rng, a, b, founded),
        rng.choice(["Bilateral agreements", "Agreements", "Bilateral agreement"]): _agreements(rng, founded),
        rng.choice(["Trade", "Economic relations"]): _trade(rng, a, b),
        rng.choice(["Diplomatic missions", "Resident diplomatic missions"]): _missions(rng, a, b),
    }
    order = list(sections)
    rng.shuffle(order)
    orgs = rng.sample(ORGANISATIONS, 2)
    lines = [f"= {a}–{b} relations =", "",
             f"The nations of {a} and {b} established diplomatic relations in {founded}. "
             f"Both nations are members of {orgs[0]} and {orgs[1]}.", ""]
    for heading in order:
        lines += [f"=={heading}==", *sections[heading], ""]
    lines += ["==See also==", f"- Foreign relations of {a}", f"- Foreign relations of {b}"]
    return "\n".join(lines) + "\n"


def _history(rng, a, b, founded):
    paragraphs = [f"Diplomatic relations between {a} and {b} were established on {_date(rng, founded)}."]
    year = founded
    for _ in range(rng.randint(3, 8)):
        year = min(2025, year + rng.randint(1, 6))
        paragraphs.append(f"In {_date(rng, year)}, {rng.choice(OFFICES)} {_person(rng)} of {rng.choice([a, b])} "
                          f"visited {rng.choice(CITIES)} to discuss trade, culture and education. "
                          f"The visit was followed by talks between both foreign ministries.")
    return [p for paragraph in paragraphs for p in (paragraph, "")]


def _visits(rng, a, b, founded):
    lines = []
    for origin, destination in ((a, b), (b, a)):
        lines += [f"High-level visits from {origin} to {destination}", ""]
        for _ in range(rng.randint(1, 6)):
            years = sorted(rng.sample(range(founded, 2026), rng.randint(1, 2)))
            when = " and ".join(_date(rng, y) if rng.random() < 0.3 else str(y) for y in years)
            lines.append(f"- {rng.choice(OFFICES)} {_person(rng)} ({when})")
        lines.append("")
    return lines


def _agreements(rng, founded):
    titles = [f"Agreement on {rng.choice(['Cultural', 'Economic', 'Scientific'])} Cooperation ({rng.randint(founded, 2025)})",
              f"Memorandum of Understanding on Political Consultations ({rng.randint(founded, 2025)})",
              "Agreement for the Avoidance of Double Taxation"]
    return [f"Both nations have signed several bilateral agreements such as an {titles[0]}; "
            f"a {titles[1]} and an {titles[2]}."]


def _trade(rng, a, b):
    lines = []
    for year in sorted(rng.sample(range(2015, 2025), rng.randint(1, 3))):
        lines.append(f"In {year}, two-way trade between both nations amounted to "
                     f"US${rng.randint(5, 9000) / 10:.1f} million.")
    lines.append(f"{a}'s main exports to {b} include: {', '.join(rng.sample(PRODUCTS, 3))}, and "
                 f"{rng.choice(PRODUCTS)}. {b}'s exports to {a} include: {rng.choice(PRODUCTS)} and "
                 f"{rng.choice(PRODUCTS)}.")
    return [" ".join(lines)]


def _missions(rng, a, b):
    return [f"- {a} has an embassy in {rng.choice(CITIES)}.",
            f"- {b} is accredited to {a} from its embassy in {rng.choice(CITIES)}, {rng.choice(COUNTRIES)} "
            f"and maintains an honorary consulate in {rng.choice(CITIES)}."]


def write_articles(folder, count: int, first_seed: int = 0) -> list:
    """Write `count` generated articles into `folder`; returns their paths."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(first_seed, first_seed + count):
        path = folder / f"article-{seed:05d}.txt"
        path.write_text(generate_article(seed), "utf-8")
        paths.append(path)
    return paths
