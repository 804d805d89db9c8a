"""ctrl+s: save the summary (.html, .txt, .md), the letter (.docx) and the record (.toml).

A failed save says why and leaves the dialog as it was, so nothing typed is lost; an existing
file is never replaced without asking. A folder that does not exist is created (owner-only) once
the adviser agrees, and the folder last saved into is offered next time.
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

from send_tui import paths
from send_tui.app import LETTER_DATE_HOW
from send_tui.dialogs.base import Dialog
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.model import dates, storage
from send_tui.model.config import remember_folder
from send_tui.model.outputs import default_basename, output_paths, save_outputs, save_warnings
from send_tui.model.synced import synced_warning

if TYPE_CHECKING:
    from send_tui.app import SendApp


class SaveDialog(Dialog[list[Path] | None]):
    HELP_TITLE = "Save the summary and letter"
    DEFAULT_CSS = """
    SaveDialog { align: center middle; }
    SaveDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
        overflow-y: auto;
    }
    SaveDialog #files, SaveDialog #warnings { color: $text-muted; margin-bottom: 1; }
    SaveDialog #problem { color: $text-error; text-style: bold; }
    SaveDialog Horizontal { height: auto; align-horizontal: right; dock: bottom; }
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
        lines = save_warnings(
            session,
            dates.today(),
            consent_key=" (F6)",
            letter_date_how=LETTER_DATE_HOW,
        )
        if not session.case.consent_to_record:  # the consent line always ends with a line break
            return Text(lines[0] + "\n" + "\n".join(lines[1:]))
        return Text("\n".join(lines))

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
        text = Text(f"Will write: {names}")
        folder = Path(self.query_one("#folder", Input).value.strip()).expanduser()
        if warning := synced_warning("This folder", folder):
            text.append(f"\n{warning}", style="bold")
        self.query_one("#files", Static).update(text)

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
            if folder == paths.default_save_dir():
                storage.ensure_private_dir(folder)  # the app's own default: made without asking
            written = save_outputs(
                app.session, folder, basename, dates.today(), overwrite=overwrite, redacted=redacted
            )
        except storage.FolderMissing:
            self._offer_to_create(folder, overwrite)
            return
        except storage.FileExists as exists:
            self.app.push_screen(
                ConfirmDialog(
                    f"{exists.strerror or exists} Replace?", yes="Replace (y)", no="Keep (n)"
                ),
                lambda replace: self.action_save(overwrite=True) if replace else None,
            )
            return
        except (storage.SaveError, ValueError) as error:
            # (storage.FileInUse says the file is open in another program, not that the folder is unwritable)
            problem.update(Text(str(getattr(error, "strerror", None) or error)))
            return
        self._remember(folder)
        self.close(written)

    def _offer_to_create(self, folder: Path, overwrite: bool) -> None:
        def decided(create: bool | None) -> None:
            if not create:
                self.query_one("#problem", Static).update(
                    Text(f"Not saved: the folder {folder} does not exist.")
                )
                return
            try:
                storage.create_folder(folder)
            except storage.SaveError as error:
                self.query_one("#problem", Static).update(Text(str(error.strerror or error)))
                return
            self.action_save(overwrite=overwrite)

        self.app.push_screen(
            ConfirmDialog(
                f"The folder {folder} does not exist. Create it? Only you will be able to open it.",
                yes="Create (y)",
                no="Cancel (n)",
            ),
            decided,
        )

    def _remember(self, folder: Path) -> None:
        """Offer this folder next time: it is kept in the settings as the last folder used."""
        app = self.send_app
        if app.config_path is None:
            app.config = app.config.with_changes(last_folder=str(folder))
            return
        app.config, problem = remember_folder(app.config, app.config_path, folder)
        if problem:
            app.notify(problem, title="Settings", severity="warning", markup=False)
