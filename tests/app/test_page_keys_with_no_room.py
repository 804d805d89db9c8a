"""Page Up and Page Down on a list with no room for a row do nothing, and raise nothing.

Found by the random-key run: OptionList looks the page up in a line cache it leaves empty while
it has no height (squeezed out, or before its first layout), and raised KeyError into the call.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from send_tui.widgets.step_options import StepOptions


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
