"""Widgets whose new size, found by a layout, does not ask for a second layout.

Textual lays the screen out again whenever a widget's size changed in a layout (its
`virtual_size` is a layout-reactive). For the wizard's auto-height text panes that second pass
finds nothing new: their height came from their content in the first. Each step has text of
its own height, so without this every key paid two layouts where bare Textual pays one.
Relies on `Widget._size_updated`'s `layout` flag (Textual 8.2), which Textual itself uses for
widgets exposed by scrolling.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from send_tui.widgets.focus_styles import FocusStyledWhenSeen
from send_tui.widgets.quick_scrollbar import QuickScrollbars


class _OneLayout:
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]


class PaneText(_OneLayout, Static):
    """A Static in a wizard pane."""


class PaneScroll(_OneLayout, FocusStyledWhenSeen, QuickScrollbars, VerticalScroll):
    """A VerticalScroll holding a wizard pane's text."""
