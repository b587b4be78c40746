"""robots.txt: every page may be crawled, and here is the sitemap (MkDocs writes sitemap.xml)."""

from __future__ import annotations

ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"


def robots_txt(sitemap_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
