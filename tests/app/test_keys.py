"""Keys rebound in the settings' [keys] table work, show in the footer, and bad ids are named."""

from __future__ import annotations

import re
from pathlib import Path

from send_tui.app import make_app
from send_tui.cli import main
from send_tui.screens.plan import PlanScreen
from tests.app.helpers import press, screen_text, write_settings


def settings_messages(app) -> str:
    return " ".join(n.message for n in app._notifications if n.title == "Settings")


async def test_a_rebound_key_opens_its_screen_and_the_old_key_does_not(
    isolated_paths: Path,
) -> None:
    write_settings(
        isolated_paths, '\n[keys]\n"send.plan" = "f12"\n"send.plan.back" = "f12,escape"\n'
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        await press(pilot, "f2")
        assert not isinstance(app.screen, PlanScreen)
        assert "f12" in app.screen.active_bindings and "f2" not in app.screen.active_bindings
        await press(pilot, "f12")
        assert isinstance(app.screen, PlanScreen)
        await press(pilot, "f12")
        assert not isinstance(app.screen, PlanScreen)
        assert settings_messages(app) == ""
        await press(pilot, "f1")  # the help lists the key in force
        help_text = screen_text(app).lower()
        assert re.search(r"f12\s+plan", help_text) and not re.search(r"f2\s+plan", help_text)


async def test_an_unknown_id_and_a_bad_key_are_named_and_the_rest_still_applies(
    isolated_paths: Path,
) -> None:
    write_settings(
        isolated_paths,
        '\n[keys]\n"send.nope" = "f12"\n"send.help" = "ctrl+banana"\n"send.plan" = "f12"\n',
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = settings_messages(app)
        assert "send.nope" in messages and "no key has that id" in messages
        assert "send.help" in messages and "'banana'" in messages
        await press(pilot, "1", "f12")
        assert isinstance(app.screen, PlanScreen)
        await press(pilot, "escape", "f1")  # F1 keeps its default: its entry was ignored
        assert type(app.screen).__name__ == "HelpDialog"


def test_config_keys_lists_every_id_with_its_default_and_the_rebinding(
    isolated_paths: Path, capsys
) -> None:
    write_settings(isolated_paths, '\n[keys]\n"send.plan" = "f12"\n')
    assert main(["config", "keys"]) == 0
    out = capsys.readouterr().out
    assert "send.plan = 'f2': Plan  (now 'f12')" in out
    assert "send.save = 'ctrl+s': Save" in out
