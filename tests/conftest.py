"""Every test runs with its own settings, data and save folders, and a fixed "today".

Hypothesis runs under one of two profiles. "ci" (chosen when `CI` is set) is derandomised and
keeps no example database, so a CI run is the same run every time and never replays an example
found on another day; it prints the reproduction blob of any failure. "dev" explores new examples
each run and keeps what it finds in .hypothesis/. Neither has a deadline: a first call that
loads the bank-holiday table takes longer than later ones on a busy machine, and Hypothesis
reports that as a flaky test, not as a bug (`HYPOTHESIS_PROFILE` chooses a profile by name).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

#: The robustness suite's counts, printed at the end of every run (tests/robustness/counts.py).
pytest_plugins = ["tests.robustness.counts"]

settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked `posix` (a pty, SIGKILL, file modes) skip on Windows, so the rest runs there."""
    if item.get_closest_marker("posix") and os.name != "posix":
        pytest.skip("needs POSIX (a pty, SIGKILL or file modes)")


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
    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):  # a Windows desk's own
        monkeypatch.delenv(variable, raising=False)
    return home
