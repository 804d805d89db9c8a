"""ctrl+s: save the summary (.html, .txt, .md), the letter (.docx) and the record (.toml).

A failed save says why and leaves the dialog as it was, so nothing typed is lost; an existing
file is never replaced without asking.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from send_tui.dialogs.base import Dialog
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.model import dates, storage
from send_tui.model.letter import LetterDraft, about_confirmed, completeness, letter_started
from send_tui.model.outputs import default_basename, output_paths, save_outputs
from send_tui.model.summary import letter_date

if TYPE_CHECKING:
    from send_tui.app import SendApp


class SaveDialog(Dialog[list[Path] | None]):
    DEFAULT_CSS = """
    SaveDialog { align: center middle; }
    SaveDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    SaveDialog #files, SaveDialog #warnings { color: $text-muted; margin-bottom: 1; }
    SaveDialog #problem { color: $text-error; text-style: bold; }
    SaveDialog Horizontal { height: auto; align-horizontal: right; }
    SaveDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="send.save.cancel"),
        Binding("ctrl+s", "save", "Save", priority=True, id="send.save.confirm"),
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        app = self.send_app
        today = dates.today()
        with Vertical() as box:
            box.border_title = "Save the summary and letter"
            yield Label("Folder")
            yield Input(str(app.save_folder()), id="folder", compact=True)
            yield Label("File name (without extension)")
            yield Input(default_basename(app.session, today), id="basename", compact=True)
            yield Checkbox("Redacted copy: no names, no date of birth", False, id="redacted")
            yield Static(id="files", markup=False)
            yield Static(self._warnings(), id="warnings", markup=False)
            yield Static(id="problem", markup=False)
            with Horizontal():
                yield Button("Cancel (Esc)", id="cancel", compact=True)
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self._show_files()
        self.query_one("#basename", Input).focus()

    def _warnings(self) -> Text:
        session = self.send_app.session
        text = Text()
        if not session.case.consent_to_record:
            text.append("No consent to keep a record (F6): names and the date of birth are left out.\n")
        if letter_started(session):
            missing = completeness(
                LetterDraft.from_session(session),
                sent=letter_date(session, dates.today()),
                content=session.content,
                about_confirmed=about_confirmed(session),
            )
            if missing:
                text.append("The letter is not finished:")
                for line in missing:
                    text.append(f"\n- {line}")
        return text

    def _targets(self) -> list[Path]:
        folder = Path(self.query_one("#folder", Input).value.strip()).expanduser()
        basename = self.query_one("#basename", Input).value.strip()
        return output_paths(self.send_app.session, folder, basename, dates.today())

    @on(Input.Changed)
    def _show_files(self) -> None:
        try:
            names = ", ".join(p.name for p in self._targets())
        except ValueError as error:
            names = str(error)
        self.query_one("#files", Static).update(Text(f"Will write: {names}"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.close(None)

    def action_save(self, overwrite: bool = False) -> None:
        app = self.send_app
        folder = Path(self.query_one("#folder", Input).value.strip()).expanduser()
        basename = self.query_one("#basename", Input).value.strip()
        redacted = self.query_one("#redacted", Checkbox).value
        problem = self.query_one("#problem", Static)
        if not basename:
            problem.update("Enter a file name.")
            return
        try:
            if folder == app.save_folder():
                storage.ensure_private_dir(folder)
            written = save_outputs(app.session, folder, basename, dates.today(), overwrite=overwrite, redacted=redacted)
        except storage.FileExists as exists:
            self.app.push_screen(
                ConfirmDialog(f"{exists.strerror or exists} Replace?", yes="Replace (y)", no="Keep (n)"),
                lambda replace: self.action_save(overwrite=True) if replace else None,
            )
            return
        except (storage.SaveError, ValueError) as error:
            problem.update(Text(str(getattr(error, "strerror", None) or error)))
            return
        self.close(written)
