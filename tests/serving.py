"""`mkdocs serve` as `make serve` runs it, in a copy of the project, on a free port: for tests
of the preview. Always stopped, also when a test fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .sitebuild import EPOCH_2024_06_15

HOST = "127.0.0.1"


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

    def __init__(self, project: Path, epoch: str = EPOCH_2024_06_15):
        self.project, self.epoch = project, epoch
        self.base = f"http://{HOST}:{free_port()}/"

    def __enter__(self) -> Preview:
        env = {**os.environ, "SOURCE_DATE_EPOCH": self.epoch, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = Path(sys.executable).with_name("mkdocs")
        address = self.base.removeprefix("http://").rstrip("/")
        self.log = (self.project / "serve.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen([str(mkdocs), "serve", "--no-strict", "--livereload", "--dev-addr", address],
                                        cwd=self.project, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"mkdocs serve stopped:\n{self.output()}"
            try:
                fetch(self.base, timeout=5)
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise AssertionError(f"mkdocs serve did not answer within 90 s:\n{self.output()}")

    def get(self, path: str = "") -> tuple[int, str]:
        return fetch(self.base + path.lstrip("/"))

    def wait_for(self, path: str, text: str, seconds: float = 60) -> tuple[int, str]:
        """Ask again until the page holds ``text``, e.g. after a save (answers outside a rebuild come within 5 s)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                status, body = self.get(path)
            except TimeoutError:  # MkDocs holds requests while it rebuilds; on a busy machine that is > 5 s
                if time.monotonic() > deadline:
                    raise
                continue
            if text in body or time.monotonic() > deadline:
                return status, body
            time.sleep(0.3)

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
