"""A screen that finishes its layout before it paints: one frame a key, not two or three.

Laying a screen out can itself ask for another layout: an option list or a text pane that grew
past its height shows its scrollbar (which takes a column, so its content is laid out again), a
scrollbar's own size changes. Textual handles each such request a frame later, through a
message and its update timer, and paints every intermediate layout; a wizard key paid up to
four frames, each waiting for the next tick. Here the requests that the layout itself raised
are taken at once and the layout is run again (at most `EXTRA_PASSES` times) before the one
paint. What is finally painted is what Textual would have settled on; the frames in between,
with a scrollbar about to appear or vanish, are never shown.

This is the one place send-tui overrides private Textual methods (`Screen._refresh_layout`,
`Screen._compositor_refresh`) and mirrors two private ones (`Widget._check_refresh`'s layout
branch, `Screen._on_layout`). tests/app/test_settled_layout.py pins their source for the
Textual version this was written against, so an upgrade fails that test loudly rather than
changing behaviour quietly.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList

from send_tui.widgets.step_options import StepOptions

#: How many more layouts one update may run before it paints (a scrollbar shown, then its size).
EXTRA_PASSES = 2


class SettledLayoutScreen(Screen[None]):
    """A Screen whose layout runs again, before painting, while the layout asks for more."""

    _holding_paint = False

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        self._holding_paint = True
        try:
            super()._refresh_layout(size, scroll)
            for _ in range(EXTRA_PASSES):
                self._count_option_lines()
                if not self._take_layout_requests():
                    break
                super()._refresh_layout(size)
            self._take_repaint_requests()
        finally:
            self._holding_paint = False
        if self.is_current and not self.app._batch_count:
            self._compositor.update_widgets(self._dirty_widgets)
            self._compositor_refresh()
        # (In a batch, Textual's own pass queued the paint with call_later; it runs afterwards.)

    def _compositor_refresh(self) -> None:
        if not self._holding_paint:
            super()._compositor_refresh()

    def _count_option_lines(self) -> None:
        """Let option lists count their lines at their new width now, not while painting.

        OptionList counts them when first rendered, and a changed count (new options, or the
        same options wrapped at another width) asks for yet another layout from inside the paint.
        """
        for widget, _geometry in self._compositor.layers:
            if isinstance(widget, StepOptions):
                widget.fit_width()
            if isinstance(widget, OptionList):
                widget._update_lines()

    def _take_repaint_requests(self) -> None:
        """Paint, with this frame, what the layout asked to repaint (a scrollbar's new position)."""
        for widget, _geometry in self._compositor.layers:
            if widget is not self and widget._repaint_required:
                widget._repaint_required = False
                if widget.display:
                    self._dirty_widgets.add(widget)

    def _take_layout_requests(self) -> bool:
        """Take the layouts that widgets on the screen have asked for, as the screen would.

        Mirrors what `Widget._check_refresh` does for a layout (clearing the flag and the
        ancestors' arrangement caches) and what `Screen._on_layout` does on the message it
        would post, so the next `_refresh_layout` reflows those widgets. True if any asked.
        """
        asked = [
            widget
            for widget, _geometry in self._compositor.layers
            if widget is not self and widget._layout_required
        ]
        for widget in asked:
            widget._layout_required = False
            for ancestor in widget.ancestors:
                if not isinstance(ancestor, Widget):
                    break
                ancestor._clear_arrangement_cache()
                ancestor._layout_updates += 1
                if not ancestor.styles.auto_dimensions:
                    break
            node: Widget = widget
            for ancestor in widget.ancestors:
                if not isinstance(ancestor, Widget):
                    break
                self._layout_widgets.setdefault(ancestor, set())
                if node not in self._layout_widgets:
                    self._layout_widgets[ancestor].add(node)
                if not ancestor.styles.auto_dimensions:
                    break
                node = ancestor
        return bool(asked)
