"""F6: the adviser's details about the call: a case reference and the caller's consent."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from send_tui.dialogs.base import Dialog
from send_tui.model.fields import REFERENCE_LIMIT
from send_tui.model.session import CONSENT_HELP, CaseDetails


class CallDetailsDialog(Dialog[CaseDetails | None]):
    HELP_TITLE = "Call details"
    DEFAULT_CSS = """
    CallDetailsDialog { align: center middle; }
    CallDetailsDialog > Vertical {
        width: 70; max-width: 100%; height: auto; border: thick $primary;
        background: $surface; padding: 0 1;
    }
    CallDetailsDialog Input { margin-bottom: 1; }
    CallDetailsDialog #consent-help { color: $text-muted; margin-bottom: 1; }
    CallDetailsDialog Horizontal { height: auto; align-horizontal: right; }
    CallDetailsDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="send.call.cancel"),
        Binding("ctrl+s", "keep", "Keep", id="send.call.keep", priority=True),
    ]

    def __init__(self, case: CaseDetails) -> None:
        super().__init__()
        self.case = case

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Call details"
            yield Label(f"Case reference (optional, up to {REFERENCE_LIMIT} characters)")
            yield Input(
                self.case.reference,
                id="reference",
                max_length=REFERENCE_LIMIT,
                placeholder="for example HL-2026-0412",
                compact=True,
            )
            yield Checkbox(
                "The caller agrees to a record being kept",
                self.case.consent_to_record,
                id="consent",
            )
            yield Static(CONSENT_HELP, id="consent-help", markup=False)
            with Horizontal():
                yield Button("Cancel (Esc)", id="cancel", compact=True)
                yield Button("Keep (ctrl+s)", id="keep", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reference", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_keep()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "keep":
            self.action_keep()
        else:
            self.action_cancel()

    def action_keep(self) -> None:
        self.close(
            CaseDetails(
                reference=self.query_one("#reference", Input).value.strip(),
                consent_to_record=self.query_one("#consent", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.close(None)
