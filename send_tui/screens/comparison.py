"""The routes open to this caller side by side, and those closed to them with the reason.

Reached from the plan (c) and the timeline (c). Every cell is content, chosen and dated by
`model.comparison`; this screen only lays the table out. Routes are columns, so the ones in the
plan (first) can be read across; arrows scroll when more routes than fit are open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import Footer, Static

from send_tui.model import dates
from send_tui.model.comparison import ASPECTS, Comparison, build_comparison
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from send_tui.app import SendApp

#: Widths of the aspect column and each route's column, in cells.
ASPECT_WIDTH = 10
ROUTE_WIDTH = 18
IN_PLAN = "in the plan"


def comparison_table(comparison: Comparison) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, padding=(0, 1), expand=False)
    table.add_column("", width=ASPECT_WIDTH, style="bold", overflow="fold")
    for column in comparison.open:
        heading = Text(column.title, style="bold")
        if column.in_plan:
            heading.append(f"\n({IN_PLAN})", style="italic")
        table.add_column(heading, width=ROUTE_WIDTH, overflow="fold")
    for index, (_key, label) in enumerate(ASPECTS):
        table.add_row(Text(label), *(Text(column.cells[index]) for column in comparison.open))
    return table


def closed_text(comparison: Comparison) -> Text:
    text = Text()
    if comparison.closed:
        text.append("Not open to this caller:", style="bold")
        for closed in comparison.closed:
            text.append(f"\n- {closed.title}: ", style="bold")
            text.append(closed.reason)
    return text


def table_width(comparison: Comparison) -> int:
    """The table's width: each column plus its padding, and the gaps between columns."""
    columns = [ASPECT_WIDTH, *(ROUTE_WIDTH for _ in comparison.open)]
    return sum(width + 2 for width in columns) + len(columns) - 1


class ComparisonScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="send.compare.back"),
        Binding("t", "timeline", "Timeline", id="send.compare.timeline"),
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar("Routes side by side: all free to families; arrows scroll")
        with ScrollableContainer(id="compare-scroll", can_focus=True):
            yield Static(id="compare-table", markup=False)
            yield Static(id="compare-closed", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_comparison()
        self.query_one("#compare-scroll").focus()

    def on_screen_resume(self) -> None:
        self.refresh_comparison()

    def refresh_comparison(self) -> None:
        comparison = build_comparison(self.send_app.session, dates.today())
        table = self.query_one("#compare-table", Static)
        table.update(comparison_table(comparison))
        table.styles.width = table_width(comparison)
        self.query_one("#compare-closed", Static).update(closed_text(comparison))

    def action_timeline(self) -> None:
        from send_tui.screens.timeline import TimelineScreen, below_is

        if below_is(self, TimelineScreen):
            self.app.pop_screen()
        else:
            self.app.push_screen(TimelineScreen())
