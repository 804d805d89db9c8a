"""`send-tui config show`: each setting's value in force, and where it came from.

It used to print `local_pack = ''` while the app used tower-hamlets from the content manifest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.cli import main


def _show(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, str]]:
    code = main(["config", "show"])
    out = capsys.readouterr().out
    lines = {}
    for line in out.splitlines():
        if not line.startswith("#"):
            key, _, rest = line.partition(" = ")
            lines[key] = rest
    return code, lines


def _settings(home: Path, text: str) -> Path:
    path = home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_with_no_settings_file_every_value_in_force_says_where_from(
    isolated_paths: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, shown = _show(capsys)
    assert code == 0
    assert shown["local_pack"] == (
        '"tower-hamlets"   (from the content manifest; not set in the settings file)'
    )
    assert shown["theme"] == '"textual-dark"   (default; not set in the settings file)'
    assert shown["save_folder"].startswith(f'"{isolated_paths / "saved"}"   (default;')
    assert shown["ics_reminder_working_days"] == "3   (default; not set in the settings file)"


def test_values_from_the_file_say_so_and_a_bad_one_says_the_default_is_used(
    isolated_paths: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _settings(
        isolated_paths,
        '[send-tui]\ntheme = "send-high-contrast"\nlocal_pack = ""\nidle_clear_minutes = 99999\n',
    )
    code, shown = _show(capsys)
    assert code == 1  # the bad value is reported on stderr
    assert shown["theme"] == '"send-high-contrast"   (from the settings file)'
    assert shown["local_pack"] == (
        '"tower-hamlets"   (from the content manifest; the settings file leaves it empty)'
    )
    assert shown["idle_clear_minutes"] == "0   (default; the settings file's value is not usable)"


def test_a_pack_chosen_in_the_file_is_from_the_file(
    isolated_paths: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _settings(isolated_paths, '[send-tui]\nlocal_pack = "tower-hamlets"\n')
    assert _show(capsys)[1]["local_pack"] == '"tower-hamlets"   (from the settings file)'
