"""sto.content.frontmatter: splitting a file, the line of every field, and YAML read as plain data."""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sto.content.frontmatter import MAX_BYTES, Parsed, _Loader, parse


def test_fields_keep_their_lines_including_nested_and_list_items():
    parsed = parse("x.md", b"---\ntitle: T\nimage:\n  src: /a.jpg\n  alt: A\nregions:\n  - a\n  - b\n---\nBody\n")
    assert parsed.lines == {"title": 2, "image": 3, "image.src": 4, "image.alt": 5, "regions": 6,
                            "regions.0": 7, "regions.1": 8}
    assert parsed.body == "Body\n"
    assert parsed.body_line == 10


def test_dates_and_numbers_stay_text_so_models_can_explain_impossible_ones():
    parsed = parse("x.md", b"---\ndate: 2024-02-30\nstart: 15:00\ndraft: true\n---\n")
    assert parsed.data == {"date": "2024-02-30", "start": "15:00", "draft": True}


def test_line_of_falls_back_to_parent_then_fence():
    parsed = parse("x.md", b"---\nimage:\n  src: /a.jpg\n---\n")
    assert parsed.line_of("image.alt") == 2
    assert parsed.line_of("title") == 1


def test_crlf_and_bom_are_accepted():
    parsed = parse("x.md", b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody\r\n")
    assert parsed.data == {"title": "T"}


def problems(raw: bytes) -> list[str]:
    result = parse("content/news/x.md", raw)
    assert isinstance(result, list), result
    return [str(p) for p in result]


def test_empty_file():
    assert problems(b"  \n") == ["content/news/x.md:1: het bestand is leeg"]


def test_missing_front_matter():
    assert problems(b"title: T\n") == [
        "content/news/x.md:1: het bestand moet beginnen met een regel '---' (het begin van de gegevens bovenaan)"]


def test_unclosed_front_matter():
    assert problems(b"---\ntitle: T\n") == [
        "content/news/x.md:1: de gegevens bovenaan zijn niet afgesloten met een regel '---'"]


def test_yaml_syntax_error_names_its_line():
    [message] = problems(b"---\ntitle: T\nsummary: [open\n---\n")
    assert message.startswith("content/news/x.md:3: fout in de opmaak van de gegevens bovenaan")


def test_front_matter_must_be_a_mapping():
    assert problems(b"---\n- a\n- b\n---\n") == [
        "content/news/x.md:2: de gegevens bovenaan moeten velden zijn in de vorm 'veld: waarde'"]


def test_non_utf8_names_the_line_of_the_bad_byte():
    assert problems(b"---\ntitle: T\nsummary: caf\xe9\n---\n") == [
        "content/news/x.md:3: het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8"]


def test_oversized_file():
    [message] = problems(b"---\n" + b"a" * MAX_BYTES)
    assert message.startswith("content/news/x.md:1: het bestand is 256 KB; de grens is 256 KB")


def test_duplicate_key_is_reported():
    parsed = parse("x.md", b"---\ntitle: A\ntitle: B\n---\n")
    assert [str(p) for p in parsed.problems] == ["x.md:3: title: dit veld staat twee keer in de gegevens bovenaan"]


def test_keys_that_are_not_words_are_reported_at_their_line():
    """Regression (hypothesis): 'null:', 'true:' and a bare '?' reached pydantic as non-text keys."""
    for raw, line in ((b"---\n?\n---\n", 2), (b"---\ntitle: T\ntrue: x\n---\n", 3), (b"---\nimage:\n  ~: x\n---\n", 3)):
        assert problems(raw) == [f"content/news/x.md:{line}: een veldnaam moet een woord zijn, zoals 'title:'; "
                                 "controleer deze regel"]


# ---- one pass over YAML's events gives what PyYAML's composer and constructor give ----------------

def _composed(yaml_text: str, close: int) -> tuple[object, ...]:
    """The reference: PyYAML composes the node tree and SafeConstructor (with _Loader's types)
    builds the data; the lines are read off the nodes. (Kind, data, lines, key problems)."""
    loader = _Loader(yaml_text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            return ("syntax", min(mark.line, max(close - 2, 0)) + 2 if mark else 1)
        if not isinstance(node, yaml.MappingNode):
            return ("not a mapping", 2 if node is None else node.start_mark.line + 2)
        lines: dict[str, int] = {}
        duplicates, odd = [], []

        def index(mapping: yaml.MappingNode, prefix: str) -> None:
            for key, value in mapping.value:
                if not (isinstance(key, yaml.ScalarNode) and key.tag == "tag:yaml.org,2002:str"):
                    odd.append(key.start_mark.line + 2)
                    continue
                name = prefix + key.value
                if name in lines:
                    duplicates.append((key.start_mark.line + 2, name))
                lines[name] = key.start_mark.line + 2
                items = enumerate(value.value) if isinstance(value, yaml.SequenceNode) else []
                if isinstance(value, yaml.MappingNode):
                    index(value, name + ".")
                for i, item in items:
                    lines[f"{name}.{i}"] = item.start_mark.line + 2
                    if isinstance(item, yaml.MappingNode):
                        index(item, f"{name}.{i}.")

        index(node, "")
        if odd:
            return ("odd keys", odd)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError:
            return ("unconstructible",)
        return ("parsed", repr(data), lines, duplicates)
    finally:
        loader.dispose()


def _read(yaml_text: str) -> tuple[object, ...]:
    """What parse() gives for this front matter, in the reference's terms."""
    result = parse("x.md", f"---\n{yaml_text}\n---\nTekst\n".encode())
    if isinstance(result, Parsed):
        assert (result.body, result.body_line, result.start_line) == ("Tekst\n", yaml_text.count("\n") + 4, 1)
        return ("parsed", repr(result.data), result.lines, [(p.line, p.field) for p in result.problems])
    messages = {p.message for p in result}
    if messages == {"een veldnaam moet een woord zijn, zoals 'title:'; controleer deze regel"}:
        return ("odd keys", [p.line for p in result])
    [problem] = result
    if problem.message.startswith("fout in de opmaak van de gegevens bovenaan;"):
        return ("syntax", problem.line)
    if problem.message == "fout in de opmaak van de gegevens bovenaan":
        return ("unconstructible",)
    assert problem.message.startswith("de gegevens bovenaan moeten velden zijn"), problem
    return ("not a mapping", problem.line)


# Pieces of YAML, plain data only (anchors, tags and merge keys are refused before, see test_hostile_input).
_PIECES = ["a", "b", "title", "'q'", '"d"', "null", "~", "true", "No", "=", "'<<'", "[", "]", "{", "}", ",", ":",
           ": ", "- ", "? ", "\n", "\n  ", "\n    ", "\n- ", " ", "#c", "--- x", "15:00", "2024-02-30", "tags.0",
           "|", ">", "\t", "'", '"', "%YAML 1.1\n", "é", "\u2028", "[a]", "{a: b}", "{[a]: 1}"]
_NAMES = st.sampled_from(["a", "b", "null", "=", "tags", "'c'", "[k]", "{k: v}", "x.y"])
_VALUES = st.recursive(st.sampled_from(["a", "b c", "null", "true", "=", "'q'", "", "15:00"]),
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_NAMES, inner, max_size=4),
                       max_leaves=20)
FUZZ = settings(max_examples=int(os.environ.get("STO_HYPOTHESIS_EXAMPLES", "150")) * 4, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _yaml(value: object, indent: int, flow: bool) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        if flow or not value:
            return "[" + ", ".join(_yaml(v, indent, flow) for v in value) + "]"
        return "".join(f"\n{' ' * indent}- {_yaml(v, indent + 2, flow)}" for v in value)
    assert isinstance(value, dict)
    if flow or not value:
        return "{" + ", ".join(f"{k}: {_yaml(v, indent, flow)}" for k, v in value.items()) + "}"
    return "".join(f"\n{' ' * indent}{k}: {_yaml(v, indent + 2, flow)}" for k, v in value.items())


@FUZZ
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30))
@example(pieces=["a", "\u2028", "--- x"])  # a second document, after a line break YAML sees and we do not
@example(pieces=["x: [[{null: 1}]]"])  # keys are checked where lines are indexed; elsewhere SafeConstructor's rules
@example(pieces=["x: [[=]]"])
@example(pieces=["x: [[{=: 1}]]"])
@example(pieces=["tags: [a, b]\ntags.0: x"])
def test_any_text_reads_as_pyyaml_composes_and_constructs_it(pieces):
    text = "".join(pieces)
    assert _read(text) == _composed(text, text.count("\n") + 2)


@FUZZ
@given(value=_VALUES, flow=st.booleans())
def test_any_nesting_of_fields_and_lists_reads_as_pyyaml_composes_and_constructs_it(value, flow):
    text = _yaml(value, 0, flow).lstrip("\n")
    assert _read(text) == _composed(text, text.count("\n") + 2)
