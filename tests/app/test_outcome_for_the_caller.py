"""The outcome screen speaks to the caller answered at "Who is calling?"."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from send_tui.app import make_app
from tests.app.helpers import node_id, press


def outcome_pane(app: App) -> str:
    """The outcome's own text as the adviser reads it out (not the trail of questions)."""
    return " ".join(str(app.screen.query_one("#outcome-details", Static).render()).split())


async def test_a_young_persons_appeal_outcome_says_the_appeal_is_their_own() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "escape")
        assert node_id(app) == "caller"
        await press(pilot, "2")  # the young person, about their own support
        # a council decision > what the plan says > also Section B or F > appeal
        await press(pilot, "2", "3", "2", "1")
        assert node_id(app) == "out_appeal"
        text = outcome_pane(app)
        assert "This appeal is the young person's own." in text
        assert "register the appeal in their own name" in text
        assert "the parent or young person must contact the mediation adviser" in text
        assert "the family" not in text
        # Esc back to "Who is calling?", answer a parent, the same path: no young person's note
        await press(pilot, *["escape"] * 5)
        assert node_id(app) == "caller"
        await press(pilot, "1", "2", "3", "2", "1")
        assert node_id(app) == "out_appeal"
        again = outcome_pane(app)
        assert "the young person's own" not in again
        assert "the parent or young person must contact the mediation adviser" in again
