"""F1: the keys that work on this screen, and the glossary terms it uses."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from send_tui.dialogs.base import Dialog
from send_tui.model.content import GlossaryTerm


class HelpDialog(Dialog[None]):
    DEFAULT_CSS = """
    HelpDialog { align: center middle; }
    HelpDialog > Vertical {
        width: 76; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpDialog VerticalScroll { height: 1fr; }
    """

    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="send.help.close")]

    def __init__(self, title: str, keys: Iterable[tuple[str, str]], terms: Iterable[GlossaryTerm]) -> None:
        super().__init__()
        self.heading = title
        self.keys = list(keys)
        self.terms = list(terms)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Help: {self.heading}"
            box.border_subtitle = "Esc closes"
            with VerticalScroll(can_focus=True):
                yield Static(self._text(), markup=False)

    def _text(self) -> Text:
        text = Text()
        text.append("Keys on this screen\n", style="bold underline")
        width = max((len(k) for k, _ in self.keys), default=4)
        for key, description in self.keys:
            text.append(f"  {key:<{width}}  ", style="bold")
            text.append(f"{description}\n")
        text.append("\nThe mouse works too, but nothing needs it.\n")
        if self.terms:
            text.append("\nTerms used here\n", style="bold underline")
            for term in self.terms:
                text.append(f"  {term.term}", style="bold")
                text.append(f": {term.definition}\n")
        return text

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.close(None)
