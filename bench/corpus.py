"""A deterministic synthetic corpus for the benchmark: N news items, N/5 FAQ entries, N/5 events.

The text is Dutch-looking (real Dutch words about vmbo technical education, put together at
random), the front matter is valid against our models, and the same seed always gives the
same files. Nothing here is real news: the corpus is written to a directory OUTSIDE content/,
as a full copy of the project (mkdocs.yml, docs, hooks, overrides) with a generated content/.

The same items are also written as plain Markdown pages (title as ``# heading``, then the
summary and the body) for the plain mkdocs-material build the benchmark compares with.

    python -m bench.corpus 1000 /tmp/corpus   # writes /tmp/corpus/project and /tmp/corpus/plain
"""

from __future__ import annotations

import random
import shutil
import struct
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

from tests.sitebuild import CODE_PARTS  # one list of what a build reads besides content/

ROOT = Path(__file__).resolve().parent.parent

SEED = 20240615

NOUNS = ("school leerling docent techniek techniekonderwijs regio werkplaats techlab hotspot keuzevak "
         "profiel leerweg subsidie regeling begroting activiteitenplan samenwerking bedrijf mbo vmbo "
         "opleiding stage praktijk project gemeente programma netwerk bijeenkomst webinar handreiking "
         "digizine examen ouder loopbaan voorlichting innovatie duurzaamheid installatie robotica "
         "elektrotechniek bouw metaal zorg ict mobiliteit instrument onderzoek resultaat monitor "
         "kwaliteit borging toekomst arbeidsmarkt vakmanschap leraar teamleider coördinator").split()
VERBS = ("versterkt ontwikkelt organiseert ondersteunt presenteert onderzoekt bespreekt verbindt "
         "deelt verbetert start bouwt investeert begeleidt inspireert evalueert kiest borgt "
         "vernieuwt opent bezoekt").split()
ADJECTIVES = ("sterk regionaal nieuw technisch praktisch duurzaam innovatief landelijk gezamenlijk "
              "actief open breed modern digitaal bewust belangrijk").split()
GLUE = "de het een en in op met voor van door bij naar over om als ook nog meer samen".split()
PLACES = ("Gorinchem Altena Rotterdam Zwolle Groningen Maastricht Eindhoven Tilburg Utrecht Leeuwarden "
          "Arnhem Nijmegen Breda Almere Enschede Deventer Haarlem Leiden Delft Venlo Emmen Assen "
          "Middelburg Roermond Helmond Oss Zaandam Alkmaar Hoorn Apeldoorn").split()


class Writer:
    """Dutch-looking sentences, titles and paragraphs from one seeded random source."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.rng.choice(NOUNS)
        if r < 0.5:
            return self.rng.choice(VERBS)
        if r < 0.62:
            return self.rng.choice(ADJECTIVES)
        if r < 0.65:
            return self.rng.choice(PLACES)
        return self.rng.choice(GLUE)

    def sentence(self, low: int = 8, high: int = 18) -> str:
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice(".....?")

    def title(self) -> str:
        words = [self.rng.choice(NOUNS), self.rng.choice(VERBS)] + [self.word() for _ in range(self.rng.randint(2, 6))]
        words.append(self.rng.choice(PLACES))
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def body(self, low: int, high: int) -> str:
        parts = []
        for index in range(self.rng.randint(low, high)):
            if index and self.rng.random() < 0.25:
                parts.append("## " + self.title())
            if self.rng.random() < 0.15:
                parts.append("\n".join(f"- {self.sentence(3, 8)}" for _ in range(self.rng.randint(2, 5))))
            parts.append(self.paragraph())
        return "\n\n".join(parts)


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _slugify(words: str, index: int) -> str:
    keep = "".join(ch if ch.isalnum() and ch.isascii() else "-" for ch in words.lower())
    slug = "-".join(part for part in keep.split("-") if part)[:60].strip("-")
    return f"{slug}-{index}"


def vocabularies(rng: random.Random) -> dict[str, dict[str, str]]:
    """Categories, FAQ topics and ~74 regions, like STO's real ones in size."""
    regions = {}
    for place in PLACES:
        for suffix in ("", " en omstreken", " Noord"):
            name = place + suffix
            regions[_slugify(name, 0).removesuffix("-0")] = name
            if len(regions) == 74:
                break
    categories = {f"categorie-{i}": f"Categorie {NOUNS[i].capitalize()}" for i in range(12)}
    topics = {f"onderwerp-{i}": f"Onderwerp {NOUNS[i + 12].capitalize()}" for i in range(10)}
    return {"categorieen.yml": categories, "onderwerpen.yml": topics, "regios.yml": regions}


