"""Plain mode, where one call meets the next: the autosave waiting to be resumed."""

from __future__ import annotations

from pathlib import Path

from send_tui.model.autosave import FILE_NAME
from tests.plain.helpers import run_lines


def test_call_details_at_the_start_keep_the_call_to_resume(isolated_paths: Path) -> None:
    """At the start, with "r. Resume" offered, the adviser types `details` for the next caller
    first. The earlier call must stay in the autosave, to resume now or at the next start."""
    first, _ = run_lines(["1", "2", "1", "details", "CALLER-A", "yes"])
    autosave = isolated_paths / "data" / FILE_NAME
    assert "CALLER-A" in autosave.read_text(encoding="utf-8")
    _shell, text = run_lines(["details", "CALLER-B", "no"])
    assert "r. Resume the call in progress" in text
    assert autosave.exists(), "the earlier call was deleted from the autosave"
    shell, _ = run_lines(["r"])
    assert shell.session.case.reference == "CALLER-A"
    assert shell.session.answers == first.session.answers


def test_call_details_typed_before_starting_the_new_call_are_kept(isolated_paths: Path) -> None:
    """With "r. Resume" offered, `details` for the new caller, then 1 (and yes to clear the
    earlier call): the new caller's reference and consent are kept, and the call autosaved."""
    run_lines(["1", "2", "1", "details", "CALLER-A", "yes"])
    shell, _ = run_lines(["details", "CALLER-B", "yes", "1", "yes", "2"])
    assert shell.session.case.reference == "CALLER-B"
    assert shell.session.case.consent_to_record
    assert "CALLER-B" in (isolated_paths / "data" / FILE_NAME).read_text(encoding="utf-8")


def test_a_call_saved_then_quit_resumes_with_its_letter_as_saved(
    isolated_paths: Path, monkeypatch
) -> None:
    """Saved on Fri 20 Nov, then quit: resumed on Sat 28 Nov, the letter is still dated the day
    it was saved and sent, and the summary still says when it was made."""
    from datetime import date

    from send_tui.model.summary import letter_date, summary_made
    from tests.plain.helpers import typed_lines
    from tests.sessions import shipped

    lines = typed_lines(
        shipped(),
        [("situation", "complaint"), ("complaint_about", "school")],
        letter={"addressee_name": "Ms Jones"},
    )
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-20")
    run_lines(["details", "CALLER-A", "yes", *lines, "save", "", "", "no", "quit", "yes"])
    assert list((isolated_paths / "saved").glob("*.toml"))
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-28")
    shell, _ = run_lines(["r"])
    assert shell.session.case.reference == "CALLER-A"
    assert letter_date(shell.session, date(2026, 11, 28)) == date(2026, 11, 20)
    assert summary_made(shell.session, date(2026, 11, 28)) == date(2026, 11, 20)


def test_save_at_the_start_with_a_call_to_resume_saves_nothing_and_says_why(
    isolated_paths: Path,
) -> None:
    """`save` before resuming would have written an empty summary and record, not the call
    waiting in the autosave: it says there is nothing to save yet, and how to get the call."""
    run_lines(["1", "2", "1", "details", "CALLER-A", "yes"])
    _shell, text = run_lines(["save"])
    assert "Nothing to save yet" in text and "resume it (r) first" in text
    saved = isolated_paths / "saved"
    assert not saved.exists() or not list(saved.iterdir())
