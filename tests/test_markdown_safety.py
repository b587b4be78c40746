import markdown
import pytest

from sto.content import markdown_safety
from sto.content.markdown_safety import EscapeRawHtml, checked_body


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[EscapeRawHtml(), "tables"])


def test_block_and_inline_html_are_shown_as_text():
    html = render('<script>alert("x")</script>\n\nTekst met <img src=x onerror=alert(1)> erin.')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_markdown_itself_still_works():
    html = render("**vet** en [link](https://www.example.org) en `<code>`")
    assert "<strong>vet</strong>" in html
    assert '<a href="https://www.example.org">link</a>' in html
    assert "<code>&lt;code&gt;</code>" in html


def test_unsafe_link_schemes_lose_their_target():
    html = render("[klik](javascript:alert(1)) [ook](java%0Ascript:x) ![p](data:image/svg+xml,x) "
                  "[mail](mailto:info@example.org) [pad](/agenda/)")
    assert "javascript" not in html.split("klik")[0]
    assert 'href="javascript' not in html and 'src="data:' not in html
    assert 'href="mailto:info@example.org"' in html and 'href="/agenda/"' in html


# Bodies whose headings the check judges from their text as written, and bodies it must convert
# (markup, entities, escapes, a reserved or empty id, an admonition), with what both ways say.
HEADINGS = ["## Gewoon een kop", "Gewoon\n===", "## Één", "## C# tips ##", "> Foo\n> ---", "- Foo\n---",
            "## Kop\n\n## Kop", "## md", "## 2024", "## _foo", "## &#95;x", "## \\_x", "## ???", "## 🎉",
            "> # md-nav", "- # md-nav", "1. # md-x", "Md-Foo\n---", "## md-nav", "##md-x", "## Onderwerp: x",
            "#sto-zet-in-agenda", "## Sto zet in agenda", "# `md`-x", "## *md*-x", "## agenda adres x", "## _1",
            "tekst\n\n    ## md-x", '!!! md-header "x"\n    tekst', "## a &amp; _b_"]


@pytest.mark.parametrize("body", HEADINGS)
def test_headings_judged_without_converting_agree_with_the_conversion(body, monkeypatch):
    shortcut = checked_body("pagina.md", body, 1)
    monkeypatch.setattr(markdown_safety, "_needs_conversion", lambda _body: True)
    assert shortcut == checked_body("pagina.md", body, 1)


def test_plain_headings_need_no_conversion_and_marked_up_ones_do():
    assert not markdown_safety._needs_conversion("Tekst.\n\n## Gewoon een kop\n\nMeer\n===\n")
    for body in ("## *md*-x", "## ???", "> # md-nav", '!!! md-header "x"\n    tekst', "[a](b)"):
        assert markdown_safety._needs_conversion(body), body