def items(n: int, seed: int = SEED) -> list[tuple[str, dict, str]]:
    """(path under content/, front matter, body) for N news items, N/5 FAQ entries and N/5 events."""
    rng = random.Random(seed)
    write = Writer(rng)
    vocab = vocabularies(random.Random(seed))
    categories, topics, regions = (list(vocab[f]) for f in ("categorieen.yml", "onderwerpen.yml", "regios.yml"))
    first_day = date(2016, 1, 1)
    last_day = date(2024, 6, 14)  # before the benchmark's SOURCE_DATE_EPOCH: everything is published
    span = (last_day - first_day).days
    found = []
    for i in range(n):
        title = write.title()
        meta = {"id": _id(rng), "title": title, "kind": rng.choice(("nieuws",) * 8 + ("digizine", "handreiking")),
                "date": (first_day + timedelta(days=rng.randrange(span))).isoformat(),
                "summary": write.sentence(12, 30),
                "categories": rng.sample(categories, rng.randint(0, 2)),
                "regions": rng.sample(regions, rng.randint(0, 2))}
        if meta["kind"] == "handreiking":
            meta["documents"] = [{"file": f"/media/handreiking-{i % MEDIA_FILES}.pdf", "title": "de handreiking"}]
        if meta["kind"] == "digizine":
            meta["link"] = f"https://digizine.example.nl/editie-{i}"
        if rng.random() < 0.2:
            meta["image"] = {"src": f"/media/foto-{i % MEDIA_FILES}.jpg", "alt": write.sentence(4, 9)}
        found.append((f"news/{_slugify(title, i)}.md", meta, write.body(2, 6)))
    for i in range(n // 5):
        question = write.sentence(6, 14).rstrip(".?") + "?"
        meta = {"id": _id(rng), "title": question, "topic": rng.choice(topics),
                "date": (first_day + timedelta(days=rng.randrange(span))).isoformat()}
        found.append((f"faq/{_slugify(question, i)}.md", meta, write.body(1, 3)))
    for i in range(n // 5):
        title = write.title()
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(1100))
        kind = rng.choice(("webinar", "webinar", "bijeenkomst", "conferentie", "training", "overig"))
        meta = {"id": _id(rng), "title": title, "kind": kind, "summary": write.sentence(10, 20),
                "regions": rng.sample(regions, rng.randint(0, 1))}
        if rng.random() < 0.1:
            meta["start"] = day.isoformat()
            if rng.random() < 0.5:
                meta["end"] = (day + timedelta(days=rng.randint(1, 2))).isoformat()
        else:
            begin = datetime(day.year, day.month, day.day, rng.randint(9, 19), rng.choice((0, 15, 30)))
            meta["start"] = begin.strftime("%Y-%m-%d %H:%M")
            if rng.random() < 0.8:
                meta["end"] = (begin + timedelta(minutes=rng.choice((45, 60, 90, 120)))).strftime("%Y-%m-%d %H:%M")
        if kind == "webinar":
            meta["online"] = True
            meta["series"] = "STO LIVE"
            if day < date(2024, 6, 1) and rng.random() < 0.6:
                # a recording plays from YouTube, Vimeo or this site
                meta["recording"] = {"url": f"https://vimeo.com/{100000 + i}"}
        else:
            meta["location"] = f"{write.rng.choice(PLACES)}, {write.title()}"
        if rng.random() < 0.05:
            meta["status"] = "geannuleerd"
            meta["status_note"] = write.sentence(5, 10)
            meta["sequence"] = 1
        found.append((f"agenda/{day.isoformat()}-{_slugify(title, i)}.md", meta, write.body(1, 2)))
    return found


def _front_matter(meta: dict, body: str) -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{header}---\n\n{body}\n"


PLAIN_CONFIG = """\
# A plain mkdocs-material site over the same Markdown: search on, small nav, no hooks.
site_name: Sterk Techniekonderwijs
site_url: https://www.sterktechniekonderwijs.nl/
theme:
  name: material
  language: nl
  font: false
  features:
    - navigation.tabs
    - navigation.top
plugins:
  - search:
      lang: nl
markdown_extensions:
  - tables
  - attr_list
  - admonition
  - toc:
      permalink: true
nav:
  - Actueel: index.md
"""

PLAIN_FOLDERS = {"news": "nieuws", "faq": "veelgestelde-vragen", "agenda": "agenda"}


MEDIA_FILES = 50  # images and documents the items share: every reference resolves, so they exist


def _media(docs: Path) -> None:
    """docs/media/: small JPEGs (a header with their size, 800 x 600) and PDFs the items refer to."""
    media = docs / "media"
    media.mkdir(parents=True, exist_ok=True)
    jpeg = b"\xff\xd8\xff\xc0" + struct.pack(">HBHHB", 17, 8, 600, 800, 3) + bytes(9) + b"\xff\xd9"
    for i in range(MEDIA_FILES):
        (media / f"foto-{i}.jpg").write_bytes(jpeg)
        (media / f"handreiking-{i}.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")


def write_corpus(n: int, dest: Path, seed: int = SEED) -> dict[str, Path]:
    """Write ``dest/project`` (this project with the corpus as content/) and ``dest/plain``."""
    dest = Path(dest)
    project, plain = dest / "project", dest / "plain"
    for old in (project, plain):
        if old.exists():
            shutil.rmtree(old)
    project.mkdir(parents=True)
    for part in CODE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, project / part)
    _media(project / "docs")
    data = project / "content" / "data"
    data.mkdir(parents=True)
    for name, mapping in vocabularies(random.Random(seed)).items():
        (data / name).write_text(yaml.safe_dump(mapping, allow_unicode=True, sort_keys=True), encoding="utf-8")
    (plain / "docs").mkdir(parents=True)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (plain / "docs" / "index.md").write_text("# Actueel\n", encoding="utf-8")
    for relpath, meta, body in items(n, seed):
        target = project / "content" / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_front_matter(meta, body), encoding="utf-8")
        folder, name = relpath.split("/")
        page = plain / "docs" / PLAIN_FOLDERS[folder] / name
        page.parent.mkdir(parents=True, exist_ok=True)
        intro = f"{meta['summary']}\n\n" if meta.get("summary") else ""
        page.write_text(f"# {meta['title']}\n\n{intro}{body}\n", encoding="utf-8")
    return {"project": project, "plain": plain}


if __name__ == "__main__":
    count, where = int(sys.argv[1]), Path(sys.argv[2])
    print(write_corpus(count, where))
