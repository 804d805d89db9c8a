"""The "your answers" trail: every answer so far, any of which can be chosen to change it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from send_tui.model.session import Session
from send_tui.widgets.numbered import numbered_row


class AnswerTrail(OptionList):
    """Lists (question, answer) pairs; Enter on one asks the app to reopen that question."""

    class Reopen(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.session = session
        self.border_title = "Your answers"
        self._shown: tuple[int, int] | None = None  # (session, revision) last drawn

    def on_mount(self) -> None:
        self.refresh_trail()

    def refresh_trail(self) -> None:
        """Redraw from the session, unless nothing has changed since the last time."""
        drawn = (id(self.session), self.session.revision)
        if drawn == self._shown:
            return
        self._shown = drawn
        highlighted = self.highlighted
        self.clear_options()
        trail = self.session.trail()
        if not trail:
            self.add_option(Option(Text("No answers yet.", style="italic"), disabled=True))
            return
        width = len(str(len(trail)))
        for number, (node, answer) in enumerate(trail, start=1):
            prompt = Text.assemble((node.title, "bold"), "\n", answer)
            self.add_option(Option(numbered_row(number, prompt, width), id=node.id))
        if highlighted is not None and self.has_focus:
            self.highlighted = min(highlighted, self.option_count - 1)  # redrawn under the adviser's eyes

    def on_focus(self) -> None:
        # Start from the latest answer: the one an adviser most often wants to change.
        if self.highlighted is None and self.option_count:
            self.highlight_answer(None)

    def highlight_answer(self, node_id: str | None) -> None:
        """Highlight the answer to `node_id` (else the latest answer) and scroll it into view."""
        if not self.option_count or self.get_option_at_index(0).disabled:
            return
        index = self.option_count - 1
        if node_id is not None:
            try:
                index = self.get_option_index(node_id)
            except OptionDoesNotExist:
                pass  # the question showing has no answer yet
        self.highlighted = index
        self.scroll_to_highlight()

    # The trail does not wrap: Down on the latest answer stays there, so Enter never opens
    # the first answer by surprise.
    def action_cursor_down(self) -> None:
        if self.highlighted is None:
            self.action_first()
        elif self.highlighted < self.option_count - 1:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            self.action_last()
        elif self.highlighted > 0:
            self.highlighted -= 1

    @on(OptionList.OptionSelected)
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Reopen(event.option.id))
