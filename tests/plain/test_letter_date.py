"""Plain mode, a reopened call: changing its letter says the date moves; `letter date` keeps it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from send_tui.model import outputs
from send_tui.model.record import load_record
from send_tui.plain import run_plain
from tests.sessions import complaint_session, shipped

#: Enter through the form to the outcome wanted, change it, stop; then switch the date twice.
LINES = ["letter show", "letter", *[""] * 8, "A new outcome", "stop", "letter date"]


def run(tmp_path: Path, lines: list[str]) -> str:
    written = outputs.save_outputs(complaint_session(), tmp_path, "call", date(2026, 11, 20))
    record = next(path for path in written if path.suffix == ".toml")
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in [*lines, "quit", "yes"]))
    run_plain(stdin=stdin, stdout=out, echo=True, session=load_record(record, shipped()))
    return " ".join(out.getvalue().split())


def test_the_change_is_told_as_it_happens_and_letter_date_keeps_the_sent_date(
    tmp_path: Path,
) -> None:
    text = run(tmp_path, LINES)
    assert "Letter date: This letter is dated Fri 20 Nov 2026, the day it was sent." in text
    told = text.index("(now: A meeting with the SENCO and a written support plan.): A new outcome")
    moved = text.index(
        "Note: The letter was changed, so it is now dated today, Sat 28 Nov 2026", told
    )
    assert moved < text.index("Timescale for a reply", told)  # before the next question
    assert "Type letter date to keep Fri 20 Nov 2026" in text
    assert text.rstrip().count("keeps the date it was sent, Fri 20 Nov 2026") == 1


def test_letter_date_on_an_unchanged_letter_changes_nothing(tmp_path: Path) -> None:
    text = run(tmp_path, ["letter date"])
    assert "Not changed: only a saved letter that you have changed since" in text


def test_an_answer_changed_in_the_walk_re_dates_the_letter_and_says_so_at_once(
    tmp_path: Path,
) -> None:
    """Not only the letter's form: another answer changes a reopened call's letter too."""
    text = run(tmp_path, ["c", "back", "2", "back", "1"])
    college = text.index("Who is the complaint about?")
    moved = text.index(
        "Note: The letter was changed, so it is now dated today, Sat 28 Nov", college
    )
    assert moved < text.index("Complain to the college", college)  # told before the next step
    assert "Type letter date to keep Fri 20 Nov 2026" in text[moved:]
    school = text.index("Who is the complaint about?", moved)
    restored = text.index(
        "Note: This letter is dated Fri 20 Nov 2026, the day it was sent.", school
    )
    assert restored < text.index("Complain to the school", school)
    assert text.count("Note: The letter was changed") == 1


def test_a_re_dated_letter_left_unsaved_is_still_re_dated_when_resumed(
    tmp_path: Path, isolated_paths: Path
) -> None:
    """Walked twice: the changed letter of a reopened call is autosaved, the adviser quits
    without saving, and the next plain-mode start resumes it still dated today, with
    `letter date` still able to keep the date it was sent."""
    run(tmp_path, LINES[:-1])  # changed, not kept; quit without saving
    out = io.StringIO()
    lines = ["r", "letter show", "letter date", "letter show", "quit", "yes"]
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    run_plain(stdin=stdin, stdout=out, echo=True)
    text = " ".join(out.getvalue().split())
    shown = text.index("letter show")
    assert "now dated today, Sat 28 Nov 2026, not Fri 20 Nov 2026" in text[shown:]
    kept = text.index("keeps the date it was sent, Fri 20 Nov 2026", shown)
    assert "Fri 20 Nov 2026" in text[text.index("letter show", kept) :]
