import markdown

from sto.content.markdown_safety import EscapeRawHtml


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
