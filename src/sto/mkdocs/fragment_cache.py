"""Page fragments rendered once per build and reused by every page that renders them the same.

Material renders its navigation (tabs and drawer), its header and its ``__config`` script into
every page. On the item pages, which are not in the navigation, those fragments (the header
around the page title) differ only by the relative links in them, so pages whose links come out
the same share one rendering. Correctness rests on
the key: it must hold everything a fragment depends on (the templates build it from the page,
see overrides/main.html and overrides/partials/header.html); ``link_context`` gives the part
that stands for the page's links.

Plain Python, no MkDocs or Jinja: the hook hands the cache to the templates.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from types import MappingProxyType
from typing import Any

DISABLE_VARIABLE = "STO_NO_FRAGMENT_CACHE"  # a build without the cache (sto.mkdocs.speed decides)


def page_directory(page_url: str) -> str:
    """The directory MkDocs resolves a page's relative links from (its ``get_relative_url``):
    the URL without a last segment that holds a dot (``404.html``), with a trailing slash."""
    directory, _, last = page_url.rpartition("/")
    if "." not in last:
        directory = page_url.rstrip("/")
    return directory + "/" if directory else ""


def link_context(page_url: str, targets: Iterable[str], trees: Iterable[str] = ()) -> str:
    """What a fragment's relative links from this page depend on, given every page it links to
    (``targets``) and every folder it links into (``trees``, such as Material's ``assets/``).

    MkDocs writes a link to ``target`` from a page in directory ``D`` as the path from ``D`` to
    ``target``: "../" for each segment of ``D`` below the segments the two share, then the rest of
    ``target``. When ``target`` does not lie in ``D``, they share fewer segments than ``D`` has,
    so only ``D``'s parent decides the link: pages in sibling directories (``nieuws/a/`` and
    ``nieuws/b/``) get the same links. When some target may lie in ``D`` (the home page, a
    section page above a linked page, a page inside a linked folder), the key is ``D`` itself,
    which is always exact."""
    directory = page_directory(page_url)
    if (not directory or any(target.startswith(directory) for target in targets)
            or any(tree.startswith(directory) or directory.startswith(tree) for tree in trees)):
        return "in:" + directory
    return "below:" + directory[:-1].rpartition("/")[0]


def nav_urls(items: Iterable[Any]) -> list[str]:
    """Every address the navigation links to (pages and links, at any depth; sections have none)."""
    urls: list[str] = []
    for item in items:
        if getattr(item, "url", None) is not None:
            urls.append(item.url)
        urls.extend(nav_urls(getattr(item, "children", None) or ()))
    return urls


def nav_state(items: Iterable[Any]) -> tuple[tuple[bool, Any], ...]:
    """Which navigation entries are active (open), the only part of a navigation that changes
    from page to page besides links and the page itself; ``items`` are MkDocs nav entries."""
    return tuple((bool(item.active), nav_state(getattr(item, "children", None) or ())) for item in items)


# What overrides/main.html and partials/header.html call to build a fragment's key.
TEMPLATE_GLOBALS = MappingProxyType({"sto_link_context": link_context, "sto_nav_state": nav_state,
                                     "sto_nav_urls": nav_urls})


class FragmentCache:
    """One build's rendered fragments, by key. ``enabled=False`` renders every time."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._fragments: dict[Hashable, Any] = {}
        self.hits = 0
        self.misses = 0

    def fragment(self, key: Hashable, render: Callable[[], Any]) -> Any:
        """The fragment for ``key``: rendered by ``render`` the first time, reused after."""
        if not self.enabled:
            return render()
        try:
            found = self._fragments[key]
        except KeyError:
            self.misses += 1
            found = self._fragments[key] = render()
            return found
        self.hits += 1
        return found

    def __call__(self, *key: Hashable, caller: Callable[[], Any]) -> Any:
        """For Jinja's ``{% call sto_fragments("name", part, ...) %}body{% endcall %}``. A key
        with ``None`` in it means the fragment is not to be shared (a page without a key): the
        body renders as if uncached."""
        if None in key:
            return caller()
        return self.fragment(key, caller)

    def summary(self) -> str:
        if not self.enabled:
            return "fragment cache: off"
        return f"fragment cache: {len(self)} fragments rendered, reused {self.hits} times"

    def __len__(self) -> int:
        return len(self._fragments)
