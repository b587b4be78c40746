"""What the site search indexes of a page (sto.site.search_trim), on HTML strings as Python-Markdown
renders them, read back as Pagefind reads them: every element marked data-pagefind-ignore left out."""

from __future__ import annotations

import re

import markdown
from lxml import html as lxml_html

from sto.content.items import Item
from sto.content.models import Event, FaqEntry, NewsItem
from sto.site.pages import search_text
from sto.site.search_trim import EXCLUDE, LEAD_WORDS, for_search, mark_after_lead, with_search_text

EXTENSIONS = ["tables", "attr_list", "admonition", "toc"]  # as mkdocs.yml
MARKS = re.compile(re.escape(EXCLUDE))


def render(body: str) -> str:
    return markdown.markdown(body, extensions=EXTENSIONS)


def words(n: int, word: str = "woord") -> str:
    return " ".join(f"{word}{i}" for i in range(n))


def indexed_text(html: str) -> str:
    """The text Pagefind indexes of the HTML: ignored elements (and all inside them) left out."""
    root = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for element in root.xpath("//*[@data-pagefind-ignore]"):
        element.drop_tree()
    return " ".join(root.text_content().split())


def headings(html: str) -> list[str]:
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    return [h.text_content() for h in root.xpath("//h2[not(@data-pagefind-ignore)]")]


def news(body: str, summary: str = "Een korte samenvatting.") -> Item:
    data = NewsItem.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "Bericht",
                                    "date": "2024-06-03", "summary": summary})
    return Item(data, body, "content/news/bericht.md", "bericht")


def test_blocks_after_the_lead_are_marked_and_the_block_that_reaches_it_is_kept():
    html = render(f"{words(50, 'een')}\n\n{words(40, 'twee')}\n\n{words(30, 'drie')}\n\n{words(5, 'vier')}")
    marked = mark_after_lead(html, 80)
    assert marked.count(EXCLUDE) == 2
    text = indexed_text(marked)
    assert "een49" in text and "twee39" in text  # 50 words, then 90: the second block ends the lead
    assert "drie0" not in text and "vier0" not in text


def test_a_short_body_is_left_as_it_is():
    html = render(f"{words(30)}\n\n- een\n- twee\n\n{words(20)}")
    assert mark_after_lead(html) == html
    assert mark_after_lead("") == ""


def test_only_the_marks_are_added():
    html = render(f"{words(100)}\n\n## Kop\n\n{words(10)}\n\n!!! note \"Let op\"\n    Tekst.\n\n"
                  "| a | b |\n| - | - |\n| 1 | 2 |")
    marked = mark_after_lead(html, 50)
    assert marked.count(EXCLUDE) == 4  # heading, paragraph, admonition, table
    assert MARKS.sub("", marked) == html


def test_a_heading_after_the_lead_takes_its_whole_section_out_of_the_index():
    html = render(f"## Begin\n\n{words(90, 'lead')}\n\n## Achtergrond\n\n{words(20, 'staart')}\n\n- punt\n")
    marked = mark_after_lead(html, 80)
    assert headings(marked) == ["Begin"]
    text = indexed_text(marked)
    assert not any(word in text for word in ("Achtergrond", "staart", "punt"))


def test_a_heading_inside_the_lead_keeps_its_section():
    html = render(f"{words(10, 'lead')}\n\n## Binnen de lead\n\n{words(80, 'meer')}\n\n"
                  f"## Daarna\n\n{words(5, 'staart')}")
    titles = headings(mark_after_lead(html, 80))
    assert any("Binnen de lead" in t for t in titles) and not any("Daarna" in t for t in titles)


def test_markup_inside_blocks_void_elements_and_comments_do_not_upset_the_count():
    html = ("<p>een <em>twee</em> drie<br />\nvier <img alt=\"x\" src=\"a.png\" /> vijf</p>\n<!-- <p> -->\n<hr />\n"
            "<p>zes <a href=\"#x\"><strong>zeven</strong></a></p>\n<p>acht</p>\n<ul>\n<li><p>negen</p></li>\n</ul>")
    marked = mark_after_lead(html, 7)
    assert marked.count(EXCLUDE) == 2  # the lead is 5 + 2 words; "acht" and the list are marked
    assert '<p data-pagefind-ignore>acht</p>' in marked and '<ul data-pagefind-ignore>' in marked
    assert indexed_text(marked).split() == ["een", "twee", "drie", "vier", "vijf", "zes", "zeven"]


def test_a_block_that_nests_its_own_tag_stays_searchable():
    html = render(f"{words(90)}\n\n- buiten\n    - binnen\n- nog een\n\n{words(5, 'staart')}")
    marked = mark_after_lead(html, 80)
    assert "<ul>" in marked and marked.count(EXCLUDE) == 1  # only the last paragraph
    text = indexed_text(marked)
    assert "buiten" in text and "nog een" in text and "staart0" not in text


def test_the_search_only_paragraph_is_neither_counted_nor_marked():
    item = news(f"{words(70, 'lead')}\n\n{words(30, 'tweede')}\n\n{words(10, 'staart')}",
                summary=words(40, "samenvatting"))
    html = with_search_text(for_search(render(item.body), item), item)
    assert html.startswith('<p class="sto-search-text">samenvatting0')
    text = indexed_text(html)
    assert "samenvatting39" in text and "lead69" in text and "tweede29" in text
    assert "staart0" not in text


def test_a_body_that_opens_with_a_long_summary_keeps_all_of_it_searchable():
    summary = f"{words(60, 'kort')} {words(40, 'lang')}"  # 100 words over two paragraphs of the body
    item = news(f"{words(60, 'kort')}\n\n{words(40, 'lang')}\n\n{words(10, 'staart')}", summary=summary)
    assert search_text(item) == ""  # the body holds the summary
    text = indexed_text(for_search(render(item.body), item))
    assert "lang39" in text and "staart0" not in text
    assert LEAD_WORDS < 100


def test_faq_answers_events_and_other_pages_stay_whole():
    html = render(f"{words(200)}\n\n## Kop\n\n{words(200)}")
    faq = Item(FaqEntry.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000002", "title": "Vraag?",
                                        "topic": "t", "date": "2024-06-03"}), "", "p", "s")
    event = Item(Event.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000003", "title": "E",
                                       "kind": "webinar", "start": "2024-06-19 15:00", "online": True}), "", "p", "s")
    for item in (faq, event, None):
        assert for_search(html, item) == html
    assert for_search(html, news("x")).count(EXCLUDE) == 2


def test_news_summaries_go_into_the_search_text_unless_the_body_opens_with_them():
    assert search_text(news("Iets anders.", summary="Een *korte* samenvatting.")) == "Een *korte* samenvatting."
    assert search_text(news("", summary="Alleen een samenvatting."))
    assert search_text(news("Een korte\nsamenvatting. En meer.", summary="Een korte samenvatting.")) == ""


def test_the_search_only_text_goes_in_front_of_the_page_as_escaped_text():
    body = "<p>De tekst.</p>\n<h2 id=\"kop\">Kop</h2>"
    item = news("Iets anders.", summary='<script>alert("x")</script> & meer')
    assert with_search_text(body, item) == (
        '<p class="sto-search-text">&lt;script&gt;alert("x")&lt;/script&gt; &amp; meer</p>\n' + body)
    assert with_search_text("", item).endswith("meer</p>")  # an item without a body
    assert with_search_text(body, news("Een korte samenvatting. Meer.")) == body  # the body holds the summary
    assert with_search_text(body, None) == body
