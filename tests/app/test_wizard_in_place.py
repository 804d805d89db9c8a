"""The wizard is one screen for the call: moving on and back redraws it in place, and the trail
always shows exactly the answers the session holds."""

from __future__ import annotations

from send_tui.app import make_app
from send_tui.screens.start import StartScreen
from send_tui.widgets.trail import AnswerTrail
from tests.app.helpers import node_id, press, screen_text


def trail_rows(app) -> list[str]:
    trail = app.screen.query_one(AnswerTrail)
    return [trail.get_option_at_index(i).id for i in range(trail.option_count)]


def expected_rows(app) -> list[str]:
    return [node.id for node, _answer in app.session.trail()]


async def test_moving_on_and_back_keeps_one_screen_and_the_trail_matches_the_session() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "2")
        wizard = app.screen
        for keys in (["3"], ["2"], ["1"], ["escape"], ["escape"], ["1"], ["escape", "escape", "2"]):
            await press(pilot, *keys)
            assert app.screen is wizard  # updated in place, never a new screen per step
            assert trail_rows(app) == expected_rows(app)
        assert node_id(app) == "what_next_decision"
        assert "No answers yet" not in screen_text(app)


async def test_a_new_call_reuses_the_wizard_with_an_empty_trail() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "2", "1")
        first = app.screen
        app.saved_revision = app.session.revision  # as after ctrl+s, so no question is asked
        await press(pilot, "escape", "escape", "escape", "escape")  # via "Who is calling?"
        assert isinstance(app.screen, StartScreen)
        await press(pilot, "1")
        assert app.screen is first
        assert node_id(app) == "situation"
        assert "No answers yet" in screen_text(app)
        assert "step 1" in str(app.screen.query_one("#title-bar").render())


async def test_every_kind_of_step_shows_its_own_pane() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "7")  # a multi-choice step
        assert app.screen.query_one("#multi-hint").display
        assert not app.screen.query_one("#outcome-body").display
        await press(pilot, "1", "c")  # on to an outcome
        assert app.screen.query_one("#outcome-body").display
        assert not app.screen.query_one("#options").display
        assert app.screen.focused is app.screen.query_one("#outcome-body")
        await press(pilot, "escape")  # back to the multi step, its ticks kept
        assert node_id(app) == "choose_routes"
        assert app.screen.selected == {app.content.nodes["choose_routes"].options[0].id}
        assert app.screen.query_one("#options").display
        assert app.screen.focused is app.screen.query_one("#options")


async def test_a_look_up_walks_on_without_answering_and_esc_walks_back_to_the_call() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "3")
        call, answers = app.screen, dict(app.session.answers)
        assert node_id(app) == "exclusion_kind"
        app.open_node("council_decision")  # as the palette does
        await pilot.pause()
        assert app.screen.preview and node_id(app) == "council_decision"
        assert "Look-up" in str(app.screen.query_one("#title-bar").render())
        await press(pilot, "1")  # where "refused to assess" leads, in the look-up
        assert app.screen.preview and node_id(app) == "what_next_assessment"
        assert app.session.answers == answers
        await press(pilot, "escape")
        assert app.screen.preview and node_id(app) == "council_decision"
        await press(pilot, "escape")
        assert app.screen is call and node_id(app) == "exclusion_kind"
