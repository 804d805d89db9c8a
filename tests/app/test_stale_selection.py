"""A choice made on one step that arrives after the next step is shown (Enter pressed faster
than the screen) records nothing and raises nothing: it was never an answer to the step now shown."""

from __future__ import annotations

from textual.widgets import OptionList

from send_tui.app import make_app
from send_tui.widgets.step_options import StepOptions
from tests.app.helpers import node_id, press


async def test_an_enter_from_the_step_before_is_ignored_by_the_step_now_shown() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "2")  # "What did the council decide?"
        options = app.screen.query_one("#options", StepOptions)
        stale_index = 7  # its last option; the next step has fewer, and ids it shares count too
        stale = options.get_option_at_index(stale_index)
        await press(pilot, "1")  # on to the next step
        here = node_id(app)
        answers, revision = dict(app.session.answers), app.session.revision
        # The selection the list posts on Enter, for the option of the step before.
        options.post_message(OptionList.OptionSelected(options, stale, stale_index))
        await pilot.pause()
        options.post_message(OptionList.OptionSelected(options, stale, 0))
        await pilot.pause()
        assert app.session.answers == answers and app.session.revision == revision
        assert node_id(app) == here


async def test_an_enter_from_the_question_before_is_ignored_on_an_outcome() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")  # the caller's situation
        options = app.screen.query_one("#options", StepOptions)
        stale = options.get_option_at_index(7)  # "Not sure yet", which leads to an outcome
        await press(pilot, "8")
        assert app.screen.node.kind.value == "outcome"
        answers, revision = dict(app.session.answers), app.session.revision
        options.post_message(OptionList.OptionSelected(options, stale, 7))
        await pilot.pause()
        assert app.session.answers == answers and app.session.revision == revision
        assert node_id(app) == "out_sendiass"
