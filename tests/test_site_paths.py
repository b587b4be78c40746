"""A site path opens a file only inside docs/ (sto.site.site_files.file_in_docs), and the two
places that measure files (feed enclosures, newsletter images) ask it."""

from __future__ import annotations

import os

import pytest

from sto.site.site_files import file_in_docs
from sto.syndication.newsletter import image_sizes
from sto.syndication.writer import _file_size

PNG_1X1 = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff"
                        "ff3f0005fe02fea7d6a4b00000000049454e44ae426082")


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "docs/afbeeldingen").mkdir(parents=True)
    (tmp_path / "docs/afbeeldingen/foto.png").write_bytes(PNG_1X1)
    (tmp_path / "docs/afbeeldingen/met spatie.png").write_bytes(PNG_1X1)
    (tmp_path / "geheim.png").write_bytes(PNG_1X1 + b"geheim")  # outside docs/
    os.symlink("../../geheim.png", tmp_path / "docs/afbeeldingen/link.png")
    return tmp_path / "docs"


@pytest.mark.parametrize("address", ["/afbeeldingen/foto.png", "/afbeeldingen/met%20spatie.png",
                                     "/afbeeldingen/foto.png?v=2#x"])
def test_a_path_on_this_site_names_its_file_in_docs(docs, address):
    found = file_in_docs(docs, address)
    assert found is not None and found.is_relative_to(docs.resolve())


@pytest.mark.parametrize("address", [
    "/../geheim.png", "/afbeeldingen/../../geheim.png", "/%2e%2e/geheim.png", "/afbeeldingen/%2E%2E/%2e%2e/geheim.png",
    "/afbeeldingen/..%2f..%2fgeheim.png", "//evil.example/foto.png",
    "/\\evil.example/foto.png", "/afbeeldingen\\..\\..\\geheim.png", "/afbeeldingen/link.png",
    "https://evil.example/foto.png", "afbeeldingen/foto.png", "/afbeeldingen/", "/", "/afbeeldingen/foto.png%00.txt",
    f"/{'x/' * 3}../../../../geheim.png",
])
def test_nothing_outside_docs_or_other_than_a_file_is_named(docs, address):
    assert file_in_docs(docs, address) is None


def test_feed_enclosures_and_newsletter_images_measure_only_files_in_docs(docs):
    size, dimensions = _file_size(docs), image_sizes(docs)
    assert size("/afbeeldingen/foto.png") == len(PNG_1X1) and dimensions("/afbeeldingen/foto.png") == (1, 1)
    for outside in ("/../geheim.png", "/%2e%2e/geheim.png", "/afbeeldingen/link.png"):
        assert size(outside) is None and dimensions(outside) is None, outside
