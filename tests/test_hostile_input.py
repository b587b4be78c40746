"""Whatever an editor (or a broken editor tool) writes, validation answers with an item or with
Dutch problems that name the file and a line: never an exception, never a traceback.

Property-based: hypothesis generates random bytes, YAML-looking text and mappings with our
field names and odd values, and feeds them to the front matter parser and the item loader.
"""

from __future__ import annotations

import os
import re

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sto.content import frontmatter
from sto.content.items import Item
from sto.content.loader import load_item
from sto.content.models import Event, FaqEntry, NewsItem
from sto.problems import Problem
from sto.content.vocabulary import Vocabularies

PATH = "content/news/x.md"
VOCAB = Vocabularies(categories={"subsidie": "Subsidie"}, topics={"keuzevakken": "Keuzevakken"},
                     regions={"gorinchem-en-altena": "Gorinchem en Altena"})
SECTIONS = {"news": "content/news/x.md", "faq": "content/faq/x.md", "agenda": "content/agenda/x.md"}
FIELD_NAMES = sorted(set(NewsItem.model_fields) | set(FaqEntry.model_fields) | set(Event.model_fields)
                     | {"link", "pdf", "download", "titel", "datum", "src", "alt", "url", "poster"})

# What pydantic or Python would say if an error slipped through untranslated.
# "ongeldige waarde (<pydantic type>)" is messages.py's fallback for an error type it has no
# Dutch text for: finding one means a message is missing there.
ENGLISH = re.compile(r"Input should|Field required|Traceback|Error\b|object has no attribute|is not|invalid"
                     r"|ongeldige waarde \(", re.I)
QUOTED = re.compile(r"'[^']*'")  # the editor's own value, quoted back: it may say anything


def untranslated(message: str) -> re.Match[str] | None:
    return ENGLISH.search(QUOTED.sub("''", message))

# 150 examples per test in make test; STO_HYPOTHESIS_EXAMPLES=5000 for a longer hunt.
CHECK = settings(max_examples=int(os.environ.get("STO_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def assert_item_or_problems(result, path: str, raw: bytes) -> None:
    lines_in_file = raw.count(b"\n") + 2
    if isinstance(result, tuple):  # load_item
        item, problems = result
        if item is not None:
            assert isinstance(item, Item) and problems == []
            return
    elif isinstance(result, frontmatter.Parsed):  # parse
        problems = result.problems
        if not problems:
            return
    else:
        problems = result
    assert problems, "invalid input must give at least one problem"
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == path
        assert isinstance(problem.line, int) and 1 <= problem.line <= lines_in_file, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert not untranslated(problem.message), problem


# ---- random bytes and YAML-looking text ---------------------------------------------------------

TOKENS = (list(":-[]{}#&*!|>'\"%@`,?~ \t\n\\") + list("abtdz019")
          + ["é", "\u202e", "\x00", "\x85", "\ufeff", "🎉", "title", "date", "start", "---", "...",
             "!!python/object", "<<", "&a", "*a", "2024-02-30", "15:00", "null", "true"])
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@CHECK
@given(st.binary(max_size=400))
@example(b"---\n---\n")
@example(b"---\n\xff\n---\n")
@example(b"\xef\xbb\xbf---\r\n\r\n---")
def test_random_bytes_never_raise(raw):
    result = frontmatter.parse(PATH, raw)
    assert_item_or_problems(result, PATH, raw)
    assert_item_or_problems(load_item("news", PATH, raw, VOCAB), PATH, raw)


@CHECK
@given(front=YAMLISH, body=st.text(max_size=80))
@example(front="a: &a [*a]", body="")
@example(front="? [a, b]\n: c", body="")
@example(front="a: !!python/object:os.system x", body="")
@example(front="a: b\n  c: d", body="")
@example(front="title: [open", body="")
@example(front="<<: *x", body="")
@example(front="a: \x85", body="")
@example(front="a:\n\t- b", body="")
def test_yaml_looking_front_matter_never_raises(front, body):
    raw = f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")
    for section, path in SECTIONS.items():
        assert_item_or_problems(load_item(section, path, raw, VOCAB), path, raw)


# ---- mappings with our field names and odd values ---------------------------------------------

SCALARS = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True)
           | st.text(max_size=30)
           | st.sampled_from(["2024-06-19", "2024-02-30", "2024-13-01", "2024-06-19 15:00", "2024-06-19 24:61",
                              "0000-01-01", "9999-12-31 23:59", "15:00", "Europe/Amsterdam", "Mars/Olympus",
                              "https://www.example.nl/", "javascript:alert(1)", "//evil.example", "/a.pdf",
                              "webinar", "digizine", "handreiking", "geannuleerd", "subsidie", "keuzevakken",
                              "gorinchem-en-altena", "11111111-aaaa-4bbb-8ccc-000000000001", "", " ", "\t"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(FIELD_NAMES) | st.text(max_size=8), inner, max_size=4), max_leaves=8)
MAPPINGS = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=10), VALUES, max_size=12)


