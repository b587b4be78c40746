"""The page the preview shows while the content is invalid (sto.editors.problem_page)."""

from __future__ import annotations

import lxml.html

from sto.editors.problem_page import problem_page
from sto.problems import Problem

PROBLEMS = [
    Problem("content/news/b.md", 3, "titel", "onbekend veld; bedoelt u 'title'?"),
    Problem("content/agenda/a.md", 5, "start", "'2024-06-31 <script>alert(1)</script>' is geen bestaande datum"),
    Problem("content/news/b.md", 1, "", "de bestandsnaam wordt het webadres & meer"),
]


def test_every_problem_is_listed_in_order_as_path_line_field_message():
    doc = lxml.html.fromstring(problem_page(PROBLEMS))
    assert doc.get("lang") == "nl"
    assert [" ".join(li.text_content().split()) for li in doc.iter("li")] == [str(p) for p in sorted(PROBLEMS)]
    assert doc.findtext(".//h1") == "De inhoud bevat 3 problemen"
    assert doc.findtext(".//title") == "De inhoud bevat 3 problemen – voorbeeld van de site"
    assert [c.text for c in doc.iter("code")][:3] == ["content/agenda/a.md:5", "content/news/b.md:1", "content/news/b.md:3"]


def test_content_in_a_message_stays_text():
    page = problem_page(PROBLEMS)
    doc = lxml.html.fromstring(page)
    assert not doc.xpath("//script")  # the preview adds its own live-reload script, nothing else may
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "webadres &amp; meer" in page


def test_one_problem_is_one_probleem():
    assert "<h1>De inhoud bevat 1 probleem</h1>" in problem_page(PROBLEMS[:1])


def test_the_page_has_a_body_for_the_live_reload_script():
    assert problem_page(PROBLEMS).rstrip().endswith("</body>\n</html>")
