"""Atomic, owner-only writes, and what a killed save leaves behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.content_errors import ContentError
from tests.owner_only import assert_owner_only


def test_write_is_owner_only_and_refuses_to_replace_without_asking(tmp_path: Path) -> None:
    target = tmp_path / "summary.txt"
    storage.write_atomic(target, "first")
    assert_owner_only(target)
    with pytest.raises(storage.FileExists):
        storage.write_atomic(target, "second")
    assert target.read_text() == "first"
    storage.write_atomic(target, "second", overwrite=True)
    assert target.read_text() == "second"


def test_a_stale_temp_file_from_a_killed_save_is_removed_on_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "record.toml"
    stale = tmp_path / ".record.toml.abc123.part"
    fresh = tmp_path / ".record.toml.def456.part"
    stale.write_text("half a child's record")
    fresh.write_text("a save under way")
    old = time.time() - storage.STALE_PART_SECONDS - 60
    os.utime(stale, (old, old))
    storage.write_atomic(target, "whole")
    assert not stale.exists()
    assert fresh.exists()


def test_a_content_error_shows_control_characters_as_escapes() -> None:
    error = ContentError("national/x.toml", "nodes.a\x1b[31mred", "is not a key send-tui knows")
    assert "\x1b" not in str(error)
    assert "\\x1b[31mred" in str(error)
