"""A long pane text that is drawn only as far down as it has been shown.

An outcome's text is about 100 lines at 80 columns, of which about 19 show. Textual draws a
widget's whole text the first time any line of it is painted (`Widget.render_line` calls
`_render_content`): about 5 ms of the 25-30 ms key that opens an outcome, most of it for
lines below the pane. Textual wraps each line of a text on its own, so the text's beginning,
drawn alone, gives the same strips as the whole text gives for those lines: each cell's
offset in the text (which mouse selection reads) and a selection's highlight included.

So this draws the first source lines that surely reach the lowest line asked for (a line of
n characters wraps to at least n / width lines), and a longer beginning (at least twice as
long) when the text is scrolled further down. Relies on `Widget.render_line`,
`render_lines` and `_dirty_regions` (Textual 8.2, pinned in tests/app/test_settled_layout.py).
"""

from __future__ import annotations

from bisect import bisect_left

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual

from send_tui.widgets.one_layout import PaneText


class ShownText(PaneText):
    """A PaneText whose lines become strips only down to the lowest line painted so far."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._text: Content | None = None  # the text drawn, while drawn line by line
        self._ends: list[int] = []  # where each of its source lines ends
        self._reach: list[int] = []  # the fewest lines the source lines up to each can wrap to
        self._drawn = 0  # how many of its source lines are drawn
        self._strips: list[Strip] = []  # what they draw
        self._drawn_size: Size | None = None  # the size they were drawn at
        self._lowest = 0  # the lowest line the paint under way asks for

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lowest = crop.bottom
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if self._dirty_regions or self._drawn_size != self.size:
            self._start_again()
        if self._text is None:
            return super().render_line(y)
        if y >= len(self._strips) and self._drawn < len(self._ends):
            self._draw_down_to(max(y, self._lowest))
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def _start_again(self) -> None:
        """Forget what was drawn. Aligned text, whose place depends on the whole text's
        height, Textual draws whole, as usual."""
        self._strips, self._drawn, self._drawn_size = [], 0, self.size
        visual = self._render()
        if not isinstance(visual, Content) or self.styles.content_align != ("left", "top"):
            self._text = None  # Textual's render_line, seeing the dirty regions, draws it
            return
        self._dirty_regions.clear()
        self._text = visual
        end, reach, width = -1, 0, max(1, self.size.width)
        self._ends, self._reach = [], []
        for line in visual.plain.split("\n"):
            end += len(line) + 1
            reach += max(1, -(-len(line) // width))
            self._ends.append(end)
            self._reach.append(reach)

    def _draw_down_to(self, y: int) -> None:
        """Draw enough source lines to reach line `y`."""
        assert self._text is not None
        count = min(len(self._ends), max(bisect_left(self._reach, y + 1) + 1, 2 * self._drawn))
        text = self._text[: self._ends[count - 1]]
        width = self.size.width
        self._strips = Visual.to_strips(self, text, width, None, self.visual_style)
        self._drawn = count
