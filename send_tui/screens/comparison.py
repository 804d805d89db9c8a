"""The routes open to this caller side by side, and those closed to them with the reason.

Reached from the plan (c) and the timeline (c). Every cell is content, chosen and dated by
`model.comparison`; this screen only lays the table out. Routes are columns, so the ones in the
plan (first) can be read across; arrows scroll when more routes than fit are open, under a
header row and an aspect column that stay in view, and a row scrolled part way up keeps its name
at the top, so every cell can be told at 60x20.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import DataTable, Static

from send_tui.model import dates
from send_tui.model.comparison import ASPECTS, Comparison, build_comparison
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from rich.console import Console

    from send_tui.app import SendApp

#: Widths of the aspect column and each route's column, in cells.
ASPECT_WIDTH = 10
ROUTE_WIDTH = 18
IN_PLAN = "in the plan"
#: The blank line under each row, which keeps one aspect's cells apart from the next one's.
ROW_GAP = 1


class ComparisonGrid(DataTable[Text]):
    """Left and right move a whole route at a time, so a column is never shown cut in half
    beside the aspect names; and a row scrolled part way up under the headings keeps its name at
    the top of the view, so its lower lines are never read without it (a row can be taller
    than the view at 60x20, so scrolling by whole rows could not promise that)."""

    def _step(self, columns: int) -> None:
        step = ROUTE_WIDTH + 2  # a column and its padding
        target = (round(self.scroll_x / step) + columns) * step
        self.scroll_to(x=max(0, min(target, self.max_scroll_x)), animate=False)

    def action_cursor_right(self) -> None:
        self._step(1)

    def action_cursor_left(self) -> None:
        self._step(-1)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        name = self._sticky_name(y)
        return strip if name is None else Strip.join([name, strip.crop(name.cell_length)])

    def _sticky_name(self, y: int) -> Strip | None:
        """The aspect column to paint at line `y` while the top row is cut by the top edge: the
        row's name from the top of the view down, over the cells of it still in view (never the
        blank line under it, which keeps it apart from the next row's name); None elsewhere."""
        line = y - self._header_lines  # lines down from the top of the rows in view
        top = self.scroll_offset.y
        start = 0
        for row in self.ordered_rows:
            if start + row.height > top:
                break
            start += row.height
        else:
            return None
        cut = top - start  # the row's lines scrolled away above the view
        left = row.height - ROW_GAP - cut  # the row's lines of cells still in view
        if cut == 0 or not 0 <= line < left:
            return None
        name = self._name_line(start, line)
        if line == left - 1 and self._name_line(start, left).text.strip():
            return _cut_short(name)  # more of the name than the row has lines left
        return name

    @property
    def _header_lines(self) -> int:
        return self.header_height if self.show_header else 0

    def _name_line(self, start: int, index: int) -> Strip:
        """Line `index` of the aspect column in the row from line `start`, as DataTable draws it,
        so a name moved down keeps the column's styles in every theme and under NO_COLOR."""
        x = self.scroll_offset.x
        y = self._header_lines + start + index
        width = sum(
            column.get_render_width(self) for column in self.ordered_columns[: self.fixed_columns]
        )
        return self._render_line(y, x, x + self.size.width, self.rich_style).crop(0, width)


def _cut_short(line: Strip) -> Strip:
    """`line` of a name with "…" after its last word, so a name cut off is not read as whole
    ("Mediation" from "Mediation advice first?" is also a route's name)."""
    end = min(len(line.text.rstrip()), line.cell_length - 2)  # inside the cell's padding
    style = next(iter(line.crop(end - 1, end))).style
    return Strip.join([line.crop(0, end), Strip([Segment("…", style)]), line.crop(end + 1)])


def _lines(text: Text, width: int, console: Console) -> int:
    """How many lines `text` takes wrapped to `width` (each cell's height in the grid)."""
    return len(text.wrap(console, width, overflow="fold"))


def fill_grid(grid: DataTable[Text], comparison: Comparison, console: Console) -> None:
    """The routes as columns and the aspects as rows, each row as tall as its tallest cell and a
    blank line under it; the header row and the aspect column stay put while the rest scrolls."""
    grid.clear(columns=True)
    grid.add_column(Text(""), width=ASPECT_WIDTH, key="aspect")
    headings: list[Text] = []
    for column in comparison.open:
        heading = Text(column.title, style="bold")
        if column.in_plan:
            heading.append(f"\n({IN_PLAN})", style="italic")
        headings.append(heading)
        grid.add_column(heading, width=ROUTE_WIDTH, key=column.route)
    grid.header_height = max((_lines(h, ROUTE_WIDTH, console) for h in headings), default=1)
    for index, (key, label) in enumerate(ASPECTS):
        cells = [Text(column.cells[index]) for column in comparison.open]
        height = max(
            [_lines(Text(label), ASPECT_WIDTH, console)]
            + [_lines(cell, ROUTE_WIDTH, console) for cell in cells]
        )
        grid.add_row(Text(label, style="bold"), *cells, height=height + ROW_GAP, key=key)


def closed_text(comparison: Comparison) -> Text:
    text = Text()
    if comparison.closed:
        text.append("Not open to this caller:", style="bold")
        for closed in comparison.closed:
            text.append(f"\n- {closed.title}: ", style="bold")
            text.append(closed.reason)
    return text


class ComparisonScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="send.compare.back"),
        Binding("t", "timeline", "Timeline", id="send.compare.timeline"),
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar("Routes side by side: all free to use; arrows scroll")
        yield ComparisonGrid(
            id="compare-table",
            fixed_columns=1,  # the aspect names stay while the routes scroll under them
            cursor_type="none",
            show_cursor=False,
            zebra_stripes=False,
        )
        with VerticalScroll(id="compare-closed-scroll"):
            yield Static(id="compare-closed", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_comparison()
        self.query_one("#compare-table").focus()

    def on_screen_resume(self) -> None:
        self.refresh_comparison()

    def refresh_comparison(self) -> None:
        comparison = build_comparison(self.send_app.session, dates.today())
        grid: DataTable[Text] = self.query_one("#compare-table", DataTable)
        x, y = grid.scroll_offset  # back from the timeline: the same routes in view
        fill_grid(grid, comparison, self.app.console)
        grid.scroll_to(x, y, animate=False)
        self.query_one("#compare-closed-scroll").display = bool(comparison.closed)
        self.query_one("#compare-closed", Static).update(closed_text(comparison))

    def action_timeline(self) -> None:
        from send_tui.screens.timeline import TimelineScreen, below_is

        if below_is(self, TimelineScreen):
            self.app.pop_screen()
        else:
            self.app.push_screen(TimelineScreen())
