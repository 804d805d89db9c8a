"""What every send-tui dialog shares: it closes once, however fast the keys come."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A modal that ignores a second close (Enter and Esc pressed together would otherwise
    try to dismiss a screen that has already gone)."""

    _answered = False  # (Textual's own `_closing` means something else: don't reuse it)

    def close(self, value: T) -> None:
        if self._answered or not self.is_current:
            return
        self._answered = True
        self.dismiss(value)
