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

import html
import re
import xml.etree.ElementTree as ET
from functools import cache

from markdown import Extension, Markdown
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from sto.content.markdown_limits import structure_problems
from sto.content.trust import Refused, character_problems, check_url, is_invisible
from sto.problems import Problem

# The extensions content bodies are rendered with (mkdocs.yml), as far as they can make links or
# attributes; toc only adds anchors.
BODY_EXTENSIONS = ("tables", "attr_list", "admonition")
# The body check also gives headings their ids as the site's toc does (mkdocs.yml), to judge them.
_CHECK_EXTENSIONS = (*BODY_EXTENSIONS, "toc")
# What the check must convert a body for, whatever else it holds: a link, image, autolink or raw
# HTML ("]", "<"), an attribute list ("{"), an admonition (its type becomes a class).
_CONVERT_FOR = ("]", "{", "<")
_ADMONITION = re.compile(r"^[ \t>]*!!!", re.M)
# Where a heading can be: an ATX line, also in a list item or a quote ("- ## Kop", "> # Kop"), and
# the line above a setext underline ("Kop" over "===" or "---"). A superset: a line that is no
# heading after all is only judged once more.
_ATX = re.compile(r"^[ \t>*+\-\d.)]*#+(.*)$", re.M)
_SETEXT = re.compile(r"^(.*)\n[ \t>]*(?:=+|-+)[ \t]*$", re.M)
_CONTAINER = re.compile(r"^[ \t>]*")
_LIST_MARK = re.compile(r"^[ \t>*+\-\d.)]*")
# Characters that make a heading's text differ from what is written (escapes, emphasis, code,
# entities): such a heading is judged on the converted text.
_MARKUP = frozenset("\\`*_&")
_NAME = re.compile(r"[A-Za-z][\w-]{0,63}")
# What an editor's attribute list may set: an id and classes.
ATTRIBUTES = ("id", "class")
# The generated FAQ page also marks each topic's headings with data-topic (sto.views; sto.js files
# the answers under a topic by it), so the site build keeps it there; in content it would re-file
# other answers in the filter, so the check refuses it like any data attribute.
GENERATED_ATTRIBUTES = (*ATTRIBUTES, "data-topic")
# Ids and classes the theme's and our scripts look up, which content may not take, from an
# attribute list or as a heading's generated id: Material's ids all start with "_" (its
# configuration script is #__config, its drawer #__drawer), its classes with "md-"; the FAQ
# page's topic headings are #onderwerp-<slug> (its filter links there), the subscribe page's
# addresses #agenda-adres-<key> (copy-url.js copies them); our scripts find the classes below.
RESERVED_ID_PREFIXES = ("_", "md-", "onderwerp-", "agenda-adres-")
RESERVED_IDS = ("sto-zet-in-agenda", "sto-faq-topics-title")
RESERVED_CLASS_PREFIXES = ("md-",)
RESERVED_CLASSES = ("sto-video", "sto-video__play", "sto-faq-details", "sto-copy-status", "sto-faq-topics__status")


# (what was written, the Dutch refusal), collected while a body is converted by body_problems
Refusals = list[tuple[str, str]]
# (what was written, "image" or "link"): every address a body links to that passed check_url
Found = list[tuple[str, str]]


def _refuse(refusals: Refusals | None, written: str, message: str) -> None:
    if refusals is not None:
        refusals.append((written, message))


class _CheckUrls(Treeprocessor):
    def __init__(self, md: Markdown, refusals: Refusals | None, found: Found | None = None):
        super().__init__(md)
        self.refusals = refusals
        self.found = found

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
                continue
            if element.tag == "img" and is_invisible(element.get("alt") or ""):
                _refuse(self.refusals, written, f"de afbeelding '{written}' heeft geen alt-tekst; schrijf tussen "
                        "de haken wat erop staat, voor wie haar niet kan zien: ![leerlingen in een techlab](...)")
            if self.found is not None:  # as written, but without the entities Markdown hides e-mail addresses with
                self.found.append((html.unescape(written), "image" if element.tag == "img" else "link"))


def _neutralise(element: ET.Element) -> None:
    """The link's text (or the image's alt text) stays; the address goes."""
    if element.tag == "img":
        element.text = element.get("alt") or ""
    element.tag = "span"
    element.attrib.clear()


class _IdAndClassOnly(AttrListTreeprocessor):
    """attr_list as configured, but ``{: onerror=... style=... }`` sets nothing and is reported."""

    def __init__(self, md: Markdown, refusals: Refusals | None, attributes: tuple[str, ...]):
        super().__init__(md)
        self.refusals = refusals
        self.attributes = attributes

    def assign_attrs(self, elem: ET.Element, attrs_string: str, *, strict: bool = False) -> str:
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if strict and remainder:
            return remainder
        for key, value in attrs:
            name = "class" if key == "." else key
            if name not in self.attributes:
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


def reserved_id(name: str) -> bool:
    return name.startswith(RESERVED_ID_PREFIXES) or name in RESERVED_IDS


def reserved_class(name: str) -> bool:
    return name.startswith(RESERVED_CLASS_PREFIXES) or name in RESERVED_CLASSES


