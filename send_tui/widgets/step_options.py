"""An OptionList that keeps its rendered rows when only its height changes (wizard, start menu,
the trail), and draws them again when its width changes (a scrollbar coming or going).

Each step's body is a different height, so the options below it are resized on most keys.
OptionList forgets every rendered row on any resize and paints again a frame later; rows only
depend on the width, so this one forgets them only when the width they were drawn at changes.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region
from textual.strip import Strip

from send_tui.widgets.choice_list import ChoiceList
from send_tui.widgets.focus_styles import FocusStyledWhenSeen
from send_tui.widgets.quick_scrollbar import QuickScrollbars


class StepOptions(FocusStyledWhenSeen, QuickScrollbars, ChoiceList):
    def __init__(self, *options: object, **kwargs: object) -> None:
        super().__init__(*options, **kwargs)  # type: ignore[arg-type]
        self._drawn_width: int | None = None
        self._scroll_pending = False
        self._end_pending = False

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]  # Textual passes the event
        # Textual calls `_on_resize` of every class in the MRO; without this OptionList's own
        # handler would clear the rows anyway and ask for the repaint a frame later.
        event.prevent_default()
        self.fit_width()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Where no layout pass fitted the rows first (a list in a dialog whose scrollbar came
        # with its first rows), fit them now: rows drawn wider than the list are cut off.
        self.fit_width()
        return super().render_lines(crop)

    def fit_width(self) -> None:
        """Forget the drawn rows if the width they were drawn at has changed.

        Called on Resize, and by SettledLayoutScreen straight after a layout, so rows rewrapped
        for a scrollbar that came or went are painted in the same frame.
        """
        width = self.scrollable_content_region.width
        if width != self._drawn_width:
            if (
                self._drawn_width is not None
                and self.max_scroll_y
                and (self.scroll_y >= self.max_scroll_y)
            ):
                # Showing its end (the trail's newest answer): rewrapped rows are more or fewer
                # lines, and the end must stay in view (a scrollbar coming with a new row
                # rewraps every row, and cut the newest off at the bottom).
                self._end_pending = True
            self._drawn_width = width
            self._clear_caches()

    def scroll_to_highlight_when_laid_out(self) -> None:
        """Scroll to the highlight now, and again once the next layout has sized the list.

        A list that was hidden (under an outcome) has a stale size until it is laid out;
        OptionList scrolls again when its Show event arrives, a frame after the paint.
        """
        self.scroll_to_highlight()
        self._scroll_pending = True

    def scroll_end_when_laid_out(self) -> None:
        """Scroll to the last row once the next layout has sized the list (rows just added)."""
        self._end_pending = True

    def settle_scroll(self) -> None:
        """Called by SettledLayoutScreen straight after a layout, before the paint."""
        if self._scroll_pending:
            self._scroll_pending = False
            self.scroll_to_highlight()
        if self._end_pending:
            self._end_pending = False
            self.scroll_end(animate=False, immediate=True)
