"""The hand-written pages and files in docs/: the same trust boundary as content/.

A pull request changes docs/ as easily as content/, and MkDocs and Material trust a page's
front matter: Material prints several settings unescaped (``title`` in ``<title>`` and the
header, ``subtitle``, ``status`` and ``icon`` beside a navigation entry on every page,
``revision_date``, ``author``), and ``template:`` picks any template the theme has, Material's
redirect page among them. MkDocs copies every other file as it is, an ``.html`` page or a script
included. So, for every file under docs/:

- its type is on an allow-list (``FILE_TYPES``): pages, images, documents, captions, video;
  an SVG only with harmless elements (``sto.content.svg_safety``); a script or stylesheet only
  where the project keeps its own (``PROJECT_ASSETS``); anything else is a Dutch problem;
- its name is letters, digits, ``-``, ``_`` and ``.`` (no dot first: MkDocs would skip it
  without a word);
- a page's front matter is ``PageSettings``: each key allowed, typed and checked like content
  fields, ``template`` only where ``TEMPLATES`` allows it; the page's body passes the content
  body check (``markdown_safety``).

MkDocs then gets, for each page, the settings as validated here instead of its own reading of
the YAML (``settings_for``), the title escaped once as generated pages' titles are
(``sto.site.pages``): what Material prints raw is then text, never markup, and a title written as
a number is the text the editor typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from sto.content import frontmatter
from sto.content.fieldtypes import Text, fail
from sto.content.markdown_safety import BodyLinks, checked_body
from sto.content.messages import validation_problems
from sto.content.placeholders import placeholder_problems
from sto.content.sources import files_under
from sto.content.svg_safety import svg_problems
from sto.problems import Problem

PAGE = ".md"
# What else may live in docs/, by suffix (lower case), and why each is harmless: a browser shows
# or downloads it, none runs script. HTML, XML, SVG's scripts, JavaScript, CSS, WebAssembly,
# Flash and anything unknown are not here.
FILE_TYPES: Mapping[str, str] = MappingProxyType({
    ".png": "afbeelding", ".jpg": "afbeelding", ".jpeg": "afbeelding", ".gif": "afbeelding",
    ".webp": "afbeelding", ".avif": "afbeelding", ".ico": "pictogram",
    ".svg": "afbeelding",  # only with harmless elements: svg_problems
    ".pdf": "document", ".docx": "document", ".xlsx": "document", ".pptx": "document",
    ".odt": "document", ".ods": "document", ".odp": "document", ".csv": "document",
    ".txt": "tekst",  # a recording's transcript
    ".vtt": "ondertiteling",
    ".mp4": "video", ".webm": "video",
})
# The project's own stylesheet and scripts in docs/ (mkdocs.yml names them in extra_css and
# extra_javascript, the search dialog is in the policy's registry, sto.mkdocs.csp.SCRIPT_FILES;
# a test keeps them equal). No other .css or .js may be added to docs/: a script there would run
# on every page that included it.
PROJECT_ASSETS = ("assets/sto.css", "assets/sto.js", "assets/sto-search.js")
# Templates a hand-written page may name, per page (from docs/): the home page is rendered
# from the content by our template. Every other page uses the theme's default page.
TEMPLATES: Mapping[str, tuple[str, ...]] = MappingProxyType({"index.md": ("sto/home.html",)})
# MkDocs also reads 'key: value' lines at the top of a page without '---' as its settings
# (MultiMarkdown style, mkdocs.utils.meta.META_RE): such a page is refused, not half read.
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")
_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def _one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise fail("moet op één regel staan; haal de regeleinden weg")
    return text


OneLine = Annotated[Text, AfterValidator(_one_line)]


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SearchSettings(_Settings):
    exclude: bool = Field(False, description="true = deze pagina komt niet in de zoekresultaten")


class PageSettings(_Settings):
    """The front matter a hand-written page may have; everything else is refused."""

    title: OneLine | None = Field(None, description="Titel van de pagina (in de kop, de tab en de zoekresultaten)")
    description: OneLine | None = Field(None, description="Beschrijving voor zoekmachines en bij het delen")
    template: Text | None = Field(None, description="Alleen op de startpagina: sto/home.html")
    search: SearchSettings | None = Field(None, description="exclude: true houdt de pagina uit de zoekresultaten")
    # Material only tests these names for membership (never prints them): layout switches.
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] | None = Field(
        None, description="Delen van de pagina die niet getoond worden: navigation, toc, footer, path, tags, feedback")


@dataclass(frozen=True)
class DocsPage:
    """A valid hand-written page as the reference check reads it (``sto.site.references``)."""

    path: str  # as editors see it: docs/over-sto.md
    src_uri: str  # over-sto.md
    body: str
    first_line: int  # the body's
    links: BodyLinks  # what the body links to or shows, found by the body check


@dataclass
class DocsPages:
    """Every hand-written page's validated settings (by its path under docs/), its body and
    links (read once per build, here), and every problem."""

    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    pages: dict[str, DocsPage] = field(default_factory=dict)  # the valid pages, by their path under docs/

    def settings_for(self, src_uri: str) -> dict[str, Any] | None:
        """What MkDocs may know of a page's front matter (None: not a hand-written page)."""
        return self.settings.get(src_uri)


