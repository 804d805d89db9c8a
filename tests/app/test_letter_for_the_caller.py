"""The letter screen for this caller: the reply over a school holiday, the "about" draft, who writes."""

from __future__ import annotations

import pytest

from send_tui.app import make_app
from send_tui.screens.letter import LetterScreen
from tests.app.helpers import node_id, press, screen_text
from tests.app.test_letter_and_save import fill


async def test_a_reply_over_christmas_in_working_days_offers_school_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-12-14")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "4", "1")
        assert node_id(app) == "out_complaint_school"
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        await fill(pilot, "reply_within", "10")
        text = " ".join(screen_text(app).split())
        assert "Reply by Wed 30 Dec 2026." in text
        assert "run into the school holiday" in text
        assert "in 10 school days instead, the reply would be due by Tue 12 Jan 2027" in text
