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


_UNTYPED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
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
    if found := character_problems(path, yaml_text, 2):
        return found
    return _Reader(path, 2, build=True).read(yaml_text, body, close)


def plain_data_problems(path: str, yaml_text: str, *, first_line: int) -> list[Problem]:
    """YAML's features beyond plain data, found in its event stream before anything is built.

    Anchors and aliases (``&a``, ``*a``) let a few hundred bytes stand for billions of values,
    tags (``!!python/...``) ask for other types, merge keys (``<<``) copy fields from elsewhere:
    none is needed to write content, so each is a problem with its line. Syntax errors are left
    to the parser that follows, which words them for editors."""
    reader = _Reader(path, first_line, build=False)
    return reader.plain_problems(yaml_text)


_KEY_MESSAGE = "een veldnaam moet een woord zijn, zoals 'title:'; controleer deze regel"
_STR = "tag:yaml.org,2002:str"
_VALUE = "tag:yaml.org,2002:value"  # a plain '=': PyYAML has no constructor for it
_NO_KEY = object()  # a mapping waiting for its next key


@dataclass
class _Open:
    """A mapping or sequence being read: its data, and where its entries go in Parsed.lines."""

    data: dict[Any, Any] | list[Any] | None  # None: not built (a key that is a mapping or list)
    where: str | None  # a mapping's key prefix ('image.') or a sequence's key ('regions'); None: not indexed
    key: Any = _NO_KEY  # a mapping's key waiting for its value
    key_where: str | None = None  # that key's place in Parsed.lines


