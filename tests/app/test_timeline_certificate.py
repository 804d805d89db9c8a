"""The timeline by keys once a mediation certificate is issued: the contact step shows as done, and
stays done when the call is saved, reopened and looked at again on a later day."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from send_tui.app import make_app
from send_tui.model.record import read_record, save_record, session_from_record
from send_tui.screens.timeline import TimelineScreen
from tests.app.helpers import press, screen_text

# Start a call, a council decision, a refusal to assess, appeal: out_appeal (mediation first).
TO_APPEAL = ("1", "2", "1", "1")
CONTACT_DONE = "The mediation certificate has been issued, so the mediation adviser was contacted."


def timeline_keys(app) -> list[str | None]:
    listed = app.screen.query_one("#timeline-list", OptionList)
    return [listed.get_option_at_index(i).id for i in range(listed.option_count)]


async def test_a_certificate_entered_on_f8_shows_the_contact_step_done_on_the_timeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # today is Sat 28 Nov 2026 (tests/conftest.py): decision 5 Oct, certificate Fri 20 Nov
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL, "d", *"2026-10-05", "ctrl+t")
        assert isinstance(app.screen, TimelineScreen)
        assert "6 days left; firm legal limit" in screen_text(app)  # the contact, before
        await press(pilot, "d", "tab", *"2026-11-20", "ctrl+t")  # back to F8: the certificate
        assert isinstance(app.screen, TimelineScreen)
        assert timeline_keys(app) == ["mediation_contact", "appeal"]
        text = screen_text(app)
        assert "Fri 20 Nov 2026  Contact the mediation adviser" in text
        assert CONTACT_DONE in text
        assert "firm legal limit" in text  # the appeal's, and only the appeal's:
        assert text.count("firm legal limit") == 1
        assert "Mon 21 Dec 2026, by 5pm  Appeal to the SEND Tribunal" in text
        assert "23 days left" in text
        assert "The date of the mediation certificate: 1 month from it ends later" in text
        session = app.session
    # walk it twice: saved as a record, reopened, looked at again on a later day
    path = save_record(session, tmp_path / "call.toml")
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-12-14")
    reopened = make_app(session=session_from_record(read_record(path), make_app().content))
    async with reopened.run_test(size=(80, 24)) as pilot:
        await press(pilot, "f8", "ctrl+t")
        assert isinstance(reopened.screen, TimelineScreen)
        assert timeline_keys(reopened) == ["mediation_contact", "appeal"]
        text = screen_text(reopened)
        assert CONTACT_DONE in text
        assert "7 days left; firm legal limit" in text  # the appeal, counted from the new today
        assert "passed" not in text and "Watch out" not in text


async def test_enter_on_a_done_step_says_it_is_done_and_opens_nothing() -> None:
    from tests.app.helpers import notices

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL, "d", *"2026-10-05", "tab", *"2026-11-20", "ctrl+t")
        assert isinstance(app.screen, TimelineScreen)
        assert timeline_keys(app) == ["mediation_contact", "appeal"]
        listed = app.screen.query_one("#timeline-list", OptionList)
        listed.focus()
        listed.highlighted = 0
        await press(pilot, "enter")
        assert isinstance(app.screen, TimelineScreen)  # not the "no certificate: chase" outcome
        assert any(
            "Contact the mediation adviser: Done on Fri 20 Nov 2026" in n
            and "Nothing is left to do for this step." in n
            for n in notices(app)
        )
