"""What an adviser sees first after a key is the finished screen: no half-drawn frame first.

Each test records the whole screen every time the app paints, presses a key, lets the app
settle, and compares the first frame painted after the key with the screen as it ends up.
A frame with the old keys in the footer, the options scrolled to the wrong place, or the
previous step's pane still showing would differ. (How long a key takes is for the benchmark.)
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from send_tui.app import make_app
from send_tui.screens.settled_layout import PREPARE_SETTLE_SECONDS
from send_tui.screens.start import StartScreen
from send_tui.screens.wizard import WizardScreen
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.step_options import StepOptions
from send_tui.widgets.title_bar import TitleBar
from tests.app.helpers import node_id, press


class Frames:
    """Every frame the app paints, as the text of each screen row."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.painted: list[list[str]] = []
        display = app._display

        def recorded(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.painted.append(self.now())

        app._display = recorded

    def now(self) -> list[str]:
        return [strip.text for strip in self.app.screen._compositor.render_strips()]


async def quiet(pilot: Any, frames: Frames) -> None:
    """Wait until the app has painted nothing for a while (start-up paints several frames)."""
    for _ in range(50):
        painted = len(frames.painted)
        await pilot.pause(0.1)
        if len(frames.painted) == painted:
            return


async def press_and_watch(pilot: Any, frames: Frames, key: str) -> None:
    """Press `key`, wait for the first frame after it, then long enough for any more.

    Textual paints on a timer, so a frame can come after Pilot's pause returns.
    """
    await quiet(pilot, frames)
    frames.painted.clear()
    await press(pilot, key)
    for _ in range(400):
        if frames.painted:
            break
        await asyncio.sleep(0.005)
    await pilot.pause(0.1)
    await pilot.pause()
    assert frames.painted, f"nothing painted after {key!r} (at {node_id(pilot.app)})"


async def first_frame_is_final(pilot: Any, frames: Frames, key: str) -> None:
    await press_and_watch(pilot, frames, key)
    final = frames.now()
    differ = [
        f"row {row}: {first!r} then {last!r}"
        for row, (first, last) in enumerate(zip(frames.painted[0], final, strict=True))
        if first != last
    ]
    assert not differ, f"after {key!r} (at {node_id(pilot.app)}): " + "\n".join(differ)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_each_key_paints_the_finished_step_first(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        frames = Frames(app)
        # Start a call, on through questions with few and many options, to an outcome (its
        # own keys in the footer), back to the question (scrolled to the answer), back to
        # "Who is calling?" and the start screen, then on with the call ("c"): the wizard
        # coming back from off the stack, at the outcome, and back from it once more.
        keys = ["1", "3", "escape", "2", "8", "escape", "escape", "escape", "escape", "c"]
        for key in keys:
            await first_frame_is_final(pilot, frames, key)
        assert node_id(app) == "out_complaint_council"
        await first_frame_is_final(pilot, frames, "escape")
        assert node_id(app) == "council_decision"


async def test_back_from_an_outcome_shows_the_answer_highlighted_in_view() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        frames = Frames(app)
        await press(pilot, "1", "8")  # "Not sure yet", the last option, leads to an outcome
        assert app.screen.node.kind.value == "outcome"
        await press_and_watch(pilot, frames, "escape")
        options = app.screen.query_one("#options", StepOptions)
        assert options.highlighted == 7
        top = options.scroll_offset.y
        line = options._index_to_line[7]
        assert top <= line < top + options.scrollable_content_region.height
        assert frames.painted[0] == frames.now()


def shown_keys(app: Any) -> list[tuple[str, str, bool]]:
    footer = app.screen.query_one(KeyFooter)
    return [
        (key.key, key.description, key.has_class("-disabled"))
        for key in footer.query(FooterKey)
        if key.display
    ]


async def test_the_footer_changes_its_keys_in_place_and_shows_what_the_step_offers() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "2")  # a council decision: a question
        question_keys, question_row = shown_keys(app), Frames(app).now()[-1]
        assert ("d", "Deadlines", False) not in question_keys
        await press(pilot, "8")  # a complaint about the council: an outcome with clocks
        assert app.screen.node.kind.value == "outcome"
        outcome_keys = shown_keys(app)
        assert ("d", "Deadlines", False) in outcome_keys
        await press(pilot, "escape")
        assert shown_keys(app) == question_keys
        assert Frames(app).now()[-1] == question_row  # the footer row, cell for cell


async def another_theme_then_the_call(pilot: Any, before: object) -> None:
    """Choose another theme at the start screen, then start the call: the wizard wears it."""
    app = pilot.app
    app.theme = "textual-light" if app.theme != "textual-light" else "nord"
    await pilot.pause()
    at_start = app.screen.query_one(TitleBar).styles.background
    assert at_start != before
    await press(pilot, "1")
    assert isinstance(app.screen, WizardScreen)
    assert app.screen.query_one(TitleBar).styles.background == at_start


async def test_a_theme_chosen_at_the_start_screen_reaches_the_wizard_when_it_comes_back() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "escape", "escape")
        assert isinstance(app.screen, StartScreen)
        await another_theme_then_the_call(pilot, app.screen.query_one(TitleBar).styles.background)


async def test_a_theme_chosen_before_the_first_call_reaches_the_wizard_built_ahead_of_it() -> None:
    """The wizard is styled as it is built, off screen; shown for the first time after the
    theme changed, it is styled again (it is not, when nothing changed: a frame's worth)."""
    from send_tui.app import WIZARD

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if app.is_screen_installed(WIZARD) and app.get_screen(WIZARD).is_mounted:
                break
            await pilot.pause(0.05)
        built = app.get_screen(WIZARD).query_one(TitleBar).styles.background
        await another_theme_then_the_call(pilot, built)


async def test_a_quiet_start_builds_the_wizard_ahead_and_the_first_call_uses_it() -> None:
    from send_tui.app import WIZARD

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        frames = Frames(app)
        for _ in range(100):  # start-up settles in once no key has come for a moment
            if app.is_screen_installed(WIZARD) and app.get_screen(WIZARD).is_mounted:
                break
            await pilot.pause(0.05)
        assert app.get_screen(WIZARD).is_mounted
        assert isinstance(app.screen, StartScreen)  # built off screen, not shown
        await pilot.pause(PREPARE_SETTLE_SECONDS + 0.1)  # and laid out and drawn off screen
        await first_frame_is_final(pilot, frames, "1")
        # One frame: the first layout's Show and Resize events, and the update timer's late
        # first tick, were spent off screen (three frames, about 45 ms, before).
        assert len(frames.painted) == 1
        assert node_id(app) == "situation"
        assert "No answers yet." in frames.painted[-1][2]
        await first_frame_is_final(pilot, frames, "2")
        assert node_id(app) == "council_decision"


async def test_the_start_screen_focuses_its_choices_and_nothing_before_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Focus goes straight to the choices. Textual's first pick was the scrolling body, so a
    screen reader announced it first, and nearly the whole screen was restyled twice as the
    choices took focus from it (a frame more at start-up)."""
    focused: list[Any] = []
    set_focus = StartScreen.set_focus

    def recorded(self: StartScreen, widget: Any, *args: Any, **kwargs: Any) -> None:
        if widget is not None and widget is not self.focused:
            focused.append(widget.id)
        set_focus(self, widget, *args, **kwargs)

    monkeypatch.setattr(StartScreen, "set_focus", recorded)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert focused == ["start-options"]
