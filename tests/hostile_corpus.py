"""A corpus of hostile and careless content, one case per way in (issue 9).

REFUSED: what the build must refuse, each case one file (or one link, one folder) with the
exact ``path:line: field: message`` start of the Dutch problem it must give.
NEUTRALISED: hostile text that is allowed (it is only text) and must come out as text in
every output; built together in one site by test_hostile_corpus.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import factories
from .factories import faq, news, uuid, with_front_matter

CORPUS_DATA = Path(__file__).resolve().parent / "corpus/content/data"


def event(n: int, body: str = "", **fields) -> str:
    """factories.event, on site in Utrecht unless ``fields`` say otherwise (the checks below count
    lines with a location on line 6)."""
    return factories.event(n, body=body, **{"kind": "bijeenkomst", "location": "Utrecht", **fields})


@dataclass(frozen=True)
class Refused:
    name: str
    files: dict[str, str | bytes]  # path under the project root -> text
    expected: str  # the start of one problem line: "path:line: field: message..."
    links: dict[str, str] = field(default_factory=dict)  # symlink path under the root -> target


OK_NEWS = f"id: {uuid(1)}\ntitle: T\ndate: 2024-06-03\nsummary: S\n"
N = "content/news/bericht.md"
E = "content/agenda/evenement.md"
BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)))

REFUSED = [
    # -- characters ------------------------------------------------------------------------------
    Refused("vertical tab in a title", {N: news(1, title="Kop\x0bmet tab")},
            f"{N}:3: title: bevat het onzichtbare teken U+000B"),
    Refused("form feed in a summary", {N: news(1, summary="Kort\x0c verhaal")},
            f"{N}:5: summary: bevat het onzichtbare teken U+000C"),
    Refused("escape in an event location", {E: event(1, location="Zaal \x1b[31mA")},
            f"{E}:6: location: bevat het onzichtbare teken U+001B"),
    Refused("vertical tab in a body", {N: news(1, body="Eerste regel.\n\nTweede\x0b regel.\n")},
            f"{N}:9: bevat het onzichtbare teken U+000B"),
    Refused("C1 control in a FAQ answer", {"content/faq/vraag.md": faq(1, body="Ja\x85 zeker.\n")},
            "content/faq/vraag.md:7: bevat het onzichtbare teken U+0085"),
    Refused("control character pasted raw into front matter", {N: with_front_matter(OK_NEWS.replace("title: T", "title: Kop\x0bx"))},
            f"{N}:3: bevat het onzichtbare teken U+000B"),
    Refused("noncharacter in a title", {N: news(1, title="Kop \ufdd0")},
            f"{N}:3: bevat het onzichtbare teken U+FDD0"),
    Refused("right-to-left override in a title", {N: news(1, title="Factuur \u202egnp.exe")},
            f"{N}:3: title: bevat het teken U+202E, dat de leesrichting omdraait"),
    Refused("isolate in an event title", {E: event(1, title="Webinar \u2066x\u2069")},
            f"{E}:3: title: bevat het teken U+2066"),
    Refused("title of zero-width spaces only", {N: news(1, title="\u200b\u200b\u2060")},
            f"{N}:3: title: mag niet leeg zijn"),
    Refused("title of a Hangul filler only", {N: news(1, title="\u3164")},
            f"{N}:3: title: mag niet leeg zijn"),
    # -- YAML beyond plain data ------------------------------------------------------------------
    Refused("alias bomb", {N: with_front_matter(BOMB)}, f"{N}:2: '&a' maakt een verwijzing"),
    Refused("anchor and alias in fields", {N: with_front_matter(OK_NEWS + "updated: &d 2024-06-04\nx: *d")},
            f"{N}:6: '&d' maakt een verwijzing"),
    Refused("python object tag", {N: with_front_matter(OK_NEWS + "kind: !!python/object/apply:os.system [id]")},
            f"{N}:6: '!!python/object/apply:os.system' is een YAML-type"),
    Refused("local tag", {N: with_front_matter(OK_NEWS + "draft: !bool true")}, f"{N}:6: '!bool' is een YAML-type"),
    Refused("merge key", {N: with_front_matter(OK_NEWS + "image:\n  <<: {src: /a.png}\n  alt: x")},
            f"{N}:7: '<<' voegt velden van elders samen"),
    Refused("mapping 1,000 deep", {N: with_front_matter(OK_NEWS + "x: " + "{a: " * 1000 + "b" + "}" * 1000)},
            f"{N}:6: de gegevens zijn meer dan 10 niveaus diep ingesprongen"),
    Refused("list 1,000 deep", {N: with_front_matter(OK_NEWS + "x: " + "[" * 1000 + "]" * 1000)},
            f"{N}:6: fout in de opmaak van de gegevens bovenaan"),  # libyaml's own nesting limit, first
    Refused("too many values", {N: with_front_matter(OK_NEWS + "categories: [" + ", ".join(["subsidie"] * 2500) + "]")},
            f"{N}:6: de gegevens bevatten meer dan 2000 waarden"),
    Refused("alias in a vocabulary", {"content/data/regios.yml": "a: &n Noord\nb: *n\n"},
            "content/data/regios.yml:1: '&n' maakt een verwijzing"),
    Refused("control character in a vocabulary name", {"content/data/categorieen.yml": "subsidie: Sub\x1bsidie\n"},
            "content/data/categorieen.yml:1: bevat het onzichtbare teken U+001B"),
    # -- dates, times, zones ---------------------------------------------------------------------
    Refused("year 0001", {N: news(1, date="0001-01-01")}, f"{N}:4: date: '0001-01-01' ligt buiten de jaren 1990"),
    Refused("year 9999 in a start", {E: event(1, start="9999-12-31 23:00")},
            f"{E}:5: start: '9999-12-31 23:00' ligt buiten de jaren 1990"),
    Refused("spring-forward gap", {E: event(1, start="2024-03-31 02:30", end="2024-03-31 04:00")},
            f"{E}:5: start: '2024-03-31 02:30' bestaat niet in Europe/Amsterdam"),
    Refused("fall-back fold", {E: event(1, start="2024-10-27 01:00", end="2024-10-27 02:30")},
            f"{E}:7: end: '2024-10-27 02:30' komt in Europe/Amsterdam twee keer voor"),
    Refused("gap in another zone", {E: event(1, start="2024-03-10 02:30", timezone="America/New_York")},
            f"{E}:5: start: '2024-03-10 02:30' bestaat niet in America/New_York"),
    Refused("zone without yearly rules", {E: event(1, timezone="Asia/Almaty", start="2024-06-19 15:00")},
            f"{E}:7: timezone: de tijdzone Asia/Almaty heeft in 2024 geen vaste zomer- en wintertijd"),
    Refused("legacy zone name", {E: event(1, timezone="EST5EDT")}, f"{E}:7: timezone: 'EST5EDT' is geen bekende tijdzone"),
    Refused("zone as a path", {E: event(1, timezone="../../etc/localtime")},
            f"{E}:7: timezone: '../../etc/localtime' is geen bekende tijdzone"),
    # -- addresses in front matter ---------------------------------------------------------------
    Refused("protocol-relative link", {N: news(1, kind="digizine", link="//evil.example/x")},
            f"{N}:7: link: '//evil.example/x' begint met //"),
    Refused("backslash host", {N: news(1, kind="digizine", link="/\\evil.example/x")},
            f"{N}:7: link: '/\\evil.example/x' bevat een backslash"),
    Refused("userinfo trick", {E: event(1, registration_url="https://www.rijksoverheid.nl@evil.example/")},
            f"{E}:7: registration_url: 'https://www.rijksoverheid.nl@evil.example/' bevat een @"),
    Refused("encoded javascript in a document", {N: news(1, kind="handreiking", documents=[
        {"file": "javascript&#58;alert(1)", "title": "x"}])},
            f"{N}:8: documents.0.file: 'javascript&#58;alert(1)' staat niet op deze site"),
    Refused("percent-encoded slash slash", {N: news(1, kind="digizine", documents=[
        {"file": "/%2F/evil.example/x.pdf", "title": "x"}])},
            f"{N}:8: documents.0.file: '/%2F/evil.example/x.pdf' begint met //"),
    Refused("image from another host", {N: news(1, image={"src": "https://evil.example/a.png", "alt": "x"})},
            f"{N}:7: image.src: 'https://evil.example/a.png' staat niet op deze site"),
    Refused("pasted data: image", {N: news(1, image={"src": "data:image/png;base64,iVBORw0KGgo=", "alt": "x"})},
            f"{N}:7: image.src: 'data:image/png;base64,iVBORw0KGgo=' staat niet op deze site"),
    Refused("poster from another host", {E: event(1, kind="webinar", online=True, location=None, recording={
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "poster": "https://img.youtube.com/vi/x/0.jpg"})},
            f"{E}:10: recording.poster: 'https://img.youtube.com/vi/x/0.jpg' staat niet op deze site"),
    Refused("captions from another host", {E: event(1, recording={
        "url": "https://vimeo.com/123456", "captions": "https://evil.example/x.vtt"})},
            f"{E}:9: recording.captions: 'https://evil.example/x.vtt' staat niet op deze site"),
    Refused("video file on another host", {E: event(1, recording={"url": "https://evil.example/v.mp4"})},
            f"{E}:8: recording.url: 'https://evil.example/v.mp4' is geen YouTube- of Vimeo-video"),
    # -- addresses and attributes in Markdown bodies ---------------------------------------------
    Refused("entity-encoded scheme in a body link", {N: news(1, body="Zie [hier](javascript&#58;alert(1)).\n")},
            f"{N}:7: links met 'javascript:' zijn niet toegestaan"),
    Refused("hex entity in a body link", {N: news(1, body="\n[x](&#x6A;avascript:alert(1))\n")},
            f"{N}:8: links met 'javascript:' zijn niet toegestaan"),
    Refused("percent-encoded scheme", {N: news(1, body="[x](java%73cript:alert(1))\n")},
            f"{N}:7: links met 'javascript:' zijn niet toegestaan"),
    Refused("reference-style webcal link", {N: news(1, body="Zie [de agenda][a].\n\n[a]: webcal://evil.example/x.ics\n")},
            f"{N}:9: links met 'webcal:' zijn niet toegestaan"),
    Refused("data: image in a body", {N: news(1, body="![grafiek](data:image/png;base64,iVBORw0KGgo=)\n")},
            f"{N}:7: 'data:image/png;base64,iVBORw0KGgo=' staat niet op deze site"),
    Refused("image from another host in a body", {E: event(1, body="![x](https://evil.example/pixel.gif)\n")},
            f"{E}:8: 'https://evil.example/pixel.gif' staat niet op deze site"),
    Refused("backslash link in a body", {"content/faq/vraag.md": faq(1, body="Zie [dit](/\\evil.example/x).\n")},
            "content/faq/vraag.md:7: '/\\evil.example/x' bevat een backslash"),
    Refused("body image without alt text", {N: news(1, body="![](/afbeeldingen/fixture.png)\n")},
            f"{N}:7: de afbeelding '/afbeeldingen/fixture.png' heeft geen alt-tekst"),
    Refused("onerror on a body image", {N: news(1, body="![x](/a.png){onerror=alert(1)}\n")},
            f"{N}:7: het kenmerk 'onerror' is niet toegestaan"),
    Refused("style on a heading", {N: news(1, body="## Kop {: style=\"position:fixed\" }\n")},
            f"{N}:7: het kenmerk 'style' is niet toegestaan"),
    Refused("onclick on a paragraph", {"content/faq/vraag.md": faq(1, body="Klik.\n{: onclick=\"x()\" }\n")},
            "content/faq/vraag.md:8: het kenmerk 'onclick' is niet toegestaan"),
    Refused("id that clobbers Material's config", {N: news(1, body="Tekst\n{: #__config }\n")},
            f"{N}:8: '__config' is geen geldige naam voor id"),
    Refused("javascript link in a docs page", {"docs/privacy.md": "# Privacy\n\n[x](JaVaScRiPt:alert(1))\n"},
            "docs/privacy.md:3: links met 'JaVaScRiPt:' zijn niet toegestaan"),
    # -- files the build would not read, and links ------------------------------------------------
    Refused("news in content/nieuws/", {"content/nieuws/bericht.md": news(1)},
            "content/nieuws/bericht.md:1: de map content/nieuws/ wordt niet gelezen; bedoelt u content/news/?"),
    Refused("events in content/Agenda/", {"content/Agenda/evenement.md": event(1)},
            "content/Agenda/evenement.md:1: de map content/Agenda/ wordt niet gelezen; bedoelt u content/agenda/?"),
    Refused("file directly in content/", {"content/bericht.md": news(1)},
            "content/bericht.md:1: dit bestand staat direct in content/ en wordt niet gelezen"),
    Refused("dotfile", {"content/news/.bericht.md": news(1)},
            "content/news/.bericht.md:1: bestanden en mappen waarvan de naam met een punt begint"),
    Refused("extra file in data/", {"content/data/scholen.yml": "a: A\n"},
            "content/data/scholen.yml:1: dit bestand wordt niet gelezen; in content/data/ staan alleen"),
    Refused("symlink in docs/ to a secret", {"geheim.env": "STO_SECRET=hunter2\n"},
            "docs/omgeving.txt:1: dit is een snelkoppeling (symbolische link)", {"docs/omgeving.txt": "../geheim.env"}),
    Refused("symlinked folder in content/", {"elders/x.md": news(1)},
            "content/news/elders:1: dit is een snelkoppeling", {"content/news/elders": "../../elders"}),
    Refused("symlink in overrides/", {"geheim.env": "x\n"},
            "overrides/main.html:1: dit is een snelkoppeling", {"overrides/main.html": "../geheim.env"}),
    # == issue 20, classes 5 to 11 ===================================================================
    # -- 5: structure deep enough to make Python-Markdown recurse past Python's limit -------------
    Refused("2,000 nested stars in a body", {N: news(1, body="*" * 2000 + "x" + "*" * 2000 + "\n")},
            f"{N}:7: de tekst heeft hier meer dan 12 lagen opmaak of links in elkaar"),
    Refused("emphasis opened word after word in a FAQ answer",
            {"content/faq/vraag.md": faq(1, body=" ".join(["*a"] * 3000) + " x" + "* b" * 3000 + "\n")},
            "content/faq/vraag.md:7: de tekst heeft hier meer dan 12 lagen opmaak"),
    Refused("underscores 2,000 deep after a paragraph", {N: news(1, body="Eerst.\n\n" + "_" * 2000 + "x" + "_" * 2000)},
            f"{N}:9: de tekst heeft hier meer dan 12 lagen"),
    Refused("links nested 500 deep", {N: news(1, body="[" * 500 + "x" + "](/a)" * 500 + "\n")},
            f"{N}:7: de tekst heeft hier meer dan 12 lagen"),
    Refused("a list 100 levels deep in an event", {E: event(1, body="".join("    " * i + "- a\n" for i in range(100)))},
            f"{E}:21: de tekst is hier meer dan 12 niveaus diep genest"),
    Refused("quotes 500 deep in a docs page", {"docs/privacy.md": "# Privacy\n\n" + ">" * 500 + " x\n"},
            "docs/privacy.md:3: de tekst is hier meer dan 12 niveaus diep genest"),
    Refused("admonitions nested 30 deep in a docs page",
            {"docs/over-sto.md": "# Over\n\n" + "".join("    " * i + "!!! note\n" for i in range(30))},
            "docs/over-sto.md:16: de tekst is hier meer dan 12 niveaus diep genest"),
    Refused("a body of 300,000 characters", {"docs/privacy.md": "# Privacy\n\n" + "Tekst. " * 43_000},
            "docs/privacy.md:1: de tekst is langer dan 200.000 tekens"),
    # -- 6: a field set where the item's kind shows it nowhere -------------------------------------
    Refused("status note on a planned event", {E: event(1, status_note="Gaat gewoon door.")},
            f"{E}:7: status_note: de site toont een toelichting alleen bij 'status: geannuleerd'"),
    # -- 7: paths that climb out of the site -------------------------------------------------------
    Refused("image path climbing out", {N: news(1, image={"src": "/../../../../etc/passwd", "alt": "x"})},
            f"{N}:7: image.src: '/../../../../etc/passwd' bevat '..' of '.' als map"),
    Refused("percent-encoded dots in an image path",
            {N: news(1, image={"src": "/afbeeldingen/%2e%2e/%2E%2E/%2e%2e/etc/hostname", "alt": "x"})},
            f"{N}:7: image.src: '/afbeeldingen/%2e%2e/%2E%2E/%2e%2e/etc/hostname' bevat '..'"),
    Refused("poster path climbing out", {E: event(1, kind="webinar", online=True, location=None, recording={
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "poster": "/opnames/../../../geheim.jpg"})},
            f"{E}:10: recording.poster: '/opnames/../../../geheim.jpg' bevat '..'"),
    Refused("document path climbing out", {N: news(1, kind="handreiking", documents=[
                {"file": "/downloads/../../mkdocs.yml", "title": "Instellingen"}])},
            f"{N}:8: documents.0.file: '/downloads/../../mkdocs.yml' bevat '..'"),
    Refused("body image climbing out", {N: news(1, body="![x](/../../../etc/hostname)\n")},
            f"{N}:7: '/../../../etc/hostname' bevat '..'"),
    # -- 8: names that would start a workflow command in CI ----------------------------------------
    Refused("docs file name with a line break and a workflow command",
            {"docs/a\n::error file=x::nep.md": "# A\n"},
            "docs/a\\x0a::error file=x::nep.md:1: de naam van dit bestand (of van een map erboven) bevat een regelovergang"),
    Refused("docs file name with a right-to-left override", {"docs/factuur\u202egpj.md": "# A\n"},
            "docs/factuur\u202egpj.md:1: de naam van dit bestand (of van een map erboven) bevat"),
    # -- 9: one-line fields and web addresses ------------------------------------------------------
    Refused("title with a line break", {N: news(1, title="Kop\nNieuwe regel in de nieuwsbrief")},
            f"{N}:3: title: moet op één regel staan"),
    Refused("summary with a line separator", {N: news(1, summary="Kort\u2028verhaal")},
            f"{N}:5: summary: moet op één regel staan"),
    Refused("location with a line break", {E: event(1, location="Zaal A\nAanmelden: https://evil.example/")},
            f"{E}:6: location: moet op één regel staan"),
    Refused("status note with a line break", {E: event(1, status="geannuleerd", status_note="Helaas.\n-- \nNep")},
            f"{E}:8: status_note: moet op één regel staan"),
    Refused("alt text with a paragraph separator", {N: news(1, image={"src": "/a.png", "alt": "Een\u2029foto"})},
            f"{N}:8: image.alt: moet op één regel staan"),
    Refused("vocabulary name with a line break", {"content/data/regios.yml": "noord: \"Noord\\nBrabant\"\n"},
            "content/data/regios.yml:1: noord: moet op één regel staan"),
    Refused("registration by e-mail address", {E: event(1, registration_url="mailto:aanmelden@example.nl")},
            f"{E}:7: registration_url: 'mailto:aanmelden@example.nl' is geen volledig webadres"),
    Refused("registration as a path on this site", {E: event(1, registration_url="/aanmelden/")},
            f"{E}:7: registration_url: '/aanmelden/' is geen volledig webadres"),
    Refused("join address as a path", {E: event(1, online=True, join_url="/live/")},
            f"{E}:8: join_url: '/live/' is geen volledig webadres"),
]

# Refused only once the whole build is known (sto.syndication.addresses, in on_files): each takes
# an address the build also writes. Built together, in one real build; the corpus's own files
# (docs/ and content/) are there too. Pages first (always allowed in docs/, so each must get
# exactly its collision), then other files (which a file-type check of docs/ may refuse earlier,
# with another problem at the same file: either way refused, naming the file).
REFUSED_IN_BUILD = [
    Refused("event named like the subscribe page", {"content/agenda/volgen.md": event(201)},
            "content/agenda/volgen.md:1: het adres /agenda/volgen/ is ook van de pagina /agenda/volgen/ "
            "(maakt de site zelf)"),
    Refused("docs page on the news overview's address", {"docs/nieuws/index.md": "# Nieuws\n\nTekst.\n"},
            "docs/nieuws/index.md:1: het adres /nieuws/ is ook van de pagina /nieuws/ (maakt de site zelf)"),
    Refused("docs page named like the overview", {"docs/agenda.md": "# Agenda\n\nTekst.\n"},
            "docs/agenda.md:1: het adres /agenda/ is ook van de pagina /agenda/ (maakt de site zelf)"),
    Refused("docs page on a later page of the news overview", {"docs/nieuws/pagina/2.md": "# Twee\n\nTekst.\n"},
            "docs/nieuws/pagina/2.md:1: het adres /nieuws/pagina/2/ is ook van de pagina /nieuws/pagina/2/"),
    Refused("docs page on a content item's address", {"docs/nieuws/fixture-gevaarlijke-tekst.md": "# X\n\nTekst.\n"},
            "docs/nieuws/fixture-gevaarlijke-tekst.md:1: het adres /nieuws/fixture-gevaarlijke-tekst/ is ook van "
            "content/news/fixture-gevaarlijke-tekst.md"),
    Refused("docs page in the search index's folder", {"docs/pagefind/index.md": "# Zoeken\n\nTekst.\n"},
            "docs/pagefind/index.md:1: de map pagefind/ is van de zoekfunctie, die hem zelf vult"),
    Refused("docs page on the embed's address", {"docs/embed/agenda/index.md": "# Embed\n\nTekst.\n"},
            "docs/embed/agenda/index.md:1: het adres /embed/agenda/ is ook van de insluitbare agenda"),
    Refused("event whose own calendar is a region's calendar", {
        "content/agenda/regio.md": event(202, regions=["regio"]),
        "content/data/regios.yml": (CORPUS_DATA / "regios.yml").read_text(encoding="utf-8") + "regio: Regio\n"},
            "content/agenda/regio.md:1: het adres /agenda/regio/regio.ics is ook van de agenda /agenda/regio/regio.ics"),
]
REFUSED_FILES_IN_BUILD = [
    Refused("docs file on the news feed's address", {"docs/feeds/rss.xml": "<rss/>\n"},
            "docs/feeds/rss.xml:1: het adres /feeds/rss.xml is ook van de nieuwsfeed /feeds/rss.xml"),
    Refused("docs file on an open data address", {"docs/data/v1/agenda.json": "{}\n"},
            "docs/data/v1/agenda.json:1: het adres /data/v1/agenda.json is ook van de open data"),
    Refused("docs file on the whole agenda's calendar", {"docs/agenda/agenda.ics": "BEGIN:VCALENDAR\n"},
            "docs/agenda/agenda.ics:1: het adres /agenda/agenda.ics is ook van de agenda /agenda/agenda.ics"),
    Refused("docs script hiding the theme's own", {"docs/assets/sto/copy-url.js": "alert(1)\n"},
            "docs/assets/sto/copy-url.js:1: het adres /assets/sto/copy-url.js is ook van het themabestand"),
    Refused("docs file where the category feeds' folder must be", {"docs/feeds/categorie": "x\n"},
            "docs/feeds/categorie:1: op het adres /feeds/categorie moet een map staan voor de nieuwsfeed"),
    Refused("docs file on the sitemap's address", {"docs/sitemap.xml": "<urlset/>\n"},
            "docs/sitemap.xml:1: het adres /sitemap.xml is ook van het bestand /sitemap.xml (maakt de site zelf)"),
]


# ---- allowed, but must come out as text everywhere ----------------------------------------------

MARK = "stoHostile"


def hostile(n: int) -> str:
    """A text with markup that would run if any output printed it unescaped, numbered for tracing."""
    variants = [
        f'<script>alert("{MARK}{n}")</script>',
        f'"><img src=x onerror=alert("{MARK}{n}")>',
        f"'><svg onload=alert('{MARK}{n}')>",
        f"</title><script>alert('{MARK}{n}')</script>",
        f"</script><script>alert(\"{MARK}{n}\")</script> & &amp; &lt;",
        f"{{{{ 7 * 7 }}}} {{% raw %}} {MARK}{n}",
        f"]]> <![CDATA[ <b>{MARK}{n}</b>",
        f"javascript:alert('{MARK}{n}') — עברית 🎉",
    ]
    return f"{variants[n % len(variants)]} {MARK}{n}"


VOCABULARY_EXTRA = {  # added to the copied project's vocabularies
    "categorieen.yml": {"gevaarlijk": hostile(1)},
    "onderwerpen.yml": {"gevaarlijk": hostile(2)},
    "regios.yml": {"gevaarlijk": hostile(3)},
}

NEUTRALISED_BODY = (
    f'Tekst <script>alert("{MARK}b1")</script> en <img src=x onerror=alert("{MARK}b2")>.\n\n'
    f'<iframe src="https://evil.example/{MARK}b3"></iframe>\n\n'
    f'<a href="javascript:alert(\'{MARK}b4\')">klik</a> <svg onload="alert(\'{MARK}b5\')"></svg>\n\n'
    f"Een [gewone link](https://www.rijksoverheid.nl/) en een [pad](/agenda/) en [anker](#kop).\n\n"
    "## Kop {: #kop .sto-extra }\n"
)

NEUTRALISED = {  # path under content/ -> text; every field a template prints, every content kind
    "news/hostile-nieuws.md": news(101, NEUTRALISED_BODY, title=hostile(10), summary=hostile(11),
                                   categories=["gevaarlijk"], regions=["gevaarlijk"],
                                   image={"src": "/afbeeldingen/fixture.png", "alt": hostile(12)}),
    "news/hostile-digizine.md": news(102, "Digizine.\n", kind="digizine", title=hostile(13), summary=hostile(14),
                                     link="https://www.example.nl/digizine?a=1&b=2", categories=["gevaarlijk"]),
    "news/hostile-handreiking.md": news(103, "Handreiking.\n", kind="handreiking", title=hostile(15),
                                        summary=hostile(16),
                                        documents=[{"file": "/downloads/fixture.pdf", "title": hostile(25)}]),
    "faq/hostile-vraag.md": faq(104, NEUTRALISED_BODY, title=hostile(17), topic="gevaarlijk"),
    "agenda/hostile-evenement.md": event(105, NEUTRALISED_BODY, title=hostile(18), summary=hostile(19),
                                         series=hostile(20), location=hostile(21), regions=["gevaarlijk"],
                                         categories=["gevaarlijk"], start="2024-07-10 09:30", end="2024-07-10 11:00"),
    "agenda/hostile-geannuleerd.md": event(106, "", title=hostile(22), status="geannuleerd", status_note=hostile(23),
                                           start="2024-07-11 09:30", sequence=1),
    "agenda/hostile-webinar.md": event(107, "", title=hostile(24), kind="webinar", online=True, location=None,
                                       start="2024-05-22 15:00", end="2024-05-22 16:00",
                                       join_url="https://www.example.nl/deelnemen?x=1&y=2",
                                       recording={"url": "https://vimeo.com/123456", "poster": "/afbeeldingen/fixture.png",
                                                  "captions": "/downloads/fixture.vtt"}),
}
# Issue 20, class 11: a title with markup and entities, as the editor typed it, in every reader.
MARKUP_TITLE = "R&D: <b>vet</b> &amp; &lt;i&gt; 5 > 3 < 4"
NEUTRALISED["news/hostile-markup-titel.md"] = news(108, "Tekst.\n", title=MARKUP_TITLE, summary="A & B <i>c</i>.")
# Class 5: front matter is text, never Markdown: 3,000 emphasis marks in a title and 800 brackets in
# a summary are printed as they are (escaped), and nothing recurses.
NEUTRALISED["news/hostile-diepe-titel.md"] = news(111, "Tekst.\n", title="*" * 1500 + "x" + "_" * 1500,
                                                 summary="[" * 800 + " samenvatting")
# Class 10: two events in one calendar, in years whose zone rules differ (Almaty moved from UTC+6
# to UTC+5 on 1 March 2024), each read back at its own UTC instant.
ZONE_EVENTS = {  # file -> (local start, UTC start)
    "agenda/hostile-almaty-2023.md": ("2023-12-01 10:00", "2023-12-01 04:00"),
    "agenda/hostile-almaty-2025.md": ("2025-06-01 10:00", "2025-06-01 05:00"),
}
for _n, (_relpath, (_local, _)) in enumerate(ZONE_EVENTS.items()):
    NEUTRALISED[_relpath] = event(109 + _n, "", title=f"Almaty {_local[:4]}", start=_local, timezone="Asia/Almaty",
                                  location="Almaty")

# Each hostile text, as the visitor must read it.
NEUTRALISED_TEXTS = {n: hostile(n) for n in (1, 2, 3, *range(10, 26))}
