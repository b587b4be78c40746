"""What the site search indexes of a page: all of it, except a news body after its lead.

The search record of a page (``sto.site.search``) holds its converted HTML with every block of a
news body after its lead marked ``data-pagefind-ignore``, which Pagefind skips. The page itself
shows the full body and carries no marks; only the index and the result fragments are smaller.
News items keep their title, summary and lead searchable; FAQ answers and events stay whole.

This works on the HTML string MkDocs renders from Markdown, in one pass over its tags: no parser.
"""

from __future__ import annotations

import html as html_text
import re

from sto.content.items import AnyItem
from sto.site import section_pages
from sto.site.pages import search_text

# The words of a news body that stay searchable, counted in whole top-level blocks: the block
# that reaches this many words is the lead's last. Measured on the benchmark corpus (bodies of
# 2 to 6 paragraphs of about 45 words): 80 words is the first one or two paragraphs and puts
# the index at 1.11 MB per 1,000 items (target 1.5; 60 words: 0.98, 100: 1.21, 150: 1.42).
LEAD_WORDS = 80

# The paragraph that carries what only search needs (pages.search_text): a news item's summary,
# an event's kind, time and place. Put in front of the body after the body is marked, so it is
# never counted or marked; only the search record has it.
SEARCH_TEXT_CLASS = "sto-search-text"

EXCLUDE = " data-pagefind-ignore"

# Python-Markdown writes < and > in attribute values as entities, so a tag ends at its first ">".
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", re.S)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def mark_after_lead(html: str, lead_words: int = LEAD_WORDS) -> str:
    """``html`` with every top-level block after the first ``lead_words`` words marked
    ``data-pagefind-ignore``; the lead ends with the block that reaches the count.

    A block that holds an element of its own tag (a list with a nested list, an admonition
    with a nested one) stays unmarked (Material's indexer, which this was written for, ended
    the exclusion at the inner end tag). Such blocks are rare in news."""
    words = 0
    depth = 0
    top_tag = ""  # tag of the open top-level block
    insert_at = -1  # where its mark would go: right after the tag name
    nests = False  # whether it holds an element of its own tag
    text_from = 0
    marks: list[int] = []
    for match in _TAG.finditer(html):
        closing, tag, rest = match.group(1, 2, 3)
        if words < lead_words and depth:
            words += len(html[text_from:match.start()].split())
        text_from = match.end()
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        if closing:
            depth -= 1 if depth else 0
            if depth == 0 and insert_at >= 0 and not nests:
                marks.append(insert_at)
            continue
        if tag in _VOID or rest.endswith("/"):
            continue  # no content, nothing to search
        if depth == 0:
            in_lead = words < lead_words
            top_tag, nests = tag, False
            # Marked only if the lead was complete when the block started.
            insert_at = -1 if in_lead else match.start(2) + len(tag)
        elif tag == top_tag:
            nests = True
        depth += 1
    if not marks:
        return html
    parts, start = [], 0
    for at in marks:
        parts += [html[start:at], EXCLUDE]
        start = at
    parts.append(html[start:])
    return "".join(parts)


def for_search(html: str, item: AnyItem | None) -> str:
    """The HTML of an item's page as search should index it: a news body after its lead is
    marked. ``item`` is the page's content item, or None for other pages (left whole).

    When the body starts with the summary (then the page shows no separate summary and the
    search text has none, see pages.search_text), the lead is at least the summary."""
    if item is None or (lead := section_pages.of(item).lead_words(item)) is None:
        return html
    return mark_after_lead(html, max(LEAD_WORDS, lead))


def with_search_text(html: str, item: AnyItem | None) -> str:
    """A page's HTML with its item's search-only text in front, as a paragraph: searched with
    the body, shown as the excerpt of a result that matched it."""
    text = search_text(item) if item is not None else ""
    if not text:
        return html
    paragraph = f'<p class="{SEARCH_TEXT_CLASS}">{html_text.escape(text, quote=False)}</p>'
    return f"{paragraph}\n{html}" if html else paragraph


def indexed_html(html: str, item: AnyItem | None) -> str:
    """What the search record of a page holds below its title (``sto.site.search``)."""
    return with_search_text(for_search(html, item), item)
