"""F5 with no letter to word says so, and why, instead of opening a template at random; with a
letter on the path (or a looked-up complaint) it opens that letter."""

from __future__ import annotations

from textual.widgets import Select, TextArea

from send_tui.app import make_app
from send_tui.screens.letter import LetterScreen
from send_tui.screens.plan import RoutePicker
from send_tui.screens.start import StartScreen
from send_tui.screens.wizard import WizardScreen
from tests.app.helpers import node_id, notices, press, screen_text

# Start a call, a council decision, a refusal to assess, appeal: an outcome with no letter.
TO_APPEAL = ("1", "2", "1", "1")


def letter_for(app) -> str:
    return str(app.screen.query_one("#template", Select).value)


async def test_f5_with_nothing_answered_says_so_and_opens_no_template() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "f5")
        assert isinstance(app.screen, StartScreen)
        assert notices(app)[-1].startswith("No complaint letter yet: nothing has been answered")
        await press(pilot, "1", "f5")  # a new call, on its first question
        assert isinstance(app.screen, WizardScreen)
        assert "Answer the questions first" in notices(app)[-1]
        assert not app.session.has_work()


async def test_f5_before_the_answers_reach_a_complaint_says_carry_on() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, "1", "2", "f5")
        assert isinstance(app.screen, WizardScreen)
        assert notices(app)[-1].startswith(
            "No complaint letter yet: the answers have not reached a complaint."
        )


async def test_f5_on_an_outcome_without_a_letter_says_why_until_a_complaint_is_planned() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL)
        outcome = app.session.outcome()
        assert outcome is not None and outcome.letter is None
        await press(pilot, "f5")
        assert isinstance(app.screen, WizardScreen)
        said = notices(app)[-1]
        assert f'"{outcome.title}" does not lead to a letter' in said
        assert 'add "Make a complaint" to the plan (F2, then a)' in said
        # as it says: F2, a, the complaint route; then F5 opens the complaint letter to the
        # council, whose decision this is (as the summary's "if no reply" goes on to the LGSCO)
        await press(pilot, "f2", "a")
        assert isinstance(app.screen, RoutePicker)
        number = [title for _id, title in app.screen.routes].index("Make a complaint") + 1
        await press(pilot, str(number), "escape", "f5")
        assert isinstance(app.screen, LetterScreen)
        assert letter_for(app) == "complaint_council"


async def test_a_complaint_looked_up_from_the_start_screen_opens_its_own_letter() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "3")  # Look up: What does a complaint need?
        assert node_id(app) == "out_complaint_school"
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        assert letter_for(app) == "complaint_school"  # not the NHS letter, first by title
        assert "Complaint to a school" in screen_text(app)
        assert app.session.answers == {}  # a look-up answers nothing
        # what it is about is drafted from that letter, not left blank
        assert "school" in app.screen.query_one("#about", TextArea).text


async def test_with_answers_f5_keeps_choosing_the_letter_they_lead_to() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "4", "5")  # a complaint about an NHS service
        assert node_id(app) == "out_complaint_health"
        await press(pilot, "f5")
        assert isinstance(app.screen, LetterScreen)
        assert letter_for(app) == "complaint_health"
        assert not [n for n in notices(app) if n.startswith("No complaint letter")]
