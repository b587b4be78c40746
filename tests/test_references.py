"""The reference resolver and the site-file mapping, without a build (sto.site.references,
sto.site.site_files, sto.site.media_files, sto.content.references)."""

from __future__ import annotations

import os

import pytest

from sto.content.markdown_safety import checked_body
from sto.content.models import Event, NewsItem
from sto.content.references import body_references, front_matter_references
from sto.site.media_files import MediaFiles, dutch_size
from sto.site.references import Anchors, Produced, resolve
from sto.site.site_files import file_for, site_path

PRODUCED = Produced.of([
    ("index.md", "index.html", True),
    ("over-sto.md", "over-sto/index.html", True),
    ("nieuws/index.md", "nieuws/index.html", True),
    ("nieuws/bericht.md", "nieuws/bericht/index.html", True),
    ("nieuws/ander.md", "nieuws/ander/index.html", True),
    ("media/foto.png", "media/foto.png", False),
], ["feeds/rss.xml", "agenda/agenda.ics"])


@pytest.mark.parametrize("address, page, written", [
    ("/nieuws/bericht/", "over-sto.md", "nieuws/bericht/index.html"),
    ("/nieuws/bericht", "over-sto.md", "nieuws/bericht/index.html"),  # the server adds the slash
    ("/nieuws/bericht/index.html", "over-sto.md", "nieuws/bericht/index.html"),
    ("/", "nieuws/bericht.md", "index.html"),
    ("/nieuws/?pagina=2#lijst", "index.md", "nieuws/index.html"),
    ("/feeds/rss.xml", "index.md", "feeds/rss.xml"),
    ("/media/foto.png", "nieuws/bericht.md", "media/foto.png"),
    ("/media/./../media/foto.png", "index.md", "media/foto.png"),
    ("ander.md", "nieuws/bericht.md", "nieuws/ander/index.html"),  # from the source, as MkDocs
    ("../over-sto.md", "nieuws/bericht.md", "over-sto/index.html"),
    ("../ander/", "nieuws/bericht.md", "nieuws/ander/index.html"),  # no file: from the page's address
    ("#kop", "nieuws/bericht.md", "nieuws/bericht/index.html"),
])
def test_addresses_that_the_build_produces_resolve(address, page, written):
    target = resolve(address, page, PRODUCED)
    assert target is not None and target.written == written


@pytest.mark.parametrize("address, page", [
    ("/nieuws/bestaat-niet/", "index.md"),
    ("/../../etc/passwd", "index.md"),
    ("/%2e%2e/%2e%2e/etc/passwd", "index.md"),
    ("/media/foto.png/", "index.md"),
    ("bestaat-niet.md", "nieuws/bericht.md"),
    ("foto.png", "nieuws/bericht.md"),  # not beside the source; a file name never resolves from the page
    ("../../../etc/passwd", "nieuws/bericht.md"),
    ("../bestaat-niet/", "nieuws/bericht.md"),
])
def test_addresses_that_the_build_does_not_produce_do_not(address, page):
    assert resolve(address, page, PRODUCED) is None


@pytest.mark.parametrize("address, path", [
    ("/a/b/?x=1#y", "a/b/"), ("/a/./b/../c", "a/c"), ("/", ""), ("/../x", None), ("/a/../../x", None),
    ("/%2e%2e/x", None), ("/a\\b", None), ("/a%00b", None), ("a/b", None), ("https://example.org/a.png", None),
    ("//example.org/a.png", None), ("file:///etc/passwd", None),
])
def test_site_path(address, path):
    assert site_path(address) == path


def test_file_for_opens_only_regular_files_inside_the_folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "media").mkdir(parents=True)
    (docs / "media/foto.png").write_bytes(b"x")
    (tmp_path / "geheim.txt").write_text("geheim")
    os.symlink(tmp_path / "geheim.txt", docs / "media/link.txt")
    os.symlink(tmp_path, docs / "omweg")
    assert file_for(docs, "media/foto.png") == (docs / "media/foto.png").resolve()
    for path in ("../geheim.txt", "media/../../geheim.txt", "media/link.txt", "omweg/geheim.txt", "media", "",
                 "media/", "/etc/passwd"):
        assert file_for(docs, path) is None, path


