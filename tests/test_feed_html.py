"""Page HTML made fit for feeds."""

from __future__ import annotations

from sto.syndication.feed_html import feed_html

PAGE = "https://www.sterktechniekonderwijs.nl/nieuws/bericht/"


def test_relative_links_and_images_become_absolute_and_permalink_anchors_go():
    html = ('<h2 id="kop">Kop<a class="headerlink" href="#kop" title="Link naar dit gedeelte">¶</a></h2>\n'
            '<p>Zie <a href="../ander/">dit</a> en <a href="/veelgestelde-vragen/">vragen</a>, '
            '<a href="https://example.org/x">extern</a>. <img src="../../afbeeldingen/a.jpg" alt="A"> &amp; €</p>')
    out = feed_html(html, PAGE)
    assert 'href="https://www.sterktechniekonderwijs.nl/nieuws/ander/"' in out
    assert 'href="https://www.sterktechniekonderwijs.nl/veelgestelde-vragen/"' in out
    assert 'href="https://example.org/x"' in out
    assert 'src="https://www.sterktechniekonderwijs.nl/afbeeldingen/a.jpg"' in out
    assert "headerlink" not in out and "¶" not in out
    assert out.startswith('<h2 id="kop">Kop</h2>') and "&amp; €" in out


def test_empty_body_gives_empty_content():
    assert feed_html("  \n", PAGE) == ""
