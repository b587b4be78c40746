"""`mkdocs serve` as `make serve` runs it, in a copy of the project, on a free port: for tests
of the preview. Always stopped, also when a test fails."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .sitebuild import ENGINE, EPOCH_2024_06_15, build_environment, engine_command

HOST = "127.0.0.1"
# What MkDocs' server adds to every HTML page it serves (the live-reload poller).
LIVERELOAD_SCRIPT = re.compile(rb"<script>\s*var livereload = function.*?livereload\(\d+, \d+\);\s*</script>", re.S)
# The serve command's builder (commands/serve.py), once, in a fresh process: what the preview writes.
# From the engine `make serve` runs (importing ProperDocs first makes it answer `import mkdocs`).
_BUILD_LIKE_SERVE = f"""
import sys
import {ENGINE}
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1], strict=False)
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[2]
build(config, serve_url=sys.argv[2])
"""


SERVE_FLAGS = ("--no-strict", "--dirty", "--livereload")  # as `make serve` runs it (a test reads the Makefile)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    """(status, body); raises TimeoutError when no answer comes within ``timeout`` seconds."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class Preview:
    """``with Preview(project) as preview:`` runs the preview until the block ends."""

    def __init__(self, project: Path, epoch: str = EPOCH_2024_06_15, start_seconds: float = 90):
        self.project, self.epoch = project, epoch
        self.base = f"http://{HOST}:{free_port()}/"
        self.start_seconds = start_seconds  # the first build of a large corpus takes a while

    def __enter__(self) -> Preview:
        env = build_environment(self.epoch)
        mkdocs = engine_command()
        address = self.base.removeprefix("http://").rstrip("/")
        self.log = (self.project / "serve.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen([str(mkdocs), "serve", *SERVE_FLAGS, "--dev-addr", address],
                                        cwd=self.project, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.start_seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"mkdocs serve stopped:\n{self.output()}"
            try:
                fetch(self.base, timeout=5)
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise AssertionError(f"mkdocs serve did not answer within {self.start_seconds:.0f} s:\n{self.output()}")

    def get(self, path: str = "", timeout: float = 5) -> tuple[int, str]:
        return fetch(self.base + path.lstrip("/"), timeout)

    def wait_for(self, path: str, text: str, seconds: float = 90, every: float = 0.3) -> tuple[int, str]:
        """Ask again until the page holds ``text``, e.g. after a save. A request made while the
        site is rebuilt waits for the build (MkDocs never serves a half-built site), which on a
        busy machine can take longer than the 5 s ``get`` allows."""
        deadline = time.monotonic() + seconds
        while True:
            status, body = self.get(path, timeout=seconds)
            if text in body or time.monotonic() > deadline:
                return status, body
            time.sleep(every)

    def served(self, path: str) -> bytes | None:
        """The file at ``path`` as served, without the live-reload script; None when not found.
        Waits as long as a rebuild takes (MkDocs holds requests meanwhile)."""
        try:
            with urllib.request.urlopen(self.base + path.lstrip("/"), timeout=600) as response:
                return LIVERELOAD_SCRIPT.sub(b"", response.read())
        except urllib.error.HTTPError:
            return None

    def running(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        self.log.flush()
        return (self.project / "serve.log").read_text(encoding="utf-8")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def build_like_preview(project: Path, site: Path, serve_url: str, epoch: str = EPOCH_2024_06_15) -> None:
    """A cold build that writes what a preview at ``serve_url`` serves (same command, drafts, address)."""
    env = build_environment(epoch)
    result = subprocess.run([sys.executable, "-c", _BUILD_LIKE_SERVE, str(site), serve_url], cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"the cold build failed:\n{result.stdout}\n{result.stderr}")