class _ReservedNames(Treeprocessor):
    """Ids and classes that belong to the theme's and our scripts, taken by content."""

    def __init__(self, md: Markdown, refusals: Refusals):
        super().__init__(md)
        self.refusals = refusals

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            name = element.get("id")
            if name is not None and reserved_id(name):
                heading = element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
                text = self._as_written("".join(element.itertext()).strip())
                written = text if heading and text else f"#{name}"
                what, fix = ((f"de kop '{text}' krijgt", "kies een andere id met {: #andere-naam } achter de kop")
                             if heading else ("dit stuk krijgt", "kies een andere id"))
                self.refusals.append((written, f"{what} de id '{name}', die de site zelf gebruikt; {fix}"))
            for name in (element.get("class") or "").split():
                if reserved_class(name):
                    self.refusals.append((f".{name}", f"de klasse '{name}' gebruikt de site zelf; kies een andere"))


    def _as_written(self, text: str) -> str:
        """A heading's text with what the converter hid in it (entities, escaped characters) shown as
        the reader sees it, not as the converter's placeholders."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        text = HTML_PLACEHOLDER_RE.sub(lambda found: html.unescape(str(blocks[int(found.group(1))])), text)
        return UnescapeTreeprocessor(self.md).unescape(text)


class EscapeRawHtml(Extension):
    def __init__(self, refusals: Refusals | None = None, found: Found | None = None):
        super().__init__()
        self.refusals = refusals  # None in the site build: refused parts are only neutralised there
        self.found = found  # the addresses that passed, for the reference check (sto.site.references)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        attributes = GENERATED_ATTRIBUTES if self.refusals is None else ATTRIBUTES
        if "attr_list" in md.treeprocessors:
            md.treeprocessors.register(_IdAndClassOnly(md, self.refusals, attributes), "attr_list", 8)  # its priority
        md.treeprocessors.register(_CheckUrls(md, self.refusals, self.found), "sto_check_urls", 1)
        if self.refusals is not None:  # after toc (5), which gives headings their ids
            md.treeprocessors.register(_ReservedNames(md, self.refusals), "sto_reserved_names", 0.5)


# A body's addresses as plain data (marshal, for the build cache): (address, "image" or "link", line)
BodyLinks = list[tuple[str, str, int]]


class _BodyCheck:
    """A Markdown converter that checks a body: what it refuses, and the addresses that passed."""

    def __init__(self) -> None:
        self.refusals: Refusals = []
        self.found: Found = []
        self.md = Markdown(extensions=[*_CHECK_EXTENSIONS, EscapeRawHtml(self.refusals, self.found)])

    def run(self, body: str) -> tuple[Refusals, Found]:
        self.md.reset()
        self.refusals.clear()
        self.found.clear()
        self.md.convert(body)
        return list(self.refusals), list(self.found)


@cache
def _checker() -> _BodyCheck:
    """One converter for every body check of the process (setting one up costs more than a check);
    each check starts it afresh."""
    return _BodyCheck()


def body_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """Everything in a Markdown body that may not be published, with the body's line."""
    return checked_body(path, body, first_line)[0]


def checked_body(path: str, body: str, first_line: int) -> tuple[list[Problem], BodyLinks]:
    """``body_problems``, and every address the body links to or shows that passed the check,
    with its line (one conversion for both): what the reference check resolves. First the body's
    depth and size (markdown_limits): a body too deep or too large is not converted at all."""
    if limits := structure_problems(path, body, first_line):
        return limits, []
    lines = body.split("\n")
    problems = character_problems(path, body, first_line)
    if not _needs_conversion(body):
        return problems, []  # no link, image, autolink, attribute list or admonition; plain headings only
    refusals, found = _checker().run(body)
    for written, message in refusals:
        problems.append(Problem(path, first_line + _line_of(lines, written), "", message))
    links = [(written, kind, first_line + _line_of(lines, written)) for written, kind in found]
    return problems, links


def _needs_conversion(body: str) -> bool:
    """Whether the check must convert the body to judge it: for what only conversion finds, or
    for a heading whose id (toc's slug of its text) cannot be told from its text as written."""
    if any(mark in body for mark in _CONVERT_FOR) or _ADMONITION.search(body):
        return True
    texts = [found.group(1).strip().rstrip("#") for found in _ATX.finditer(body)]
    texts += [_CONTAINER.sub("", found.group(1)) for found in _SETEXT.finditer(body)]
    texts += [_LIST_MARK.sub("", text) for text in texts]
    return any(not _plain_heading(text) for text in texts)


def _plain_heading(text: str) -> bool:
    """A heading text that reads as written and gives an id the site may use. An empty slug
    (a heading of only symbols) becomes "_1", which is reserved: the conversion says so."""
    if any(mark in _MARKUP for mark in text):
        return False
    slug = slugify(text.strip(), "-")
    return bool(slug) and not reserved_id(slug)


def _line_of(lines: list[str], written: str) -> int:
    """The first line (from 0) that holds ``written``: where the editor typed it, perhaps with an
    entity for a character ("&#95;"), or a class or id without its "." or "#" (an admonition's type)."""
    for wanted in (written, written[1:] if written[:1] in ".#" else ""):
        for number, line in enumerate(lines):
            if wanted and (wanted in line or wanted in html.unescape(line)):
                return number
    return 0
