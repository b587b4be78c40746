"""The files a host reads besides the pages: ``_headers`` (Netlify, Cloudflare Pages; GitHub
Pages ignores it) and ``/.well-known/security.txt`` (RFC 9116, once its contact is supplied).

``_headers`` gives every response HSTS, ``nosniff`` and a referrer policy, and each HTML page
the part of its Content-Security-Policy that a ``<meta>`` cannot carry: ``frame-ancestors``
(only this site may frame its pages), with the policy's page-independent directives. The embed
pages (/embed/, in partners' iframes) get their own policy and may be framed anywhere; the web
editor (/beheer/) gets its own (sto.editors.web_editor.policy), framed by this site only. Rules
never overlap for one header (Netlify and Cloudflare Pages combine overlapping rules
differently), so the policy goes per top-level folder and per HTML file at the root: a few dozen
rules, under Cloudflare Pages' limit of 100. The ``<meta>`` policy stays on every page: GitHub
Pages sends none of these headers.

Both files are generated into MkDocs' files (so a dot-folder is not skipped) and depend only on
the site's files, the configuration and the build's "now": deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sto.site.build import Build
from sto.editors.cms_config import EDITOR_DIR, EditorSettings
from sto.editors.web_editor import header_policy as editor_header_policy
from sto.mkdocs.csp import header_policy
from sto.site import embed, urls
from sto.site.security_txt import SECURITY_TXT, contacts_from, security_txt

HEADERS_FILE = "_headers"
EVERY_RESPONSE = (
    ("Strict-Transport-Security", "max-age=31536000"),  # a year; no includeSubDomains: STO's other hosts are not ours
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),  # the players (YouTube) need the origin
)
MAX_RULES = 100  # Cloudflare Pages reads no more
_EMBEDS = urls.EMBED_AGENDA.split("/")[0]
_EDITOR = EDITOR_DIR.strip("/")  # the web editor: its own policy (Decap needs what pages may not do)
_DOCUMENTS = (".html", ".svg")  # responses a policy protects: what a browser renders as a document


def hosting_files(build: Build, extra: Mapping[str, Any], dest_uris: Iterable[str]) -> dict[str, str]:
    """The files to add to the site, by path; ValueError names a wrong setting in mkdocs.yml."""
    files = {HEADERS_FILE: headers_file(dest_uris, EditorSettings.from_extra(extra))}
    contacts = contacts_from(extra)
    if contacts:
        files[SECURITY_TXT] = security_txt(contacts, build.now, build.site_url)
    return files


def headers_file(dest_uris: Iterable[str], editor: EditorSettings = EditorSettings()) -> str:
    folders: set[str] = set()
    root_documents = {"404.html"}  # 404.html: the theme's, written from a template
    for uri in dest_uris:
        if uri.endswith(_DOCUMENTS):
            first, _, rest = uri.partition("/")
            (folders if rest else root_documents).add(first)
    site, embeds = header_policy(), embed.CSP  # the embed pages' own policy, without frame-ancestors
    rules: list[tuple[str, list[tuple[str, str]]]] = [("/*", list(EVERY_RESPONSE)),
                                                        ("/", [("Content-Security-Policy", site)])]
    rules += [(f"/{name}", [("Content-Security-Policy", site)]) for name in sorted(root_documents)]
    own = {_EMBEDS: embeds, _EDITOR: editor_header_policy(editor)}
    rules += [(f"/{name}/*", [("Content-Security-Policy", own.get(name, site))]) for name in sorted(folders)]
    if len(rules) > MAX_RULES:
        raise ValueError(f"_headers would have {len(rules)} rules; Cloudflare Pages reads at most {MAX_RULES}")
    lines = ["# Headers for hosts that read this file (Netlify, Cloudflare Pages); GitHub Pages ignores it.",
             "# Made by the build (sto.mkdocs.hosting); every page also carries its policy in a <meta>."]
    for path, headers in rules:
        lines += ["", path, *(f"  {name}: {value}" for name, value in headers)]
    return "\n".join(lines) + "\n"
