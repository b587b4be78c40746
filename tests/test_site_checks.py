"""Whole-site proofs over the seed site plus a fixture corpus (see sitecheck.py).

Each test reads every file of its kind that the build wrote, so page types, feeds and
calendars added later are checked without changing these tests.
"""

from __future__ import annotations

import filecmp
import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import tinycss2
import yaml
from lxml import etree

from sto.editors.cms_config import EDITOR_DIR

from .search_fragments import fragments
from .sitebuild import EPOCH_2024_06_15, ROOT, BuiltSite, corpus_project, mkdocs_build
from .sitecheck import (HOSTILE_BODY, HOSTILE_TITLE, MARKER, html_references, ics_references, ics_values,
                        json_references, xml_references)

pytestmark = pytest.mark.site

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# ---- 2. Reproducibility -----------------------------------------------------------------------

def differences(a: Path, b: Path) -> list[str]:
    """Relative paths that exist on one side only or differ in content."""
    comparison = filecmp.dircmp(a, b)
    found = [n + " (alleen in één van beide)" for n in comparison.left_only + comparison.right_only]
    found += comparison.funny_files
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    found += mismatch + errors
    for sub in comparison.common_dirs:
        found += [f"{sub}/{name}" for name in differences(a / sub, b / sub)]
    return sorted(found)


def test_same_epoch_in_another_directory_gives_a_byte_identical_site(corpus_site, tmp_path):
    """Another project path, another site dir, same SOURCE_DATE_EPOCH: every byte the same,
    the sitemap, the search index, feeds and calendars included. The second build also runs
    with another time zone, locale and hash seed, as another machine or CI would."""
    project = corpus_project(tmp_path / "elders" / "een-andere-naam")
    other_site = tmp_path / "uitvoer" / "site"
    mkdocs_build(project, other_site, EPOCH_2024_06_15,
                 env={"TZ": "America/Curacao", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "4242"})
    assert (other_site / "sitemap.xml").is_file() and (other_site / "pagefind/pagefind-entry.json").is_file()
    assert differences(corpus_site.site, other_site) == []


def test_differences_lists_the_files_that_differ(tmp_path):
    """The comparison above can fail, and then names the files."""
    for side in ("a", "b"):
        (tmp_path / side / "feeds").mkdir(parents=True)
        (tmp_path / side / "same.txt").write_text("x")
    (tmp_path / "a/feeds/nieuws.xml").write_text("1")
    (tmp_path / "b/feeds/nieuws.xml").write_text("2")
    (tmp_path / "a/only.ics").write_text("")
    assert differences(tmp_path / "a", tmp_path / "b") == ["feeds/nieuws.xml", "only.ics (alleen in één van beide)"]


# ---- 3. HTML (and CSS) validity ---------------------------------------------------------------

# Errors that come from mkdocs-material's own markup outside any template block, so no
# override can change them without copying base.html whole. Each entry: (message start,
# a string the offending markup contains).
MATERIAL_MARKUP = [
    # base.html: <input class="md-toggle" type="checkbox" ... autocomplete="off"> for the
    # drawer and search toggles. Material sets autocomplete=off so Firefox does not restore
    # a checked toggle (an open drawer) on back/forward; harmless, but not allowed on checkboxes.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
]


def _from_material(message: dict) -> bool:
    return any(message.get("message", "").startswith(start) and marker in message.get("extract", "")
               for start, marker in MATERIAL_MARKUP)


def test_every_page_and_stylesheet_passes_the_nu_html_checker(corpus_site):
    if not VNU.is_file() or not shutil.which("java"):
        pytest.fail("vnu.jar or java is missing: run 'make test' (it installs both)")
    pages = corpus_site.html_files
    assert len(pages) >= 20
    for later_page in ("nieuws/pagina/2", "nieuws/categorie/regionale-samenwerking/pagina/2", "nieuws/jaar/2023/pagina/2",
                       "regio/caribisch-nederland/pagina/2"):  # the fixture corpus has every kind of page
        assert corpus_site.site / later_page / "index.html" in pages, later_page
    region = corpus_site.parse_html(corpus_site.site / "regio/caribisch-nederland/index.html")
    assert region.xpath("//main//a[@href='../../agenda/#geweest']")  # more past events than it shows
    # One Java start for every file: the checker takes a directory and walks it.
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--also-check-css",
                             "--skip-non-html", str(corpus_site.site)], capture_output=True, text=True)
    report = json.loads(result.stderr or result.stdout)
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    errors = [m for m in errors if not _from_material(m)]
    shown = [f"{m.get('url', '').rpartition('/site/')[2]}:{m.get('lastLine')}: {m['message']} "
             f"[{m.get('extract', '').strip()[:120]}]" for m in errors]
    assert shown == [], "\n".join(shown)


