"""Split a content file into YAML front matter and Markdown body, keeping line numbers.

Every error names the line an editor has to look at. YAML dates are left as strings on
purpose: PyYAML would turn ``2024-02-30`` into a bare ValueError without a line, and would
read ``15:00`` as the number 900; our models parse dates themselves with Dutch messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from sto.content.trust import character_problems
from sto.problems import Problem

MAX_BYTES = 256 * 1024  # a news item is a few KB; anything this large is a mistake (an embedded image?)
# Real front matter is two levels deep (recording.url) with a few dozen values; the limits are
# far above that and far below what could make a build slow or recurse too deep.
MAX_DEPTH = 10
MAX_VALUES = 2000
FENCE = "---"


# libyaml's parser when PyYAML has it (the wheels do): the pure-Python parser was most of
# the build's time at a few thousand items (see the benchmark in the README).
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """SafeLoader that leaves dates and numbers as text (only true/false and null are typed).

    YAML 1.1 reads ``15:00`` as the number 900 and ``2024-02-30`` as a crash; the models parse
    text themselves and explain what is wrong.
    """


_UNTYPED = frozenset({"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _UNTYPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Parsed:
    """A file's front matter as plain data, with the line of every key (``a.b`` for nested)."""

    data: dict[str, Any]
    lines: dict[str, int]
    start_line: int  # the opening fence
    body: str
    body_line: int
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: str) -> int:
        """The line of a field, or of its closest parent, or of the opening fence."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc.rpartition(".")[0]
        return self.start_line


def parse(path: str, raw: bytes) -> Parsed | list[Problem]:
    """Parse one file; returns the parsed file or the problems that stop us reading it."""
    if len(raw) > MAX_BYTES:
        return [Problem(path, 1, "", f"het bestand is {len(raw) // 1024} KB; de grens is {MAX_BYTES // 1024} KB "
                        "(zet grote bestanden zoals afbeeldingen en pdf's apart neer en verwijs ernaar)")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return [Problem(path, line, "", "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")]
    if not text.strip():
        return [Problem(path, 1, "", "het bestand is leeg")]
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return [Problem(path, 1, "",
                        "het bestand moet beginnen met een regel '---' (het begin van de gegevens bovenaan)")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            close = index
            break
    else:
        return [Problem(path, 1, "", "de gegevens bovenaan zijn niet afgesloten met een regel '---'")]
    yaml_text = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1:])
    # Before YAML: its parser refuses these characters with a message about syntax, not the character.
    # Then YAML's features beyond plain data, in its event stream, before anything is composed or built.
    if found := character_problems(path, yaml_text, 2) or plain_data_problems(path, yaml_text, first_line=2):
        return found
    loader = _Loader(yaml_text)
    try:
        return _parse_yaml(path, loader, body, close)
    finally:
        loader.dispose()


def _parse_yaml(path: str, loader: _Loader, body: str, close: int) -> Parsed | list[Problem]:
    """PyYAML composes the node tree (its marks give the lines), then builds the data from it."""
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        # libyaml puts "unexpected end" one line past the text; keep the line inside the front matter
        line = min(mark.line, max(close - 2, 0)) + 2 if mark else 1
        return [Problem(path, line, "", "fout in de opmaak van de gegevens bovenaan; controleer op of rond deze "
                        "regel de dubbele punten, inspringing, haakjes en aanhalingstekens")]
    if not isinstance(node, yaml.MappingNode):
        return [Problem(path, 2 if node is None else node.start_mark.line + 2, "",
                        "de gegevens bovenaan moeten velden zijn in de vorm 'veld: waarde'")]
    parsed = Parsed({}, {}, 1, body, close + 2)
    _index_lines(node, "", parsed, path)
    odd_keys = [p for p in parsed.problems if p.field == "" and p.message == _KEY_MESSAGE]
    if odd_keys:  # a key like 'null:', 'true:' or '[a]:' would reach the models as a non-text name
        return odd_keys
    try:
        parsed.data = loader.construct_document(node)
    except yaml.YAMLError:  # what SafeConstructor refuses and compose accepted: an unhashable key, a bare '='
        return [Problem(path, 2, "", "fout in de opmaak van de gegevens bovenaan")]
    return parsed


_KEY_MESSAGE = "een veldnaam moet een woord zijn, zoals 'title:'; controleer deze regel"
_STR = "tag:yaml.org,2002:str"


def _index_lines(node: yaml.MappingNode, prefix: str, parsed: Parsed, path: str) -> None:
    """The line of every key ('image.src'), and of a list's entries ('regions.0', with
    'regions.0.x' inside a mapping there); only text names a field."""
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening fence
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR):
            parsed.problems.append(Problem(path, line, "", _KEY_MESSAGE))
            continue
        key = prefix + key_node.value
        if key in parsed.lines:
            parsed.problems.append(Problem(path, line, key, "dit veld staat twee keer in de gegevens bovenaan"))
        parsed.lines[key] = line
        if isinstance(value_node, yaml.MappingNode):
            _index_lines(value_node, key + ".", parsed, path)
        elif isinstance(value_node, yaml.SequenceNode):
            for index, entry in enumerate(value_node.value):
                parsed.lines[f"{key}.{index}"] = entry.start_mark.line + 2
                if isinstance(entry, yaml.MappingNode):
                    _index_lines(entry, f"{key}.{index}.", parsed, path)


def plain_data_problems(path: str, yaml_text: str, *, first_line: int) -> list[Problem]:
    """YAML's features beyond plain data, found in its event stream before anything is built.

    Anchors and aliases (``&a``, ``*a``) let a few hundred bytes stand for billions of values,
    tags (``!!python/...``) ask for other types, merge keys (``<<``) copy fields from elsewhere:
    none is needed to write content, so each is a problem with its line. The depth and value
    limits stop the reading there. Syntax errors are left to the composer that follows, which
    words them for editors."""
    problems: list[Problem] = []
    depth = values = 0
    loader = _Loader(yaml_text)
    try:
        while loader.check_event():
            event: Any = loader.get_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs: untyped events
            line = (event.start_mark.line if event.start_mark else 0) + first_line
            kind = type(event)
            if kind is yaml.AliasEvent:
                problems.append(Problem(path, line, "", f"'*{event.anchor}' verwijst naar een ander deel van de "
                                        "gegevens; schrijf de waarde voluit "
                                        "(verwijzingen met * en & zijn niet toegestaan)"))
            elif kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                values += 1
                if event.anchor is not None:
                    problems.append(Problem(path, line, "", f"'&{event.anchor}' maakt een verwijzing; haal het weg "
                                            "(verwijzingen met * en & zijn niet toegestaan)"))
                if event.tag is not None and not _implicit(event):
                    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                    problems.append(Problem(path, line, "", f"'{tag}' is een YAML-type; haal het weg, "
                                            "gewone tekst is genoeg (typen met ! zijn niet toegestaan)"))
                if kind is yaml.ScalarEvent:
                    if event.value == "<<" and not event.style:
                        problems.append(Problem(path, line, "", "'<<' voegt velden van elders samen; schrijf de "
                                                "velden voluit"))
                else:
                    depth += 1
                    if depth > MAX_DEPTH:
                        return problems + [Problem(path, line, "", f"de gegevens zijn meer dan {MAX_DEPTH} niveaus "
                                                   "diep ingesprongen; controleer de inspringing")]
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
            if values > MAX_VALUES:
                return problems + [Problem(path, line, "", f"de gegevens bevatten meer dan {MAX_VALUES} waarden; "
                                           "zo veel hoort niet in de gegevens bovenaan")]
    except yaml.YAMLError:
        pass  # reported, with its line, by the composer that reads the data
    finally:
        loader.dispose()
    return _once_per_line(problems)


def _once_per_line(problems: list[Problem]) -> list[Problem]:
    """One alias bomb line holds many aliases; the editor needs each kind of problem once per line."""
    return list({(p.line, p.message.split("'")[2] if p.message.startswith("'") else p.message): p
                 for p in problems}.values())


def _implicit(event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> bool:
    return any(event.implicit) if isinstance(event, yaml.ScalarEvent) else bool(event.implicit)
