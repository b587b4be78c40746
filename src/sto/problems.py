"""Content problems as editors read them: ``path:line: field: message`` in Dutch."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control characters and line separators in a quoted value would break the report's one line per
# problem: in CI a newline followed by "::error" or "::add-mask::" is a workflow command.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# The GitHub runner's older command form, "##[error]...", is found anywhere in a line.
_OLD_COMMAND = "##["


def printable(text: str) -> str:
    """``text`` on one line, control characters shown as escapes (\\x0b), never a leading ``::``
    nor a ``##[`` anywhere: no workflow command in CI."""
    text = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text).replace(_OLD_COMMAND, "#\\#[")
    return "\\" + text if text.lstrip().startswith("::") else text


def printable_lines(text: str) -> str:
    """A message of several lines, each made printable: a line break the message means stays,
    but none can start a workflow command (a file name with a line break in a warning)."""
    return "\n".join(printable(line) for line in text.split("\n"))


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        line = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return printable(line)


def heading(count: int) -> str:
    """'De inhoud bevat 1 probleem' / 'De inhoud bevat 3 problemen'."""
    return f"De inhoud bevat {'1 probleem' if count == 1 else f'{count} problemen'}"


class ContentInvalid(Exception):
    """Raised with every problem found, so one build lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self, outcome: str = "de site is niet gebouwd") -> str:
        lines = [f"{heading(len(self.problems))}; {outcome}:"]
        lines += [str(p) for p in self.problems]
        return "\n".join(lines)
