"""Content problems as editors read them: ``path:line: field: message`` in Dutch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


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
