"""The routes open to this caller side by side, and those closed to them with the reason.

Reached from the plan (c) and the timeline (c). Every cell is content, chosen and dated by
`model.comparison`; this screen only lays the table out. Routes are columns, so the ones in the
plan (first) can be read across; arrows scroll when more routes than fit are open, under a
header row and an aspect column that stay in view, so every cell can be told at 60x20.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from send_tui.model import dates
from send_tui.model.comparison import ASPECTS, Comparison, build_comparison
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from rich.console import Console

    from send_tui.app import SendApp

#: Widths of the aspect column and each route's column, in cells.
ASPECT_WIDTH = 10
ROUTE_WIDTH = 18
IN_PLAN = "in the plan"


class ComparisonGrid(DataTable[Text]):
    """Left and right move a whole route at a time, so a column is never shown cut in half
    beside the aspect names."""

    def _step(self, columns: int) -> None:
        step = ROUTE_WIDTH + 2  # a column and its padding
        target = (round(self.scroll_x / step) + columns) * step
        self.scroll_to(x=max(0, min(target, self.max_scroll_x)), animate=False)

    def action_cursor_right(self) -> None:
        self._step(1)

    def action_cursor_left(self) -> None:
        self._step(-1)


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
        grid.add_row(Text(label, style="bold"), *cells, height=height + 1, key=key)


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
        yield Footer()

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
