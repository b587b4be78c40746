"""Content files for tests: an item's YAML front matter and Markdown, written the one way here.

``news``, ``event`` and ``faq`` give a valid item of their section from a number (its id) and any
fields to add or replace, as Python values (YAML-dumped, so a title with quotes, markup or control
characters reaches the loader as typed); ``extra`` adds raw YAML lines for a test whose point is
the text itself. Fields keep the defaults' order, so a test can count lines: the front matter
starts on line 2 in the defaults' order, then added fields, then ``extra``; the body follows the
closing ``---`` directly.
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml


def uuid(n: int) -> str:
    """The id of test item ``n``."""
    return f"00000000-aaaa-4bbb-8ccc-{n:012d}"


def front_matter(fields: Mapping[str, object]) -> str:
    """``fields`` as YAML lines, in their order, as editors write them (no line wrapping)."""
    return yaml.safe_dump(dict(fields), allow_unicode=True, sort_keys=False, width=10_000)


def with_front_matter(front: str, body: str = "") -> str:
    """A Markdown file from front matter text as typed (valid or not) and a body."""
    return f"---\n{front}\n---\n{body}"


def markdown_file(fields: Mapping[str, object], body: str = "", *, extra: str = "") -> str:
    """A Markdown file: ``fields`` as front matter, then the raw ``extra`` lines, then ``body``."""
    return f"---\n{front_matter(fields)}{extra}---\n{body}"


def news(n: int, body: str = "De tekst.\n", *, extra: str = "", **fields: object) -> str:
    defaults = {"id": uuid(n), "title": f"Bericht {n}", "date": "2024-06-03", "summary": f"Samenvatting {n}."}
    return markdown_file({**defaults, **fields}, body, extra=extra)


def event(n: int, start: str = "2024-06-19 15:00", body: str = "", *, extra: str = "", **fields: object) -> str:
    defaults = {"id": uuid(n), "title": f"Evenement {n}", "kind": "webinar", "start": start}
    return markdown_file({**defaults, **fields}, body, extra=extra)


def faq(n: int, body: str = "Ja.\n", *, extra: str = "", **fields: object) -> str:
    defaults = {"id": uuid(n), "title": "Een vraag?", "topic": "subsidie-en-begroting", "date": "2024-06-01"}
    return markdown_file({**defaults, **fields}, body, extra=extra)


# One item of each section as an editor types it (for ContentTree.write, which dedents), for tests
# that look at the text itself: line numbers, a changed id.
NEWS = """
---
id: 11111111-aaaa-4bbb-8ccc-000000000001
title: Een nieuwsbericht
date: 2024-06-03
summary: Kort verhaal.
categories: [subsidie]
---

De tekst.
"""

FAQ = """
---
id: 22222222-aaaa-4bbb-8ccc-000000000002
title: Is dit een vraag?
topic: subsidie-en-begroting
date: 2024-06-01
---

Ja.
"""

EVENT = """
---
id: 33333333-aaaa-4bbb-8ccc-000000000003
title: Een webinar
kind: webinar
start: 2024-06-19 15:00
end: 2024-06-19 16:00
online: true
---
"""
