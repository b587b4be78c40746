"""A built site served the way GitHub Pages serves it, for Lighthouse: text files gzip-compressed
when the browser accepts gzip (Content-Encoding: gzip), everything else as it is, and
``Cache-Control: max-age=600`` (GitHub Pages' header). Python's http.server sends every file
uncompressed, which would make a phone's page load look slower than it is for visitors.

By hand: ``python -m tests.gzip_server site/ 8600`` serves site/ on http://127.0.0.1:8600/.
"""

from __future__ import annotations

import gzip
import http.server
import os
import sys
from functools import lru_cache, partial
from pathlib import Path

# What GitHub Pages compresses (its CDN compresses text types; images and fonts go as they are).
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".map", ".webmanifest"}


@lru_cache(maxsize=4096)
def _compressed(path: str, mtime_ns: int) -> bytes:
    # mtime=0: the same bytes every time, as a CDN's cache would serve them
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's signature)
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]  # http.server's own signature
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and Path(path).suffix in COMPRESSED):
            return super().send_head()
        body = _compressed(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def handler(directory: Path) -> partial[GzipHandler]:
    return partial(GzipHandler, directory=str(directory))


def main() -> None:
    directory, port = Path(sys.argv[1]), int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler(directory))
    print(f"http://127.0.0.1:{port}/ serves {directory} gzip-compressed", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
