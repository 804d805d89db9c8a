"""The footer shows whole keys only: a key with no room is hidden, never cut ("^s Sav").

At 60x20 an outcome's keys, and at 80x24 the plan's, ran past the palette key and off the edge.
F1 lists every key, so it is shown wherever it fits.
"""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from send_tui.app import make_app
from send_tui.widgets.fitting_footer import PALETTE_CLASS, FittingFooter
from tests.app.helpers import press, screen_lines

OUTCOME = ("1", "4", "1")  # a complaint about a school: an outcome with Deadlines and Letter


def shown_keys(app) -> list[FooterKey]:
    footer = app.screen.query_one(FittingFooter)
    return [key for key in footer.query_children(FooterKey) if key.display]


def assert_whole_keys(app) -> None:
    keys = shown_keys(app)
    palette = next(key for key in keys if key.has_class(PALETTE_CLASS))
    others = [key for key in keys if key is not palette]
    width = app.screen.query_one(FittingFooter).region.right
    for key in others:
        assert key.region.width > 0, f"{key.key_display} {key.description} has no room"
        assert key.region.right <= palette.region.x <= width, (
            f"{key.key_display} {key.description} runs under the palette key"
        )


@pytest.mark.parametrize(
    ("size", "keys", "help_shown"),
    [
        ((60, 20), OUTCOME, True),
        ((60, 20), (*OUTCOME, "f5"), True),
        ((60, 20), (*OUTCOME, "f8"), True),
        ((60, 20), (*OUTCOME, "f2"), False),  # the plan's own keys fill 60 columns
        ((80, 24), (*OUTCOME, "f2"), True),  # after the five plan keys, in c Compare's place
        ((80, 24), OUTCOME, True),
    ],
)
async def test_every_key_shown_is_whole(size, keys, help_shown: bool) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, *keys)
        assert_whole_keys(app)
        assert ("Help" in [key.description for key in shown_keys(app)]) is help_shown
        footer_line = screen_lines(app)[-1]
        assert "Sav▏" not in footer_line and "Pl▏" not in footer_line


async def test_keys_hidden_for_room_come_back_when_there_is_room() -> None:
    """An outcome at 60x20 has no room for F2 Plan; back on the question before, it is there."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, *OUTCOME)
        assert "Plan" not in [key.description for key in shown_keys(app)]
        await press(pilot, "escape")
        assert [key.description for key in shown_keys(app)][-3:] == ["Plan", "Save", "palette"]
        assert_whole_keys(app)
        await pilot.resize_terminal(80, 24)
        await press(pilot, "1")  # the outcome again, with room for every key at 80 columns
        assert "Plan" in [key.description for key in shown_keys(app)]
        assert_whole_keys(app)
