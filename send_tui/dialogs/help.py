"""F1: the keys that work on this screen, and the glossary terms it uses.

The table is generated from the bindings active on the screen, so it cannot drift from the
keys: send-tui's own keys (binding ids "send.*") first, then Textual's scrolling and focus keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from send_tui.dialogs.base import Dialog
from send_tui.model.content import GlossaryTerm

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

KeyRows = list[tuple[str, str]]

#: Textual's palette binding is listed as ours, in words an adviser would use.
PALETTE_ROW = ("ctrl+p", "Search the content and commands (new client, save ...)")


class HelpDialog(Dialog[None]):
    DEFAULT_CSS = """
    HelpDialog { align: center middle; }
    HelpDialog > Vertical {
        width: 76; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpDialog VerticalScroll { height: 1fr; }
    """

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="send.help.close"),
        # Under the help key's own id, so the key a desk rebinds help to also closes it.
        Binding("f1", "close", "Close", id="send.help"),
    ]

    def __init__(
        self,
        title: str,
        keys: Iterable[tuple[str, str]],
        terms: Iterable[GlossaryTerm],
        *,
        general: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.heading = title
        self.keys = list(keys)
        self.general = list(general)
        self.terms = list(terms)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Help: {self.heading}"
            box.border_subtitle = "Esc closes"
            with VerticalScroll(can_focus=True):
                yield Static(self._text(), markup=False)

    def _text(self) -> Text:
        text = Text()
        width = max((len(k) for k, _ in [*self.keys, *self.general]), default=4)
        text.append("Keys on this screen\n", style="bold underline")
        _append_rows(text, self.keys, width)
        if self.general:
            text.append(
                "\nScrolling and moving between parts of the screen\n", style="bold underline"
            )
            _append_rows(text, self.general, width)
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


def _append_rows(text: Text, rows: KeyRows, width: int) -> None:
    for key, description in rows:
        text.append(f"  {key:<{width}}  ", style="bold")
        text.append(f"{description}\n")


def key_tables(app: App, screen: Screen) -> tuple[KeyRows, KeyRows]:
    """(ours, Textual's): (keys, what they do) for every active binding, digits folded into one line."""
    ours: dict[str, str] = {}
    general: dict[str, str] = {}
    digits: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if key.isdigit() and binding.description:
            digits.setdefault(binding.description.rstrip(" 0123456789"), []).append(key)
            continue
        if not binding.description or key == PALETTE_ROW[0]:
            continue
        rows = ours if (binding.id or "").startswith("send.") else general
        display = app.get_key_display(binding)
        shown = rows.get(binding.description)
        if shown is None:
            rows[binding.description] = display
        elif rows is ours and display not in shown.split(", "):
            # Two keys for one thing (d and F8 on an outcome): name both, or one looks missing.
            rows[binding.description] = f"{shown}, {display}"
    table = [
        (f"{min(keys)}-{max(keys)}" if len(keys) > 1 else keys[0], text)
        for text, keys in digits.items()
    ]
    table += [(display, description) for description, display in ours.items()]
    table.append((app.get_key_display(Binding(PALETTE_ROW[0], "command_palette")), PALETTE_ROW[1]))
    return table, [(display, description) for description, display in general.items()]
