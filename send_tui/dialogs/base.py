"""What every send-tui dialog shares: it closes once, however fast the keys come, and F1 works.

Textual stops the app's own keys at a modal screen (only priority keys pass), so without its
own binding F1 did nothing in a dialog: an adviser who pressed it in the save dialog, or a
screen-reader user asking what the keys are, got silence.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A modal that ignores a second close (Enter and Esc pressed together would otherwise
    try to dismiss a screen that has already gone), and whose F1 lists its own keys.

    It closes only from the top of the stack. `dismiss` pops whatever screen is on top, so a
    button press that arrives after F1 has opened the help over the dialog would close the
    help in the dialog's name and leave the dialog answered, deaf to every later Esc. Such a
    late press is dropped instead: the dialog is still there, as it was left, once the help
    closes."""

    #: The app's F1 under the same id, so a key the adviser rebinds it to in the settings
    #: (F1 taken by the screen reader) works in dialogs too.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "app.help", "Help", id="send.help")]
    #: What F1's help is headed with ("Help: Save the summary and letter").
    HELP_TITLE: ClassVar[str] = "Dialog"

    _answered = False  # (Textual's own `_closing` means something else: don't reuse it)

    def close(self, value: T) -> None:
        if self._answered or not self.is_active:
            return
        self._answered = True
        self.dismiss(value)
