"""Depth and size limits on a Markdown body, checked before any converter sees it.

Python-Markdown and its extensions walk the element tree recursively (toc, the inline
processor, the serializer): a body of 2,000 nested ``*`` or 500 nested list items ends the
build in a RecursionError that names no file, and deep lists take seconds per level before
that. No editor's text needs more than a few levels, so a body deeper or larger than these
limits is refused with its line, and the converter never runs on it. The estimate errs on
the side of counting too deep (every opening ``*``, ``_`` or ``[`` that is not closed counts),
which only matters for text nobody writes.
"""

from __future__ import annotations

import re

from sto.problems import Problem

MAX_BODY_CHARACTERS = 200_000  # the largest real body is under 5,000
MAX_BLOCK_DEPTH = 12  # lists, quotes, admonitions and indented code: levels of four spaces or '>'
MAX_INLINE_DEPTH = 12  # emphasis and links inside each other within one paragraph
TAB_WIDTH = 4  # Python-Markdown's tab_length, as MkDocs configures it

_QUOTES = re.compile(r"(?:\s{0,3}>)+")
_BACKTICKS = re.compile(r"`+")
_INLINE = re.compile(r"[*_]+|!?\[|\]")
_INLINE_CHARACTERS = re.compile(r"[*_\[\]]")  # a line with none of them has no _INLINE token (found faster)


def structure_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """A problem for a body over the size limit, or for its first line nested too deep."""
    if len(body) > MAX_BODY_CHARACTERS:
        limit = f"{MAX_BODY_CHARACTERS:,}".replace(",", ".")  # Dutch thousands
        return [Problem(path, first_line, "", f"de tekst is langer dan {limit} tekens; verdeel hem over meer pagina's")]
    open_runs: list[tuple[str, int]] = []  # (delimiter, weight) still open in the current paragraph
    for number, line in enumerate(body.split("\n")):
        if not line.strip():
            open_runs.clear()
            continue
        if block_depth(line) > MAX_BLOCK_DEPTH:
            return [Problem(path, first_line + number, "", f"de tekst is hier meer dan {MAX_BLOCK_DEPTH} niveaus diep "
                            "genest (lijsten, citaten of ingesprongen regels); zo diep kan de site niet tonen: "
                            "maak de opbouw platter")]
        # A line without emphasis or brackets changes no depth: what it carries was checked before.
        if _INLINE_CHARACTERS.search(line) and _inline_depth(line, open_runs) > MAX_INLINE_DEPTH:
            return [Problem(path, first_line + number, "", f"de tekst heeft hier meer dan {MAX_INLINE_DEPTH} lagen "
                            "opmaak of links in elkaar (*, _ of [); zo diep kan de site niet tonen: "
                            "haal overbodige tekens weg")]
    return []


def block_depth(line: str) -> int:
    """How many levels a line is nested: quote markers plus indentation in steps of TAB_WIDTH."""
    quotes = _QUOTES.match(line)
    depth = quotes.group().count(">") if quotes else 0
    rest = line[quotes.end():] if quotes else line
    columns = len(rest.expandtabs(TAB_WIDTH)) - len(rest.expandtabs(TAB_WIDTH).lstrip(" "))
    return depth + columns // TAB_WIDTH


def _inline_depth(line: str, open_runs: list[tuple[str, int]]) -> int:
    """The deepest nesting of emphasis and link brackets so far in the paragraph (``open_runs``
    carries what is still open into its next line), returned as soon as it is over the limit, so
    a long line costs one pass. A run of ``*`` or ``_`` opens when a character follows it and
    closes the nearest open run of the same character when one precedes it; its weight is its
    length, since ``***`` can open two elements."""
    text = _without_code_spans(line)
    depth = deepest = sum(weight for _, weight in open_runs)
    for found in _INLINE.finditer(text):
        token, start, end = found.group(), found.start(), found.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if token == "]":
            depth -= _close(open_runs, "[")
            continue
        mark = token[0]
        if token.endswith("["):
            opened = [("[", 1)]
        elif len(set(token)) > 1:  # mixed *_*_: each character a delimiter of its own
            opened = [(ch, 1) for ch in token] if not after.isspace() else []
        elif not before.isspace() and any(ch == mark for ch, _ in open_runs[-MAX_INLINE_DEPTH - 1:]):
            depth -= _close(open_runs, mark)
            continue
        else:
            opened = [(mark, len(token))] if not after.isspace() else []
        open_runs += opened
        depth += sum(weight for _, weight in opened)
        deepest = max(deepest, depth)
        if deepest > MAX_INLINE_DEPTH:
            break
    return deepest


def _close(open_runs: list[tuple[str, int]], mark: str) -> int:
    """Close the nearest open run of ``mark`` and whatever opened after it; the weight closed.
    Only the runs within the limit are searched: deeper ones have already been refused."""
    for index in range(len(open_runs) - 1, max(-1, len(open_runs) - MAX_INLINE_DEPTH - 2), -1):
        if open_runs[index][0] == mark:
            closed = sum(weight for _, weight in open_runs[index:])
            del open_runs[index:]
            return closed
    return 0


def _without_code_spans(line: str) -> str:
    """``line`` with its code spans (which hold no markup) blanked out. A span runs from a run of
    backticks to the next run of the same length; found in one pass (a regular expression with a
    backreference takes quadratic time on a line of backticks)."""
    runs = [(found.start(), found.end()) for found in _BACKTICKS.finditer(line)]
    following: list[int | None] = [None] * len(runs)  # the next run of the same length, by index
    last_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last_of_length.get(length)
        last_of_length[length] = index
    parts, done, index = [], 0, 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        start, end = runs[index][0], runs[closing][1]
        parts += [line[done:start], " " * (end - start)]
        done, index = end, closing + 1
    return "".join(parts) + line[done:]
