"""The letter as sent: a letter saved on 28 November and printed in January keeps its dates.

Walked as an adviser would: save the call (the save dialog's `save_outputs`) on 28 Nov 2026, then
weeks later `send-tui render` and `send-tui open` the record it wrote.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from send_tui.cli import main
from send_tui.model import outputs
from send_tui.model.record import load_record, save_record
from send_tui.model.summary import build_summary
from tests.sessions import TODAY, complaint_session, shipped

SAVED_ON = date(2026, 11, 28)
LATER = "2027-01-15"


def _render(capsys: pytest.CaptureFixture[str], record: Path, target: Path) -> str:
    code = main(["render", str(record), "--to", str(target)])
    assert code == 0, capsys.readouterr()
    return target.read_text(encoding="utf-8")


def _letter_dates(text: str) -> tuple[str, str]:
    """The letter's own date line and its reply-by sentence, from a .txt summary."""
    letter = " ".join(text[text.index("COMPLAINT LETTER") :].split())
    dated = re.search(r"\b\w{3} \d{1,2} \w{3} \d{4}\b", letter)
    reply = re.search(r"reply to me in writing by ([^.]+)\.", letter)
    assert dated and reply, letter
    return dated.group(0), reply.group(1)


@pytest.fixture
def saved_record(tmp_path: Path) -> Path:
    session = complaint_session()
    written = outputs.save_outputs(session, tmp_path, "call", SAVED_ON)
    return next(path for path in written if path.suffix == ".toml")


def test_a_letter_saved_in_november_renders_in_january_with_the_same_dates(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    saved_record: Path,
    tmp_path: Path,
) -> None:
    at_save = _letter_dates((saved_record.with_suffix(".txt")).read_text(encoding="utf-8"))
    assert at_save[0] == "Sat 28 Nov 2026"
    monkeypatch.setenv("SEND_TUI_TODAY", LATER)
    later = _letter_dates(_render(capsys, saved_record, tmp_path / "january.txt"))
    assert later == at_save
    # The summary keeps the day it was made, and says when this copy was printed.
    text = (tmp_path / "january.txt").read_text(encoding="utf-8")
    assert "Date made: Sat 28 Nov 2026" in text
    assert "Printed on: Fri 15 Jan 2027" in text


def test_the_record_states_the_letter_dates(saved_record: Path) -> None:
    header = tomllib.loads(saved_record.read_text(encoding="utf-8"))["record"]
    assert header["version"] == 4
    assert header["made"] == SAVED_ON
    assert header["letter_date"] == SAVED_ON
    assert header["letter_reply_by"] == date(2026, 12, 11)  # 10 working days


def test_open_brings_back_the_letter_as_sent(saved_record: Path) -> None:
    session = load_record(saved_record, shipped())
    letter = build_summary(session, date(2027, 1, 15)).letter
    assert letter is not None
    assert (letter.date, letter.reply_by) == ("Sat 28 Nov 2026", date(2026, 12, 11))


def test_the_form_filling_in_its_defaults_does_not_make_a_new_letter(saved_record: Path) -> None:
    session = load_record(saved_record, shipped())
    letter = build_summary(session, date(2027, 1, 15)).letter
    assert letter is not None
    # What the letter screen stores on opening: the template and role it shows, explicitly.
    session.letter_fields["template"] = letter.template_id
    assert build_summary(session, date(2027, 1, 15)).letter.date == "Sat 28 Nov 2026"


def test_a_changed_letter_is_a_new_letter_dated_the_day_it_is_made(saved_record: Path) -> None:
    session = load_record(saved_record, shipped())
    session.letter_fields["outcome"] = "An apology and a new support plan."
    letter = build_summary(session, date(2027, 1, 15)).letter
    assert letter is not None and letter.date == "Fri 15 Jan 2027"
    assert letter.reply_by == date(2027, 1, 29)


def test_a_version_1_record_dates_its_letter_the_day_it_was_saved(tmp_path: Path) -> None:
    path = save_record(
        complaint_session(), tmp_path / "old.toml", saved=datetime(2026, 11, 20, 9, 0)
    )
    text = path.read_text(encoding="utf-8").replace("version = 4", "version = 1")
    path.write_text(text, encoding="utf-8")
    letter = build_summary(load_record(path, shipped()), date(2027, 1, 15)).letter
    assert letter is not None and letter.date == "Fri 20 Nov 2026"


def test_an_autosave_of_an_unsaved_letter_does_not_fix_its_date(tmp_path: Path) -> None:
    path = save_record(complaint_session(), tmp_path / "autosave.toml")
    assert "letter_date" not in tomllib.loads(path.read_text(encoding="utf-8"))["record"]
    letter = build_summary(load_record(path, shipped()), TODAY).letter
    assert letter is not None and letter.date == "Sat 28 Nov 2026"
