"""A Markdown extension that keeps editors' bodies from running code in visitors' browsers,
and the check that tells editors, with a line, what in their body is refused.

Raw HTML is shown as text instead of passed through: a stray ``<script>`` or ``</div>`` in a
body must neither run nor break the page layout. Python-Markdown dropped its old safe mode;
the documented way is to deregister the two processors that pass HTML through. Every link
and image address (inline, reference-style, autolinks) goes through ``trust.check_url``, and
``{: ...}`` attribute lists keep only ``id`` and classes.

The loader runs ``body_problems`` on every body, so a refused address or attribute stops the
build with a Dutch problem; in the site build itself anything refused is neutralised (a link
becomes plain text, an image its alt text), never silently kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

from markdown import Extension, Markdown
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from sto.content.markdown_limits import structure_problems
from sto.content.trust import Refused, character_problems, check_url
from sto.problems import Problem

# The extensions content bodies are rendered with (mkdocs.yml), as far as they can make links or
# attributes; toc only adds anchors.
BODY_EXTENSIONS = ("tables", "attr_list", "admonition")
_NAME = re.compile(r"[A-Za-z][\w-]{0,63}")
# The generated FAQ page marks each topic's headings with data-topic (sto.views; sto.js filters
# on it). A slug there does nothing else, so content may carry it too.
ATTRIBUTES = ("id", "class", "data-topic")


# (what was written, the Dutch refusal), collected while a body is converted by body_problems
Refusals = list[tuple[str, str]]


def _refuse(refusals: Refusals | None, written: str, message: str) -> None:
    if refusals is not None:
        refusals.append((written, message))


class _CheckUrls(Treeprocessor):
    def __init__(self, md: Markdown, refusals: Refusals | None):
        super().__init__(md)
        self.refusals = refusals

    def run(self, root: ET.Element) -> None:
        for element in list(root.iter()):
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            value = element.get(attribute) if attribute else None
            if value is None:
                continue
            written = value.replace(AMP_SUBSTITUTE, "&")
            try:
                check_url(written, relative=True, media=element.tag == "img")
            except Refused as refusal:
                _refuse(self.refusals, written, str(refusal))
                _neutralise(element)


def _neutralise(element: ET.Element) -> None:
    """The link's text (or the image's alt text) stays; the address goes."""
    if element.tag == "img":
        element.text = element.get("alt") or ""
    element.tag = "span"
    element.attrib.clear()


class _IdAndClassOnly(AttrListTreeprocessor):
    """attr_list as configured, but ``{: onerror=... style=... }`` sets nothing and is reported."""

    def __init__(self, md: Markdown, refusals: Refusals | None):
        super().__init__(md)
        self.refusals = refusals

    def assign_attrs(self, elem: ET.Element, attrs_string: str, *, strict: bool = False) -> str:
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if strict and remainder:
            return remainder
        for key, value in attrs:
            name = "class" if key == "." else key
            if name not in ATTRIBUTES:
                _refuse(self.refusals, f"{key}=" if value is not None else key,
                        f"het kenmerk '{key}' is niet toegestaan; tussen {{: }} mogen alleen #id en .klasse staan")
            elif not (value and _NAME.fullmatch(value)):
                _refuse(self.refusals, value or key, f"'{value}' is geen geldige naam voor {name}; "
                        "gebruik letters, cijfers en streepjes")
            elif name == "class" and elem.get("class"):
                elem.set("class", f"{elem.get('class')} {value}")
            else:
                elem.set(name, value)
        return remainder


class EscapeRawHtml(Extension):
    def __init__(self, refusals: Refusals | None = None):
        super().__init__()
        self.refusals = refusals  # None in the site build: refused parts are only neutralised there

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        if "attr_list" in md.treeprocessors:
            md.treeprocessors.register(_IdAndClassOnly(md, self.refusals), "attr_list", 8)  # attr_list's own priority
        md.treeprocessors.register(_CheckUrls(md, self.refusals), "sto_check_urls", 1)


_refusals: Refusals = []


@cache
def _checker() -> Markdown:
    """One Markdown instance for every body check of the process, reporting into _refusals."""
    return Markdown(extensions=[*BODY_EXTENSIONS, EscapeRawHtml(_refusals)])


def body_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """Everything in a Markdown body that may not be published, with the body's line (first its
    depth and size, see markdown_limits)."""
    if limits := structure_problems(path, body, first_line):
        return limits  # too deep or too large for the converter: it does not run on this body
    lines = body.split("\n")
    problems = character_problems(path, body, first_line)
    if not any(mark in body for mark in ("]", "{", "<")):
        return problems  # no link, image, autolink or attribute list: nothing more to decide
    md = _checker()
    md.reset()
    _refusals.clear()
    md.convert(body)
    for written, message in _refusals:
        number = next((n for n, line in enumerate(lines) if written in line), 0)
        problems.append(Problem(path, first_line + number, "", message))
    return problems
