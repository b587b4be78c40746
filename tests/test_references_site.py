"""Every reference resolves, in a real build of the corpus: a link to a missing page, an image
that was never added and a relative link to a missing file are each refused in Dutch at the
editor's own path:line:, in content/ and in docs/; links to pages, anchors, feeds and files
that exist build. And what the pages show of images and documents: width and height on every
image, "Download … (PDF, 1 kB)" with the type and size read from the file."""

from __future__ import annotations

import lxml.html
import pytest

from .factories import news
from .sitebuild import BuiltSite, build_corpus, corpus_project, mkdocs_build

BROKEN = """---
id: 12345678-aaaa-4bbb-8ccc-00000000aa01
title: Kapotte verwijzingen
date: 2024-06-03
summary: Kort.
image:
  src: /media/bestaat-niet.jpg
  alt: Een foto
---

Zie [de agenda](/agenda/bestaat-niet/).

![Een foto](/media/ook-niet.png)

Lees [dit bericht](ander-bericht.md) en [die kop](/nieuws/fixture-nieuws-met-afbeelding/#geen-kop).

Straks: [het ingeplande bericht](/nieuws/fixture-ingepland/).
"""

WORKING = """---
id: 12345678-aaaa-4bbb-8ccc-00000000aa02
title: Goede verwijzingen
date: 2024-06-03
summary: Kort.
documents:
- file: /downloads/fixture.pdf
  title: het plan
---

## Een kop

Zie [de agenda](/agenda/), [een vraag](/veelgestelde-vragen/keuzevak-op-ander-niveau/),
[zonder schuine streep](/agenda/2024-06-19-sto-live-gorinchem-en-altena),
[een ander bericht](fixture-digizine.md), [een kop](fixture-nieuws-met-afbeelding.md#eerste-kop),
[deze kop](#een-kop), [het nieuws als RSS](/feeds/rss.xml), [de agenda-app](/agenda/agenda.ics),
[open data](/data/v1/nieuws.json), [over STO](/over-sto/), [zoeken](/agenda/?regio=twente)
en [een andere site](https://www.rijksoverheid.nl/bestaat-misschien-niet). Mail <info@example.nl>.

![Een poster](/afbeeldingen/test-poster.svg)
"""

DOCS_PAGE = """---
title: Een pagina
---

# Een pagina

Naar [een pagina die er niet is](bestaat-niet.md), [een die er wel is](over-sto.md) en [een kop](#nergens).
"""


def _problems(result: BuiltSite) -> list[str]:
    output = result.output
    assert result.returncode != 0 and "Traceback" not in output
    return [line for line in output.splitlines() if line.startswith(("content/", "docs/"))]


def test_missing_pages_images_and_files_are_refused_at_the_editors_line(tmp_path):
    result = build_corpus(tmp_path, {"content/news/kapot.md": BROKEN, "docs/kapot.md": DOCS_PAGE}, check=False)
    assert _problems(result) == [
        "content/news/kapot.md:7: image.src: de afbeelding '/media/bestaat-niet.jpg' bestaat niet op deze site; "
        "zet het bestand in docs/media/ en verwijs ernaar met /media/<bestandsnaam>",
        "content/news/kapot.md:11: '/agenda/bestaat-niet/' bestaat niet op deze site; controleer het adres (een "
        "pagina uit content/ heeft het adres /nieuws/<bestandsnaam>/, /agenda/<bestandsnaam>/ of "
        "/veelgestelde-vragen/<bestandsnaam>/)",
        "content/news/kapot.md:13: de afbeelding '/media/ook-niet.png' bestaat niet op deze site; zet het bestand "
        "in docs/media/ en verwijs ernaar met /media/<bestandsnaam>",
        "content/news/kapot.md:15: '/nieuws/fixture-nieuws-met-afbeelding/#geen-kop' verwijst naar #geen-kop, maar "
        "die kop bestaat niet; die pagina heeft: #eerste-kop",
        "content/news/kapot.md:15: 'ander-bericht.md' bestaat niet op deze site (gelezen vanaf deze pagina: "
        "nieuws/ander-bericht.md); verwijs met het webadres, bijvoorbeeld /nieuws/<bestandsnaam>/ of /over-sto/",
        "content/news/kapot.md:17: '/nieuws/fixture-ingepland/' is nog niet gepubliceerd (een concept, of een "
        "datum in de toekomst); link er pas naar als het op de site staat",
        "docs/kapot.md:7: '#nergens' verwijst naar #nergens, maar die kop bestaat niet; die pagina heeft: #een-pagina",
        "docs/kapot.md:7: 'bestaat-niet.md' bestaat niet op deze site (gelezen vanaf deze pagina: bestaat-niet.md); "
        "verwijs met het webadres, bijvoorbeeld /nieuws/<bestandsnaam>/ of /over-sto/",
    ]
    output = result.output
    assert "Doc file" not in output and "WARNING" not in output  # MkDocs' English warning never comes first


