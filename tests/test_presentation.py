"""Labels, event times for the public, recording players and page URLs."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sto.site import urls
from sto.site.media import player_for
from sto.content.models import Event
from sto.site.presentation import escape_markdown_inline, render_markdown, when

BASE = {"id": "33333333-aaaa-4bbb-8ccc-000000000003", "title": "T", "kind": "webinar"}


def test_online_events_say_dutch_time_and_convert_other_zones():
    online = Event.model_validate({**BASE, "start": "2024-06-19 15:00", "end": "2024-06-19 16:00", "online": True})
    assert when(online) == "woensdag 19 juni 2024, 15.00–16.00 uur (Nederlandse tijd)"
    caribbean = Event.model_validate({**BASE, "start": "2024-07-03 15:00", "timezone": "America/Curacao", "online": True})
    assert when(caribbean) == "woensdag 3 juli 2024, 21.00 uur (Nederlandse tijd)"
    physical = Event.model_validate({**BASE, "start": "2024-06-19 15:00", "location": "Gorinchem"})
    assert when(physical) == "woensdag 19 juni 2024, 15.00 uur"


@pytest.mark.parametrize(("url", "kind", "src"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "iframe", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
    ("https://youtu.be/dQw4w9WgXcQ?t=3", "iframe", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
    ("https://vimeo.com/123456789", "iframe", "https://player.vimeo.com/video/123456789?autoplay=1&dnt=1"),
    ("/opnames/webinar.mp4", "video", "/opnames/webinar.mp4"),
    ("https://www.youtube.com/watch?v=<script>", "video", "https://www.youtube.com/watch?v=<script>"),
])
def test_player_for_recording(url, kind, src):
    player = player_for(url)
    assert (player.kind, player.src) == (kind, src)


def test_titles_as_markdown_headings_stay_literal():
    html = render_markdown("### " + escape_markdown_inline("Mag *dit* [wel](x) {#id} </script>?") + " {#vraag}")
    assert html == '<h3 id="vraag">Mag *dit* [wel](x) {#id} &lt;/script&gt;?</h3>'


def test_urls():
    assert urls.paged(urls.NEWS, 1) == "nieuws/" and urls.paged(urls.NEWS, 3) == "nieuws/pagina/3/"
    assert urls.paged(urls.category("subsidie"), 2) == "nieuws/categorie/subsidie/pagina/2/"
    assert urls.paged(urls.region("caribisch-nederland"), 1) == "regio/caribisch-nederland/"
    assert urls.src_uri("nieuws/pagina/3/") == "nieuws/pagina/3/index.md" and urls.src_uri("") == "index.md"
    assert urls.category("subsidie") == "nieuws/categorie/subsidie/"


def test_summary_is_not_shown_twice_when_the_body_starts_with_it():
    from sto.content.items import Item
    from sto.content.models import NewsItem
    from sto.site.presentation import summary_repeats_body

    news = NewsItem.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "T",
                                    "date": "2024-06-03", "summary": "Een korte  samenvatting."})
    assert summary_repeats_body(Item(news, "Een korte\nsamenvatting. En meer.", "p", "s"))
    assert not summary_repeats_body(Item(news, "Iets anders.", "p", "s"))


@given(summary=st.text(alphabet=st.sampled_from("ab \n\u00a0é."), max_size=30),
       body=st.text(alphabet=st.sampled_from("ab \n\u00a0é."), max_size=60))
@example(summary="Een kort", body="Een korte tekst")
@example(summary="a b", body="a")
def test_a_summary_repeats_the_body_when_its_words_start_the_body(summary, body):
    """Whitespace aside: the body, all of it folded to single spaces, starts with the summary."""
    from sto.content.items import Item
    from sto.content.models import NewsItem
    from sto.site.presentation import summary_repeats_body

    news = NewsItem.model_construct(summary=summary)  # any text, also what validation would refuse
    expected = bool(summary) and " ".join(body.split()).startswith(" ".join(summary.split()))
    assert summary_repeats_body(Item(news, body, "p", "s")) == expected
