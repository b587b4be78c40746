"""Pages printed from the build cache skip their template (sto.mkdocs.stored_pages): the events
and the write MkDocs' ``_build_page`` would do, on stand-in pages; the whole site stays
byte-identical (tests/test_build_cache_site.py builds warm and cold). The steps are pinned to each
engine's ``_build_page`` in tests/test_engine_internals.py."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.commands import build as mkdocs_build

from sto.mkdocs.stored_pages import StoredPages


class _Plugins:
    def __init__(self, events: list[str]):
        self.events = events

    def on_page_context(self, context, *, page, config, nav):
        assert page.active and config._current_page is page
        self.events.append(f"context {page.file.src_uri}")
        return context

    def on_post_page(self, output, *, page, config):
        self.events.append(f"post_page {page.file.src_uri}")
        return output + "<!-- secured -->"


def _page(tmp_path, name: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=f"{name}.md", abs_dest_path=str(tmp_path / name / "index.html")),
                           active=False)


def test_a_stored_page_gets_its_events_and_is_written_without_a_template(tmp_path, monkeypatch):
    events: list[str] = []
    monkeypatch.setattr(mkdocs_build, "_build_page", lambda page, *args: events.append(f"rendered {page.file.src_uri}"))
    config = SimpleNamespace(plugins=_Plugins(events), _current_page=None)
    stored, fresh, draft = _page(tmp_path, "stored"), _page(tmp_path, "fresh"), _page(tmp_path, "draft")
    pages = StoredPages(lambda page: "<p>zoals eerder</p>" if page is not fresh else None)
    pages.install()
    for page in (stored, fresh):
        mkdocs_build._build_page(page, config, [], None, None, False, False)
    mkdocs_build._build_page(draft, config, [], None, None, False, True)  # excluded: MkDocs marks it, so MkDocs renders it
    pages.uninstall()
    assert events == ["context stored.md", "post_page stored.md", "rendered fresh.md", "rendered draft.md"]
    assert (tmp_path / "stored" / "index.html").read_text(encoding="utf-8") == "<p>zoals eerder</p><!-- secured -->"
    assert not stored.active and config._current_page is None
    mkdocs_build._build_page(stored, config)  # uninstalled: MkDocs' own again
    assert events[-1] == "rendered stored.md"