@pytest.mark.parametrize("field, value, line, expected", [
    ("image", "\n  src: /../../etc/passwd\n  alt: Geheim", 7,
     "image.src: '/../../etc/passwd' bevat '..' of '.' als map; verwijs naar het bestand met zijn volledige pad vanaf docs/"),  # refused as a field value, before any lookup
    ("image", "\n  src: /%2e%2e/%2e%2e/etc/passwd\n  alt: Geheim", 7,
     "image.src: '/%2e%2e/%2e%2e/etc/passwd' bevat '..' of '.' als map; verwijs naar het bestand met zijn volledige pad vanaf docs/"),
    ("image", "\n  src: /downloads/fixture.pdf\n  alt: Geen plaatje", 7,
     "image.src: 'fixture.pdf' is geen afbeelding die de site kan lezen"),
    ("documents", "\n- file: /afbeeldingen/fixture.png\n  title: Geen pdf", 7,
     "documents.0.file: 'fixture.png' is geen pdf"),
    ("documents", "\n- file: /../mkdocs.yml\n  title: De instellingen", 7,
     "documents.0.file: '/../mkdocs.yml' bevat '..' of '.' als map; verwijs naar het bestand met zijn volledige pad vanaf docs/"),
    ("image", "\n  src: /agenda/\n  alt: Een pagina", 7, "image.src: '/agenda/' is geen afbeelding die de site kan lezen"),
    ("documents", "\n- file: /feeds/rss.xml\n  title: Een feed", 7, "documents.0.file: '/feeds/rss.xml' is geen pdf"),
])
def test_references_that_leave_the_site_or_are_not_what_they_claim_are_refused(tmp_path, field, value, line, expected):
    kapot = news(1, title="T", summary="S", extra=f"{field}:{value}\n")  # {field} on line 6
    problems = _problems(build_corpus(tmp_path, {"content/news/kapot.md": kapot}, check=False))
    assert len(problems) == 1 and problems[0].startswith(f"content/news/kapot.md:{line}: {expected}")


def test_an_image_over_the_limit_is_refused_with_the_limit(tmp_path):
    project = corpus_project(tmp_path / "project")
    # a PNG header that claims 4,000 x 3,000 pixels: the size is read from the header alone
    def png(width: int, height: int, padding: int = 16) -> bytes:
        return (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + width.to_bytes(4, "big") + height.to_bytes(4, "big")
                + b"\x08\x02\x00\x00\x00" + bytes(padding))

    (project / "docs/media").mkdir()
    (project / "docs/media/groot.png").write_bytes(png(4000, 3000))
    (project / "docs/media/zwaar.png").write_bytes(png(800, 600, 2 * 1024 * 1024))
    (project / "content/news/groot.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-00000000aa04\ntitle: T\ndate: 2024-06-03\nsummary: S\n---\n"
        "![Groot](/media/groot.png)\n\n![Zwaar](/media/zwaar.png)\n", encoding="utf-8")
    assert _problems(mkdocs_build(project, tmp_path / "site", check=False)) == [
        "content/news/groot.md:7: de afbeelding 'groot.png' is 4000 bij 3000 pixels; de grens is 2400 pixels "
        "breed en hoog: verklein haar, bijvoorbeeld tot 1600 pixels breed",
        "content/news/groot.md:9: de afbeelding 'zwaar.png' is 2 MB; de grens is 1 MB: verklein haar, "
        "bijvoorbeeld tot 1600 pixels breed, of sla haar op als jpg",
    ]


@pytest.fixture(scope="module")
def working_site(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("references"), {"content/news/goed.md": WORKING}).site


def test_links_to_pages_anchors_feeds_and_files_that_exist_build(working_site):
    page = lxml.html.fromstring((working_site / "nieuws/goed/index.html").read_bytes())
    hrefs = page.xpath("//article//a/@href | //div[@class='md-content']//a/@href")
    assert "../fixture-nieuws-met-afbeelding/#eerste-kop" in hrefs  # MkDocs made the .md link the page's address


def test_every_image_has_alt_text_width_and_height(working_site):
    for path in ("nieuws/goed/index.html", "nieuws/fixture-nieuws-met-afbeelding/index.html",
                 "agenda/2024-05-22-webinar-met-opname/index.html", "agenda/terugblik-webinars/index.html"):
        page = lxml.html.fromstring((working_site / path).read_bytes())
        images = page.xpath("//*[contains(@class, 'md-content')]//img")
        assert images, path
        for image in images:
            assert image.get("alt") is not None, (path, lxml.html.tostring(image))
            assert int(image.get("width")) > 0 and int(image.get("height")) > 0, (path, lxml.html.tostring(image))
    poster = lxml.html.fromstring((working_site / "nieuws/goed/index.html").read_bytes()).xpath(
        "//img[@src='/afbeeldingen/test-poster.svg' or contains(@src, 'test-poster.svg')]")[0]
    assert (poster.get("width"), poster.get("height")) == ("320", "180")


def test_a_document_shows_its_type_and_size_read_from_the_file(working_site):
    for path, title in (("nieuws/goed/index.html", "het plan"), ("nieuws/fixture-handreiking/index.html",
                                                                  "de handreiking")):
        page = lxml.html.fromstring((working_site / path).read_bytes())
        [link] = [a for a in page.xpath("//a[contains(@href, 'fixture.pdf')]")]
        assert " ".join(link.text_content().split()) == f"Download {title} (PDF, 1 kB)"


def test_a_warm_build_reports_a_reference_that_broke_without_its_file_changing(tmp_path):
    """The linking file is unchanged (its item and references come from the build cache); the
    page it links to is gone: the warm build refuses it as the cold one would."""
    project = corpus_project(tmp_path / "project")
    (project / "content/news/goed.md").write_text(WORKING, encoding="utf-8")
    mkdocs_build(project, tmp_path / "cold")
    assert (project / ".cache").is_dir()  # the next build is warm
    (project / "content/news/fixture-digizine.md").unlink()
    problems = _problems(mkdocs_build(project, tmp_path / "warm", check=False))
    assert problems == [
        "content/news/goed.md:15: 'fixture-digizine.md' bestaat niet op deze site (gelezen vanaf deze pagina: "
        "nieuws/fixture-digizine.md); verwijs met het webadres, bijvoorbeeld /nieuws/<bestandsnaam>/ of /over-sto/"]
    assert _problems(mkdocs_build(project, tmp_path / "again", check=False, env={"STO_NO_BUILD_CACHE": "1"})) == problems