class _Reader:
    """Front matter read in one pass over YAML's event stream (libyaml's parser): the plain-data
    checks, and, with ``build``, the data and the line of every key as PyYAML's composer and
    SafeConstructor with _Loader's types would give them. One pass, because reading the text
    twice (checks, then compose and construct) was a third of loading the content; the limits
    still stop the reading before MAX_VALUES values are built, and nothing an alias names is
    ever built (an alias is a problem)."""

    def __init__(self, path: str, first_line: int, *, build: bool):
        self.path, self.first_line, self.build = path, first_line, build
        self.problems: list[Problem] = []  # plain-data problems
        self.failed = False  # a syntax error (or a second document, which the composer refuses)
        self.error_mark: Any = None  # where the first one is, when the parser says
        self.parsed = Parsed({}, {}, 1, "", 0)
        self.root: Any = _NO_KEY
        self.root_line = 0
        self.unconstructible = False  # what SafeConstructor refuses (an unhashable key, a bare '=')

    def read(self, yaml_text: str, body: str, close: int) -> Parsed | list[Problem]:
        limit = self._walk(yaml_text)
        if self.problems or limit:
            return self.problems + limit if limit else _once_per_line(self.problems)
        if self.failed:
            mark = self.error_mark
            # libyaml puts "unexpected end" one line past the text; keep the line inside the front matter
            line = min(mark.line, max(close - 2, 0)) + 2 if mark else 1
            return [Problem(self.path, line, "", "fout in de opmaak van de gegevens bovenaan; controleer op of rond "
                            "deze regel de dubbele punten, inspringing, haakjes en aanhalingstekens")]
        if self.root is _NO_KEY or not isinstance(self.root, dict):
            return [Problem(self.path, 2 if self.root is _NO_KEY else self.root_line, "",
                            "de gegevens bovenaan moeten velden zijn in de vorm 'veld: waarde'")]
        parsed = self.parsed
        odd_keys = [p for p in parsed.problems if p.field == "" and p.message == _KEY_MESSAGE]
        if odd_keys:  # a key like 'null:', 'true:' or '[a]:' would reach the models as a non-text name
            return odd_keys
        if self.unconstructible:
            return [Problem(self.path, 2, "", "fout in de opmaak van de gegevens bovenaan")]
        parsed.data, parsed.body, parsed.body_line = self.root, body, close + 2
        return parsed

    def plain_problems(self, yaml_text: str) -> list[Problem]:
        limit = self._walk(yaml_text)
        return self.problems + limit if limit else _once_per_line(self.problems)

    def _walk(self, yaml_text: str) -> list[Problem]:
        """Reads every event; returns the problem of a limit passed (reading stops there)."""
        problems, first_line, path = self.problems, self.first_line, self.path
        depth = values = documents = 0
        stack: list[_Open] = []
        loader = _Loader(yaml_text)
        try:
            while loader.check_event():
                event: Any = loader.get_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs: untyped events
                line = (event.start_mark.line if event.start_mark else 0) + first_line
                kind = type(event)
                if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    values += 1
                    if event.anchor is not None:
                        problems.append(Problem(path, line, "", f"'&{event.anchor}' maakt een verwijzing; "
                                                "haal het weg (verwijzingen met * en & zijn niet toegestaan)"))
                    if event.tag is not None and not _implicit(event):
                        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                        problems.append(Problem(path, line, "", f"'{tag}' is een YAML-type; haal het weg, "
                                                "gewone tekst is genoeg (typen met ! zijn niet toegestaan)"))
                    if kind is yaml.ScalarEvent and event.value == "<<" and not event.style:
                        problems.append(Problem(path, line, "", "'<<' voegt velden van elders samen; schrijf de velden "
                                                "voluit"))
                    if kind is not yaml.ScalarEvent:
                        depth += 1
                        if depth > MAX_DEPTH:
                            return [Problem(path, line, "", f"de gegevens zijn meer dan {MAX_DEPTH} niveaus diep "
                                            "ingesprongen; controleer de inspringing")]
                    if self.build and documents == 1 and not problems:
                        self._add(event, line, stack)
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    depth -= 1
                    if self.build and documents == 1 and not problems:
                        stack.pop()
                elif kind is yaml.AliasEvent:
                    problems.append(Problem(path, line, "", f"'*{event.anchor}' verwijst naar een ander deel van de "
                                            "gegevens; schrijf de waarde voluit "
                                            "(verwijzingen met * en & zijn niet toegestaan)"))
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents == 2 and not self.failed:  # the composer's "expected a single document"
                        self.failed, self.error_mark = True, event.start_mark
                if values > MAX_VALUES:
                    return [Problem(path, line, "", f"de gegevens bevatten meer dan {MAX_VALUES} waarden; "
                                    "zo veel hoort niet in de gegevens bovenaan")]
        except yaml.YAMLError as exc:
            if not self.failed:
                self.failed = True
                self.error_mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        finally:
            loader.dispose()
        return []

    def _add(self, event: Any, line: int, stack: list[_Open]) -> None:
        """One value (a scalar, or the start of a mapping or sequence) into the data being built.
        Lines are indexed as keys are named: 'image.src', and 'regions.0' for a list's entries
        (with 'regions.0.x' inside a mapping there; a list in a list is not indexed)."""
        scalar = type(event) is yaml.ScalarEvent
        tag = _scalar_tag(event.value, event.implicit[0]) if scalar else ""
        value: Any = _scalar(tag, event.value) if scalar else (
            {} if type(event) is yaml.MappingStartEvent else [])
        if not stack:  # the document's root
            self.root, self.root_line = value, line
            if not scalar:
                stack.append(_Open(value, "" if isinstance(value, dict) else None))
            return
        parent = stack[-1]
        if parent.data is None:  # inside a key that is a mapping or a list: nothing more is built
            if not scalar:
                stack.append(_Open(None, None))
            return
        if isinstance(parent.data, dict) and parent.key is _NO_KEY:
            self._add_key(parent, event, tag, line, stack)
            return
        if scalar and tag == _VALUE:
            self.unconstructible = True
        if isinstance(parent.data, list):
            entry = f"{parent.where}.{len(parent.data)}" if parent.where is not None else None
            if entry is not None:
                self.parsed.lines[entry] = line
            parent.data.append(value)
            where = entry + "." if entry is not None and isinstance(value, dict) else None
        else:
            parent.data[parent.key] = value
            parent.key = _NO_KEY
            key = parent.key_where
            where = None if key is None else key + "." if isinstance(value, dict) else key
        if not scalar:
            stack.append(_Open(value, where))

    def _add_key(self, parent: _Open, event: Any, tag: str, line: int, stack: list[_Open]) -> None:
        """A mapping's key: only text names a field ('null:', 'true:' or '[a]:' is a problem where
        lines are indexed; elsewhere SafeConstructor's rules hold)."""
        scalar = type(event) is yaml.ScalarEvent
        indexed = parent.where is not None
        if indexed and not (scalar and tag == _STR):
            self.parsed.problems.append(Problem(self.path, line, "", _KEY_MESSAGE))
        if not scalar:  # a mapping or list as a key is not hashable: SafeConstructor refuses it
            self.unconstructible = True
            parent.key, parent.key_where = None, None
            stack.append(_Open(None, None))
            return
        key_where = f"{parent.where}{event.value}" if indexed and tag == _STR else None
        if key_where is not None:
            if key_where in self.parsed.lines:
                self.parsed.problems.append(Problem(self.path, line, key_where,
                                                    "dit veld staat twee keer in de gegevens bovenaan"))
            self.parsed.lines[key_where] = line
        parent.key = _scalar(tag, event.value)  # a key '=' is text (flatten_mapping)
        parent.key_where = key_where


_BOOLS = yaml.SafeLoader.bool_values
_IMPLICIT = _Loader.yaml_implicit_resolvers
assert not _Loader.yaml_path_resolvers and None not in _IMPLICIT  # what _scalar_tag leaves out


def _scalar_tag(value: str, plain: bool) -> str:
    """A scalar's tag as _Loader.resolve gives it (BaseResolver.resolve, without its call and
    the path resolvers _Loader has none of): a quoted scalar is text, a plain one what the
    first matching implicit resolver for its first character says."""
    if plain:
        for tag, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                return str(tag)
    return _STR


def _scalar(tag: str, value: str) -> Any:
    """A scalar as SafeConstructor makes it, for the types _Loader leaves (text, true/false, null)."""
    if tag == "tag:yaml.org,2002:bool":
        return _BOOLS[value.lower()]
    if tag == "tag:yaml.org,2002:null":
        return None
    return value


def _once_per_line(problems: list[Problem]) -> list[Problem]:
    """One alias bomb line holds many aliases; the editor needs each kind of problem once per line."""
    return list({(p.line, p.message.split("'")[2] if p.message.startswith("'") else p.message): p
                 for p in problems}.values())


def _implicit(event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> bool:
    return any(event.implicit) if isinstance(event, yaml.ScalarEvent) else bool(event.implicit)
