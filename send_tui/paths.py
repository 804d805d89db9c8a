"""Where send-tui reads and writes, in one place; each path has an environment override for tests."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

#: The content shipped in the wheel (hatch copies `content/` here) ...
_WHEEL_CONTENT = _PACKAGE / "_content"
#: ... or, in a source checkout, the top-level `content/` beside the package.
_SOURCE_CONTENT = _PACKAGE.parent / "content"


def default_content_dir() -> Path:
    """The shipped content: inside the installed package, else the checkout's `content/`."""
    override = os.environ.get("SEND_TUI_CONTENT")
    if override:
        return Path(override)
    if (_WHEEL_CONTENT / "manifest.toml").is_file():
        return _WHEEL_CONTENT
    return _SOURCE_CONTENT


def _platform_dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs

    return Path(getattr(platformdirs, kind)("send-tui", appauthor=False))


def config_path() -> Path:
    """The adviser's settings file (`SEND_TUI_CONFIG` overrides the whole path)."""
    override = os.environ.get("SEND_TUI_CONFIG")
    if override:
        return Path(override)
    return _platform_dir("SEND_TUI_CONFIG_DIR", "user_config_dir") / "config.toml"


def data_dir() -> Path:
    """Where the autosave lives (`SEND_TUI_DATA_DIR` overrides)."""
    return _platform_dir("SEND_TUI_DATA_DIR", "user_data_dir")


def cache_dir() -> Path:
    """Where the checked content is cached, to start faster (`SEND_TUI_CACHE_DIR` overrides)."""
    return _platform_dir("SEND_TUI_CACHE_DIR", "user_cache_dir")


def default_save_dir() -> Path:
    """Where summaries are saved unless the config says otherwise (`SEND_TUI_SAVE_DIR` overrides)."""
    override = os.environ.get("SEND_TUI_SAVE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "send-tui"
