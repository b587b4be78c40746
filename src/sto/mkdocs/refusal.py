"""Invalid content stops the build with every problem listed (in CI also as annotations on each
file and line). The preview keeps running instead: it builds no files and shows the problems on
every page (``sto.mkdocs.serve_problems``) until a save fixes them."""

from __future__ import annotations

import os
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from sto.editors.annotations import annotations as github_annotations
from sto.editors.annotations import in_github_actions
from sto.mkdocs import serve_problems
from sto.mkdocs.preview_writes import FolderMemory
from sto.mkdocs.site_search import PreviewIndex
from sto.problems import ContentInvalid, Problem


class Refusal:
    """Whether this build was refused, and with which problems (the preview shows them)."""

    def __init__(self) -> None:
        self.problems: list[Problem] | None = None

    def start(self) -> None:
        """A new build: nothing refused yet (on_config)."""
        self.problems = None

    @property
    def refused(self) -> bool:
        return self.problems is not None

    def refuse(self, invalid: ContentInvalid, config: MkDocsConfig, *, serve: bool) -> Files:
        """Stop the build with every problem; the preview goes on without any file instead."""
        if serve:
            print(invalid.report(serve_problems.OUTCOME), file=sys.stderr, flush=True)
            self.problems = invalid.problems
            serve_problems.empty_the_build(config)
            return serve_problems.no_files()
        if in_github_actions(os.environ):  # in CI, also as annotations on each file and line
            print(github_annotations(invalid.problems), flush=True)
        raise Abort(invalid.report()) from None

    def show(self, config: MkDocsConfig, *, dirty: bool, folder: FolderMemory, index: PreviewIndex) -> None:
        """The preview's problem page, as the answer to every address (on_post_build)."""
        assert self.problems is not None
        if dirty:  # MkDocs did not empty the folder: the pages in it would be served instead
            clean_directory(config.site_dir)
            folder.forget()
        index.forget()
        serve_problems.write_problem_page(config.site_dir, self.problems)
