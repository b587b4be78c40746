from datetime import datetime, timezone

import pytest

from sto.clock import build_now


def test_source_date_epoch_is_now_in_amsterdam():
    now = build_now({"SOURCE_DATE_EPOCH": "1718409600"})  # 2024-06-15 00:00 UTC
    assert now == datetime(2024, 6, 15, tzinfo=timezone.utc)
    assert now.isoformat() == "2024-06-15T02:00:00+02:00"


def test_without_source_date_epoch_it_is_the_clock():
    before = datetime.now(timezone.utc)
    assert before <= build_now({}) <= datetime.now(timezone.utc)


def test_garbage_epoch_stops_with_a_message():
    with pytest.raises(SystemExit, match="SOURCE_DATE_EPOCH"):
        build_now({"SOURCE_DATE_EPOCH": "gisteren"})