def read_docs(docs_dir: Path, root: Path) -> DocsPages:
    """Check every file under ``docs_dir`` (links are not followed; ``sources.symlink_problems``
    refuses them) and validate every page, read once: its settings, body and placeholders."""
    found = DocsPages()
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        return found
    prefix = len(docs_dir.relative_to(root).as_posix()) + 1
    for shown in files_under(docs_dir, root):
        src_uri = shown[prefix:]
        if (refusal := file_refusal(src_uri)) is not None:
            found.problems.append(Problem(shown, 1, "", refusal))
            continue
        suffix = PurePosixPath(src_uri).suffix.lower()
        if suffix == ".svg":
            found.problems += svg_problems(shown, (root / shown).read_bytes())
        elif suffix == PAGE:  # a page is always published: it may hold no placeholder either
            raw = (root / shown).read_bytes()
            settings, problems, page = _checked_page(shown, src_uri, raw)
            found.problems += problems + placeholder_problems(shown, raw.decode("utf-8", "replace"))
            if settings is not None and page is not None:
                found.settings[src_uri] = settings
                found.pages[src_uri] = page
    return found


def file_refusal(src_uri: str) -> str | None:
    """Why a file at ``src_uri`` (its path under docs/) may not be published, or None."""
    parts = src_uri.split("/")
    if any(part.startswith(".") for part in parts):
        return ("bestanden en mappen waarvan de naam met een punt begint worden niet gepubliceerd; "
                "haal de punt weg of haal het bestand weg")
    if not all(part and set(part) <= _NAME_CHARACTERS for part in parts):
        return ("gebruik in de naam van een bestand of map alleen letters, cijfers, streepjes (-), liggende "
                "streepjes (_) en punten, zonder spaties")
    suffix = PurePosixPath(src_uri).suffix.lower()
    if suffix == PAGE:
        return None if PurePosixPath(src_uri).suffix == PAGE else "een pagina eindigt op .md (kleine letters)"
    if suffix in (".js", ".mjs", ".css"):
        if src_uri in PROJECT_ASSETS:
            return None
        return (f"een {'stylesheet' if suffix == '.css' else 'script'} ({suffix}) kan niet met de inhoud worden "
                f"toegevoegd; alleen {' en '.join(PROJECT_ASSETS)} van de site zelf zijn toegestaan")
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return ("HTML-bestanden worden niet gepubliceerd; schrijf de pagina in Markdown (.md), dan krijgt ze "
                "de opmaak en de beveiliging van de site")
    if suffix not in FILE_TYPES:
        kinds = ", ".join(sorted({s.removeprefix(".") for s in FILE_TYPES}))
        return (f"bestanden van het type '{suffix or '(zonder extensie)'}' worden niet gepubliceerd; in docs/ "
                f"horen pagina's (.md) en bestanden van deze typen: {kinds}")
    return None


def page_settings(shown: str, src_uri: str, raw: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A page's validated front matter as MkDocs gets it (None when invalid), and its problems."""
    settings, problems, _ = _checked_page(shown, src_uri, raw)
    return settings, problems


def _checked_page(shown: str, src_uri: str, raw: bytes) -> tuple[dict[str, Any] | None, list[Problem],
                                                                 DocsPage | None]:
    """``page_settings``, and the page's body and links once its body is checked."""
    try:  # MkDocs would stop with a traceback on a page that is not UTF-8
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as undecodable:
        return None, [Problem(shown, raw.count(b"\n", 0, undecodable.start) + 1, "",
                              "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")], None
    first = text.split("\n", 1)[0]
    if first.rstrip() != frontmatter.FENCE:
        if _MULTIMARKDOWN_META.match(first):
            return None, [Problem(shown, 1, "", "gegevens bovenaan een pagina horen tussen twee regels '---'; zet er "
                                  "een regel '---' boven en onder, of begin de pagina met een kop (# Titel)")], None
        problems, links = checked_body(shown, text, 1)
        return (None if problems else {}), problems, DocsPage(shown, src_uri, text, 1, links)
    parsed = frontmatter.parse(shown, raw)
    if isinstance(parsed, list):  # front matter that cannot be read: its problems, and the body unchecked
        return None, parsed, None
    body_found, links = checked_body(shown, parsed.body, parsed.body_line)
    page = DocsPage(shown, src_uri, parsed.body, parsed.body_line, links)
    problems = list(parsed.problems) + body_found
    template = parsed.data.get("template")
    allowed = TEMPLATES.get(src_uri, ())
    if isinstance(template, str) and template not in allowed:  # also when another field is wrong
        hint = f"kies {' of '.join(allowed)}" if allowed else "laat 'template:' weg"
        problems.append(Problem(shown, parsed.line_of("template"), "template",
                                f"'{template}' is geen sjabloon voor deze pagina; {hint}"))
    try:
        settings = PageSettings.model_validate(parsed.data)
    except ValidationError as exc:
        return None, problems + validation_problems(shown, exc, PageSettings, parsed.line_of), page
    if problems:
        return None, problems, page
    meta = settings.model_dump(exclude_none=True)
    if "title" in meta:  # MkDocs and Material treat a page title as HTML (see sto.site.pages)
        meta["title"] = html.escape(meta["title"], quote=False)
    return meta, [], page
