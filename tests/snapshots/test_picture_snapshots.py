"""Snapshots of the routes side by side and the timeline, at 80x24 and 60x20 (issue 14).

Review every changed SVG (pytest writes snapshot_report.html) before `--snapshot-update`.
"""

from __future__ import annotations

import pytest

from send_tui.app import make_app
from tests.snapshots.test_snapshots import _keys

TO_APPEAL = ("1", "2", "1", "1")
#: Decision letter 20 Sep 2026 (the appeal passed on 20 Nov), mediation adviser told 25 Nov.
PASSED_AND_WAITING = (*TO_APPEAL, "d", *"2026-09-20", "tab", "tab", *"2026-11-25", "ctrl+t")

CASES = {
    "comparison": (*TO_APPEAL, "f2", "c"),
    # the first row scrolled part way up: its name moved down to the top of the view
    "comparison_scrolled": (*TO_APPEAL, "f2", "c", "down", "down", "down"),
    "timeline": PASSED_AND_WAITING,
    "plan_with_warnings": (*TO_APPEAL, "d", *"2026-09-20", "escape", "f2"),
}


@pytest.fixture(autouse=True)
def stable_save_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEND_TUI_SAVE_DIR", "/home/adviser/Documents/send-tui")


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("name", list(CASES))
def test_picture(name: str, size: tuple[int, int], snap_compare) -> None:
    assert snap_compare(make_app(), run_before=_keys(*CASES[name]), terminal_size=size)
