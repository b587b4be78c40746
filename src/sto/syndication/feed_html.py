"""A rendered page body made fit for a feed: every URL absolute, no heading permalink anchors.

Feed readers show content away from our site, where a relative link or image would break.
"""

from __future__ import annotations

from lxml import html as lxml_html


def feed_html(body_html: str, page_url: str) -> str:
    """``body_html`` as MkDocs rendered it for the page at absolute ``page_url``."""
    if not body_html.strip():
        return ""
    wrapper = lxml_html.fragment_fromstring(body_html, create_parent="div")
    for anchor in wrapper.xpath('.//a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'):
        anchor.drop_tree()
    wrapper.make_links_absolute(page_url, resolve_base_href=False)
    text = (wrapper.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in wrapper)
    return text.strip()
