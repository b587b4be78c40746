"""The generated pages' Markdown and each page's template context, without MkDocs."""

from datetime import datetime

import yaml

from sto.build import Build
from sto.clock import AMSTERDAM
from sto.site_pages import Site

from .sitebuild import ROOT


def _meta(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def seed_site(day=15) -> Site:
    build = Build.load(ROOT, "https://www.example.nl/", now=datetime(2024, 6, day, 2, tzinfo=AMSTERDAM))
    return Site.of(build, "Sterk Techniekonderwijs")


def test_listing_pages_exist_and_only_the_faq_page_is_searched():
    site = seed_site()
    sources = site.generated()
    for src in ("nieuws/index.md", "nieuws/digizine/index.md", "nieuws/jaar/2024/index.md",
                "nieuws/categorie/subsidie/index.md", "agenda/index.md", "agenda/terugblik-webinars/index.md",
                "veelgestelde-vragen/index.md", "regio/index.md", "regio/gorinchem-en-altena/index.md"):
        assert src in sources, src
    searched = {src for src, page in site.pages.items() if not _meta(page.markdown).get("search")}
    assert searched == {"veelgestelde-vragen/index.md"}
    for src, markdown in sources.items():
        if src.startswith("veelgestelde-vragen/") and src != "veelgestelde-vragen/index.md":
            assert _meta(markdown)["search"] == {"exclude": True}, src


def test_faq_page_has_a_heading_with_a_fixed_anchor_per_question():
    site = seed_site()
    body = site.pages["veelgestelde-vragen/index.md"].markdown
    for item in site.build.content.faq:
        assert f"{{#{item.slug} " in body
    assert body.index("## Regeling STO ") < body.index("## Subsidie en begroting")


def test_context_is_a_lookup_with_json_ld_and_open_graph():
    site = seed_site()
    context = site.context_for("agenda/2024-06-19-sto-live-gorinchem-en-altena.md", "Webinar", "Omschrijving")
    assert context["item"].slug == "2024-06-19-sto-live-gorinchem-en-altena"
    assert [name for name, _ in context["trail"]] == ["Actueel", "Agenda", context["item"].title]
    assert '"@type":"Event"' in context["jsonld"][0] and '"@type":"BreadcrumbList"' in context["jsonld"][1]
    assert context["open_graph"]["og:url"] == "https://www.example.nl/agenda/2024-06-19-sto-live-gorinchem-en-altena/"
    home = site.context_for("index.md", "Actueel", "x")
    assert home["view"]["kind"] == "home" and home["jsonld"] == []


def test_split_moves_with_the_build_date():
    early, late = seed_site(15).listings, seed_site(20).listings
    assert [e.slug for e in early.upcoming] == ["2024-06-19-sto-live-gorinchem-en-altena"]
    assert [e.slug for e in early.past] == ["2024-06-12-ecpb-programmas-en-maatwerktrajecten"]
    assert late.upcoming == [] and len(late.past) == 2
