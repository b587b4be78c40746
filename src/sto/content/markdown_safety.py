"""A Markdown extension that keeps editors' bodies from running code in visitors' browsers.

Raw HTML is shown as text instead of passed through: a stray ``<script>`` or ``</div>`` in a
body must neither run nor break the page layout. Python-Markdown dropped its old safe mode;
the documented way is to deregister the two processors that pass HTML through. Links and
images keep only safe schemes (``[x](javascript:...)`` loses its href).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_safe_url(url: str) -> bool:
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]


class EscapeRawHtml(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeUrls(md), "sto_drop_unsafe_urls", 1)
