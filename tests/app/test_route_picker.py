"""The plan's add-route dialog (a): numbered once when it opens, so a number read a moment ago
still means the same route after an add, and pressing it again adds nothing."""

from __future__ import annotations

from textual.widgets import OptionList

from send_tui.app import make_app
from send_tui.screens.plan import PlanScreen, RoutePicker
from tests.app.helpers import notices, press


def listed(app) -> list[str]:
    """The dialog's rows as the adviser reads them: number, title and any mark."""
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def planned(app) -> list[str]:
    return [entry.route.id for entry in app.session.plan()]


async def test_adding_keeps_every_number_and_marks_the_route_added() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "f2", "a")
        assert isinstance(app.screen, RoutePicker)
        before = listed(app)
        assert before[1] == "2  Talk to SENDIASS" and before[4] == "5  Make a complaint"
        await press(pilot, "2")
        assert isinstance(app.screen, RoutePicker)  # still open for the next one
        assert "sendiass" in planned(app)
        after = listed(app)
        assert after[1] == "2  Talk to SENDIASS  (added)"
        assert after[:1] + after[2:] == before[:1] + before[2:]  # nothing renumbered
        await press(pilot, "5")  # the number read before the first add: still the complaint
        assert "complaint" in planned(app)
        assert listed(app)[4] == "5  Make a complaint  (added)"
        await press(pilot, "escape")
        assert isinstance(app.screen, PlanScreen)
        shown = app.screen.query_one("#plan-list", OptionList)
        ids = [shown.get_option_at_index(i).id for i in range(shown.option_count)]
        assert ids == planned(app) and {"sendiass", "complaint"} <= set(ids)


async def test_adding_twice_is_harmless_and_a_route_needed_first_is_marked_in_the_plan() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, "1", "f2", "a")
        rows = listed(app)
        appeal = next(i for i, row in enumerate(rows) if "Appeal to the First-tier" in row) + 1
        mediation = next(i for i, row in enumerate(rows) if row.endswith("  Mediation")) + 1
        await press(pilot, str(appeal))
        # mediation advice comes before an appeal: it joins the plan, and the list says so
        assert listed(app)[mediation - 1] == f"{mediation}  Mediation  (in the plan)"
        revision, plan = app.session.revision, planned(app)
        await press(pilot, str(appeal), str(mediation))
        assert app.session.revision == revision and planned(app) == plan
        assert app.session.chosen_routes == ["appeal"]
        assert notices(app)[-2:] == [
            "Already in the plan: Appeal to the First-tier Tribunal (SEND)",
            "Already in the plan: Mediation",
        ]
        assert len(listed(app)) == len(rows)


async def test_routes_past_the_ninth_have_letter_keys_that_add_them() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "f2", "a")
        rows = listed(app)
        assert len(rows) > 9, "the shipped content offers more than nine routes to add"
        assert [row[:3] for row in rows[9:]] == [f"{key}  " for key in "bcdefgh"[: len(rows) - 9]]
        tenth = app.screen.routes[9][0]
        await press(pilot, "a")  # the key that opened the dialog, pressed once more: nothing
        assert tenth not in app.session.chosen_routes
        await press(pilot, "b")
        assert tenth in app.session.chosen_routes
        assert listed(app)[9].endswith("(added)") or listed(app)[9].endswith("(in the plan)")


async def test_x_on_the_plan_just_opened_removes_the_route_highlighted() -> None:
    """The plan says "x removes one you added"; with no route highlighted yet, x did nothing.
    The first route is highlighted from the start, and after a removal the next one is."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "f2", "a", "2", "5", "escape")
        assert isinstance(app.screen, PlanScreen)
        first, second = planned(app)[:2]
        await press(pilot, "x")
        assert first not in planned(app)
        await press(pilot, "x")
        assert second not in planned(app)
        await press(pilot, "x")  # "No routes yet": nothing to remove, and nothing breaks
        assert isinstance(app.screen, PlanScreen)


async def test_the_plan_opened_again_from_its_deadlines_is_the_same_plan() -> None:
    """F2, d, F2: a second plan over the first; a route removed on it was still listed on the
    first, where x then said it "comes from the answers"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "f2", "a", "2", "escape", "d", "f2")
        assert isinstance(app.screen, PlanScreen)
        assert sum(isinstance(s, PlanScreen) for s in app.screen_stack) == 1
        await press(pilot, "x")
        assert planned(app) == []
        assert "No routes yet" in str(
            app.screen.query_one(OptionList).get_option_at_index(0).prompt
        )
