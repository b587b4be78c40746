"""The Markdown source of every page generated from content, as plain strings.

MkDocs turns these into pages (File.generated); keeping them here means the pages can be
tested without MkDocs. Page metadata goes through yaml.safe_dump so no title can break it.
"""

from __future__ import annotations

import yaml

from .content import Content, Item

TEMPLATES = {"news": "sto/news-item.html", "faq": "sto/faq-item.html", "agenda": "sto/event.html"}


def page_source(meta: dict, body: str) -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def item_page(item: Item) -> str:
    return page_source({"title": item.title, "template": TEMPLATES[item.section]}, item.body)


def generated_pages(content: Content) -> dict[str, str]:
    """src_uri -> Markdown for every content item's own page."""
    return {item.src_uri: item_page(item) for item in content.items}
