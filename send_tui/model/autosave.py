"""The call in progress, saved after every change so a crash or a closed window loses nothing.

It lives in the user's data folder, owner-only. It is written only while the caller agrees to a
record being kept, and it is deleted when the adviser starts with a new client. Everything else
it leaves behind (a temp file from a save that was killed, an unreadable autosave set aside) is
removed too: by a new client, by quitting and at start-up, because each may hold a child's name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from send_tui.model import storage

if TYPE_CHECKING:
    from collections.abc import Callable

    from send_tui.model.content import Content
    from send_tui.model.session import Session

FILE_NAME = "autosave.toml"
#: What an unreadable autosave is renamed to (`autosave.toml.unreadable-1`) until the next start.
SET_ASIDE = "unreadable"


@dataclass(frozen=True, slots=True)
class Pending:
    """An autosave found at start-up: the session to resume, and when it was saved."""

    session: Session
    saved: datetime | None


class Autosave:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME

    def save(self, session: Session) -> str | None:
        """Write the session, or remove the file if there is no consent; a problem, or None."""
        if not session.case.consent_to_record or not session.has_work():
            self.clear()
            return None
        from send_tui.model import record

        try:
            storage.ensure_private_dir(self.folder)
            record.save_record(session, self.path, overwrite=True)
        except storage.SaveError as error:
            return f"Autosave failed: {error.strerror or error}"
        return None

    def clear(self) -> None:
        """Forget the autosave (new client, or consent withdrawn): the file and every artefact."""
        _unlink(self.path)
        self.tidy()

    def tidy(self) -> None:
        """Remove what the autosave left behind but the file itself: for quitting and start-up.

        Temp files of killed saves (whatever their age, once no save is writing them) and
        autosaves set aside as unreadable at an earlier start.
        """
        storage.remove_stale_parts(self.path)
        for artefact in self.artefacts():
            if artefact.name.startswith(f"{FILE_NAME}.{SET_ASIDE}-"):
                _unlink(artefact)

    def artefacts(self) -> list[Path]:
        """Every file of the autosave on disk but the autosave itself: temp and set-aside files."""
        try:
            set_aside = sorted(self.folder.glob(f"{FILE_NAME}.{SET_ASIDE}-*"))
        except OSError:
            set_aside = []
        return storage.part_files(self.path) + set_aside

    def pending(
        self, content: Content | Callable[[], Content]
    ) -> tuple[Pending | None, str | None]:
        """The autosave to offer for resuming, and a message if one had to be moved aside.

        Called at start-up, so it first tidies what an earlier run left behind. `content` may be
        what loads it: the app then loads it only when there is an autosave to read.
        """
        self.tidy()
        if not self.path.exists():
            return None, None
        if callable(content):
            content = content()
        from send_tui.model import record

        try:
            document = record.read_record(self.path)
            session = record.session_from_record(document, content)
        except record.RecordError as error:
            moved = storage.move_aside(self.path, SET_ASIDE)
            where = (
                f" It was moved aside to {moved.name}, and is deleted when send-tui next starts."
                if moved
                else " It could not be moved aside."
            )
            return None, f"The saved call could not be resumed: {error}.{where}"
        saved = document.document.get("record", {}).get("saved")
        return Pending(session, saved if isinstance(saved, datetime) else None), None


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
