"""The functions templates may call, as Jinja filters and globals (plain functions, no Jinja here)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from sto.site import urls
from sto.site.dutch import clock_time, day_month_year, weekday_date
from sto.site.media import player_for
from sto.site.places import place
from sto.site.presentation import (date_preposition, kind_label, kind_label_unless_in_title, status_label,
                                   summary_repeats_body, when)

FILTERS: Mapping[str, Callable[..., Any]] = MappingProxyType({
    "nl_date": day_month_year,
    "nl_date_preposition": date_preposition,
    "nl_weekday_date": weekday_date,
    "nl_time": clock_time,
    "event_when": when,
    "event_place": place,
    "kind_label": kind_label,
    "kind_label_unless_in_title": kind_label_unless_in_title,
    "status_label": status_label,
    "player": player_for,
    "summary_repeats_body": summary_repeats_body,
})

# The footer's links (overrides/partials/copyright.html), besides the news feeds. The footer is
# rendered once per build for all pages that link to these the same way: its cache key is made
# from the same lists (``footer_targets``), so a link added here is in the key too.
FOOTER_ABOUT = (("Over Sterk Techniekonderwijs", urls.ABOUT), ("Regio's", urls.REGIONS),
                ("Toegankelijkheid", urls.ACCESSIBILITY), ("Privacy", urls.PRIVACY),
                ("Open data en insluiten", urls.OPEN_DATA))
FOOTER_FOLLOW = (("Agenda volgen", urls.AGENDA_FOLLOW), ("Nieuwsbrief", urls.NEWSLETTERS))


def footer_targets(feed_paths: list[str]) -> list[str]:
    """Every page and file the footer links to, given the site-wide feeds' paths."""
    return [url for _, url in FOOTER_ABOUT + FOOTER_FOLLOW] + feed_paths


GLOBALS: Mapping[str, object] = MappingProxyType({
    "sto_urls": urls, "sto_footer_about": FOOTER_ABOUT, "sto_footer_follow": FOOTER_FOLLOW,
    "sto_footer_targets": footer_targets})
