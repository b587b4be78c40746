"""Hostile hand-written pages, files and settings in docs/, and content that takes the names the
theme's scripts use (issue 20, classes 1-4), in the style of tests/hostile_corpus.py.

REFUSED: each case one or a few files, with the exact ``path:line: field: message`` start of the
Dutch problem the build must give.
NEUTRALISED: docs pages whose settings are allowed but hostile text: built into one site by
test_hostile_docs_corpus.py, every output parsed, each must come out as the text typed.
"""

from __future__ import annotations

import json

from .factories import faq, with_front_matter
from .hostile_corpus import MARK, Refused

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
P = "docs/pagina.md"
F = "content/faq/vraag.md"


def svg(body: str, head: str = SVG_HEAD) -> str:
    return f"{head}\n{body}\n</svg>\n"


def page(front: str, body: str = "Tekst.\n") -> str:
    """A docs page: its settings as typed, a blank line, then ``body``."""
    return with_front_matter(front, f"\n{body}")


REFUSED = [
    # -- file types (class 3) --------------------------------------------------------------------
    Refused("an HTML page in docs/", {"docs/pagina.html": f"<script>alert('{MARK}')</script>\n"},
            "docs/pagina.html:1: HTML-bestanden worden niet gepubliceerd"),
    Refused("an .htm page in a folder", {"docs/oud/pagina.htm": "<p>x</p>\n"},
            "docs/oud/pagina.htm:1: HTML-bestanden worden niet gepubliceerd"),
    Refused("a new script under docs/assets/", {"docs/assets/extra.js": f"alert('{MARK}');\n"},
            "docs/assets/extra.js:1: een script (.js) kan niet met de inhoud worden toegevoegd"),
    Refused("a module script", {"docs/assets/sto/module.mjs": "export {};\n"},
            "docs/assets/sto/module.mjs:1: een script (.mjs) kan niet met de inhoud worden toegevoegd"),
    Refused("a new stylesheet", {"docs/assets/extra.css": "body { background: url(https://evil.example/x) }\n"},
            "docs/assets/extra.css:1: een stylesheet (.css) kan niet met de inhoud worden toegevoegd"),
    Refused("WebAssembly", {"docs/assets/x.wasm": b"\x00asm\x01\x00\x00\x00"},
            "docs/assets/x.wasm:1: bestanden van het type '.wasm' worden niet gepubliceerd"),
    Refused("a hosts' redirect file", {"docs/_redirects": "/* https://evil.example/ 301\n"},
            "docs/_redirects:1: bestanden van het type '(zonder extensie)' worden niet gepubliceerd"),
    Refused("an XML file with a stylesheet", {"docs/feed.xml": '<?xml-stylesheet href="x.xsl"?><x/>\n'},
            "docs/feed.xml:1: bestanden van het type '.xml' worden niet gepubliceerd"),
    Refused("a dot folder MkDocs would skip", {"docs/.well-known/security.txt": "Contact: mailto:x@evil.example\n"},
            "docs/.well-known/security.txt:1: bestanden en mappen waarvan de naam met een punt begint"),
    Refused("a space in a file name", {"docs/media/mijn foto.png": b"\x89PNG\r\n\x1a\n"},
            "docs/media/mijn foto.png:1: gebruik in de naam van een bestand of map alleen letters"),
    Refused("a page MkDocs reads as .markdown", {"docs/pagina.markdown": "---\ntemplate: redirect.html\n---\n"},
            "docs/pagina.markdown:1: bestanden van het type '.markdown' worden niet gepubliceerd"),
    Refused("a page ending in .MD", {"docs/pagina.MD": "# Pagina\n"}, "docs/pagina.MD:1: een pagina eindigt op .md"),
    # -- SVG (class 3) ---------------------------------------------------------------------------
    Refused("script in an SVG", {"docs/media/logo.svg": svg(f"<script>alert('{MARK}')</script>")},
            "docs/media/logo.svg:2: het element <script> is niet toegestaan in een SVG-bestand"),
    Refused("onload on an SVG", {"docs/media/logo.svg": svg("<rect width='1' height='1'/>",
                                                             SVG_HEAD.replace(">", f" onload=\"alert('{MARK}')\">"))},
            "docs/media/logo.svg:1: het kenmerk 'onload' is niet toegestaan in een SVG-bestand"),
    Refused("javascript link in an SVG", {"docs/media/logo.svg": svg(
        "<a xlink:href='javascript:alert(1)'><rect width='1' height='1'/></a>")},
            "docs/media/logo.svg:2: het element <a> is niet toegestaan in een SVG-bestand"),
    Refused("foreignObject with HTML in an SVG", {"docs/media/logo.svg": svg(
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"/></div>'
        "</foreignObject>")},
            "docs/media/logo.svg:2: het element <foreignObject> is niet toegestaan in een SVG-bestand"),
    Refused("animation that sets a link", {"docs/media/logo.svg": svg(
        "<set attributeName='href' to='javascript:alert(1)'/>")},
            "docs/media/logo.svg:2: het element <set> is niet toegestaan in een SVG-bestand"),
    Refused("entities in an SVG", {"docs/media/logo.svg": '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "b">]>\n'
                                   + svg("<text>&a;</text>")},
            "docs/media/logo.svg:1: dit SVG-bestand heeft een DOCTYPE"),
    Refused("a stylesheet instruction in an SVG", {"docs/media/logo.svg": '<?xml-stylesheet href="https://evil.example/x.css"?>\n'
                                                   + svg("<rect width='1' height='1'/>")},
            "docs/media/logo.svg:1: '<?xml-stylesheet' (een verwerkingsinstructie) is niet toegestaan"),
    Refused("a fill fetched from another site", {"docs/media/logo.svg": svg(
        "<rect width='1' height='1' fill='url(https://evil.example/p.svg#a)'/>")},
            "docs/media/logo.svg:2: het kenmerk 'fill' verwijst buiten de tekening"),
    Refused("a style attribute in an SVG", {"docs/media/logo.svg": svg(
        "<rect width='1' height='1' style='fill:url(https://evil.example/x)'/>")},
            "docs/media/logo.svg:2: het kenmerk 'style' is niet toegestaan in een SVG-bestand"),
    Refused("an SVG that is not XML", {"docs/media/logo.svg": "<svg><rect></svg>\n"},
            "docs/media/logo.svg:1: dit SVG-bestand is geen geldige XML"),
    # -- templates (class 2) ---------------------------------------------------------------------
    Refused("Material's redirect page", {P: page("title: Pagina\ntemplate: redirect.html\nlocation: https://evil.example/")},
            f"{P}:3: template: 'redirect.html' is geen sjabloon voor deze pagina; laat 'template:' weg"),
    Refused("the home template on another page", {P: page("template: sto/home.html")},
            f"{P}:2: template: 'sto/home.html' is geen sjabloon voor deze pagina; laat 'template:' weg"),
    Refused("another of our templates on the home page", {"docs/index.md": page("template: sto/event.html")},
            "docs/index.md:2: template: 'sto/event.html' is geen sjabloon voor deze pagina; kies sto/home.html"),
    Refused("a template as a path", {P: page("template: ../../../etc/passwd")},
            f"{P}:2: template: '../../../etc/passwd' is geen sjabloon voor deze pagina"),
    Refused("settings MkDocs reads without '---'", {P: "template: redirect.html\nlocation: https://evil.example/\n\nTekst.\n"},
            f"{P}:1: gegevens bovenaan een pagina horen tussen twee regels '---'"),
    # -- front matter (class 1) ------------------------------------------------------------------
    Refused("a subtitle Material prints raw in the navigation",
            {P: page(f"title: Pagina\nsubtitle: \"<img src=x onerror=alert('{MARK}')>\"")},
            f"{P}:3: subtitle: onbekend veld; bedoelt u 'title'?"),
    Refused("a navigation status", {P: page("status: '\"><script>alert(1)</script>'")},
            f"{P}:2: status: onbekend veld; bekende velden zijn: description, hide, search, template, title"),
    Refused("an icon path Material includes", {P: page("icon: ../../../../etc/passwd")}, f"{P}:2: icon: onbekend veld"),
    Refused("a revision date printed raw", {P: page("revision_date: '<script>alert(1)</script>'")},
            f"{P}:2: revision_date: onbekend veld"),
    Refused("an author printed raw in a meta tag", {P: page("author: '\"><script>alert(1)</script>'")},
            f"{P}:2: author: onbekend veld"),
    Refused("a title that is a list", {P: page("title: [a, b]")}, f"{P}:2: title: moet een tekst zijn"),
    Refused("a title over two lines", {P: page("title: |\n  Eerste\n  tweede")},
            f"{P}:2: title: moet op één regel staan"),
    Refused("a control character in a title", {P: page("title: \"Kop\\u000bmet tab\"")},
            f"{P}:2: title: bevat het onzichtbare teken U+000B"),
    Refused("a bidi override in a description", {P: page("description: \"Factuur \\u202egnp.exe\"")},
            f"{P}:2: description: bevat het teken U+202E"),
    Refused("search exclusion that is not true or false", {P: page("search:\n  exclude: misschien")},
            f"{P}:3: search.exclude: moet true of false zijn"),
    Refused("a search boost", {P: page("search:\n  boost: 1000")}, f"{P}:3: search.boost: onbekend veld"),
    Refused("an unknown part to hide", {P: page("hide: [header]")}, f"{P}:2: hide.0: 'header' is geen geldige waarde"),
    Refused("an empty title", {P: page("title: ''")}, f"{P}:2: title: mag niet leeg zijn"),
    Refused("a page that is not UTF-8 (MkDocs would stop with a traceback)", {P: b"# Kop\n\nCaf\xe9\n"},
            f"{P}:3: het bestand is geen geldige UTF-8-tekst"),
    # -- names the theme's scripts use (class 4) ---------------------------------------------------
    Refused("a heading that takes Material's configuration id", {P: page("title: Pagina", "# __config\n")},
            f"{P}:5: de kop '__config' krijgt de id '__config', die de site zelf gebruikt"),
    Refused("a heading that takes the drawer's id", {P: page("title: Pagina", "Tekst.\n\n## !__drawer\n")},
            f"{P}:7: de kop '!__drawer' krijgt de id '__drawer', die de site zelf gebruikt"),
    Refused("a heading in a quote that takes Material's header id", {P: page("title: Pagina", "> ## md-header\n")},
            f"{P}:5: de kop 'md-header' krijgt de id 'md-header', die de site zelf gebruikt"),
    Refused("a heading written with an entity, shown as read", {P: page("title: Pagina", "# &#95;_config\n")},
            f"{P}:5: de kop '__config' krijgt de id '__config', die de site zelf gebruikt"),
    Refused("an admonition whose type is a class of Material's", {P: page("title: Pagina", '!!! md-header "Let op"\n    Tekst.\n')},
            f"{P}:5: de klasse 'md-header' gebruikt de site zelf"),
    Refused("an attribute list id of Material's", {P: page("title: Pagina", "Tekst\n{: #md-header }\n")},
            f"{P}:6: dit stuk krijgt de id 'md-header', die de site zelf gebruikt"),
    Refused("a FAQ topic's anchor taken by an answer", {F: faq(1, body="Ja.\n\n## Onderwerp subsidie en begroting\n")},
            f"{F}:9: de kop 'Onderwerp subsidie en begroting' krijgt de id 'onderwerp-subsidie-en-begroting'"),
    Refused("a data-topic in a FAQ answer", {F: faq(1, body="Ja.\n\n## Meer {: data-topic=\"andere\" }\n")},
            f"{F}:9: het kenmerk 'data-topic' is niet toegestaan"),
    Refused("a data attribute for the video facade", {P: page("title: Pagina", "Tekst\n{: data-sto-src=\"https://evil.example/\" }\n")},
            f"{P}:6: het kenmerk 'data-sto-src' is niet toegestaan"),
    Refused("a class Material's scripts look up", {F: faq(1, body="Ja.\n{: .md-search__input }\n")},
            f"{F}:8: de klasse 'md-search__input' gebruikt de site zelf"),
    Refused("the video facade's class", {P: page("title: Pagina", "Tekst\n{: .sto-video }\n")},
            f"{P}:6: de klasse 'sto-video' gebruikt de site zelf"),
]


