"""MkDocs reads a hand-written page's front matter itself, and Material prints parts of it
unescaped and lets ``template:`` pick any template. So what MkDocs keeps of it is what the core
checked (``sto.content.docs_pages``): the allowed settings, with the title escaped once."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from sto.site.build import Build


def use_checked_settings(page: Page, build: Build) -> None:
    """Replace ``page.meta`` of a page from docs/ by its checked settings (generated pages keep
    theirs: our code wrote them). A page the check did not see gets none."""
    if page.file.generated_by is not None:
        return
    settings = build.docs.settings_for(page.file.src_uri)
    page.meta = dict(settings) if settings is not None else {}
