"""The trust boundary's functions (sto.content.trust, problems.printable, markdown_safety's body
check, the page policy): examples, and hypothesis properties over any text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sto.content.markdown_safety import body_problems
from sto.content.trust import (SAFE_SCHEMES, Refused, character_problems, check_characters, check_url, decoded,
                               forbidden_character, is_invisible)
from sto.mkdocs.autoescape import for_templates_in
from sto.mkdocs.csp import PagePolicy, _html_files, policy, template_scripts
from sto.problems import Problem, printable

from .sitebuild import ROOT

CHECK = settings(max_examples=int(os.environ.get("STO_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def verdict(url: str, **options) -> str | None:
    """None when allowed, else the Dutch refusal."""
    try:
        assert check_url(url, **options) == url  # never rewritten: allowed as written, or refused
    except Refused as refusal:
        return str(refusal)
    return None


@pytest.mark.parametrize("url", [
    "https://www.rijksoverheid.nl/onderwerpen", "http://example.nl", "mailto:info@sterktechniekonderwijs.nl",
    "/downloads/plan.pdf", "/agenda/?regio=twente#kop", "https://xn--bcher-kva.example/a?b=1&c=2",
    "https://www.example.nl:8443/pad",
])
def test_ordinary_addresses_pass(url):
    assert verdict(url) is None


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "javascript&#58;alert(1)",
    "javascript&colon;alert(1)", "&#106;avascript:alert(1)", "&#x6a;avascript:alert(1)", "java%73cript:alert(1)",
    "javascript%3Aalert(1)", "javascript&amp;#58;alert(1)", "%256Aavascript:x", "vbscript:x", "data:text/html,x",
    "webcal://evil.example/x.ics", "file:///etc/passwd", "//evil.example/x", "/\\evil.example/x", "\\\\evil.example/x",
    "/%2F/evil.example", "/%5Cevil.example", "https://www.rijksoverheid.nl@evil.example/", "https://evil",
    "https://", "https://a b.nl/", "mailto:", "mailto:geen-adres", "https://exa\u202emple.nl/", "x\u0000y",
    "https://www.example.nl:99999/", "relatief/pad",
])
def test_hostile_or_broken_addresses_are_refused(url):
    assert verdict(url) is not None


def test_bodies_may_link_relatively_but_media_only_come_from_this_site():
    assert verdict("../andere-pagina/", relative=True) is None
    assert verdict("#kop", relative=True) is None
    assert verdict("//evil.example/x", relative=True) is not None
    assert verdict("/afbeeldingen/a.png", media=True) is None
    assert verdict("../afbeeldingen/a.png", media=True, relative=True) is None  # a body's image next to its page
    for url in ("https://www.example.nl/a.png", "data:image/png;base64,AAAA", "a.png", "//cdn.example/a.png"):
        assert verdict(url, media=True) is not None, url


def test_decoding_undoes_entities_and_percent_escapes_repeatedly():
    assert decoded("java&amp;#115;cript&#x3A;") == "javascript:"
    assert decoded("%25%36%41") == "j"
    assert decoded("/gewoon/pad") == "/gewoon/pad"


def _encodings(ch: str) -> st.SearchStrategy[str]:
    return st.sampled_from([ch, ch.upper(), f"&#{ord(ch)};", f"&#x{ord(ch):x};", f"&#X{ord(ch):X};",
                            f"%{ord(ch):02x}", f"%{ord(ch):02X}", f"&amp;#{ord(ch)};", f"%25{ord(ch):02x}"])


def _encoded(word: str) -> st.SearchStrategy[str]:
    return st.tuples(*(_encodings(ch) for ch in word)).map("".join)


@CHECK
@given(scheme=st.sampled_from(["javascript:", "vbscript:", "data:", "webcal:", "file:"]).flatmap(_encoded),
       rest=st.text(max_size=20), relative=st.booleans())
@example(scheme="javascript&#58;", rest="alert(1)", relative=True)
def test_any_encoding_of_a_blocked_scheme_is_refused(scheme, rest, relative):
    assert verdict(scheme + rest, relative=relative) is not None


@CHECK
@given(slashes=st.tuples(st.sampled_from(["/", "\\", "%2F", "%2f", "%5C", "&#47;", "&#92;"]),
                         st.sampled_from(["/", "\\", "%2F", "%5C", "&#x2F;", "&#x5C;"])).map("".join),
       host=st.from_regex(r"[a-z]{1,10}\.[a-z]{2,5}", fullmatch=True), relative=st.booleans())
def test_any_spelling_of_another_host_without_a_scheme_is_refused(slashes, host, relative):
    assert verdict(f"{slashes}{host}/x", relative=relative) is not None


@CHECK
@given(url=st.text(max_size=60), relative=st.booleans(), media=st.booleans())
@example(url="/\x00/x", relative=False, media=False)
@example(url="%0a//evil", relative=True, media=False)
def test_whatever_is_allowed_is_a_safe_scheme_or_a_path_on_this_site(url, relative, media):
    if verdict(url, relative=relative, media=media) is not None:
        return
    plain = re.sub(r"[\x00-\x20]", "", decoded(url))
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    assert "\\" not in plain and not plain.startswith("//")
    if media:
        assert scheme is None and (plain.startswith("/") or relative)
    elif scheme is not None:
        assert scheme.group(1).lower() in SAFE_SCHEMES
    elif not relative:
        assert plain.startswith("/")


@CHECK
@given(text=st.text(max_size=40))
@example(text="\u200b\ufeff")
@example(text="Kop\u202e")
def test_text_that_passes_has_no_control_bidi_or_invisible_only_content(text):
    try:
        check_characters(text)
    except Refused as refusal:
        assert str(refusal).strip()
        return
    assert not CONTROL.search(text)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]", text)
    assert not is_invisible(text)


# What may never appear, written out as the Unicode standard lists it (C0 but tab and newline,
# DEL and C1, surrogates, noncharacters), independent of how trust.py searches for it.
FORBIDDEN_CODE_POINTS = {*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000),
                         *range(0xFDD0, 0xFDF0), *(plane * 0x10000 + last for plane in range(17) for last in (0xFFFE, 0xFFFF))}


def test_exactly_the_control_surrogate_and_noncharacter_code_points_are_forbidden():
    around_plane_ends = {plane * 0x10000 + offset for plane in range(1, 17) for offset in (0, 1, 0xFFFD, 0xFFFE, 0xFFFF)}
    for point in [*range(0x10000), *sorted(around_plane_ends), 0x1F469, 0x1F527, 0xE0001]:
        text = f"Kop {chr(point)} en 👩 verder"
        assert (forbidden_character(text) is not None) == (point in FORBIDDEN_CODE_POINTS), hex(point)
    lines = "a\n\U0001FFFE b\n\U0001F469\n\uFDD0 \U0010FFFF"
    assert [(p.line, p.message.split()[4].rstrip(",")) for p in character_problems("x.md", lines, 2)] == [
        (3, "U+1FFFE"), (5, "U+FDD0")]


def test_right_to_left_text_and_emoji_are_just_text():
    assert check_characters("عربي עברית 👩‍🔧 — \"citaat\" & <b>") == "عربي עברית 👩‍🔧 — \"citaat\" & <b>"


@CHECK
@given(text=st.text(max_size=60))
@example(text="x\n::error file=a::nep")
@example(text="  ::add-mask::geheim")
@example(text="\u2028::warning::x")
def test_a_printed_problem_is_one_line_that_starts_no_workflow_command(text):
    shown = printable(text)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", shown)
    assert not shown.lstrip().startswith("::")
    if not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", text) and not text.lstrip().startswith("::"):
        assert shown == text


def test_the_problem_report_escapes_what_a_value_smuggles_in():
    problem = Problem("content/news/a.md", 3, "title", "'Kop\n::error::nep' is fout")
    assert str(problem) == "content/news/a.md:3: title: 'Kop\\x0a::error::nep' is fout"
    assert "\n::" not in str(problem)


@CHECK
@given(body=st.text(max_size=200))
@example(body="[a](javascript&#58;x) ![b](https://e.example/p.png){onerror=x}\n\n[r]: webcal://x\n")
@example(body="\x02amp\x03 [x](\x02y\x03)")
def test_the_body_check_never_raises_and_names_lines_inside_the_body(body):
    problems = body_problems("content/news/a.md", body, 7)
    for problem in problems:
        assert 7 <= problem.line <= 7 + body.count("\n") and problem.message.strip()


def test_the_policy_allows_no_inline_script_unless_hashed_and_frames_only_the_players():
    text = policy(["abc="])
    directives = dict(part.strip().split(" ", 1) for part in text.split(";"))
    assert directives["script-src"] == "'sha256-abc='"  # no 'self': script files only by address and hash
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["frame-src"] == "https://www.youtube-nocookie.com https://player.vimeo.com"
    assert directives["img-src"].split()[0] == "'self'" and directives["media-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in text


def test_only_the_templates_inline_scripts_get_a_hash(tmp_path):
    (tmp_path / "a.html").write_text('<script>var base="{{ base_url }}";go(base)</script>', encoding="utf-8")
    (tmp_path / "b.html").write_text("<script>plain()</script>", encoding="utf-8")
    patterns = template_scripts([tmp_path])
    assert any(p.fullmatch('var base="../..";go(base)') for p in patterns)
    assert not any(p.fullmatch('var base="",alert(1),"";go(base)') for p in patterns)  # cannot leave the string
    page = PagePolicy([tmp_path])
    html = '<meta charset="utf-8"><script>plain()</script><script>evil()</script>'
    secured = page.apply(html)
    assert secured.count("Content-Security-Policy") == 1 and secured.count("sha256-") == 1
    assert page.unknown == ["evil()"]


def test_material_and_our_inline_scripts_are_all_known():
    from material import templates

    folders = [ROOT / "overrides", os.path.dirname(templates.__file__)]
    patterns = template_scripts(folders)
    assert len(patterns) >= 4  # Material's scope, palette and content scripts, and our feed-link script
    assert _html_files(folders) == sorted(path for folder in folders for path in Path(folder).rglob("*.html"))


def test_autoescape_is_on_for_our_templates_only():
    ours = for_templates_in(ROOT / "overrides")
    assert ours("main.html") and ours("sto/news-item.html") and ours("partials/sto/feed-links.html")
    assert not ours("base.html") and not ours("partials/content.html") and not ours(None)


def test_script_files_are_allowed_by_exact_address_and_hash_and_get_their_integrity(tmp_path):
    from sto.mkdocs.csp import SCRIPT_FILES, site_scripts

    docs, theme = tmp_path / "docs", tmp_path / "theme"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets/eigen.js").write_text("eigen()", encoding="utf-8")
    (theme / "assets/javascripts").mkdir(parents=True)
    (theme / "assets/javascripts/bundle.0123abcd.min.js").write_text("material()", encoding="utf-8")
    for path in SCRIPT_FILES:
        (theme / path).parent.mkdir(parents=True, exist_ok=True)
        (theme / path).write_text("ons()", encoding="utf-8")
    scripts = site_scripts("https://www.example.nl/sto/", docs, [theme], ["assets/eigen.js"])
    sources = policy([], scripts).split("script-src ")[1].split(";")[0].split()
    assert "https://www.example.nl/sto/assets/eigen.js" in sources and "'self'" not in sources
    assert "https://www.example.nl/sto/assets/javascripts/bundle.0123abcd.min.js" in sources
    page = PagePolicy([tmp_path / "none"], scripts)
    secured = page.apply('<meta charset="utf-8"><script src="../assets/eigen.js" defer></script>'
                         '<script src="https://evil.example/x.js"></script><script src="/assets/extra.js"></script>')
    digest = scripts.files["assets/eigen.js"]
    assert f'<script src="../assets/eigen.js" defer integrity="sha256-{digest}">' in secured
    assert f"'sha256-{digest}'" in secured
    assert page.unknown == ['<script src="https://evil.example/x.js">', '<script src="/assets/extra.js">']


def test_the_redirect_pages_script_gets_no_hash():
    from material import templates

    redirect = Path(templates.__file__).with_name("redirect.html").read_text(encoding="utf-8")
    script = redirect.split("<script>")[1].split("</script>")[0].replace("{{ page.meta.location }}", "https://e.example/")
    page = PagePolicy([os.path.dirname(templates.__file__)])
    page.apply(f'<meta charset="utf-8"><script>{script}</script>')
    assert page.unknown == [script[:80]]


def test_a_registered_script_the_build_has_no_file_of_is_allowed_by_address_only(tmp_path):
    from sto.mkdocs.csp import site_scripts

    scripts = site_scripts("https://www.example.nl/", tmp_path, [], ["later/written.js"])
    assert scripts.files["later/written.js"] is None
    page = PagePolicy([tmp_path / "none"], scripts)
    secured = page.apply('<meta charset="utf-8"><script src="later/written.js"></script>')
    assert page.unknown == [] and "integrity" not in secured.split("</script>")[0].split("<script")[-1]
    assert "https://www.example.nl/later/written.js" in secured
