"""Validation as editors meet it: every problem, its file, line, field and Dutch message."""

from datetime import datetime

import pytest

from sto.clock import AMSTERDAM
from sto.content.loader import load_content
from sto.problems import ContentInvalid

from .factories import EVENT, FAQ, NEWS


def problems_of(tree) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_content(tree.content, tree.root)
    return [str(p) for p in caught.value.problems]


def test_valid_items_load_with_urls_and_bodies(tree):
    tree.write("news/2024-06-bericht.md", NEWS)
    tree.write("faq/een-vraag.md", FAQ)
    tree.write("agenda/webinar.md", EVENT)
    content = load_content(tree.content, tree.root)
    assert [i.url for i in content.news] == ["nieuws/2024-06-bericht/"]
    assert content.faq[0].body.strip() == "Ja."
    event = content.events[0].data
    assert event.starts_at == datetime(2024, 6, 19, 15, tzinfo=AMSTERDAM)
    assert content.by_id["22222222-aaaa-4bbb-8ccc-000000000002"].url == "veelgestelde-vragen/een-vraag/"


@pytest.mark.parametrize(("front", "expected"), [
    ("title: T\ndate: 2024-06-03\nsummary: S\n", "content/news/x.md:1: id: dit veld is verplicht maar ontbreekt"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-02-30\nsummary: S\n",
     "content/news/x.md:4: date: '2024-02-30' is geen bestaande datum: februari 2024 heeft geen dag 30"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 3 juni\nsummary: S\n",
     "content/news/x.md:4: date: '3 juni' is geen datum; schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-06-19, "
     "of alleen de maand als JJJJ-MM, bijvoorbeeld 2024-06"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitel: T\ndate: 2024-06-03\nsummary: S\n",
     ["content/news/x.md:1: title: dit veld is verplicht maar ontbreekt",
      "content/news/x.md:3: titel: onbekend veld; bedoelt u 'title'?"]),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: [a, b]\ndate: 2024-06-03\nsummary: S\n",
     "content/news/x.md:3: title: moet een tekst zijn"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nsummary: S\ndraft: misschien\n",
     "content/news/x.md:6: draft: moet true of false zijn"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nsummary: S\nkind: blog\n",
     "content/news/x.md:6: kind: 'blog' is geen geldige soort; kies uit: nieuws, digizine, handreiking"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nsummary: S\ncategories: [sport]\n",
     "content/news/x.md:6: categories: 'sport' staat niet in content/data/categorieen.yml; "
     "kies een bestaande waarde of voeg hem daar toe"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nsummary: S\nregions:\n  - atlantis\n",
     "content/news/x.md:7: regions: 'atlantis' staat niet in content/data/regios.yml; "
     "kies een bestaande waarde of voeg hem daar toe"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nsummary: S\nimage:\n  src: /a.jpg\n",
     "content/news/x.md:6: image.alt: dit veld is verplicht maar ontbreekt"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nsummary: S\nkind: digizine\n"
     "link: javascript:alert(1)\n",
     "content/news/x.md:7: link: links met 'javascript:' zijn niet toegestaan; gebruik een https://-adres"),
    ("id: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\nupdated: 2024-06-01\nsummary: S\n",
     "content/news/x.md:5: updated: ligt vóór 'date'; een wijziging kan niet eerder zijn dan de publicatie"),
    ("id: Mijn Bericht\ntitle: T\ndate: 2024-06-03\nsummary: S\n",
     "content/news/x.md:2: id: 'Mijn Bericht' is geen geldige id: gebruik 8 tot 64 kleine letters, cijfers en "
     "streepjes (maak een nieuw bestand met 'make new', dan staat de id er al)"),
])
def test_news_front_matter_problems(tree, front, expected):
    tree.write("news/x.md", f"---\n{front}---\nTekst\n")
    assert problems_of(tree) == (expected if isinstance(expected, list) else [expected])


@pytest.mark.parametrize(("front", "expected"), [
    ("start: 2024-06-19 15:00\nend: 2024-06-19 14:00\n",
     "content/agenda/e.md:6: end: het einde ligt vóór of op het begin"),
    ("start: 2024-06-19\nend: 2024-06-19 14:00\n",
     "content/agenda/e.md:6: end: geef start en end in dezelfde vorm: allebei met tijd of allebei alleen een datum"),
    ("start: 2024-06-19 25:00\n",
     "content/agenda/e.md:5: start: '2024-06-19 25:00' bevat geen bestaande tijd; gebruik 00:00 tot en met 23:59"),
    ("start: 2024-06-19 15:00\ntimezone: Europe/Amsterdan\n",
     "content/agenda/e.md:6: timezone: 'Europe/Amsterdan' is geen bekende tijdzone; "
     "gebruik bijvoorbeeld Europe/Amsterdam of America/Curacao"),
    ("start: 2024-06-19 15:00\nstatus: afgelast\n",
     "content/agenda/e.md:6: status: 'afgelast' is geen geldige waarde; kies uit: 'gepland', 'geannuleerd', "
     "'verplaatst'"),
    ("start: 2024-06-19 15:00\njoin_url: https://example.org/join\n",
     "content/agenda/e.md:6: join_url: een join_url hoort bij een online evenement; zet ook 'online: true'"),
    ("start: 2024-06-19 15:00\nregistration_url: ftp://example.org\n",
     "content/agenda/e.md:6: registration_url: links met 'ftp:' zijn niet toegestaan; gebruik een https://-adres"),
    ("start: 2024-06-19 15:00\nrecording:\n  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n  ondertiteling: /a.vtt\n",
     "content/agenda/e.md:8: recording.ondertiteling: onbekend veld; bedoelt u 'captions'?"),
])
def test_event_problems(tree, front, expected):
    tree.write("agenda/e.md", f"---\nid: 33333333-aaaa-4bbb-8ccc-000000000003\ntitle: T\nkind: webinar\n{front}---\n")
    assert problems_of(tree) == [expected]


