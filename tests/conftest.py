"""Every test runs with its own settings, data and save folders, and a fixed "today"."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("SEND_TUI_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("SEND_TUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("SEND_TUI_SAVE_DIR", str(home / "saved"))
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-28")
    monkeypatch.delenv("SEND_TUI_CONTENT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home
