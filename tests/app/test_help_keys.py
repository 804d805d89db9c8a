"""F1 lists every key that does something here: two keys for one thing are both named."""

from __future__ import annotations

import re

from send_tui.app import make_app
from send_tui.dialogs.help import HelpDialog
from tests.app.helpers import press, screen_text

TO_REFUSAL_OUTCOME = ("1", "2", "1", "1")  # a refusal to assess: appeal (an outcome with clocks)


async def test_on_an_outcome_help_names_f8_as_well_as_d_for_the_deadlines() -> None:
    """d opens the deadlines on an outcome and F8 does everywhere; the help named only d."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_REFUSAL_OUTCOME, "f1")
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        assert re.search(r"^\s*d, f8\s+Deadlines$", text, re.M), text
        await press(pilot, "escape", "f8")
        assert type(app.screen).__name__ == "DeadlinesScreen"


async def test_on_the_plan_help_names_both_keys_for_the_letter_and_for_back() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "4", "1", "f2", "f1")
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        assert re.search(r"^\s*l, f5\s+Letter$", text, re.M), text
        assert re.search(r"^\s*esc, f2\s+Back$", text, re.M), text
        assert re.search(r"^\s*d, f8\s+Deadlines$", text, re.M), text
