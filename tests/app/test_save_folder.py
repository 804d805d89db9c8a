"""ctrl+s into a folder that is not there yet, into the folder used last time, and over a file
another program holds open."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from textual.widgets import Input

from send_tui.app import make_app
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.dialogs.save import SaveDialog
from tests.app.helpers import press, screen_text


async def open_save_dialog(
    pilot, folder: Path | None = None, basename: str = "call-7"
) -> SaveDialog:
    await press(pilot, "1", "4", "1", "ctrl+s")  # a school complaint, then save
    dialog = pilot.app.screen
    assert isinstance(dialog, SaveDialog)
    if folder is not None:
        dialog.query_one("#folder", Input).value = str(folder)
    dialog.query_one("#basename", Input).value = basename
    await pilot.pause()
    return dialog


async def test_a_missing_folder_is_offered_created_owner_only_and_remembered(
    isolated_paths: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cases" / "december"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_save_dialog(pilot, folder)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        assert "does not exist" in screen_text(app) and "Create" in screen_text(app)
        await press(pilot, "y")
        assert not isinstance(app.screen, SaveDialog)
        assert (folder / "call-7.html").exists()
        for level in (folder, folder.parent):
            assert stat.S_IMODE(level.stat().st_mode) == 0o700, level
        settings = (isolated_paths / "config" / "config.toml").read_text(encoding="utf-8")
        assert str(folder) in settings
    again = make_app()  # the next call, the next day: the same folder is offered
    async with again.run_test(size=(100, 40)) as pilot:
        dialog = await open_save_dialog(pilot)
        assert dialog.query_one("#folder", Input).value == str(folder)


async def test_declining_to_create_the_folder_saves_nothing_and_keeps_the_form(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "nowhere"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_save_dialog(pilot, folder, "kept-name")
        await press(pilot, "ctrl+s", "n")
        assert app.screen is dialog
        assert "does not exist" in screen_text(app)
        assert not folder.exists()
        assert dialog.query_one("#basename", Input).value == "kept-name"


async def test_a_file_open_in_another_program_says_so(tmp_path: Path, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_save_dialog(pilot, tmp_path)
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, SaveDialog)
        # a browser or Word now has the summary open: Windows refuses to replace it
        real_replace = os.replace

        def held(source, target, *args, **kwargs):
            if str(target).endswith("call-7.html"):
                raise PermissionError(13, "The process cannot access the file")
            return real_replace(source, target, *args, **kwargs)

        monkeypatch.setattr(os, "replace", held)
        await press(pilot, "ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, SaveDialog)
        dialog.query_one("#basename", Input).value = "call-7"
        await press(pilot, "ctrl+s", "y")  # replace the files saved a moment ago
        assert app.screen is dialog
        text = screen_text(app)
        assert "open in another program" in text
        assert "not writable" not in text.lower() and "unwritable" not in text.lower()
