"""What every decision-point screen shares: the title bar, the answers trail and the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from send_tui.model.content import Node
from send_tui.widgets.title_bar import TitleBar
from send_tui.widgets.trail import AnswerTrail

if TYPE_CHECKING:
    from send_tui.app import SendApp


class NodeScreen(Screen[None]):
    """Base for the screens built from one content node (decision points and outcomes).

    `preview` screens are opened from a look-up: they show the node without changing the
    answers, and Esc returns to where the adviser was.
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="send.back"),
    ]

    def __init__(self, node: Node, *, preview: bool = False) -> None:
        super().__init__(id=f"node-{node.id}" if not preview else None)
        self.node = node
        self.preview = preview

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def title_text(self) -> str:
        if self.preview:
            return f"Look-up: {self.node.title}  (Esc returns to the call)"
        session = self.send_app.session
        # The question's place on the path, whatever has been answered after it; a question
        # with a default that nobody has answered ("Who is calling?") is not counted.
        path = [n for n in session.path() if n in session.answers or session.content.nodes[n].default is None]
        step = path.index(self.node.id) + 1 if self.node.id in path else len(path)
        return f"send-tui · step {step} · content reviewed {self.send_app.review_date_text}"

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title_text(), id="title-bar")
        with Horizontal(id="columns"):
            with Vertical(id="main"):
                yield from self.compose_main()
            yield AnswerTrail(self.send_app.session, id="trail")
        yield Footer()

    def compose_main(self) -> ComposeResult:
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        self.refresh_from_session()

    def refresh_from_session(self) -> None:
        """Redraw what depends on the session (the trail; subclasses add theirs)."""
        self.query_one(AnswerTrail).session = self.send_app.session
        self.query_one(AnswerTrail).refresh_trail()
        self.query_one("#title-bar", TitleBar).update(self.title_text())

    @on(AnswerTrail.Reopen)
    def _reopen(self, event: AnswerTrail.Reopen) -> None:
        self.send_app.reopen(event.node_id)

    def focus_trail(self) -> bool:
        """F3 in the wide layout: into the trail, on the answer to this question (else the latest)."""
        trail = self.query_one(AnswerTrail)
        if not trail.display or not self.has_class("-wide"):
            return False
        trail.focus()
        trail.highlight_answer(self.node.id)
        return True

    def focus_question(self) -> None:
        """Back from the trail to what the screen is about: its options, or its text."""
        for widget in [*self.query("#main #options"), *self.query("#main *")]:
            if widget.focusable:
                widget.focus()
                return

    def action_back(self) -> None:
        if isinstance(self.focused, AnswerTrail):
            self.focus_question()  # Esc leaves the trail, not the question
            return
        self.send_app.go_back()
