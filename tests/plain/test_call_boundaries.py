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