# ---- allowed, but hostile text: must come out as text everywhere ------------------------------

NEUTRALISED_TITLE = f"<img src=x onerror=alert('{MARK}d1')> & R&amp;D </title><script>alert('{MARK}d2')</script>"
NEUTRALISED_DESCRIPTION = f"\"><script>alert('{MARK}d3')</script> & <b>vet</b>"
NEUTRALISED = {  # path under docs/ -> text
    "hostile-pagina.md": page(f"title: {json.dumps(NEUTRALISED_TITLE)}\ndescription: {json.dumps(NEUTRALISED_DESCRIPTION)}\nhide: [toc]",
                              f"Tekst met <script>alert('{MARK}d4')</script> en [een link](over-sto.md).\n"),
    "getal.md": page("title: 2024\nsearch:\n  exclude: false", "Een pagina met een getal als titel.\n"),
    "zonder-gegevens.md": f"# Kop met <b>{MARK}d5</b>\n\nTekst.\n",
    "media/tekening.svg": svg("<title>Een tekening</title><rect width='10' height='10' fill='url(#verloop)'/>"
                              "<defs><linearGradient id='verloop'><stop offset='0' stop-color='#0b4a6f'/>"
                              "</linearGradient></defs>"),
}
# Each page's title as the visitor must read it.
NEUTRALISED_TITLES = {"hostile-pagina/": NEUTRALISED_TITLE, "getal/": "2024", "zonder-gegevens/": f"Kop met <b>{MARK}d5</b>"}
