"""The idle-clear warning: a visible countdown; any key keeps the call."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from send_tui.dialogs.base import Dialog


class IdleWarning(Dialog[bool]):
    """Dismisses True when the countdown ends (clear the call), False on any key or click."""

    HELP_TITLE = "The call is about to be cleared"
    DEFAULT_CSS = """
    IdleWarning { align: center middle; }
    IdleWarning > Vertical { width: 60; max-width: 100%; height: auto; border: thick $error;
        background: $surface; padding: 1 2; }
    """

    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.remaining = seconds

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._message(), id="countdown", markup=False)

    def _message(self) -> str:
        return (
            f"No keys pressed for a while. This call will be cleared from the screen and this "
            f"computer in {self.remaining} seconds.\n\nPress any key to keep it."
        )

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.close(True)
        else:
            self.query_one("#countdown", Static).update(self._message())

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.close(False)

    def on_click(self) -> None:
        self.close(False)
