"""The answers trail as a pop-up, for terminals too narrow to show it beside the question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from send_tui.dialogs.base import Dialog
from send_tui.model.session import Session
from send_tui.widgets.trail import AnswerTrail


class AnswersDialog(Dialog[str | None]):
    """Returns the node id of the answer to change, or None."""

    HELP_TITLE = "Your answers"
    DEFAULT_CSS = """
    AnswersDialog { align: center middle; }
    AnswersDialog > Vertical {
        width: 70; max-width: 100%; height: 90%;
        background: $surface;
    }
    AnswersDialog AnswerTrail { height: 1fr; }
    """

    BINDINGS = [Binding("escape,f3", "close", "Close", id="send.answers.close")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical():
            yield AnswerTrail(self.session)

    def on_mount(self) -> None:
        trail = self.query_one(AnswerTrail)
        trail.border_title = "Your answers: Enter changes one, Esc closes"
        trail.focus()

    @on(AnswerTrail.Reopen)
    def _chosen(self, event: AnswerTrail.Reopen) -> None:
        event.stop()
        self.close(event.node_id)

    def action_close(self) -> None:
        self.close(None)
