"""A vertical scrollbar drawn straight to strips, for the wizard's panes, options and trail.

Textual draws a scrollbar as any widget: its bar (a Rich renderable) rendered through the
console, then every line through the styles cache (padding, background, tint), for a column
two cells wide. The wizard's scrollbars change on most keys (each step's text has its own
height) and their lines were the most redrawn on the screen, each costing as much as a line of
text. This one asks Textual's own `ScrollBarRender.render_bar` for the same segments, makes
each a strip, applies the app's line filters (NO_COLOR, ANSI colours) as the styles cache
would, and keeps the strips until the bar changes.

Relies on `Widget.vertical_scrollbar` (how a widget makes its scrollbar) and on what
`ScrollBar.render`, `ScrollBarRender.__rich_console__` and `StylesCache.render` do in Textual
8.2; tests/app/test_settled_layout.py pins their source.
"""

from __future__ import annotations

from typing import cast

from rich.color import Color
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

#: ScrollBarRender's own fallbacks, for a style with no colour.
_BACK, _BAR = Color.parse("#555555"), Color.parse("bright_magenta")


class QuickScrollBar(ScrollBar):
    _drawn: tuple[object, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        if not (
            self.vertical and isinstance(bar, ScrollBarRender) and isinstance(bar.style, Style)
        ):
            return super().render_lines(crop)
        width, height = self.size
        filters = self.app.get_line_filters()
        key = (self.size, bar.virtual_size, bar.window_size, bar.position, bar.style, *filters)
        if self._drawn is None or self._drawn[0] != key:
            style = bar.style
            segments = bar.render_bar(
                size=height,
                virtual_size=bar.virtual_size,
                window_size=bar.window_size,
                position=bar.position,
                thickness=width,
                vertical=True,
                back_color=style.bgcolor or _BACK,
                bar_color=style.color or _BAR,
            )
            background = self.background_colors[1]
            strips = []
            for segment in segments.segments:
                strip = Strip([segment], width)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                strips.append(strip)
            self._drawn = (key, strips)
        strips = self._drawn[1][crop.y : crop.bottom]
        if crop.x or crop.right != width:
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips


class QuickScrollbars:
    """Mix in before a scrolling widget class: its vertical scrollbar is a QuickScrollBar."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # As Widget.vertical_scrollbar, with the quicker class.
        widget = cast(Widget, self)
        if widget._vertical_scrollbar is None:
            bar = QuickScrollBar(
                vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical
            )
            bar.display = False
            widget._vertical_scrollbar = bar
            widget.app._start_widget(widget, bar)
        return widget._vertical_scrollbar
