"""Quiet, Dutch terminal output for `make build` and `make serve`.

MkDocs' own INFO lines are English and mostly noise to an editor ("Cleaning site directory",
"Building documentation to directory: …"): the few that tell something are said in Dutch, the
rest are dropped, so that the content problems are what stands out. Warnings and errors pass
(in strict mode they fail the build), except the preview's request log for a page that is not
there; every line printed is made safe for CI first (a file name cannot start a workflow
command). (Material's banner about its future is switched off with the environment variable
NO_MKDOCS_2_WARNING=1, set by the Makefile.)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from sto.problems import printable_lines

OUR_LOGGER = "mkdocs.hooks.sto"
STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # what `mkdocs serve` puts before its messages
NOT_FOUND_REQUEST = re.compile(r'^"[A-Z]+ \S+ HTTP/[\d.]+" code 404$')
# MkDocs' warning for --dirty; make serve's dirty rebuilds are exact (sto.mkdocs.preview_writes)
DIRTY_BUILD = re.compile(r"^A 'dirty' build is being performed")
DUTCH: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (  # MkDocs' INFO message -> the Dutch line
    (re.compile(r"^Documentation built in ([\d.]+) seconds$"),
     lambda m: f"Klaar in {m[1].replace('.', ',')} seconden."),  # also after listing problems in the preview
    (re.compile(r"^Serving on (\S+)"),
     lambda m: f"Voorbeeld van de site: {m[1]} (stoppen met Ctrl+C)"),
    (re.compile(r"^Detected file changes$"), lambda m: "Wijziging gezien; de site wordt opnieuw gebouwd."),
    (re.compile(r"^Shutting down\.\.\.$"), lambda m: "Voorbeeld gestopt."),
)


class QuietDutch(logging.Filter):
    def __init__(self, exact_dirty_builds: bool = False):
        super().__init__()
        self.exact_dirty_builds = exact_dirty_builds  # this process's dirty builds are exact: MkDocs' warning is wrong

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == OUR_LOGGER or record.name.startswith(OUR_LOGGER + "."):
            return _safe_for_ci(record)
        message = STAMP.sub("", record.getMessage())
        if record.levelno >= logging.WARNING:
            return not (NOT_FOUND_REQUEST.match(message) or (self.exact_dirty_builds and DIRTY_BUILD.match(message))) \
                and _safe_for_ci(record)
        if record.levelno != logging.INFO:
            return _safe_for_ci(record)  # --verbose debugging output stays as it is, but printable
        for pattern, dutch in DUTCH:
            if match := pattern.match(message):
                record.msg, record.args = dutch(match), ()
                return True
        return False


def _safe_for_ci(record: logging.LogRecord) -> bool:
    """Every message that is printed names files and values from a pull request as they are
    (MkDocs' warnings quote docs file names): each of its lines made printable, so none starts a
    GitHub workflow command (sto.problems.printable). Always True: the record is printed."""
    message = record.getMessage()
    safe = printable_lines(message)
    if safe != message:
        record.msg, record.args = safe, ()
    return True


def install(quiet: QuietDutch) -> None:
    """Filter what MkDocs' terminal handler prints (every mkdocs.* record passes through it)."""
    handlers = logging.getLogger("mkdocs").handlers + logging.getLogger("properdocs").handlers  # either engine
    for handler in handlers:
        if isinstance(handler, logging.StreamHandler) and not any(isinstance(f, QuietDutch) for f in handler.filters):
            handler.addFilter(quiet)