def test_anchors_are_the_ids_the_configured_toc_gives_the_markdown():
    pages = {"a.md": "# Titel\n\n## Eerste kop\n\n## Eerste kop\n\n## Café & co {#eigen}\n", "b.md": "Geen koppen."}
    anchors = Anchors(pages.get, ["toc", "attr_list"], {"toc": {"permalink": True}})
    assert anchors.of("a.md") == {"titel", "eerste-kop", "eerste-kop_1", "eigen"}
    assert anchors.of("b.md") == frozenset()
    assert anchors.of("gegenereerd.md") is None  # not a page an editor wrote: not checked


def test_front_matter_references_find_every_address_field_with_its_line():
    news = NewsItem.model_validate({"id": "abcdefgh-1", "title": "T", "date": "2024-06-01", "summary": "S",
                                    "image": {"src": "/media/a.png", "alt": "A"},
                                    "documents": [{"file": "/media/a.pdf", "title": "A"}]})
    lines = {"image.src": 7, "documents.0.file": 10}
    assert front_matter_references(news, lambda where: lines.get(where, 1)) == [
        ("image.src", "/media/a.png", "image", 7), ("documents.0.file", "/media/a.pdf", "document", 10)]
    event = Event.model_validate({"id": "abcdefgh-2", "title": "T", "kind": "webinar", "start": "2024-06-19 15:00",
                                  "online": True, "join_url": "https://example.nl/",
                                  "recording": {"url": "/media/v.mp4", "poster": "/media/p.png",
                                                "captions": "/media/c.vtt", "transcript": "/media/t.pdf"}})
    assert [(where, kind) for where, _, kind, _ in front_matter_references(event, lambda where: 1)] == [
        ("join_url", "link"), ("recording.url", "link"), ("recording.poster", "image"),
        ("recording.captions", "media"), ("recording.transcript", "link")]


def test_body_references_carry_the_line_they_were_written_on():
    body = "Tekst.\n\n[een link](/nieuws/x/) en ![beeld](/media/a.png)\n\n[ref]: ander.md\n\nZie [ref].\n"
    problems, links = checked_body("content/news/x.md", body, 8)
    assert problems == []
    assert body_references(links) == [("", "/nieuws/x/", "link", 10), ("", "/media/a.png", "image", 10),
                                      ("", "ander.md", "link", 12)]


def test_refused_addresses_are_not_references_too():
    problems, links = checked_body("x.md", "[x](javascript:alert(1)) en [y](/ok/)", 1)
    assert len(problems) == 1 and links == [("/ok/", "link", 1)]


def test_dutch_sizes():
    assert [dutch_size(n) for n in (1, 51, 350_000, 1024 * 1024, 1_258_291, 20 * 1024 * 1024)] == [
        "1 kB", "1 kB", "342 kB", "1 MB", "1,2 MB", "20 MB"]


def test_documents_are_recognised_by_their_bytes_not_their_name(tmp_path):
    (tmp_path / "echt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(2000))
    (tmp_path / "nep.pdf").write_bytes(b"MZ\x90\x00")
    media = MediaFiles(tmp_path)
    assert media.document_problem(tmp_path / "echt.pdf") is None
    assert media.document_at("/echt.pdf") is not None and media.document_at("/echt.pdf").size == "2 kB"
    assert str(media.document_problem(tmp_path / "nep.pdf")) == (
        "'nep.pdf' is geen pdf; sla het document op als pdf (in Word: Opslaan als, PDF)")


@pytest.mark.parametrize("body", ["![](/media/a.png)", "![ ](/media/a.png)", "![\u200b](/media/a.png)"])
def test_an_image_in_a_body_without_alt_text_is_refused(body):
    problems, _ = checked_body("content/news/x.md", f"Tekst.\n\n{body}\n", 8)
    assert [str(p) for p in problems] == [
        "content/news/x.md:10: de afbeelding '/media/a.png' heeft geen alt-tekst; schrijf tussen de haken wat erop "
        "staat, voor wie haar niet kan zien: ![leerlingen in een techlab](...)"]


def test_an_e_mail_autolink_is_a_mailto_reference_not_a_file():
    _, links = checked_body("x.md", "Mail <info@example.nl>.", 1)
    assert links == [("mailto:info@example.nl", "link", 1)]
