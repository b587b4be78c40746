"""The Markdown source of every page generated from content, as plain strings.

MkDocs turns these into pages (File.generated); keeping them here means the pages can be
tested without MkDocs. Page metadata goes through yaml.safe_dump so no title can break it.
"""

from __future__ import annotations

import yaml

from .content import Content, Item
from .presentation import KIND_LABELS, escape_markdown_inline, when

TEMPLATES = {"news": "sto/news-item.html", "faq": "sto/faq-item.html", "agenda": "sto/event.html"}


def page_source(meta: dict, body: str) -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def item_meta(item: Item) -> dict:
    meta = {"title": item.title, "template": TEMPLATES[item.section]}
    summary = getattr(item.data, "summary", None)
    if summary:
        meta["description"] = summary
    if item.section == "faq":
        # Each question is its own search result on the FAQ page (with its anchor); the
        # question's own page would only duplicate that hit.
        meta["search"] = {"exclude": True}
    return meta


def search_text(item: Item) -> str:
    """What the site search should find for an item beyond its body: an event's kind, time and
    place, or a news item's summary when it has no body. Templates show these from the data,
    so the paragraph is hidden on screen (class sto-search-text) and only feeds the search."""
    data = item.data
    if item.section == "agenda":
        parts = [KIND_LABELS[data.kind], when(data), "online" if data.online else (data.location or "")]
        if data.summary:
            parts.append(data.summary)
    elif item.section == "news" and not item.body.strip():
        parts = [data.summary]
    else:
        return ""
    text = ". ".join(escape_markdown_inline(p) for p in parts if p)
    return f"{text}\n{{: .sto-search-text }}\n\n"


def item_page(item: Item) -> str:
    return page_source(item_meta(item), search_text(item) + item.body)


def generated_pages(content: Content) -> dict[str, str]:
    """src_uri -> Markdown for every content item's own page."""
    return {item.src_uri: item_page(item) for item in content.items}
