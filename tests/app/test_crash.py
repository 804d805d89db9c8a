"""A bug in the app closes it with a plain message, the call autosaved as the caller agreed.

Textual's own report is a traceback with every frame's variables, which on send-tui hold the
call; on a shared desktop it would stay in the terminal for the next adviser to scroll back to.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from send_tui.app import SendApp, make_app
from send_tui.crash import HEADLINE
from tests.app.helpers import give_consent, press, screen_text

CHILD = "Amelia Hart"


class HelpBroke(RuntimeError):
    """The bug the test puts behind F1."""


def _broken_help(self: SendApp) -> None:
    child_name = self.session.answers  # a local holding the call, as a real frame would
    raise HelpBroke(f"help failed for {child_name} {CHILD}")


async def test_a_bug_closes_the_app_with_a_message_that_holds_nothing_typed(
    isolated_paths: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    with monkeypatch.context() as broken:  # only this run: the isolated folders stay set
        broken.setattr(SendApp, "action_help", _broken_help)
        with pytest.raises(HelpBroke):  # run_test hands the error on, so tests still see bugs
            async with app.run_test() as pilot:
                await give_consent(pilot, "CALLER-A")
                await press(pilot, "1", "2")
                app.session.set_letter_fields({"child_name": CHILD})  # typed, not autosaved
                await pilot.press("f1")
                await pilot.pause()
    assert app.return_code == 1
    shown = capsys.readouterr().err
    assert HEADLINE in shown
    assert "HelpBroke" in shown and "_broken_help" in shown
    assert CHILD not in shown and "Traceback" not in shown and "help failed" not in shown
    autosave = isolated_paths / "data" / "autosave.toml"
    saved = autosave.read_text(encoding="utf-8")
    assert "CALLER-A" in saved and CHILD in saved  # the call up to the last change, to resume
    # The next start: the message said "press r"; r brings the call back, name and all.
    again = make_app()
    async with again.run_test() as pilot:
        await pilot.pause()
        assert "Resume the call in progress" in screen_text(again)
        await press(pilot, "r")
        assert again.session.case.reference == "CALLER-A"
        assert again.session.letter_fields["child_name"] == CHILD


async def test_quitting_while_the_wizard_is_built_ahead_is_not_an_error(
    isolated_paths: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The wizard is built in the first quiet moment; quitting during it raised NoMatches."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.call_next(app._build_wizard)  # the quiet moment, then the quit straight after
    assert not app.return_code
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("key", ["f6", "ctrl+q"])
async def test_quitting_while_a_dialog_opens_is_not_an_error(
    isolated_paths: Path, key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """F6 (call details), or the quit's own question, opened as the app closes."""
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2")
        app.post_message(events.Key(key, None))  # the key's dialog opens as the app closes
    assert not app.return_code
    assert capsys.readouterr().err == ""
