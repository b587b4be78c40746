"""sto.fragment_cache: reuse, the switch, and the proof that a link key stands for the links."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from sto.mkdocs.fragment_cache import (
    DISABLE_VARIABLE,
    FragmentCache,
    link_context,
    nav_state,
    nav_urls,
    page_directory,
)
from sto.mkdocs.speed import switched_on


def test_a_fragment_renders_once_per_key_and_is_reused():
    cache = FragmentCache()
    calls = []

    def render(text):
        return lambda: calls.append(text) or text

    assert cache.fragment(("nav", "below:nieuws"), render("a")) == "a"
    assert cache.fragment(("nav", "below:nieuws"), render("b")) == "a"
    assert cache.fragment(("nav", "below:agenda"), render("c")) == "c"
    assert calls == ["a", "c"]
    assert (len(cache), cache.hits, cache.misses) == (2, 1, 2)
    assert cache.summary() == "fragment cache: 2 fragments rendered, reused 1 times"


def test_a_disabled_cache_renders_every_time():
    cache = FragmentCache(enabled=False)
    calls = []
    for _ in range(3):
        assert cache.fragment("key", lambda: calls.append(1) or "x") == "x"
    assert len(calls) == 3 and len(cache) == 0
    assert cache.summary() == "fragment cache: off"


def test_jinja_call_blocks_go_through_the_cache_and_a_key_with_none_is_not_shared():
    import jinja2

    cache = FragmentCache()
    env = jinja2.Environment()
    env.globals["frag"] = cache
    template = env.from_string('{% call frag("part", key) %}[{{ text }}]{% endcall %}')
    assert template.render(key="k", text="first") == "[first]"
    assert template.render(key="k", text="second") == "[first]"
    assert template.render(key=None, text="third") == "[third]"
    assert template.render(key=None, text="fourth") == "[fourth]"
    assert (len(cache), cache.hits) == (1, 1)


def test_the_environment_switch():
    assert switched_on({"STO_NO_FRAGMENT_CACHE": "1"}, DISABLE_VARIABLE)
    assert not switched_on({}, DISABLE_VARIABLE)
    assert not switched_on({"STO_NO_FRAGMENT_CACHE": ""}, DISABLE_VARIABLE)
    assert not switched_on({"STO_NO_FRAGMENT_CACHE": "0"}, DISABLE_VARIABLE)


def test_page_directory_follows_mkdocs():
    assert page_directory("") == ""
    assert page_directory("nieuws/") == "nieuws/"
    assert page_directory("nieuws/een-bericht/") == "nieuws/een-bericht/"
    assert page_directory("404.html") == ""
    assert page_directory("a/b.html") == "a/"
    assert page_directory("a/b") == "a/b/"


NAV = ["", "nieuws/", "agenda/", "veelgestelde-vragen/", "regio/"]


def test_sibling_item_pages_share_a_key_and_section_pages_get_their_own():
    assert link_context("nieuws/a/", NAV, ["assets/"]) == link_context("nieuws/b/", NAV, ["assets/"])
    assert link_context("nieuws/a/", NAV) != link_context("agenda/a/", NAV)
    assert link_context("nieuws/a/", NAV) != link_context("nieuws/jaar/2024/", NAV)
    assert link_context("nieuws/", NAV) == "in:nieuws/"  # a linked page lies in its directory
    assert link_context("", NAV) == "in:"  # the home page: everything lies below it
    assert link_context("assets/x/", NAV, ["assets/"]) == "in:assets/x/"
    assert link_context("toegankelijkheid/", NAV) == link_context("privacy/", NAV)


segment = st.sampled_from(["nieuws", "agenda", "a", "b", "regio", "jaar", "2024", "assets", "x.html"])
path = st.lists(segment, max_size=4).map(lambda parts: "/".join(parts))
page_url = st.one_of(path.map(lambda p: p + "/" if p and not p.endswith(".html") else p),
                     st.sampled_from(["", "404.html"]))


@settings(max_examples=400, deadline=None)
@given(first=page_url, second=page_url, targets=st.lists(page_url, max_size=5).map(lambda more: NAV + more),
       files=st.lists(path, max_size=3))
def test_pages_with_the_same_key_get_the_same_links_from_mkdocs(first, second, targets, files):
    """The proof the cache rests on, against MkDocs' own function: equal keys, equal links to
    every target and to every file inside every tree."""
    trees = ["assets/"]
    linked = targets + ["assets/" + f for f in files] + ["assets/", "."]
    if link_context(first, targets, trees) == link_context(second, targets, trees):
        for target in linked:
            assert get_relative_url(target, first) == get_relative_url(target, second), target


def _page(url, active=False):
    return SimpleNamespace(url=url, active=active, children=None)


def test_nav_urls_and_state_cover_every_entry_at_every_depth():
    section = SimpleNamespace(active=True, children=[_page("a/x/", True), _page("a/y/")])
    items = [_page(""), section, SimpleNamespace(url="https://example.org/", active=False, children=None)]
    assert nav_urls(items) == ["", "a/x/", "a/y/", "https://example.org/"]
    assert nav_state(items) == ((False, ()), (True, ((True, ()), (False, ()))), (False, ()))
    section.children[0].active = False
    assert nav_state(items) != ((False, ()), (True, ((True, ()), (False, ()))), (False, ()))
