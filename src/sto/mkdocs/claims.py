"""Which file each of MkDocs' files writes, for the check that no two write the same one.

MkDocs knows where a file lands (``File.dest_uri``: ``privacy.md`` -> ``privacy/index.html``) and
whether it comes from docs/, from the theme, or from our hooks; ``sto.syndication.addresses``
decides what a collision is and says it in Dutch. Checked in ``on_files`` before our pages are
added: ``Files.append`` silently replaces a file with the same source name.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sto.site.build import Build
from sto.site.search_index import FOLDER as SEARCH_FOLDER
from sto.problems import Problem
from sto.syndication.addresses import Claim, address_problems, made_by_the_build, page_claim, written_after_the_pages

# What MkDocs writes besides the files (static templates come from the theme).
MADE_BY_MKDOCS = ("sitemap.xml.gz",)


def claim_problems(existing: Iterable[File], added: Iterable[File], config: MkDocsConfig,
                   build: Build) -> list[Problem]:
    """Problems for every address claimed twice by docs/ files, theme files, the pages and data
    our hooks add (``added``), the feeds and calendars and the sitemap, and for every docs/ file in
    the search index's folder (Pagefind writes it whole, beside the rendering, and names its files
    itself)."""
    docs = Path(config.docs_dir)
    claims = [_claim(file, docs) for file in existing]
    # MkDocs adds a theme file only when docs/ has no file of that name, so the theme file a
    # docs/ file hides (a script or stylesheet every page loads) is not among ``existing``.
    claims += [Claim(file.dest_uri, made_by_the_build("het themabestand", file.dest_uri))
               for file in existing if _from(file, docs) and _in_theme(file.src_uri, config)]
    claims += [page_claim(build, file.src_uri, file.dest_uri) for file in added]
    claims += written_after_the_pages(build)
    made = [*config.theme.static_templates, *MADE_BY_MKDOCS]
    claims += [Claim(output, made_by_the_build("het bestand", output)) for output in made]
    in_search = [Problem(f"docs/{file.src_uri}", 1, "", f"de map {SEARCH_FOLDER}/ is van de zoekfunctie, die hem "
                         "zelf vult; zet het bestand in een andere map")
                 for file in existing if _from(file, docs) and file.dest_uri.startswith(f"{SEARCH_FOLDER}/")]
    return address_problems(claims) + in_search


def _claim(file: File, docs: Path) -> Claim:
    if _from(file, docs):
        return Claim(file.dest_uri, f"docs/{file.src_uri}")
    return Claim(file.dest_uri, made_by_the_build("het themabestand", file.dest_uri))


def _from(file: File, docs: Path) -> bool:
    return file.src_dir is not None and Path(file.src_dir) == docs


def _in_theme(src_uri: str, config: MkDocsConfig) -> bool:
    """Whether a theme folder (overrides/ or Material's) has a file of this name that MkDocs copies
    (a page never is one; a static template such as sitemap.xml is rendered, and claimed as such)."""
    return (not src_uri.endswith(".md") and src_uri not in config.theme.static_templates
            and any(Path(folder, src_uri).is_file() for folder in config.theme.dirs))