def test_the_nu_checker_run_can_fail(tmp_path):
    """The same invocation on a broken page reports it (guards the call above)."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x/index.html").write_text('<!doctype html><html lang="nl"><title>t</title><p><div></p>')
    (tmp_path / "x/stijl.css").write_text("a { colr: red }")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--also-check-css",
                             "--skip-non-html", str(tmp_path)], capture_output=True, text=True)
    failing = {m["url"].rpartition("/")[2] for m in json.loads(result.stderr)["messages"] if m["type"] == "error"}
    assert failing == {"index.html", "stijl.css"}, result.stderr


# ---- 4. Internal links and anchors ------------------------------------------------------------

SKIPPED_SCHEMES = ("mailto", "tel", "data", "javascript", "blob")


def _broken(site: BuiltSite, url: str) -> str | None:
    """Why a URL on this site does not resolve, or None when it resolves (or is not ours)."""
    target = site.target_of(url)
    if target is None:
        return None
    if not target.is_file():
        return "bestaat niet"
    fragment = urlsplit(url).fragment
    if fragment and target.suffix == ".html" and fragment not in site.anchors.get(target, set()):
        return f"anker #{fragment} bestaat niet"
    return None


def _links_of(site: BuiltSite, path: Path) -> list[str]:
    base = site.url_of(path)
    if path.suffix == ".html":
        doc = site.parse_html(path)
        base = urljoin(base, (doc.xpath("//base/@href") or [base])[0])
        return [urljoin(base, url) for _, _, url in html_references(doc)]
    if path.suffix == ".xml":
        return xml_references(path, base)
    if path.suffix == ".json":
        return json_references(path, base)
    if path.suffix == ".ics":
        return ics_references(path, base)
    return []


def test_every_internal_link_and_anchor_resolves(corpus_site):
    """Pages, sitemap, feeds (XML and JSON) and calendars: every link to this site leads somewhere."""
    broken, checked = [], 0
    for path in corpus_site.files(".html", ".xml", ".json", ".ics"):
        if "pagefind" in path.relative_to(corpus_site.site).parts:
            continue  # the search index: its pages' addresses are checked below
        for url in _links_of(corpus_site, path):
            if urlsplit(url).scheme in SKIPPED_SCHEMES:
                continue
            checked += 1
            why = _broken(corpus_site, url)
            if why:
                broken.append(f"{path.relative_to(corpus_site.site)}: {url}: {why}")
    assert broken == [], "\n".join(broken)
    assert checked >= 5 * len(corpus_site.html_files)  # every page links to its assets and sections


def test_every_search_result_leads_to_a_page_and_anchor(corpus_site):
    found = fragments(corpus_site.site)
    broken = [url for url in found if _broken(corpus_site, corpus_site.site_url + url)]
    assert found and broken == []


def test_the_link_check_finds_a_broken_link_and_a_missing_anchor(corpus_site, tmp_path):
    page = corpus_site.html_files[0]
    doc_url = corpus_site.url_of(page)
    assert _broken(corpus_site, urljoin(doc_url, "/nieuws/bestaat-niet/")) == "bestaat niet"
    assert _broken(corpus_site, corpus_site.site_url + "#geen-anker") == "anker #geen-anker bestaat niet"
    assert _broken(corpus_site, "https://www.example.nl/bestaat-niet/") is None  # not ours


# ---- 5. Hostile text renders escaped everywhere -----------------------------------------------

def _hostile_html_contexts(site: BuiltSite) -> list[tuple[str, str]]:
    """(where, markup) for every place the build puts HTML: pages, search index texts, feed content."""
    contexts = [(str(p.relative_to(site.site)), p.read_text(encoding="utf-8")) for p in site.html_files]
    for path in site.files(".xml"):
        raw = path.read_text(encoding="utf-8")
        contexts.append((str(path.relative_to(site.site)), raw))  # the XML itself
        root = etree.fromstring(raw.encode())
        for element in root.iter():
            if not (isinstance(element.tag, str) and element.text):
                continue
            # Where feeds carry HTML: RSS <title>, <description> and <content:encoded> (readers
            # treat an RSS title as HTML, so we write it as HTML), Atom elements with
            # type="html"/"xhtml". Atom type="text" is plain text by its spec.
            name = etree.QName(element).localname
            in_rss = etree.QName(root).localname == "rss"
            if element.get("type") in ("html", "xhtml") or name in ("description", "encoded") or (
                    in_rss and name == "title"):
                contexts.append((f"{path.relative_to(site.site)} <{name}>", element.text))
    for path in site.files(".json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        html_keys = ("content_html", "text", "title") if "search_index" in path.name else ("content_html",)
        for key, value in _json_pairs(data):
            if key in html_keys and isinstance(value, str):
                contexts.append((f"{path.relative_to(site.site)} {key}", value))
    for path in site.files(".ics"):
        for name, value in ics_values(path):
            if name.upper() in ("X-ALT-DESC",):
                contexts.append((f"{path.relative_to(site.site)} {name}", value))
    return contexts


def _json_pairs(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _json_pairs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_pairs(item)


def test_hostile_text_never_becomes_markup(corpus_site):
    """No <script> from content anywhere HTML is interpreted: pages, search index, feed content."""
    unescaped = [where for where, markup in _hostile_html_contexts(corpus_site)
                 if re.search(rf"<script[^>]*>\s*alert\(\s*\"?{MARKER}", markup)
                 or re.search(rf"<script(?![^>]*application/ld\+json)[^>]*>[^<]*{MARKER}", markup)]
    assert unescaped == []
    for path in corpus_site.html_files:
        doc = corpus_site.parse_html(path)
        # JSON-LD is data, not code (its escaping is proven in test_structured_data.py).
        assert not [s for s in doc.iter("script")
                    if MARKER in (s.text or "") and s.get("type") != "application/ld+json"], path


def test_hostile_title_and_body_round_trip_through_the_html_parser(corpus_site):
    for url in ("nieuws/fixture-gevaarlijke-tekst/", "agenda/fixture-gevaarlijk/"):
        doc = corpus_site.parse_html(corpus_site.site / url / "index.html")
        h1 = " ".join(doc.xpath("//h1")[0].text_content().split())
        assert h1 == HOSTILE_TITLE, url
        assert HOSTILE_TITLE in doc.xpath("//title")[0].text_content()
        [article] = doc.xpath("//article")  # each item page is one article
        text = article.text_content()
        for line in HOSTILE_BODY.replace("&amp;", "&").split("\n"):
            first = line.strip().split(" — ")[0]
            assert " ".join(first.split()) in " ".join(text.split()), (url, first)


def test_hostile_title_round_trips_through_the_search_index(corpus_site):
    assert fragments(corpus_site.site)["nieuws/fixture-gevaarlijke-tekst/"]["meta"]["title"] == HOSTILE_TITLE


def _feed_kind(path: Path) -> str | None:
    if path.suffix == ".xml":
        root = etree.parse(str(path)).getroot()
        return {"rss": "rss", "feed": "atom"}.get(etree.QName(root).localname)
    if path.suffix == ".json" and "pagefind" not in path.parts:
        data = json.loads(path.read_text(encoding="utf-8"))
        return "json" if str(data.get("version", "")).startswith("https://jsonfeed.org/") else None
    return None


# Where the corpus's hostile items are syndicated: the news item in the three site-wide feeds (it
# has no category), the event in the agenda, its kind's calendar and its own download.
HOSTILE_FEEDS = {"feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json"}
HOSTILE_CALENDARS = {"agenda/agenda.ics", "agenda/soort/overig.ics", "agenda/fixture-gevaarlijk/fixture-gevaarlijk.ics"}


def _feed_titles(path: Path, kind: str) -> list[str]:
    """Every title in a feed as a reader shows it (HTML titles unescaped)."""
    if kind == "json":
        return [entry.get("title") for entry in json.loads(path.read_text(encoding="utf-8"))["items"]]
    root = etree.parse(str(path)).getroot()
    return [html.unescape(el.text or "") if el.get("type") in ("html", "xhtml") or kind == "rss" else el.text
            for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "title"]


def test_hostile_title_round_trips_through_every_feed_and_calendar(corpus_site):
    """Every feed parses; the hostile item is in exactly the feeds and calendars it belongs to and
    reads back exactly."""
    import feedparser
    from icalendar import Calendar

    feeds = {p: k for p in corpus_site.files(".xml", ".json") if (k := _feed_kind(p))}
    assert sorted(k for k in feeds.values()) == ["atom"] * 4 + ["json"] * 4 + ["rss"] * 4  # site-wide, 3 categories
    with_title = set()
    for path, kind in feeds.items():
        if kind != "json":
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.bozo_exception)
        if HOSTILE_TITLE in _feed_titles(path, kind):
            with_title.add(path.relative_to(corpus_site.site).as_posix())
    assert with_title == HOSTILE_FEEDS
    calendars = corpus_site.files(".ics")
    assert len(calendars) == 24
    in_calendars = {path.relative_to(corpus_site.site).as_posix() for path in calendars
                    if HOSTILE_TITLE in [str(event.get("SUMMARY"))
                                         for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]}
    assert in_calendars == HOSTILE_CALENDARS


def test_drafts_and_scheduled_items_are_nowhere_in_the_site(corpus_site):
    for path in corpus_site.files(".html", ".xml", ".json", ".ics", ".txt"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "fixture-concept" not in text and "Fixture: concept" not in text, path
        assert "fixture-ingepland" not in text and "Fixture: ingepland" not in text, path


# ---- 6. Nothing from third-party hosts --------------------------------------------------------

# <link rel> values that load nothing when the page opens.
NON_LOADING_RELS = {"alternate", "canonical", "prev", "next", "author", "license", "help", "me", "bookmark",
                    "external", "nofollow", "noopener", "noreferrer", "tag", "search"}


def _foreign(site: BuiltSite, page_url: str, url: str) -> bool:
    absolute = urljoin(page_url, url.strip())
    parts = urlsplit(absolute)
    if parts.scheme in ("data", "blob", "about", "mailto", "tel", "javascript", ""):
        return False
    return parts.netloc != urlsplit(site.site_url).netloc


def _css_urls(css: str) -> list[str]:
    """url(...) and @import targets, read by a real CSS tokenizer (comments and strings handled)."""
    found = []

    def walk(tokens):
        for token in tokens:
            if token.type == "url":
                found.append(token.value)
            elif token.type == "function" and token.lower_name in ("url", "src", "image-set"):
                found.extend(t.value for t in token.arguments if t.type in ("string", "url"))
                walk(token.arguments)
            elif token.type in ("() block", "[] block", "{} block"):
                walk(token.content)
            elif token.type == "function":
                walk(token.arguments)
            elif token.type == "at-rule":
                if token.lower_at_keyword == "import":
                    found.extend(t.value for t in token.prelude if t.type in ("string", "url"))
                walk(token.prelude)
                if token.content:
                    walk(token.content)
            elif token.type == "qualified-rule":
                walk(token.prelude)
                walk(token.content)
            elif token.type == "declaration":
                walk(token.value)

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def third_party_references(site: BuiltSite, path: Path) -> list[str]:
    page_url = site.url_of(path)
    found = []
    if path.suffix == ".css":
        return [u for u in _css_urls(path.read_text(encoding="utf-8")) if _foreign(site, page_url, u)]
    doc = site.parse_html(path)
    for element, attribute, url in html_references(doc):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in ("a", "area", "form") or attribute in ("cite", "action", "formaction"):
            continue  # a link someone may follow loads nothing by itself
        if any(a.tag == "template" for a in element.iterancestors()):
            continue  # <template> content is inert: e.g. the player a click-to-load facade inserts
        if tag == "link" and attribute == "href":
            rels = set((element.get("rel") or "").lower().split())
            if rels and rels <= NON_LOADING_RELS:
                continue
        if _foreign(site, page_url, url):
            found.append(f"<{tag} {attribute}={url}>")
    for element in doc.xpath("//*[@style]"):
        found += [f"style url({u})" for u in _css_urls(f"x{{{element.get('style')}}}") if _foreign(site, page_url, u)]
    for style in doc.xpath("//style"):
        found += [f"<style> url({u})" for u in _css_urls(style.text or "") if _foreign(site, page_url, u)]
    for meta in doc.xpath("//meta[@http-equiv]"):
        if meta.get("http-equiv").lower() == "refresh" and "url=" in (meta.get("content") or "").lower():
            url = meta.get("content").split("=", 1)[1].split("url=", 1)[-1]
            if _foreign(site, page_url, url):
                found.append(f"meta refresh {url}")
    return found


def test_no_page_or_stylesheet_loads_anything_from_another_host(corpus_site):
    found = []
    for path in corpus_site.files(".html", ".css"):
        found += [f"{path.relative_to(corpus_site.site)}: {ref}" for ref in third_party_references(corpus_site, path)]
    assert found == [], "\n".join(found)
    assert len(corpus_site.files(".css")) >= 1


def test_the_third_party_check_catches_every_kind_of_reference(corpus_site, tmp_path):
    page = tmp_path / "site" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("""<!doctype html><html><head>
        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
        <link rel="preconnect" href="https://fonts.gstatic.com">
        <link rel="dns-prefetch" href="//cdn.example.com">
        <link rel="alternate" type="application/rss+xml" href="https://elders.example.nl/feed.xml">
        <script src="https://www.googletagmanager.com/gtag/js"></script>
        <style>@import url("https://cdn.example.com/a.css"); b { background: url(https://x.example.com/i.png) }</style>
        </head><body style="background-image: url('https://y.example.com/bg.png')">
        <img src="/eigen.png" srcset="/eigen.png 1x, https://img.example.com/a.png 2x">
        <iframe src="https://www.youtube.com/embed/x"></iframe>
        <video poster="https://v.example.com/p.jpg"></video>
        <a href="https://www.rijksoverheid.nl/">een gewone link</a>
        <template><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></template>
        </body></html>""")
    css = tmp_path / "site" / "a.css"
    css.write_text('/* url(https://comment.example.com/) */ @import "https://imp.example.com/b.css";'
                   '@font-face { src: url(https://font.example.com/f.woff2) }')
    fake = BuiltSite(tmp_path, tmp_path / "site")
    hosts = {urlsplit(urljoin("https://x/", ref.split("=", 1)[-1].split("(", 1)[-1].rstrip(">)"))).netloc
             for ref in third_party_references(fake, page)}
    assert hosts == {"fonts.googleapis.com", "fonts.gstatic.com", "cdn.example.com", "www.googletagmanager.com",
                     "x.example.com", "y.example.com", "img.example.com", "www.youtube.com", "v.example.com"}
    assert sorted(third_party_references(fake, css)) == ["https://font.example.com/f.woff2",
                                                         "https://imp.example.com/b.css"]


# Hosts in string literals of mkdocs-material's JavaScript (URLs in licence comments are not
# fetched and not counted), with what makes the bundle fetch from them. Our mkdocs.yml sets
# none of these; the test fails when the bundle starts naming a new host, so someone looks.
MATERIAL_JS_HOSTS = {
    # repo facts (stars, forks) when repo_url points at GitHub
    "api.github.com": "repo_url on GitHub",
    # the mermaid library when a page has a mermaid diagram (needs pymdownx.superfences
    # custom fences, which we do not configure), and a ResizeObserver polyfill that only
    # browsers without ResizeObserver (Safari before 13.1, 2020) would load
    "unpkg.com": "a mermaid diagram; ResizeObserver polyfill in pre-2020 browsers",
}
# Pagefind's scripts (pagefind/) name this host only as a base to parse a relative URL with, and
# strip it again: never fetched.
PAGEFIND_JS_HOSTS = {"example.com": "new URL(`https://example.com${path}`), to resolve a result's anchor"}


def _js_hosts(site: BuiltSite) -> dict[str, set[str]]:
    """Hosts named in the public pages' JavaScript. The web editor (/beheer/, Decap CMS for editors,
    not visitors) names every Git host and media service it supports; what it requests is
    checked in Chromium by tests/browser/test_web_editor.py."""
    hosts: dict[str, set[str]] = {}
    for path in site.files(".js"):
        if path.is_relative_to(site.site / EDITOR_DIR):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"(?<=[\"'`])https?://[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}", text):
            hosts.setdefault(urlsplit(url).netloc, set()).add(path.relative_to(site.site).as_posix())
    return hosts


def test_our_config_enables_nothing_that_makes_the_javascript_fetch_from_other_hosts(corpus_site):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    assert not config.get("repo_url")
    assert not (config.get("extra") or {}).get("analytics")
    assert config["theme"].get("font") is False
    hosts = _js_hosts(corpus_site)
    unknown = {host: files for host, files in hosts.items() if host not in MATERIAL_JS_HOSTS
               and not (host in PAGEFIND_JS_HOSTS and all(f.startswith("pagefind/") for f in files))}
    assert unknown == {}, f"new hosts in the site's JavaScript, check what fetches them: {unknown}"
    assert set(hosts) - set(PAGEFIND_JS_HOSTS) == set(MATERIAL_JS_HOSTS), "a host is gone: update MATERIAL_JS_HOSTS"
    for page in corpus_site.html_files:  # nothing on a page asks the bundle to load mermaid
        assert not corpus_site.parse_html(page).xpath("//*[contains(concat(' ', @class, ' '), ' mermaid ')]"), page

