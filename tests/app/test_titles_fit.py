"""The letter (F5) and deadlines (F8) titles are read whole at 60x20, and unchanged at 80x24."""

from __future__ import annotations

import pytest

from send_tui.app import make_app
from send_tui.screens.deadlines import DeadlinesScreen
from send_tui.screens.letter import LetterScreen
from tests.app.helpers import press, screen_lines

LETTER = ("1", "4", "1", "f5")  # a complaint about a school, then its letter
DEADLINES = ("1", "2", "1", "1", "f8")  # a refusal to assess, then the deadlines

CASES = [
    (
        LETTER,
        LetterScreen,
        (80, 24),
        "Complaint letter: fill the form; the preview updates as you type",
    ),
    (LETTER, LetterScreen, (60, 20), "Letter: fill the form; the preview updates as you type"),
    (
        DEADLINES,
        DeadlinesScreen,
        (80, 24),
        "Deadlines: enter the dates you know (YYYY-MM-DD); each date shows its workings",
    ),
    (DEADLINES, DeadlinesScreen, (60, 20), "Deadlines: enter the dates you know (YYYY-MM-DD)"),
]


@pytest.mark.parametrize(("keys", "screen", "size", "title"), CASES)
async def test_the_title_is_shown_whole(keys, screen, size, title) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, *keys)
        assert isinstance(app.screen, screen)
        assert screen_lines(app)[0].strip() == title


async def test_the_title_follows_a_resize() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *DEADLINES)
        assert screen_lines(app)[0].strip().endswith("each date shows its workings")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert screen_lines(app)[0].strip() == "Deadlines: enter the dates you know (YYYY-MM-DD)"


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_a_look_up_title_says_how_to_get_back_whatever_its_length(size) -> None:
    """A look-up from the start screen (2: what can be appealed): its title bar said the way
    back after the step's title, so a long title cut it to "(Esc" at 60 columns."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "2")
        assert app.screen.preview
        title = screen_lines(app)[0].strip()
        assert title.startswith("Look-up (Esc returns to the call): "), title
        await press(pilot, "escape", "1", "2", "1", "1", "ctrl+p", *"refusal to assess")
        await pilot.pause(0.5)
        await press(pilot, "enter")  # a look-up with a long title, from the palette
        assert app.screen.preview
        title = screen_lines(app)[0].rstrip()
        assert "Look-up (Esc returns to the call): " in title, title
        if size == (60, 20):
            assert title.endswith("…"), title  # cut visibly, not mid-word as if whole