def test_all_day_multi_day_event_is_valid(tree):
    tree.write("agenda/e.md", "---\nid: 33333333-aaaa-4bbb-8ccc-000000000003\ntitle: T\nkind: conferentie\n"
               "start: 2024-10-01\nend: 2024-10-02\nlocation: Utrecht\n---\n")
    event = load_content(tree.content, tree.root).events[0].data
    assert event.all_day and event.ends_at.isoformat() == "2024-10-03T00:00:00+02:00"


def test_faq_needs_an_answer_and_a_known_topic(tree):
    tree.write("faq/v.md", "---\nid: 22222222-aaaa-4bbb-8ccc-000000000002\ntitle: V?\ntopic: sport\ndate: 2024-06-01\n---\n")
    assert problems_of(tree) == [
        "content/faq/v.md:4: topic: 'sport' staat niet in content/data/onderwerpen.yml; kies een bestaande waarde "
        "of voeg hem daar toe",
        "content/faq/v.md:7: het antwoord ontbreekt: schrijf het onder de regel '---'",
    ]


def test_duplicate_ids_and_urls_across_files(tree):
    tree.write("news/a.md", NEWS)
    tree.write("news/2024/a.md", NEWS)
    assert problems_of(tree) == [
        "content/news/a.md:1: dezelfde bestandsnaam (en dus hetzelfde webadres /nieuws/a/) als content/news/2024/a.md; "
        "kies een andere bestandsnaam",
        "content/news/a.md:2: id: deze id wordt al gebruikt door content/news/2024/a.md; maak een nieuw bestand met "
        "'make new' voor een nieuwe id",
    ]


def test_every_file_is_reported_in_one_run(tree):
    tree.write("news/good.md", NEWS)
    tree.write("news/empty.md", "")
    tree.write("faq/bytes.md", b"\xff\xfe")
    tree.write("agenda/open.md", "---\ntitle: x\n")
    tree.write("news/plaatje.jpg", b"JPEG")
    tree.write("news/Hoofdletters.md", NEWS.replace("0001", "0009"))
    assert problems_of(tree) == [
        "content/agenda/open.md:1: de gegevens bovenaan zijn niet afgesloten met een regel '---'",
        "content/faq/bytes.md:1: het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8",
        "content/news/Hoofdletters.md:1: de bestandsnaam wordt het webadres: gebruik alleen kleine letters, cijfers "
        "en streepjes, bijvoorbeeld 2024-06-19-sto-live-gorinchem.md",
        "content/news/empty.md:1: het bestand is leeg",
        "content/news/plaatje.jpg:1: alleen Markdown-bestanden (.md) horen in deze map; zet afbeeldingen en pdf's "
        "in docs/",
    ]


def test_report_reads_as_a_dutch_list(tree):
    tree.write("news/empty.md", "")
    with pytest.raises(ContentInvalid) as caught:
        load_content(tree.content, tree.root)
    assert caught.value.report() == ("De inhoud bevat 1 probleem; de site is niet gebouwd:\n"
                                     "content/news/empty.md:1: het bestand is leeg")


def test_drafts_and_future_news_are_not_published(tree):
    tree.write("news/gepland.md", NEWS.replace("2024-06-03", "2024-07-01"))
    tree.write("news/concept.md", NEWS.replace("0001", "0002").replace("categories", "draft: true\ncategories"))
    content = load_content(tree.content, tree.root)
    assert content.published(datetime(2024, 6, 30, 23, 59, tzinfo=AMSTERDAM)).news == []
    assert [i.slug for i in content.published(datetime(2024, 7, 1, tzinfo=AMSTERDAM)).news] == ["gepland"]
    assert [i.slug for i in content.published(datetime(2024, 7, 1, tzinfo=AMSTERDAM), drafts=True).news] == [
        "gepland", "concept"]


@pytest.mark.parametrize("kind", ["[digizine]", "{a: 1}"])
def test_a_kind_that_is_not_text_is_a_problem_not_a_crash(tree, kind):
    """Regression (hypothesis): a list or mapping as kind raised TypeError (unhashable)."""
    tree.write("news/x.md", f"---\nid: 11111111-aaaa-4bbb-8ccc-000000000001\ntitle: T\ndate: 2024-06-03\n"
                            f"summary: S\nkind: {kind}\n---\nTekst\n")
    assert problems_of(tree) == ["content/news/x.md:6: kind: deze waarde is geen geldige soort; "
                                 "kies uit: nieuws, digizine, handreiking"]
