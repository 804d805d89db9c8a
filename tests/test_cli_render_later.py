"""`send-tui render` a month after the call: the summary says the day it was made, and when printed.

The call is saved as the save dialog saves it (summary, letter and record) on 28 November; the
adviser prints it again on 15 January with `SEND_TUI_TODAY`, as a helpline would a month later.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from send_tui.model import outputs
from send_tui.model.record import save_record
from tests.cli_run import run_cli
from tests.sessions import complaint_session

SAVED_ON = date(2026, 11, 28)
LATER = "2027-01-15"


@pytest.fixture
def saved_record(tmp_path: Path) -> Path:
    written = outputs.save_outputs(complaint_session(), tmp_path, "call", SAVED_ON)
    return next(path for path in written if path.suffix == ".toml")


@pytest.mark.parametrize(
    ("suffix", "made", "printed"),
    [
        (".txt", "Date made: Sat 28 Nov 2026", "Printed on: Fri 15 Jan 2027"),
        (".md", "**Date made:** Sat 28 Nov 2026", "**Printed on:** Fri 15 Jan 2027"),
        (
            ".html",
            '<dt>Date made</dt><dd dir="auto">Sat 28 Nov 2026</dd>',
            '<dt>Printed on</dt><dd dir="auto">Fri 15 Jan 2027</dd>',
        ),
    ],
)
def test_a_month_later_the_summary_keeps_the_day_it_was_made(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    saved_record: Path,
    tmp_path: Path,
    suffix: str,
    made: str,
    printed: str,
) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", LATER)
    target = tmp_path / f"january{suffix}"
    code, said = run_cli(capsys, "render", str(saved_record), "--to", str(target))
    assert code == 0, said
    text = target.read_text(encoding="utf-8")
    assert made in text and printed in text
    # The made line in this format's own markup, never with the printing day.
    assert made.replace("Sat 28 Nov 2026", "Fri 15 Jan 2027") not in text


def test_printed_the_day_it_was_made_it_says_only_that(
    capsys: pytest.CaptureFixture[str], saved_record: Path, tmp_path: Path
) -> None:
    target = tmp_path / "same-day.txt"
    code, said = run_cli(capsys, "render", str(saved_record), "--to", str(target))
    assert code == 0, said
    text = target.read_text(encoding="utf-8")
    assert "Date made: Sat 28 Nov 2026" in text and "Printed on" not in text


def test_a_version_1_record_was_made_the_day_it_was_saved(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = save_record(
        complaint_session(), tmp_path / "old.toml", saved=datetime(2026, 11, 20, 9, 0)
    )
    text = path.read_text(encoding="utf-8").replace("version = 4", "version = 1")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SEND_TUI_TODAY", LATER)
    target = tmp_path / "old.txt"
    code, said = run_cli(capsys, "render", str(path), "--to", str(target))
    assert code == 0, said
    text = target.read_text(encoding="utf-8")
    assert "Date made: Fri 20 Nov 2026" in text and "Printed on: Fri 15 Jan 2027" in text


def test_a_bad_day_made_names_the_key_and_the_format(
    capsys: pytest.CaptureFixture[str], saved_record: Path, tmp_path: Path
) -> None:
    text = saved_record.read_text(encoding="utf-8").replace(
        "made = 2026-11-28", 'made = "28/11/2026"'
    )
    saved_record.write_text(text, encoding="utf-8")
    code, said = run_cli(capsys, "render", str(saved_record), "--to", str(tmp_path / "x.txt"))
    assert code == 1
    assert "record.made" in said and "a date such as 2026-03-10" in said
    assert "Traceback" not in said
