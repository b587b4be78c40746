"""The files hosts read besides the pages: _headers and /.well-known/security.txt
(sto.mkdocs.hosting, sto.site.security_txt), in a real build and on their own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import yaml

from sto.mkdocs.csp import header_policy, policy
from sto.mkdocs.hosting import MAX_RULES, headers_file
from sto.site.embed import CSP as EMBED_CSP
from sto.site.security_txt import VALID_FOR, contacts_from, security_txt

from .sitebuild import ROOT, corpus_project, mkdocs_build

TODO = ROOT / "docs-dev" / "nog-aan-te-leveren.yml"


def rules(text: str) -> dict[str, dict[str, str]]:
    """_headers as Netlify and Cloudflare Pages read it: a path, then indented 'Name: value' lines."""
    parsed: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            assert line not in parsed, f"{line} twice"
            current = parsed[line] = {}
        else:
            name, _, value = line.strip().partition(": ")
            assert current is not None and name not in current
            current[name] = value
    return parsed


def test_headers_give_every_response_the_common_headers_and_each_document_one_policy():
    parsed = rules(headers_file(["index.html", "nieuws/a/index.html", "embed/agenda/index.html", "feeds/rss.xml",
                                 "media/tekening.svg", "data/v1/index.json"]))
    assert parsed["/*"] == {"Strict-Transport-Security": "max-age=31536000", "X-Content-Type-Options": "nosniff",
                            "Referrer-Policy": "strict-origin-when-cross-origin"}
    with_policy = {path for path, headers in parsed.items() if "Content-Security-Policy" in headers}
    assert with_policy == {"/", "/index.html", "/404.html", "/nieuws/*", "/embed/*", "/media/*"}
    assert parsed["/nieuws/*"]["Content-Security-Policy"].endswith("frame-ancestors 'self'")
    assert parsed["/embed/*"]["Content-Security-Policy"] == EMBED_CSP  # partners may frame the embeds


def test_the_header_policy_is_the_page_policy_without_what_depends_on_the_page():
    page = dict(d.split(" ", 1) for d in policy(["abc="]).split("; "))
    header = dict(d.split(" ", 1) for d in header_policy().split("; "))
    assert "script-src" not in header and "default-src" not in header  # the <meta> holds them, with its hashes
    assert {k: v for k, v in header.items() if k != "frame-ancestors"} == {
        k: v for k, v in page.items() if k not in ("script-src", "default-src")}
    assert header["frame-ancestors"] == "'self'"


def test_too_many_rules_for_cloudflare_are_refused():
    with pytest.raises(ValueError):
        headers_file([f"pagina-{n}/index.html" for n in range(MAX_RULES)])


def test_security_txt_follows_rfc_9116():
    now = datetime(2024, 6, 15, 0, 0, tzinfo=UTC)
    text = security_txt(["mailto:security@example.nl", "https://www.example.nl/melden"], now, "https://www.example.nl/")
    fields = [line.split(": ", 1) for line in text.splitlines()]
    assert fields[0] == ["Contact", "mailto:security@example.nl"] and fields[1][0] == "Contact"
    expires = datetime.strptime(dict(fields)["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert now < expires <= now.replace(year=now.year + 1) and expires - now == VALID_FOR
    assert dict(fields)["Canonical"] == "https://www.example.nl/.well-known/security.txt"
    assert text.endswith("\n") and "\r" not in text


def test_security_contacts_are_mailto_or_https_and_never_invented():
    assert contacts_from({}) == []
    assert contacts_from({"security_contact": "mailto:a@example.nl"}) == ["mailto:a@example.nl"]
    for wrong in ("javascript:alert(1)", "http://example.nl/", ["mailto:a@example.nl", 3], [], "mailto:geen-adres"):
        with pytest.raises(ValueError):
            contacts_from({"security_contact": wrong})


def test_without_a_contact_make_todo_lists_it():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = any(entry["pagina"] == "mkdocs.yml" and "security_contact" in entry["kop"]
                 for entry in yaml.safe_load(TODO.read_text(encoding="utf-8")))
    assert listed == (config["extra"].get("security_contact") is None)


def test_deployment_keeps_the_dot_folder():
    """upload-pages-artifact drops hidden files from v4 on unless include-hidden-files is set."""
    deploy = (ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    step = deploy[deploy.index("actions/upload-pages-artifact@"):]
    assert "# v3." in step.splitlines()[0] or "include-hidden-files: true" in step[:400]


def test_a_build_writes_both_files_deterministically(tmp_path):
    project = corpus_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "\nextra:\n", "\nextra:\n  security_contact: mailto:security@example.nl\n", 1), encoding="utf-8")
    mkdocs_build(project, tmp_path / "a")
    mkdocs_build(project, tmp_path / "b", env={"STO_NO_BUILD_CACHE": "1"})
    for name in ("_headers", ".well-known/security.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    parsed = rules((tmp_path / "a/_headers").read_text(encoding="utf-8"))
    assert {"/veelgestelde-vragen/*", "/embed/*", "/afbeeldingen/*", "/404.html"} <= set(parsed)
    text = (tmp_path / "a/.well-known/security.txt").read_text(encoding="utf-8")
    assert text.startswith("Contact: mailto:security@example.nl\nExpires: 2024-12-12T00:00:00Z\n")


def test_without_a_contact_no_security_txt_is_published(tmp_path):
    project = corpus_project(tmp_path / "project")
    mkdocs_build(project, tmp_path / "site")
    assert not (tmp_path / "site/.well-known").exists()
    assert (tmp_path / "site/_headers").is_file()


def test_the_web_editor_gets_its_own_policy_in_the_headers_too():
    """A host that sends headers enforces their policy besides the page's <meta>: the editor's
    folder gets the editor's policy (the site's would block Decap), framed by this site only."""
    from sto.editors.cms_config import EditorSettings
    from sto.editors.web_editor import policy as editor_policy

    settings = EditorSettings(base_url="https://auth.example.org")
    parsed = rules(headers_file(["index.html", "beheer/index.html", "nieuws/a/index.html"], settings))
    header = dict(d.split(" ", 1) for d in parsed["/beheer/*"]["Content-Security-Policy"].split("; "))
    page = dict(d.split(" ", 1) for d in editor_policy(settings).split("; "))
    assert "script-src" not in header and "default-src" not in header  # the page's <meta> holds them
    assert {k: v for k, v in header.items() if k != "frame-ancestors"} == {
        k: v for k, v in page.items() if k not in ("script-src", "default-src")}
    assert header["frame-ancestors"] == "'self'" and "https://auth.example.org" in header["connect-src"]
    assert "blob:" not in parsed["/nieuws/*"]["Content-Security-Policy"]
