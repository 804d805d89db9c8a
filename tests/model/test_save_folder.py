"""Saving into a folder that does not exist: offer to create it owner-only, and remember it.

Walked as the save dialog does: the save is refused with `FolderMissing`, the adviser agrees,
`create_folder` makes it (and its missing parents) 0700, the save goes through, and the folder
is remembered in the settings and offered next time.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.config import Config, folder_to_offer, load_config, remember_folder
from send_tui.model.outputs import save_outputs
from tests.sessions import TODAY, complaint_session


def test_a_missing_folder_is_refused_then_created_owner_only_and_saved_into(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cases" / "2026" / "november"
    with pytest.raises(storage.FolderMissing) as refused:
        save_outputs(complaint_session(), folder, "call", TODAY)
    assert str(folder) in str(refused.value.strerror)
    assert not (tmp_path / "cases").exists()  # nothing made without asking
    old_umask = os.umask(0o022)
    try:
        created = storage.create_folder(folder)
    finally:
        os.umask(old_umask)
    assert created == [tmp_path / "cases", tmp_path / "cases" / "2026", folder]
    if os.name == "posix":
        for level in created:
            assert stat.S_IMODE(level.stat().st_mode) == 0o700
    written = save_outputs(complaint_session(), folder, "call", TODAY)
    assert all(path.parent == folder for path in written)


def test_creating_a_folder_that_is_there_creates_nothing(tmp_path: Path) -> None:
    assert storage.create_folder(tmp_path) == []


def test_a_folder_that_cannot_be_created_says_why(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(storage.SaveError) as refused:
        storage.create_folder(tmp_path / "a-file" / "inside")
    assert "not a folder" in str(refused.value.strerror)


def test_the_last_folder_is_remembered_in_the_settings_and_offered_next(tmp_path: Path) -> None:
    settings = tmp_path / "config.toml"
    default = tmp_path / "documents"
    config = Config(save_folder=str(tmp_path / "team"))
    assert folder_to_offer(config, default) == tmp_path / "team"
    config, problem = remember_folder(config, settings, tmp_path / "cases")
    assert problem is None
    reloaded, problems = load_config(settings)
    assert problems == []
    assert reloaded.last_folder == str(tmp_path / "cases")
    assert folder_to_offer(reloaded, default) == tmp_path / "cases"
    assert folder_to_offer(Config(), default) == default
