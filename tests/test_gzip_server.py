"""The test server that serves a site as GitHub Pages does (tests/gzip_server.py): text gzip-
compressed when the browser accepts it, the same bytes once decompressed, other files as they are."""

from __future__ import annotations

import gzip
import urllib.request

from .browser.conftest import LocalServer
from .gzip_server import handler


def _get(url: str, gzip_ok: bool) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return dict(response.headers), response.read()


def test_text_is_gzipped_when_accepted_and_the_rest_is_not(tmp_path):
    page = ("<!doctype html><title>x</title>" + "tekst " * 500).encode()
    (tmp_path / "map").mkdir()
    (tmp_path / "map/index.html").write_bytes(page)
    (tmp_path / "a.png").write_bytes(b"\x89PNG" + bytes(300))
    server = LocalServer(tmp_path, handler(tmp_path))
    try:
        headers, body = _get(server.url("map/"), gzip_ok=True)
        assert headers["Content-Encoding"] == "gzip" and headers["Cache-Control"] == "max-age=600"
        assert gzip.decompress(body) == page and len(body) < len(page) / 5
        headers, body = _get(server.url("map/"), gzip_ok=False)
        assert "Content-Encoding" not in headers and body == page
        headers, body = _get(server.url("a.png"), gzip_ok=True)
        assert "Content-Encoding" not in headers and body == b"\x89PNG" + bytes(300)
    finally:
        server.stop()
