"""When to tell the adviser that a change re-dated the saved letter, or undoing it restored it.

A reopened call's letter is a new letter, dated today, once anything it shows has changed (an
answer, its form). The adviser is told the moment it happens, wherever the change was made,
in the app and plain mode alike, rather than first in the save dialog.

Its own small module, not in `summary`: both front ends ask after every change, and a call with
no saved letter (most calls) must not pay for importing the letter and summary models.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from send_tui.model.session import Session
    from send_tui.model.summary import LetterDating


class LetterDateNews:
    """`news` after each change to the call; `reset` when the call itself is replaced (opened,
    resumed, cleared), so what that call already was is not told as news."""

    def __init__(self) -> None:
        self._redated = False

    def reset(self, session: Session, today: date) -> None:
        dating = _dating(session, today)
        self._redated = dating is not None and dating.changed

    def news(self, session: Session, today: date) -> LetterDating | None:
        """The letter's dating if the last change turned it (re-dated, or restored); else None."""
        dating = _dating(session, today)
        redated = dating is not None and dating.changed
        turned = dating is not None and redated != self._redated
        self._redated = redated
        return dating if turned else None


def _dating(session: Session, today: date) -> LetterDating | None:
    if session.sent_letter is None:  # nothing saved, nothing to re-date
        return None
    from send_tui.model.summary import letter_dating

    return letter_dating(session, today)
