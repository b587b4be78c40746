"""A copy of the project with extra, generated test content (never in content/): enough news
for two pages (of the news index, a category, a year and a region), a past webinar with a
recording, a cancelled and a moved event, a physical event with a place, and a title that tries
to end a <script> element."""

from __future__ import annotations

from pathlib import Path

from .sitebuild import EPOCH_2024_06_15, copy_project, mkdocs_build

HOSTILE_TITLE = 'Titel met </script><script>alert("x")</script> & meer'
RECORDED_SLUG = "2024-05-22-webinar-met-opname"
CANCELLED_SLUG = "2024-07-03-geannuleerd"
MOVED_SLUG = "2024-07-10-verplaatst"
PLACE_SLUG = "2024-09-12-regiodag"
IMAGE_SLUG = "2024-06-10-bericht-met-afbeelding"
YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

POSTER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">
<rect width="320" height="180" fill="#303fa1"/><circle cx="160" cy="90" r="40" fill="#fff"/></svg>
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def add_fixture_content(project: Path, *, extra_news: int = 11) -> Path:
    content = project / "content"
    for n in range(1, extra_news + 1):
        _write(content / f"news/2024-05-{n:02d}-testbericht-{n}.md", f"""---
id: 00000000-0000-4000-8000-{n:012d}
title: "Testbericht {n}"
date: 2024-05-{n:02d}
summary: Samenvatting van testbericht {n}.
categories: [subsidie]
regions: [caribisch-nederland]
---

Tekst van testbericht {n}.
""")
    _write(project / "docs/afbeeldingen/test-poster.svg", POSTER_SVG)
    _write(project / "docs/opnames/webinar.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nWelkom bij het webinar.\n")
    _write(project / "docs/opnames/webinar-tekst.txt", "Uitgeschreven tekst van het webinar.\n")
    _write(content / f"news/{IMAGE_SLUG}.md", f"""---
id: 00000000-0000-4000-8000-100000000001
title: '{HOSTILE_TITLE}'
date: 2024-06-10
updated: 2024-06-12
summary: Een bericht met een afbeelding en een lastige titel.
categories: [techniekonderwijs]
regions: [gorinchem-en-altena]
image:
  src: /afbeeldingen/test-poster.svg
  alt: Een witte cirkel op een blauw vlak
---

Tekst met een afbeelding.
""")
    _write(content / f"agenda/{RECORDED_SLUG}.md", f"""---
id: 00000000-0000-4000-8000-200000000001
title: "STO LIVE-webinar met opname"
kind: webinar
series: STO LIVE
start: 2024-05-22 15:00
end: 2024-05-22 16:00
online: true
join_url: https://example.org/deelnemen
registration_url: https://example.org/aanmelden
regions: [gorinchem-en-altena]
recording:
  url: {YOUTUBE_URL}
  poster: /afbeeldingen/test-poster.svg
  captions: /opnames/webinar.vtt
  transcript: /opnames/webinar-tekst.txt
---

Een webinar dat al is geweest.
""")
    _write(content / f"agenda/{CANCELLED_SLUG}.md", """---
id: 00000000-0000-4000-8000-200000000002
title: "Geannuleerd webinar"
kind: webinar
start: 2024-07-03 15:00
end: 2024-07-03 16:00
timezone: America/Curacao
online: true
join_url: https://example.org/deelnemen-geannuleerd
status: geannuleerd
status_note: Door ziekte van de spreker gaat dit webinar niet door.
sequence: 1
---
""")
    _write(content / f"agenda/{MOVED_SLUG}.md", """---
id: 00000000-0000-4000-8000-200000000003
title: "Verplaatste bijeenkomst"
kind: bijeenkomst
start: 2024-07-10 13:30
end: 2024-07-10 17:00
location: Stadhuis, Markt 1, Gorinchem
registration_url: https://example.org/aanmelden-bijeenkomst
status: verplaatst
status_note: Verplaatst van 3 juli naar 10 juli.
sequence: 1
---
""")
    _write(content / f"agenda/{PLACE_SLUG}.md", """---
id: 00000000-0000-4000-8000-200000000004
title: "Regiodag"
kind: conferentie
start: 2024-09-12
end: 2024-09-13
location: Evoluon, Eindhoven
summary: Twee dagen over techniekonderwijs in de regio.
---
""")
    return project


def build_fixture_site(tmp: Path, epoch: str = EPOCH_2024_06_15) -> Path:
    project = add_fixture_content(copy_project(tmp / "project"))
    site = tmp / "site"
    mkdocs_build(project, site, epoch)
    return site