@CHECK
@given(data=MAPPINGS, body=st.text(max_size=60), section=st.sampled_from(sorted(SECTIONS)))
@example(data={"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "T", "date": "2024-06-03",
               "summary": "S", "kind": ["digizine"]}, body="", section="news")
@example(data={"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "T", "date": "2024-06-03",
               "summary": "S", "kind": {"a": 1}}, body="", section="news")
@example(data={"categories": [{"a": 1}, ["b"]], "regions": "gorinchem-en-altena"}, body="", section="news")
@example(data={"start": "2024-06-19 15:00", "end": "2024-06-19", "timezone": None}, body="", section="agenda")
@example(data={"start": "0000-01-01"}, body="", section="agenda")
@example(data={"timezone": "../../etc/passwd"}, body="", section="agenda")
@example(data={"kind": "INVALID"}, body="", section="news")  # quoted back: not an English message
@example(data={"timezone": "\x00"}, body="", section="agenda")
@example(data={"recording": {"url": None}, "image": []}, body="", section="agenda")
@example(data={"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "V", "topic": "keuzevakken",
               "date": "2024-06-01"}, body="", section="faq")
def test_front_matter_with_our_fields_and_odd_values_never_raises(data, body, section):
    path = SECTIONS[section]
    try:
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return
    raw = f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass")
    assert_item_or_problems(load_item(section, path, raw, VOCAB), path, raw)


@CHECK
@given(title=st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60)
       .filter(str.strip), body=st.text(max_size=200))
def test_any_text_title_and_body_round_trip_into_a_valid_item(title, body):
    """Every non-empty text is a valid title, kept exactly (modulo surrounding whitespace).

    Control characters and line separators are left out: YAML itself folds those into spaces."""
    front = yaml.safe_dump({"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": title, "date": "2024-06-03",
                            "summary": "S"}, allow_unicode=True)
    raw = f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass")
    item, problems = load_item("news", PATH, raw, VOCAB)
    assert_item_or_problems((item, problems), PATH, raw)
    if item is not None:
        assert item.title == title.strip()


def test_the_property_checks_can_fail():
    """A Problem without a line, or an English message, is caught."""
    with pytest.raises(AssertionError):
        assert_item_or_problems([Problem(PATH, 0, "", "iets")], PATH, b"")
    with pytest.raises(AssertionError):
        assert_item_or_problems([Problem(PATH, 1, "title", "Input should be a valid string")], PATH, b"")
    with pytest.raises(AssertionError):
        assert_item_or_problems([], PATH, b"")



@CHECK
@given(raw=st.binary(max_size=200) | YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass")))
@example(raw=b"? [a]\n: b\n")
@example(raw=b"a: [b]\nc: {d: e}\n")
@example(raw=b"\xff\xfe")
def test_vocabulary_files_never_raise(raw):
    import tempfile
    from pathlib import Path

    from sto.content.vocabulary import FILES, load_vocabularies

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "content/data").mkdir(parents=True)
        for name in FILES.values():
            (root / "content/data" / name).write_bytes(raw)
        vocab, problems = load_vocabularies(root / "content/data", root)
    for problem in problems:
        assert problem.path.startswith("content/data/") and problem.line >= 1 and problem.message.strip()
        assert not untranslated(problem.message), problem
