"""Everything the site publishes for partners and for STO's mailing, beyond its own pages:
open data (/data/v1/), the embeddable agendas (/embed/) and the newsletter editions with their
archive page (/nieuwsbrief/).

None of it depends on rendered pages, so the MkDocs adapter adds it all in ``on_files``, in one
call: MkDocs then copies each file into the site, and links to them are checked like any other.
"""

from __future__ import annotations

from pathlib import Path

from sto.cache.store import Reuse, no_reuse
from sto.site.build import Build
from sto.site.embed import embed_files
from sto.syndication.newsletter import newsletter_files
from sto.syndication.opendata import OpenData


def partner_files(build: Build, docs_dir: Path, reuse: Reuse = no_reuse) -> dict[str, bytes | str]:
    """Site-relative path -> content (bytes, or Markdown for the archive page, a .md source);
    ``reuse``: results of earlier builds (the newsletter's editions)."""
    return {**OpenData(build).files(), **embed_files(build, docs_dir), **newsletter_files(build, docs_dir, reuse)}
