"""A numbered row whose wrapped lines keep their indent (for option lists and the trail)."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

_BOLD = Style(bold=True)


class NumberedRow(Visual):
    """`number` in a bold column `width` wide, a space, then `body` wrapped beside it.

    A Textual Visual over the body's Content rather than a Rich renderable: the option lists
    and the trail render one per row on every step, and Textual measures and draws a Rich
    renderable by rendering it through the console each time (for its height, for the
    layout, then for its lines), where Content wraps once per width and keeps the height.
    """

    def __init__(self, number: int | str, body: Text | Content, width: int = 1) -> None:
        self.number = str(number)
        self.body = body if isinstance(body, Content) else Content.from_rich_text(body)
        self.width = max(width, len(self.number))

    @property
    def plain(self) -> str:
        """The row as plain text, as Content and rich's Text give theirs."""
        return f"{self.number} {self.body.plain}"

    @property
    def _indent(self) -> int:
        return self.width + 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        indent = self._indent
        lines = self.body.render_strips(max(1, width - indent), None, style, options)
        # The number column and the gap after it are bold, on the row's own background.
        bold = (style + _BOLD).rich_style
        first = Segment(self.number.ljust(self.width) + " ", bold)
        rest = Segment(" " * indent, bold)
        strips = [
            Strip([first if index == 0 else rest, *line], line.cell_length + indent)
            for index, line in enumerate(lines)
        ]
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.body.get_optimal_width(rules, container_width - self._indent) + self._indent

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.body.get_minimal_width(rules) + self._indent

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self._indent))


def numbered_row(number: int | str, body: Text | Content, width: int = 1) -> NumberedRow:
    return NumberedRow(number, body, width)
