"""The one place send-tui uses Textual's private internals fails here, loudly, when they change.

`send_tui/widgets/palette.py` wraps the palette's private search coroutine to survive a quick
Esc. A Textual upgrade (outside the pinned 8.2.x) may rename it or change its signature; these
tests say so by name instead of the palette failing mid-call.
"""

from __future__ import annotations

import inspect

import textual
from textual.command import CommandPalette

from send_tui.app import make_app
from send_tui.widgets import palette
from tests.app.helpers import press


def test_the_textual_release_is_one_the_guard_was_checked_against() -> None:
    assert textual.__version__.startswith(palette.CHECKED_TEXTUAL + "."), (
        f"Textual {textual.__version__}: re-check send_tui/widgets/palette.py against the new "
        "CommandPalette._gather_commands, then update CHECKED_TEXTUAL"
    )


def test_the_private_search_is_still_there_with_the_same_shape() -> None:
    search, group = palette.private_search()
    assert list(inspect.signature(search).parameters) == ["self", "search_value"]
    assert group == CommandPalette._GATHER_COMMANDS_GROUP
    # the guard replaces Textual's method, not a method of its own name
    assert palette.GuardedCommandPalette._gather_commands is not CommandPalette._gather_commands


async def test_ctrl_p_opens_the_guarded_palette_and_a_quick_esc_leaves_the_app_running() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", "t", "r", "i", "escape")
        await pilot.pause()
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, palette.GuardedCommandPalette)
        await press(pilot, "escape")
        assert not isinstance(app.screen, CommandPalette)
        assert app.is_running and app._exception is None
