"""A save or autosave folder in OneDrive and the like: the adviser is told, at start and on saving."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.app import make_app
from send_tui.dialogs.save import SaveDialog
from tests.app.helpers import press, screen_text


def synced(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Synced folder"]


async def test_a_save_folder_in_onedrive_is_named_at_start_and_in_the_save_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "OneDrive" / "Documents" / "send-tui"
    monkeypatch.setenv("SEND_TUI_SAVE_DIR", str(folder))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [warning] = synced(app)
        assert str(folder) in warning and "OneDrive" in warning and "leaves the machine" in warning
        await press(pilot, "1", "4", "1", "ctrl+s")
        assert isinstance(app.screen, SaveDialog)
        assert "inside OneDrive" in screen_text(app)


async def test_an_autosave_folder_in_dropbox_is_named_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_TUI_DATA_DIR", str(tmp_path / "Dropbox" / "send-tui"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [warning] = synced(app)
        assert "autosave" in warning and "Dropbox" in warning


async def test_local_folders_raise_no_warning() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert synced(app) == []
        await press(pilot, "1", "4", "1", "ctrl+s")
        assert "inside" not in screen_text(app)
