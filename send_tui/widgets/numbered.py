"""A numbered row whose wrapped lines keep their indent (for option lists and the trail)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

_BOLD = Style(bold=True)


class NumberedRow:
    """`number` in a bold column `width` wide, a space, then `body` wrapped beside it.

    What a two-column `Table.grid` drew, without a table's cost: the option lists and the
    trail render one per row on every step, and a table per row was about a tenth of a key.
    """

    def __init__(self, number: int | str, body: Text, width: int = 1) -> None:
        self.number = str(number)
        self.body = body
        self.width = max(width, len(self.number))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.width + 1
        body_width = max(1, options.max_width - indent)
        lines = console.render_lines(
            self.body, options.update(width=body_width, height=None), pad=True
        )
        # The number column and the gap after it are bold, as the table's column style made them.
        first = [Segment(self.number.ljust(self.width) + " ", _BOLD)]
        rest = [Segment(" " * indent, _BOLD)]
        new_line = Segment.line()
        for index, line in enumerate(lines):
            yield from first if index == 0 else rest
            yield from line
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.width + 1
        body = Measurement.get(
            console, options.update(max_width=max(1, options.max_width - indent)), self.body
        )
        return Measurement(body.minimum + indent, body.maximum + indent)


def numbered_row(number: int | str, body: Text, width: int = 1) -> NumberedRow:
    return NumberedRow(number, body, width)
