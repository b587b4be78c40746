"""A Markdown extension that shows raw HTML as text instead of passing it through.

Editors write Markdown; a stray ``<script>`` or ``</div>`` in a body must neither run nor
break the page layout. Python-Markdown dropped its old safe mode, and the documented way is
to deregister the two processors that pass HTML through.
"""

from __future__ import annotations

from markdown import Extension, Markdown


class EscapeRawHtml(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
