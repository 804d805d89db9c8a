"""`send-tui open RECORD.toml` over an autosave: what happens to the call in the autosave?

Opening a record used to replace the autosave of an unsaved call at the first change, just after
the quit dialog had promised to keep it. Now the adviser decides, and nothing is lost by default:
Esc keeps it.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from send_tui.dialogs.base import Dialog
from send_tui.widgets.choice_list import ChoiceList

KEEP, DISCARD, RESUME = "keep", "discard", "resume"

CHOICES = (
    (
        "k",
        KEEP,
        "Keep it for later: autosave stays off while this record is open, and the start "
        "screen offers the earlier call again after ctrl+n",
    ),
    ("d", DISCARD, "Discard it: it is deleted from this computer and cannot be resumed"),
    ("r", RESUME, "Resume it instead of this record (the record stays as saved)"),
)


class AutosaveChoice(Dialog[str]):
    """Dismisses with KEEP, DISCARD or RESUME; Esc keeps."""

    HELP_TITLE = "An unsaved call is in the autosave"
    DEFAULT_CSS = """
    AutosaveChoice { align: center middle; }
    AutosaveChoice > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    AutosaveChoice #question { margin-bottom: 1; }
    AutosaveChoice OptionList { height: auto; max-height: 12; }
    """

    BINDINGS = [
        *[
            Binding(key, f"choose('{choice}')", label.split(":")[0], id=f"send.autosave.{choice}")
            for key, choice, label in CHOICES
        ],
        Binding("escape", f"choose('{KEEP}')", "Keep it", id="send.autosave.escape"),
    ]

    def __init__(self, saved: datetime | None) -> None:
        super().__init__()
        self.saved = saved

    def compose(self) -> ComposeResult:
        when = f" (autosaved {self.saved:%a %d %b %H:%M})" if self.saved else ""
        with Vertical() as box:
            box.border_title = "An unsaved call is in the autosave"
            yield Static(
                f"This computer's autosave holds another call{when} that was not saved as a "
                "summary. Opening this record would replace it. What should happen to it?",
                id="question",
                markup=False,
            )
            yield ChoiceList(
                *[
                    Option(Text.assemble((f"{key}  ", "bold"), label), id=choice)
                    for key, choice, label in CHOICES
                ],
                id="choices",
                markup=False,
            )

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.close(event.option.id or KEEP)

    def action_choose(self, choice: str) -> None:
        self.close(choice)
