"""sto.content.frontmatter: splitting a file, the line of every field, and YAML read as plain data."""

from __future__ import annotations

from sto.content.frontmatter import MAX_BYTES, parse


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


def test_a_second_document_is_a_syntax_problem_at_its_line():
    """'---' on a line of its own closes the front matter; after a line break only YAML sees (U+2028) it
    starts a second YAML document, which front matter cannot be."""
    [message] = problems("---\ntitle: T\u2028--- x\n---\n".encode())
    assert message.startswith("content/news/x.md:2: fout in de opmaak van de gegevens bovenaan")


def test_what_safe_constructor_refuses_is_a_problem_not_a_traceback():
    """Compose accepts a list as a key (where no line is indexed) and a bare '=' value; building the data does not."""
    for raw in (b"---\nx: [[{[a]: 1}]]\n---\n", b"---\ntitle: =\n---\n"):
        assert problems(raw) == ["content/news/x.md:2: fout in de opmaak van de gegevens bovenaan"]
