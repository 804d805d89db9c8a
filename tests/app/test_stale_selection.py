"""A choice made on one step that arrives after the next step is shown (keys faster than the
screen) records nothing and raises nothing: it was never an answer to the step now shown."""

from __future__ import annotations

from send_tui.app import make_app
from tests.app.helpers import node_id, press


async def test_an_answer_from_the_step_before_is_ignored_not_a_crash() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "2", "1")  # a council decision: a refusal to assess
        here = app.content.nodes[node_id(app)]
        assert here.option("refuse_assessment") is None
        answers, revision = dict(app.session.answers), app.session.revision
        app.answer(here, "refuse_assessment")  # the option picked on the step before
        await pilot.pause()
        outcome = app.content.nodes["out_first_steps"]
        app.answer(outcome, "no")  # an outcome has no options at all
        await pilot.pause()
        assert app.session.answers == answers and app.session.revision == revision
        assert app._exception is None and node_id(app) == here.id
