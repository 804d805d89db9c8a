"""The school-only appeal by keys: no mediation deadline on the outcome or the deadlines screen."""

from __future__ import annotations

from send_tui.app import make_app
from send_tui.screens.deadlines import DeadlinesScreen
from tests.app.helpers import node_id, press, screen_text

# start a call; council decision; what the plan says; only the school named; appeal
SCHOOL_ONLY = ("1", "2", "3", "1", "1")
SECTION_F = ("1", "2", "3", "2", "1")
#: The decision letter's date, and the day a draft plan was served (its 15 days): no certificate.
DATE_FIELDS = ["date-decision", "date-draft_served"]


async def test_the_school_only_outcome_and_f8_show_only_the_appeal_clock() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, *SCHOOL_ONLY)
        assert node_id(app) == "out_appeal_school_only"
        outcome = screen_text(app)
        deadlines_part = outcome[outcome.index("Deadlines that apply") :]
        assert "Appeal to the Tribunal" in deadlines_part
        assert "Contact the mediation adviser" not in deadlines_part
        assert "Mediation certificate" not in deadlines_part
        await press(pilot, "d")
        assert isinstance(app.screen, DeadlinesScreen)
        assert [i.id for i in app.screen.query("Input")] == DATE_FIELDS
        await press(pilot, *"2026-03-10")
        text = screen_text(app)
        assert "Mon 11 May 2026, by 5pm" in text
        assert "mediation" not in text.lower()
        # F8 (the outcome's and the plan's clocks) agrees
        await press(pilot, "escape", "f8")
        assert isinstance(app.screen, DeadlinesScreen)
        assert [i.id for i in app.screen.query("Input")] == DATE_FIELDS
        assert "Mon 11 May 2026, by 5pm" in screen_text(app)
        assert "mediation" not in screen_text(app).lower()


async def test_the_section_f_outcome_asks_for_the_certificate_and_shows_mediation_advice() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, *SECTION_F)
        assert node_id(app) == "out_appeal"
        assert "Contact the mediation adviser" in screen_text(app)
        await press(pilot, "d")
        ids = [i.id for i in app.screen.query("Input")]
        assert ids[:2] == ["date-decision", "date-certificate"]
        await press(pilot, *"2026-03-10")
        assert "Contact the mediation adviser" in screen_text(app)


async def test_a_certificate_before_the_decision_is_refused_and_the_form_stays_filled() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, *SECTION_F, "d", *"2026-03-10", "tab", *"2026-03-05")
        certificate = app.screen.query_one("#date-certificate")
        assert certificate.value == "2026-03-05"
        assert app.screen.query_one("#date-decision").value == "2026-03-10"
        message = str(app.screen.query_one("#error-certificate").render())
        assert "is before the date on the decision letter" in message
        assert "check both dates" in screen_text(app)
        # putting the decision right clears it, and the appeal is worked out
        decision = app.screen.query_one("#date-decision")
        decision.value = "2026-03-01"
        await pilot.pause()
        assert str(app.screen.query_one("#error-certificate").render()) == ""
        assert "Fri 1 May 2026, by 5pm" in screen_text(app)


async def test_on_an_exclusion_the_deadlines_ask_first_for_the_exclusion_dates() -> None:
    """A permanent exclusion (pupil with an EHC plan): the form's first field, the one typed
    into, was the discrimination claim's "date of the conduct", ahead of the exclusion notice."""
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "3", "2", "1", "d")
        fields = [field.id for field in app.screen.query(Input)]
        assert fields == ["date-exclusion_notice", "date-board_decision", "date-conduct"]
        assert app.screen.focused is not None
        assert app.screen.focused.id == "date-exclusion_notice"
