"""The start screen's menu is read whole at 60x20 and 80x24, with or without a call to carry on."""

from __future__ import annotations

import pytest

from send_tui.app import make_app
from send_tui.screens.start import StartScreen
from tests.app.helpers import press, screen_lines

MENU = (
    "1  Start a new call",
    "2  Look up: What can be appealed to the Tribunal?",
    "3  Look up: What does a complaint need?",
    "4  Look up: When is mediation advice needed?",
    "5  Glossary of terms",
)


def shown(app) -> str:
    return "\n".join(screen_lines(app))


async def settle_on(pilot, app, choices: tuple[str, ...]) -> None:
    """Let the start screen settle (up to a second): where the menu does not fit under the
    about text, the pane scrolls it into view a frame or two after the first paint, later on
    a busy machine (seen once in a full parallel run)."""
    for _ in range(20):
        if all(choice in shown(app) for choice in choices):
            return
        await pilot.pause(0.05)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_every_choice_is_on_the_screen_at_start(size: tuple[int, int]) -> None:
    """The about text scrolls; the menu under it must not be squeezed to its top border."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await settle_on(pilot, app, MENU)
        for choice in MENU:
            assert choice in shown(app), (choice, screen_lines(app))


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_every_choice_is_on_the_screen_with_a_call_to_continue(
    size: tuple[int, int],
) -> None:
    """Back on the start screen mid-call (Esc from the first step), "c Continue" comes first."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "1", "4", "escape", "escape", "escape")
        assert isinstance(app.screen, StartScreen), type(app.screen)
        await settle_on(pilot, app, ("c  Continue this call", *MENU))
        for choice in ("c  Continue this call", *MENU):
            assert choice in shown(app), (choice, screen_lines(app))
