"""A component's iCalendar bytes: what icalendar's ``to_ical()`` writes, with the lines folded here.

icalendar folds each content line character by character in Python (``_foldline``); over the
few thousand lines of a build's calendars that was a fifth of their cost. ``fold`` gives the
same bytes from the line's UTF-8 in slices: at most 74 octets of it a line, never inside a character,
and not just after a backslash or caret (icalendar's rule, so that no escape is split across
lines). tests/test_ical.py holds both to icalendar's own output.
"""

from __future__ import annotations

from icalendar.cal.component import Component

# Octets of the line's text per folded line, as icalendar folds: with the space that starts each
# continuation line, 75 (RFC 5545, 3.1).
OCTETS = 74


def ical_bytes(component: Component) -> bytes:
    """``component.to_ical()``: its content lines (icalendar's order and escaping), each folded."""
    return b"".join(fold(line) + b"\r\n" for line in component.content_lines() if line)


def fold(line: str) -> bytes:
    data = line.encode("utf-8")
    if len(data) <= OCTETS:
        return data
    parts, start = [], 0
    while len(data) - start > OCTETS:
        end = start + OCTETS
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: fold before its character
            end -= 1
        if data[end - 1] in b"\\^":  # the start of an escape goes to the next line with what it escapes
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)
