"""Moving around a call by keys: the start screen between callers, the trail, the title, the palette."""

from __future__ import annotations

from pathlib import Path

from send_tui.app import make_app
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.screens.start import StartScreen
from tests.app.helpers import node_id, press, screen_text


async def test_start_a_new_call_from_the_start_screen_clears_the_call_in_progress() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2", "1")  # new call: council decision, refused to assess
        assert node_id(app) == "what_next_decision"
        await press(pilot, "escape", "escape", "escape")
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        assert "c  Continue this call" in text
        assert "1  Start a new call" in text  # the same key as before any call began
        await press(pilot, "1")
        assert isinstance(app.screen, ConfirmDialog)  # not saved: asks first
        await press(pilot, "n")
        assert isinstance(app.screen, StartScreen)
        assert app.session.answers  # kept
        await press(pilot, "1", "y")
        assert node_id(app) == "situation"
        assert app.session.answers == {}
        assert "No answers yet" in screen_text(app)


async def test_continue_returns_to_the_call_and_the_numbers_do_not_move() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        before = [line for line in screen_text(app).splitlines() if line[:1].isdigit()]
        await press(pilot, "1", "2", "escape", "escape")
        assert isinstance(app.screen, StartScreen)
        after = [line for line in screen_text(app).splitlines() if line[:1].isdigit()]
        assert after == before  # continuing is offered by letter, not by renumbering
        await press(pilot, "c")
        assert node_id(app) == "council_decision"
        assert app.session.answers == {"situation": "council_decision"}


async def test_a_saved_call_is_cleared_without_asking(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2", "1")
        app.saved_revision = app.session.revision  # as after ctrl+s
        await press(pilot, "escape", "escape", "escape", "1")
        assert node_id(app) == "situation"
        assert app.session.answers == {}
