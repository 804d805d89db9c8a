"""Every test runs with its own settings, data and save folders, and a fixed "today"."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def content_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One content cache for the run: it is keyed by the files' bytes, so tests can share it."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content_cache_dir: Path) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("SEND_TUI_CACHE_DIR", str(content_cache_dir))
    monkeypatch.setenv("SEND_TUI_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("SEND_TUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("SEND_TUI_SAVE_DIR", str(home / "saved"))
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-28")
    monkeypatch.delenv("SEND_TUI_CONTENT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home
