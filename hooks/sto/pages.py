"""The Markdown source of every page generated from content, as plain strings.

MkDocs turns these into pages (File.generated); keeping them here means the pages can be
tested without MkDocs. Page metadata goes through yaml.safe_dump so no title can break it.
"""

from __future__ import annotations

import html

import yaml

from .content import Content, Item

# libyaml's emitter when PyYAML has it: the pure-Python one cost ~0.2 ms per page at scale.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

TEMPLATES = {"news": "sto/news-item.html", "faq": "sto/faq-item.html", "agenda": "sto/event.html"}


def page_source(meta: dict, body: str) -> str:
    header = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=10_000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def item_page(item: Item) -> str:
    # MkDocs and Material treat a page title as HTML (it may come from a Markdown heading) and
    # print it unescaped in <title>, the header and <h1>; our titles are plain text, so a
    # title with "<script>" must reach them escaped.
    title = html.escape(item.title, quote=False)
    return page_source({"title": title, "template": TEMPLATES[item.section]}, item.body)


def generated_pages(content: Content) -> dict[str, str]:
    """src_uri -> Markdown for every content item's own page."""
    return {item.src_uri: item_page(item) for item in content.items}
