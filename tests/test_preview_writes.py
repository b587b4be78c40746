"""The preview's rewrites of only what changed (sto.mkdocs.preview_writes), without MkDocs: files
written only when their bytes change, pages kept only by an equal fingerprint, and what is no
longer made removed. (tests/test_preview_live.py checks the whole preview against cold builds.)"""

from __future__ import annotations

from types import SimpleNamespace

from sto.mkdocs.preview_writes import DirtyBuild, FolderMemory


def _page(src_uri: str, dest_uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, dest_uri=dest_uri, is_modified=lambda: True))


def test_a_file_is_written_only_when_its_bytes_change(tmp_path):
    memory = FolderMemory()  # the preview process's memory of the folder
    first = DirtyBuild(str(tmp_path), memory)
    first.write("feeds/rss.xml", b"een")
    target = tmp_path / "feeds" / "rss.xml"
    stamp = target.stat().st_mtime_ns
    second = DirtyBuild(str(tmp_path), memory)
    second.write("feeds/rss.xml", b"een")
    assert target.stat().st_mtime_ns == stamp
    second.write("feeds/rss.xml", b"twee")
    assert target.read_bytes() == b"twee"
    target.unlink()
    DirtyBuild(str(tmp_path), memory).write("feeds/rss.xml", b"twee")  # gone from the folder: written again
    assert target.read_bytes() == b"twee"


def test_a_page_is_kept_only_with_the_same_fingerprint_and_its_output(tmp_path):
    memory = FolderMemory()  # the preview process's memory of the folder
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("oud", encoding="utf-8")
    page = _page("a.md", "a/index.html")
    build = DirtyBuild(str(tmp_path), memory)
    assert not build.keep(page, "k1")  # nothing known about the folder yet
    build.rendered(page, "k1")
    assert not DirtyBuild(str(tmp_path), memory).keep(page, "k2")  # another fingerprint
    kept = DirtyBuild(str(tmp_path), memory)
    kept.rendered(page, "k1")
    later = DirtyBuild(str(tmp_path), memory)
    assert later.keep(page, "k1") and page.file.is_modified() is False and later.kept("a.md")
    later.rendered(page, None)  # rendered without a fingerprint: never kept by the old one
    assert not DirtyBuild(str(tmp_path), memory).keep(_page("a.md", "a/index.html"), "k1")


def test_what_no_file_stands_for_is_removed_and_forget_starts_over(tmp_path):
    memory = FolderMemory()  # the preview process's memory of the folder
    for relative in ("a/index.html", "oud/index.html", "oud/diep/index.html", "feeds/rss.xml", "sitemap.xml",
                     "404.html", "pagefind/index/nl_1.pf_index", "pagefind.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x", encoding="utf-8")
    build = DirtyBuild(str(tmp_path), memory)
    build.rendered(_page("oud.md", "oud/index.html"), "k")
    build.remove_stale([SimpleNamespace(dest_uri="a/index.html")], ["sitemap.xml", "404.html"], ["feeds/rss.xml"],
                       ("pagefind/",))  # the search index's folder is kept up to date by the search
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "404.html", "a/index.html", "feeds/rss.xml", "pagefind/index/nl_1.pf_index", "sitemap.xml"]
    assert "oud/index.html" not in build.memory.page_keys
    build.rendered(_page("a.md", "a/index.html"), "k")
    memory.forget()
    assert not DirtyBuild(str(tmp_path), memory).keep(_page("a.md", "a/index.html"), "k")
