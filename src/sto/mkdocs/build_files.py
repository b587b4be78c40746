"""The files a build adds to the ones MkDocs found in docs/ (on_files): a generated page per item
and listing, robots.txt, the partners' files (open data, embeds, newsletter), the web editor,
and the hosting files (``_headers``, ``.well-known/security.txt``). None may take the address of
another file (``sto.mkdocs.claims``), and every link, image and document must resolve
(``sto.site.references``): what does not is a content problem."""

from __future__ import annotations

import marshal
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from sto.cache.store import Reuse
from sto.content.loader import ItemMemory
from sto.digests import digest
from sto.editors.cms_config import EditorSettings
from sto.editors.web_editor import editor_files
from sto.mkdocs.claims import claim_problems
from sto.mkdocs.hosting import hosting_files
from sto.problems import Problem
from sto.site.build import Build
from sto.site.references import Produced, References
from sto.site.robots import ROBOTS, SITEMAP, robots_txt
from sto.site.views import Site
from sto.syndication.partners import partner_files
from sto.syndication.writer import syndication_paths


def add_build_files(files: Files, config: MkDocsConfig, site: Site, memory: ItemMemory | None, reuse: Reuse, *,
                    serve: bool) -> list[Problem]:
    """Add every file the build makes to ``files``; the problems that stop it instead, if any.
    ``reuse``: results of earlier builds (``Speed.reuse``), for what only code and settings decide."""
    build = site.build
    added = [File.generated(config, src_uri, content=markdown) for src_uri, markdown in site.generated(memory).items()]
    added.append(File.generated(config, ROBOTS, content=robots_txt(build.absolute(SITEMAP))))
    added += [File.generated(config, src_uri, content=content)  # data, embeds, newsletter
              for src_uri, content in partner_files(build, Path(config.docs_dir), reuse).items()]
    added += [File.generated(config, src_uri, abs_src_path=str(made)) if isinstance(made, Path)  # the web editor
              else File.generated(config, src_uri, content=made)
              for src_uri, made in _editor_files(build, config, reuse).items()]
    if problems := claim_problems(files, added, config, build):  # before append replaces a file
        return problems
    for file in added:
        files.append(file)
    try:  # _headers and .well-known/security.txt; INCLUDED, or MkDocs would skip the dot-folder
        hosting = hosting_files(build, config.extra, [file.dest_uri for file in files])
    except ValueError as wrong:
        raise Abort(str(wrong)) from None
    for src_uri, content in hosting.items():
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.INCLUDED))
    return _reference_problems(files, config, build, serve)  # every link, image and document resolves


def _editor_files(build: Build, config: MkDocsConfig, reuse: Reuse) -> dict[str, str | Path]:
    """The web editor's files: made from the models (the code), the vocabularies and the settings
    only, so a preview's save or a warm build takes them from the cache (their configuration as
    YAML and the bundle's hash cost about 0.1 s a build)."""
    try:
        settings = EditorSettings.from_extra(config.extra)
    except ValueError as wrong:
        raise Abort(str(wrong)) from None
    vocabularies = build.content.vocabularies

    def make() -> bytes:
        made = editor_files(vocabularies, settings, build.site_name, build.site_url)
        return marshal.dumps({name: (str(found), True) if isinstance(found, Path) else (found, False)
                              for name, found in made.items()})

    key = digest("editor-files", repr(vocabularies), repr(settings), build.site_name, build.site_url)
    stored = marshal.loads(reuse(key, make))
    return {name: Path(found) if is_path else found for name, (found, is_path) in stored.items()}


def _reference_problems(files: Files, config: MkDocsConfig, build: Build, serve: bool) -> list[Problem]:
    # a draft page is built in the preview only; an excluded file never
    written = [(f.src_uri, f.dest_uri, f.is_documentation_page()) for f in files
               if (f.inclusion.is_in_serve() if serve else f.inclusion.is_included())]  # type: ignore[no-untyped-call]
    produced = Produced.of(written, [*syndication_paths(build), *config.theme.static_templates])
    return References(build, produced, Path(config.docs_dir), config.markdown_extensions,
                      config.mdx_configs).problems()
