"""A running preview (`mkdocs serve`, as `make serve` starts it) on a free port, and a cold build
that writes exactly what that preview serves (same command, drafts, site URL), to compare with."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .sitebuild import EPOCH_2024_06_15

# What MkDocs' server adds to every HTML page it serves (the live-reload poller).
LIVERELOAD_SCRIPT = re.compile(rb"<script>\s*var livereload = function.*?livereload\(\d+, \d+\);\s*</script>", re.S)

# `mkdocs serve`'s builder, once, in a fresh process (mkdocs/commands/serve.py).
_BUILD_LIKE_SERVE = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1], strict=False)
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[2]
build(config, serve_url=sys.argv[2])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 120) -> bytes | None:
    """The body of ``url``, or None when the server does not answer with it (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def without_livereload(body: bytes) -> bytes:
    return LIVERELOAD_SCRIPT.sub(b"", body)


class Preview:
    """``mkdocs serve`` on ``project``; its whole process group is stopped on exit."""

    def __init__(self, project: Path, epoch: str = EPOCH_2024_06_15, env: dict[str, str] | None = None):
        self.project = Path(project)
        self.epoch = epoch
        self.env = env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> Preview:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        env = {**os.environ, **self.env, "SOURCE_DATE_EPOCH": self.epoch, "NO_MKDOCS_2_WARNING": "1"}
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(mkdocs), "serve", "--no-strict", "--config-file", "mkdocs.yml", "--livereload", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=self.project, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()

    def output(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def get(self, path: str) -> bytes | None:
        body = fetch(self.url + path)
        return None if body is None else without_livereload(body)

    def wait_until(self, path: str, predicate, limit: float = 300) -> float:
        """Seconds until the served ``path`` satisfies ``predicate(bytes)``, polled every 20 ms."""
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if self.process.poll() is not None:
                raise AssertionError(f"the preview stopped:\n{self.output()}")
            body = self.get(path)
            if body is not None and predicate(body):
                return time.perf_counter() - start
            time.sleep(0.02)
        raise AssertionError(f"{path} did not change within {limit:.0f} s:\n{self.output()[-3000:]}")


def build_like_preview(project: Path, site: Path, serve_url: str, epoch: str = EPOCH_2024_06_15) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", _BUILD_LIKE_SERVE, str(site), serve_url], cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"the cold build failed:\n{result.stdout}\n{result.stderr}")
