"""Depth and size limits on Markdown bodies (sto.content.markdown_limits), decided before any
converter runs; the hostile corpus checks them with their Dutch problems in real files."""

from __future__ import annotations

import time

import pytest

from sto.content.markdown_limits import MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH, structure_problems

ORDINARY = [
    "Dit is **vet** en *schuin* en ***beide***, met een [link](https://x.nl/a_b_c?d_e) en snake_case_naam.",
    "* lijst\n    * dieper\n        * nog dieper\n\n> citaat\n> > dubbel",
    "5 * 3 * 2 = 30 en 2*3*4*5, en Naam: ____________",
    "***\n\n`code met ***** en [[[[` en ``twee ` in een`` span",
    " ".join(f"[l{i}](/a_{i}/) bestand_{i}.pdf" for i in range(500)),
    "    " * MAX_BLOCK_DEPTH + "- zo diep mag het nog",
    "*" * (MAX_INLINE_DEPTH - 1) + "x" + "*" * (MAX_INLINE_DEPTH - 1),
]


@pytest.mark.parametrize("body", ORDINARY)
def test_what_editors_write_passes(body):
    assert structure_problems("x.md", body, 7) == []


@pytest.mark.parametrize(("body", "line"), [
    ("*" * 2000 + "x" + "*" * 2000, 7), (" ".join(["*a"] * 2000), 7), ("Kop\n\n" + "[" * 500 + "x", 9),
    ("".join("    " * i + "- a\n" for i in range(40)), 7 + MAX_BLOCK_DEPTH + 1), (">" * 100 + " x", 7),
    ("\t" * 20 + "- a", 7), ("*a\n" * 20, 7 + MAX_INLINE_DEPTH),  # a paragraph carries what is open to its next line
])
def test_too_deep_is_one_problem_at_its_line(body, line):
    problems = structure_problems("x.md", body, 7)
    assert [(p.path, p.line) for p in problems] == [("x.md", line)]


def test_a_blank_line_ends_what_a_paragraph_left_open():
    assert structure_problems("x.md", "*a\n\n" * 40, 1) == []


def test_a_long_body_is_refused_at_its_first_line():
    assert [p.line for p in structure_problems("x.md", "a " * 100_001, 3)] == [3]


@pytest.mark.parametrize("body", ["*a " * 60_000, "[" * 190_000, "]" * 190_000, "`" * 190_000,
                                  ("`" * 50 + "a") * 3_700, "a_b " * 45_000, "*a* " * 45_000])
def test_pathological_lines_are_decided_in_one_pass(body):
    """Each took minutes with a scan per token or a backreference (a guard, not a benchmark)."""
    started = time.monotonic()
    structure_problems("x.md", body, 1)
    assert time.monotonic() - started < 3
