"""Page Up and Page Down on a list with no room for a row do nothing, and raise nothing.

Found by the random-key run (the wizard) and a resize run (the plan in a terminal dragged very
small): OptionList looks the page up in a line cache it leaves empty while it has no height, and
raised KeyError into the call.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from send_tui.app import make_app
from send_tui.screens.plan import PlanScreen
from send_tui.widgets.step_options import StepOptions
from tests.app.helpers import press


class SqueezedList(App[None]):
    CSS = "StepOptions { height: 0; }"

    def compose(self) -> ComposeResult:
        yield StepOptions("one", "two", "three", markup=False)


class RoomForAFew(SqueezedList):
    CSS = "StepOptions { height: 6; }"


async def test_page_keys_on_a_list_with_no_height_keep_the_highlight() -> None:
    app = SqueezedList()
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.query_one(StepOptions)
        options.clear_options()
        options.add_options(["a", "b", "c"])
        options.highlighted = 1
        options.focus()
        await pilot.pause()
        await pilot.press("pagedown", "pageup", "pagedown")
        assert app.return_code is None and app.is_running
        assert options.highlighted == 1


async def test_page_down_still_moves_a_page_on_a_list_with_room() -> None:
    app = RoomForAFew()
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.query_one(StepOptions)
        options.add_options([str(n) for n in range(10)])
        options.highlighted = 0
        options.focus()
        await pilot.pause()
        await pilot.press("pagedown")
        assert options.highlighted == options.scrollable_content_region.height > 0


async def test_page_keys_on_the_plan_in_a_terminal_too_small_for_its_list() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, "1", "4", "1", "f2")  # a complaint about a school, then the plan
        assert isinstance(app.screen, PlanScreen)
        await pilot.resize_terminal(40, 10)  # the plan's list has no room left
        await press(pilot, "down", "pagedown", "pageup", "pagedown")
        assert app.is_running and app._exception is None
        assert isinstance(app.screen, PlanScreen)
