"""Snapshots of each kind of screen at 80x24, one at 60x20, one with NO_COLOR, one high contrast.

Review every changed SVG (pytest writes snapshot_report.html) before `--snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from send_tui.app import make_app
from send_tui.theme import HIGH_CONTRAST


@pytest.fixture(autouse=True)
def stable_save_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The save dialog shows its folder: keep it the same on every machine."""
    monkeypatch.setenv("SEND_TUI_SAVE_DIR", "/home/adviser/Documents/send-tui")


async def _no_blink(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await _no_blink(pilot)

    return run_before


CASES = {
    "start": (),
    "question": ("1",),
    "question_with_answers": ("1", "2", "3"),
    "multi_choice": ("1", "7", "1", "4"),
    "info": ("1", "1", "2"),
    "outcome": ("1", "2", "1", "1"),
    "plan": ("1", "2", "1", "1", "f2"),
    "help": ("1", "2", "f1"),
    "glossary": ("1", "f4", "m", "e", "d"),
    "letter": ("1", "4", "1", "l", *"Ms Patel"),
    "deadlines": ("1", "2", "1", "1", "d", *"2026-03-10"),
    "save_dialog": ("1", "4", "1", "ctrl+s"),
    "call_details": ("1", "f6", *"HL-7"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_screen_80x24(name: str, snap_compare) -> None:
    assert snap_compare(make_app(), run_before=_keys(*CASES[name]), terminal_size=(80, 24))


def test_narrow_60x20_question_with_answers_dialog(snap_compare) -> None:
    assert snap_compare(make_app(), run_before=_keys("1", "2", "1", "f3"), terminal_size=(60, 20))


def test_narrow_60x20_outcome(snap_compare) -> None:
    assert snap_compare(make_app(), run_before=_keys("1", "3", "2", "3"), terminal_size=(60, 20))


def test_no_color_outcome(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(), run_before=_keys("1", "4", "1"), terminal_size=(80, 24))


def test_high_contrast_question(snap_compare) -> None:
    async def run_before(pilot) -> None:
        pilot.app.theme = HIGH_CONTRAST
        await _keys("1", "2")(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))
