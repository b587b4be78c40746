"""The functions templates may call, as Jinja filters and globals (plain functions, no Jinja here)."""

from __future__ import annotations

from sto.site import urls
from sto.site.dutch import clock_time, day_month_year, weekday_date
from sto.site.media import player_for
from sto.site.presentation import (date_preposition, kind_label, kind_label_unless_in_title, status_label,
                                   summary_repeats_body, when)

FILTERS = {
    "nl_date": day_month_year,
    "nl_date_preposition": date_preposition,
    "nl_weekday_date": weekday_date,
    "nl_time": clock_time,
    "event_when": when,
    "kind_label": kind_label,
    "kind_label_unless_in_title": kind_label_unless_in_title,
    "status_label": status_label,
    "player": player_for,
    "summary_repeats_body": summary_repeats_body,
}

GLOBALS = {"sto_urls": urls}
