"""QA walk of the deadlines screen (F8): what the field shows is what the deadlines use."""

from __future__ import annotations

from textual.widgets import Input

from send_tui.app import make_app
from send_tui.screens.deadlines import DeadlinesScreen
from tests.app.helpers import press, screen_text


async def _refused_assessment_dates(pilot) -> None:
    await press(pilot, "1", "2", "1", "1", "d")  # refused assessment -> appeal -> deadlines
    await press(pilot, *"2026-11-20")


async def test_a_mistyped_certificate_date_is_not_used_in_its_old_form() -> None:
    """Correcting the certificate to a bad date must not leave the old one in the workings.

    Before: the field said 2026-02-30 (with an error under it) while the appeal was still
    worked out, shown, timelined and saved with the certificate typed before it.
    """
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _refused_assessment_dates(pilot)
        assert isinstance(app.screen, DeadlinesScreen)
        certificate = app.screen.query_one("#date-certificate", Input)
        certificate.focus()
        await press(pilot, *"2027-01-05")
        assert "Fri 5 Feb 2027" in screen_text(app)
        await press(pilot, "ctrl+a", *"2026-02-30")  # select all, type over it
        assert certificate.value == "2026-02-30"
        text = screen_text(app)
        assert "is not a date" in text
        assert "certificate" not in app.session.dates
        assert "Fri 5 Feb 2027" not in text
        assert "Wed 20 Jan 2027, by 5pm" in text
