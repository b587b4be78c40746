"""The Markdown source of every page generated from content, as plain strings.

MkDocs turns these into pages (File.generated); keeping them here means the pages can be
tested without MkDocs. Page metadata goes through yaml.safe_dump so no title can break it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import yaml

from sto.content.loader import ItemMemory
from sto.content.items import AnyItem, Content
from sto.site import section_pages

# libyaml's emitter when PyYAML has it: the pure-Python one cost ~0.2 ms per page at scale.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Page metadata that keeps a page out of Material's search index.
SEARCH_EXCLUDED: Mapping[str, bool] = MappingProxyType({"exclude": True})
# A generated page's front matter: title, template, description, search.
Meta = dict[str, Any]


def page_source(meta: Meta, body: str) -> str:
    """A generated page's Markdown. ``meta["title"]`` is plain text: MkDocs and Material treat a
    page title as HTML (it may come from a Markdown heading) and print it unescaped in <title>,
    the header, the nav and the search index (whose results Material renders as HTML), so it is
    escaped here, once, for every generated page. Templates print ``item.title`` (plain text,
    autoescaped) where they have the item."""
    if "title" in meta:
        meta = {**meta, "title": html.escape(meta["title"], quote=False)}
    header = yaml.serialize(_node(meta), Dumper=_Dumper, allow_unicode=True, width=10_000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def _node(value: object) -> yaml.Node:
    """The YAML node yaml.dump(..., sort_keys=True) makes of page metadata (text, true/false,
    lists and mappings of them), without its representer's per-value dispatch (a third of the
    cost of every generated page's Markdown); libyaml's emitter still chooses each scalar's style."""
    if isinstance(value, bool):
        return yaml.ScalarNode("tag:yaml.org,2002:bool", "true" if value else "false")
    if isinstance(value, str):
        return yaml.ScalarNode("tag:yaml.org,2002:str", value)
    if isinstance(value, list):
        return yaml.SequenceNode("tag:yaml.org,2002:seq", [_node(v) for v in value], flow_style=False)
    if isinstance(value, Mapping):
        return yaml.MappingNode("tag:yaml.org,2002:map", [(_node(k), _node(value[k])) for k in sorted(value)],
                                flow_style=False)
    raise TypeError(f"page metadata holds text, true/false, lists and mappings, not {type(value).__name__}")


def item_meta(item: AnyItem) -> Meta:
    meta: Meta = {"title": item.title, "template": item.section.template, "description": description(item)}
    if not item.section.searched:
        meta["search"] = SEARCH_EXCLUDED
    return meta


def description(item: AnyItem) -> str:
    """A page's meta description, as its section's pages give it (sto.site.section_pages): a
    summary, else the first sentence, else what the facts say."""
    return section_pages.of(item).description(item)


def search_text(item: AnyItem) -> str:
    """What the site search should find for an item beyond its body, as plain text: an event's
    kind, time and place, or a news item's summary (sto.site.section_pages). Templates show these
    from the data; the MkDocs adapter gives the search this text as a hidden paragraph
    (sto.site.search_trim)."""
    return section_pages.of(item).search_text(item)


def item_page(item: AnyItem) -> str:
    return page_source(item_meta(item), item.body)


def generated_pages(content: Content, memory: ItemMemory | None = None) -> dict[str, str]:
    """src_uri -> Markdown for every content item's own page. A ``memory`` (the build cache) keeps
    each page's Markdown by its file's digest: it is made from the item alone."""
    if memory is None:
        return {item.src_uri: item_page(item) for item in content.items}
    pages = {}
    for item in content.items:
        key = f"item-page:{item.source_digest}"
        page = memory.get(key)
        if not isinstance(page, str):
            page = item_page(item)
            memory.put(key, page)
        pages[item.src_uri] = page
    return pages
