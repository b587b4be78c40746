"""The Markdown source of every page generated from content, as plain strings.

MkDocs turns these into pages (File.generated); keeping them here means the pages can be
tested without MkDocs. Page metadata goes through yaml.safe_dump so no title can break it.
"""

from __future__ import annotations

import html

import yaml

from sto.content.items import Content, Item
from sto.site.presentation import KIND_LABELS, escape_markdown_inline, first_sentence, summary_repeats_body, when
from sto.mkdocs.search_trim import SEARCH_TEXT_CLASS

# libyaml's emitter when PyYAML has it: the pure-Python one cost ~0.2 ms per page at scale.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

TEMPLATES = {"news": "sto/news-item.html", "faq": "sto/faq-item.html", "agenda": "sto/event.html"}


def page_source(meta: dict, body: str) -> str:
    """A generated page's Markdown. ``meta["title"]`` is plain text: MkDocs and Material treat a
    page title as HTML (it may come from a Markdown heading) and print it unescaped in <title>,
    the header, the nav and the search index (whose results Material renders as HTML), so it is
    escaped here, once, for every generated page. Templates print ``item.title`` (plain text,
    autoescaped) where they have the item."""
    if "title" in meta:
        meta = {**meta, "title": html.escape(meta["title"], quote=False)}
    header = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=10_000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def item_meta(item: Item) -> dict:
    meta = {"title": item.title, "template": TEMPLATES[item.section], "description": description(item)}
    # A FAQ question is searched on its own page, so each question is a result of its own with
    # the question as its title (Material folds the sections of one page under one result, so
    # the FAQ page, where all questions stand, is not indexed).
    return meta


def description(item: Item) -> str:
    """A page's meta description: its summary, else its first sentence, else (an event with
    neither) what and when it is, from its facts."""
    data = item.data
    summary = getattr(data, "summary", None) or first_sentence(item.body)
    if summary:
        return summary
    if item.section == "agenda":
        place = "online" if data.online else data.location
        return f"{KIND_LABELS[data.kind]} op {when(data)}" + (f", {place}." if place else ".")
    return f"Antwoord op de veelgestelde vraag: {item.title}"


def search_text(item: Item, topics: dict[str, str] | None = None) -> str:
    """What the site search should find for an item beyond its body: an event's kind, time and
    place, a news item's summary, or a question's topic. Templates show these from the data, so the paragraph is
    hidden on screen (class sto-search-text) and only feeds the search. A news body that starts
    with its summary already holds it (the page then shows no separate summary either)."""
    data = item.data
    if item.section == "agenda":
        parts = [KIND_LABELS[data.kind], when(data), "online" if data.online else (data.location or "")]
        if data.summary:
            parts.append(data.summary)
    elif item.section == "news" and not summary_repeats_body(item):
        parts = [data.summary]
    elif item.section == "faq" and topics:
        parts = [f"Onderwerp: {topics.get(data.topic, data.topic)}"]
    else:
        return ""
    text = ". ".join(escape_markdown_inline(p) for p in parts if p)
    return f"{text}\n{{: .{SEARCH_TEXT_CLASS} }}\n\n"


def item_page(item: Item, topics: dict[str, str] | None = None) -> str:
    return page_source(item_meta(item), search_text(item, topics) + item.body)


def generated_pages(content: Content) -> dict[str, str]:
    """src_uri -> Markdown for every content item's own page."""
    topics = content.vocabularies.topics
    return {item.src_uri: item_page(item, topics) for item in content.items}
