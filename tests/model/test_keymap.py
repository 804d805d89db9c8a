"""The settings' [keys] table: good entries kept, each bad one named and left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.model.config import Config, load_config, save_config
from send_tui.model.keymap import key_problem


@pytest.mark.parametrize(
    "keys", ["f12", "ctrl+l", "f12, ctrl+l", "shift+tab", "question_mark", "?", "A", "pagedown"]
)
def test_keys_textual_knows_are_accepted(keys: str) -> None:
    assert key_problem(keys) is None


@pytest.mark.parametrize(
    ("keys", "named"),
    [
        ("", "empty"),
        ("ctrl+banana", "'banana'"),
        ("control+s", "'control'"),
        ("f99", "'f99'"),
        ("f2,", "''"),
    ],
)
def test_keys_textual_does_not_know_are_named(keys: str, named: str) -> None:
    problem = key_problem(keys)
    assert problem is not None and named in problem


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_keys_table_beside_the_settings_is_read_and_bad_entries_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[send-tui]\ntheme = "textual-light"\n\n[keys]\n"send.plan" = "f12"\n'
        '"send.save" = "ctrl+banana"\n"send.help" = 1\n',
    )
    config, problems = load_config(path)
    assert config.theme == "textual-light"
    assert config.keys == (("send.plan", "f12"),)
    assert len(problems) == 2
    assert "send.save" in problems[0] and "'banana'" in problems[0] and "ignored" in problems[0]
    assert "send.help" in problems[1] and "text in quotes" in problems[1]


def test_keys_inside_the_send_tui_table_or_in_a_flat_file_are_read_too(tmp_path: Path) -> None:
    nested = write(tmp_path, '[send-tui]\n[send-tui.keys]\n"send.plan" = "f12"\n')
    assert load_config(nested) == (Config(keys=(("send.plan", "f12"),)), [])
    flat = write(tmp_path, '[keys]\n"send.plan" = "f12"\n')
    assert load_config(flat) == (Config(keys=(("send.plan", "f12"),)), [])
    wrong = write(tmp_path, 'keys = "f12"\n')
    config, problems = load_config(wrong)
    assert config.keys == () and "keys" in problems[0]


def test_saving_the_settings_keeps_the_keys_table(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config = Config(
        theme="send-high-contrast", keys=(("send.plan", "f12"), ("send.save", "ctrl+w,f10"))
    )
    assert save_config(config, path) is None
    assert "[keys]" in path.read_text(encoding="utf-8")
    assert load_config(path) == (config, [])
