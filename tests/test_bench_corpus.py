"""The benchmark's synthetic corpus: valid against our models, the same for the same seed, and
the plain build gets the same items (so the comparison is fair)."""

from __future__ import annotations

from pathlib import Path

from sto.content.loader import load_content


from bench import corpus


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def test_corpus_is_valid_deterministic_and_mirrored_by_the_plain_site(tmp_path):
    first = corpus.write_corpus(100, tmp_path / "a")
    again = corpus.write_corpus(100, tmp_path / "b")
    content = load_content(first["project"] / "content", first["project"])  # raises on any problem
    assert (len(content.news), len(content.faq), len(content.events)) == (100, 20, 20)
    events = [e.data for e in content.events]
    assert any(e.recording for e in events) and any(e.all_day for e in events) and any(e.cancelled for e in events)
    assert _files(first["project"] / "content") == _files(again["project"] / "content")
    plain = _files(first["plain"] / "docs")
    assert len(plain) == 141  # every item plus the home page
    for item in content.items:
        page = plain[item.src_uri].decode()
        assert page.startswith(f"# {item.title}\n") and item.body.strip() in page
