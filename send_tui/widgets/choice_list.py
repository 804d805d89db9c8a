"""The OptionList every list in send-tui uses: Page Up and Down are safe with no room.

OptionList finds the row a page away in a line cache that it leaves empty while the list has no
room for a row (squeezed out by a small or resized terminal, or before its first layout), so
Page Up/Down there raised KeyError into the call (seen in the random-key run on the wizard, and
on the plan at a tiny terminal). With no rows on screen a page is no rows: the highlight stays.
"""

from __future__ import annotations

from textual import _widget_navigation
from textual.widgets import OptionList


class ChoiceList(OptionList):
    def _move_page(self, direction: _widget_navigation.Direction) -> None:
        if not self.scrollable_content_region:
            return
        super()._move_page(direction)
