"""Which SVG images may be published: drawings only, nothing that runs or fetches.

An SVG opened on its own is a document: a ``<script>``, an ``onload=`` or a link to
``javascript:`` in it runs with the site's origin, and no page's policy covers it. So an SVG in
docs/ is parsed (no DTD, no entities, no network) and may hold only the elements and attributes
of a drawing; each other one is a Dutch problem at its line. References stay inside the file
(``url(#verloop)``); ``href`` is not allowed at all (``<use>``, ``<image>`` and ``<a>`` are not
on the list).
"""

from __future__ import annotations

import re

from lxml import etree

from sto.content.trust import decoded
from sto.problems import Problem

SVG = "http://www.w3.org/2000/svg"
ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path",
    "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
})
ATTRIBUTES = frozenset({
    "id", "class", "width", "height", "viewBox", "preserveAspectRatio", "version", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "transform", "fill", "fill-opacity", "fill-rule",
    "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
    "stroke-dashoffset", "stroke-miterlimit", "opacity", "clip-path", "clip-rule", "clipPathUnits", "mask",
    "maskUnits", "maskContentUnits", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
    "spreadMethod", "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "letter-spacing", "dx", "dy", "visibility", "display", "color", "vector-effect", "shape-rendering",
    "role", "aria-label", "aria-hidden", "focusable", "lang",
    "{http://www.w3.org/XML/1998/namespace}space", "{http://www.w3.org/XML/1998/namespace}lang",
})
# A reference to another part of the same drawing; anything else in url(...) fetches.
_URL = re.compile(r"url\s*\(", re.I)
_LOCAL_URL = re.compile(r"url\(\s*['\"]?#[\w.-]+['\"]?\s*\)", re.I)
_FIX = "zet alleen een gewone tekening neer (bijvoorbeeld als .png of een SVG zonder scripts en koppelingen)"


def svg_problems(path: str, raw: bytes) -> list[Problem]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        return [Problem(path, line, "", "dit SVG-bestand is geen geldige XML; sla het opnieuw op als SVG")]
    if b"<!doctype" in raw.lower():  # lxml keeps an internal DTD's entities unresolved; none belongs in a drawing
        return [Problem(path, 1, "", f"dit SVG-bestand heeft een DOCTYPE (met mogelijk eigen entiteiten); {_FIX}")]
    problems: list[Problem] = []
    around = [*root.itersiblings(preceding=True), *root.itersiblings()]  # before and after <svg>: PIs, comments
    for node in [*around, *root.iter()]:
        line = node.sourceline or 1
        if isinstance(node, etree._ProcessingInstruction):
            target = str(node.target)
            problems.append(Problem(path, line, "", f"'<?{target}' (een verwerkingsinstructie) is niet toegestaan "
                                    f"in een SVG-bestand; {_FIX}"))
            continue
        if not isinstance(node.tag, str):  # a comment
            continue
        name = etree.QName(node)
        if name.namespace != SVG or name.localname not in ELEMENTS:
            problems.append(Problem(path, line, "", f"het element <{name.localname}> is niet toegestaan in een "
                                    f"SVG-bestand; {_FIX}"))
            continue
        for attribute, value in node.attrib.items():
            shown = etree.QName(attribute).localname
            if attribute not in ATTRIBUTES:
                problems.append(Problem(path, line, "", f"het kenmerk '{shown}' is niet toegestaan in een "
                                        f"SVG-bestand; {_FIX}"))
            elif _fetches(value):
                problems.append(Problem(path, line, "", f"het kenmerk '{shown}' verwijst buiten de tekening "
                                        f"('{value[:60]}'); {_FIX}"))
    return problems


def _fetches(value: str) -> bool:
    plain = decoded(value)
    return "javascript:" in plain.lower() or bool(_URL.search(_LOCAL_URL.sub("", plain)))
