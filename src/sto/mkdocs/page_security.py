"""Each page's Content-Security-Policy (``sto.mkdocs.csp``), with the hashes of its inline
scripts, for the pages MkDocs renders from Markdown (on_post_page) and from a template alone
(on_post_template: 404.html). None in the preview: ``mkdocs serve`` injects its own live-reload
script into every page."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

from sto.mkdocs.csp import PagePolicy, site_scripts

log = logging.getLogger("mkdocs.hooks.sto")


class PageSecurity:
    def __init__(self) -> None:
        self._policy: PagePolicy | None = None  # per build, from on_env

    def start(self, config: MkDocsConfig, *, serve: bool) -> None:
        scripts = [str(script) for script in config.extra_javascript]
        self._policy = None if serve else PagePolicy(
            config.theme.dirs, site_scripts(config.site_url or "", config.docs_dir, config.theme.dirs, scripts))

    def secured(self, html: str, name: str) -> str:
        policy = self._policy
        if policy is None:
            return html
        secured = policy.apply(html)
        for script in policy.unknown:  # a warning fails the strict build
            log.warning("%s: a script that is in no template (inline) or in the registry of sto.mkdocs.csp (a file) "
                        "is blocked: %r", name, script)
        policy.unknown.clear()
        return secured
