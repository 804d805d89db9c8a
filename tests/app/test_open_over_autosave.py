"""`send-tui open RECORD.toml` while an unsaved call is in the autosave: ask, never replace it."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.app import make_app
from send_tui.dialogs.autosave_choice import AutosaveChoice
from send_tui.model.record import read_record, save_record, session_from_record
from send_tui.screens.start import StartScreen
from tests.app.helpers import leave_an_unsaved_call, node_id, press, screen_text


@pytest.fixture
async def unsaved_call_in_the_autosave(isolated_paths: Path) -> Path:
    """Caller A, with consent, left unsaved at 'what next' (the app was closed)."""
    return await leave_an_unsaved_call(isolated_paths)


def opened_record(tmp_path: Path, content) -> object:
    """Caller B's saved record, opened with `send-tui open` (with consent, so it would autosave)."""
    from send_tui.model.session import CaseDetails, Session

    session = Session(content)
    session.case = CaseDetails(reference="CALLER-B", consent_to_record=True)
    session.answer("situation", "exclusion")
    path = tmp_path / "caller-b.toml"
    save_record(session, path)
    return session_from_record(read_record(path), content)


async def test_keep_it_for_later_leaves_the_autosave_alone(
    unsaved_call_in_the_autosave: Path, tmp_path: Path
) -> None:
    content = make_app().content
    app = make_app(session=opened_record(tmp_path, content))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AutosaveChoice)
        assert "not saved" in screen_text(app)
        await press(pilot, "k")
        await press(pilot, "c", "2")  # carry on with the record: an answer that would autosave
        assert app.session.case.reference == "CALLER-B"
        assert node_id(app) != "situation"
        assert "CALLER-A" in unsaved_call_in_the_autosave.read_text(encoding="utf-8")
        # ctrl+n clears the record; the earlier call is offered again, still whole
        await press(pilot, "ctrl+n", "y")
        assert isinstance(app.screen, StartScreen)
        assert "Resume the call in progress" in screen_text(app)
        await press(pilot, "r")
        assert app.session.case.reference == "CALLER-A"
        assert node_id(app) == "what_next_assessment"


async def test_esc_keeps_it_too(unsaved_call_in_the_autosave: Path, tmp_path: Path) -> None:
    content = make_app().content
    app = make_app(session=opened_record(tmp_path, content))
    async with app.run_test() as pilot:
        await pilot.pause()
        await press(pilot, "escape", "c", "2")
        assert "CALLER-A" in unsaved_call_in_the_autosave.read_text(encoding="utf-8")


async def test_discard_it_then_the_record_is_autosaved(
    unsaved_call_in_the_autosave: Path, tmp_path: Path
) -> None:
    content = make_app().content
    app = make_app(session=opened_record(tmp_path, content))
    async with app.run_test() as pilot:
        await pilot.pause()
        await press(pilot, "d")
        text = unsaved_call_in_the_autosave.read_text(encoding="utf-8")
        assert "CALLER-A" not in text and "CALLER-B" in text


async def test_resume_it_instead(unsaved_call_in_the_autosave: Path, tmp_path: Path) -> None:
    content = make_app().content
    app = make_app(session=opened_record(tmp_path, content))
    async with app.run_test() as pilot:
        await pilot.pause()
        await press(pilot, "r")
        assert app.session.case.reference == "CALLER-A"
        assert node_id(app) == "what_next_assessment"


async def test_no_autosave_no_question(isolated_paths: Path, tmp_path: Path) -> None:
    content = make_app().content
    app = make_app(session=opened_record(tmp_path, content))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
