"""Shown instead of the wizard when the route content cannot be loaded: what is wrong, and where."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar


class ContentProblemsScreen(Screen[None]):
    HELP_TITLE = "The content has problems"
    BINDINGS = [Binding("escape,q", "app.quit", "Quit", id="send.problems.quit")]

    def __init__(self, report: str) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        yield TitleBar("send-tui cannot start: the route content has problems")
        with VerticalScroll(can_focus=True):
            yield Static(Text(self.report), markup=False)
            yield Static(
                Text(
                    "\nAsk whoever looks after the content to run `send-tui check` and fix these. "
                    "Press q to quit.",
                    style="italic",
                ),
                markup=False,
            )
        yield KeyFooter()
