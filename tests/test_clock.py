import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from sto.clock import build_now, epoch_of_day

from .sitebuild import ROOT


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


def test_a_day_is_its_start_in_amsterdam():
    assert epoch_of_day("2024-06-15") == 1718402400  # 2024-06-14 22:00 UTC (summer time)
    assert epoch_of_day(" 2024-01-15 ") == int(datetime(2024, 1, 14, 23, tzinfo=timezone.utc).timestamp())
    assert build_now({"SOURCE_DATE_EPOCH": str(epoch_of_day("2024-06-19"))}).isoformat() == "2024-06-19T00:00:00+02:00"


@pytest.mark.parametrize("text", ["2024-02-30", "15-06-2024", "2024-6-15", "morgen", "", "20240615"])
def test_a_wrong_day_is_refused_in_dutch(text):
    with pytest.raises(ValueError, match=r"is geen bestaande datum; schrijf JJJJ-MM-DD, bijvoorbeeld DATUM=2024-06-15"):
        epoch_of_day(text)


def _as_of(datum: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATUM": datum}
    return subprocess.run([sys.executable, str(ROOT / "scripts/as-of"), sys.executable, "-c",
                           "import os; print(os.environ['SOURCE_DATE_EPOCH'])"],
                          env=env, capture_output=True, text=True, timeout=30)


def test_make_build_and_serve_take_a_datum():
    result = _as_of("2024-06-15")
    assert result.returncode == 0 and result.stdout == "1718402400\n"
    assert "De site zoals die er op zaterdag 15 juni 2024 uitziet" in result.stderr
    wrong = _as_of("2024-06-31")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr == ("DATUM='2024-06-31' is geen bestaande datum; schrijf JJJJ-MM-DD, "
                            "bijvoorbeeld DATUM=2024-06-15\n")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\t@$(AS_OF) $(BIN)/$(ENGINE) build --strict " in makefile
    assert "\t@$(AS_OF) $(BIN)/$(ENGINE) serve " in makefile
