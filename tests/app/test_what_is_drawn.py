"""What the terminal shows after each key is what a fresh drawing of the screen shows.

send-tui paints less than Textual would (screens/settled_layout.py drops repaints it judges
already drawn or invisible, does not repaint the whole screen when focus moves, and draws the
wizard off screen before its first show). A wrong judgement would leave stale cells on the
adviser's screen: an old option, a border in the wrong colour. These tests replay every frame
the app sends onto a grid of cells, as a terminal would, and after each key compare that grid,
character and style, with the screen drawn afresh from scratch.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from rich.cells import cell_len
from rich.segment import ControlType
from rich.style import Style
from textual.widgets import OptionList

from send_tui.app import make_app
from send_tui.widgets.one_layout import PaneText
from send_tui.widgets.quick_scrollbar import QuickScrollBar
from send_tui.widgets.shown_text import ShownText
from send_tui.widgets.trail import AnswerTrail
from tests.app.helpers import long_path_keys, node_id, press

Cell = tuple[str, Style | None]


class Terminal:
    """The cells a terminal would show, from the updates the app hands its driver."""

    def __init__(self, app: Any) -> None:
        self.console = app.console
        width, height = app.size
        self.cells: list[list[Cell]] = [[(" ", None)] * width for _ in range(height)]
        self.x = self.y = 0
        display = app._display

        def shown(screen: Any, update: Any) -> None:
            display(screen, update)
            if update is not None:
                self.apply(update)

        app._display = shown

    def apply(self, update: Any) -> None:
        for segment in self.console.render(update):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        self.x, self.y = code[1], code[2]
            elif segment.text == "\n":
                self.x, self.y = 0, self.y + 1
            else:
                for character in segment.text:
                    if 0 <= self.y < len(self.cells) and 0 <= self.x < len(self.cells[0]):
                        self.cells[self.y][self.x] = (character, segment.style)
                    self.x += cell_len(character)


def drawn_afresh(app: Any) -> list[list[Cell]]:
    """The screen as its widgets draw it now, with every cached line thrown away (and an
    outcome's text drawn whole, by Textual, not only as far down as shown)."""
    screen = app.screen
    texts = list(screen.query(ShownText))
    for text in texts:
        text.render_line = partial(PaneText.render_line, text)  # type: ignore[method-assign]
        text._dirty_regions.add(text.size.region)
    try:
        return _drawn(screen)
    finally:
        for text in texts:
            del text.render_line
            text.refresh()  # drawn again as shown, from the top


def _drawn(screen: Any) -> list[list[Cell]]:
    for widget in screen.walk_children(with_self=True):
        widget._styles_cache.clear()
        if isinstance(widget, QuickScrollBar):
            widget._drawn = None
        if isinstance(widget, OptionList):
            widget._option_render_cache.clear()  # each row drawn again, at the list's width
    return [
        [(character, segment.style) for segment in strip for character in segment.text]
        for strip in screen._compositor.render_strips()
    ]


def stale_cells(terminal: Terminal, app: Any) -> list[str]:
    fresh = drawn_afresh(app)
    return [
        f"row {y} col {x}: shows {shown!r}, should be {cell!r}"
        for y, row in enumerate(fresh)
        for x, cell in enumerate(row)
        if (shown := terminal.cells[y][x]) != cell
    ]


async def watching(pilot: Any) -> Terminal:
    """The terminal's cells from a whole first frame on, once start-up has settled in (the
    wizard drawn off screen)."""
    terminal = Terminal(pilot.app)
    pilot.app.screen.refresh()
    await pilot.pause(0.5)
    return terminal


async def press_and_compare(pilot: Any, terminal: Terminal, keys: list[str]) -> None:
    """Press each key, and after each compare what the terminal shows with a fresh drawing."""
    app = pilot.app
    for key in keys:
        await press(pilot, key)
        await pilot.pause(0.05)
        stale = stale_cells(terminal, app)
        assert not stale, f"after {key!r} (at {node_id(app)}):\n" + "\n".join(stale[:5])


#: On into a call, through questions with few and many options to an outcome (focus moves to
#: its text), into the trail and out (F3, Esc), back up the path to the start screen (whose
#: choices then include "continue"), a look-up and back, the plan and back, then on again from
#: the outcome ("c"), back to its question and on by another answer.
KEYS = ["1", "2", "8", "escape", "f3", "escape", "escape", "escape", "escape", "2", "escape"]
KEYS += ["f2", "escape", "c", "escape", "1", "1"]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_after_every_key_the_screen_shows_what_a_fresh_drawing_shows(
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        terminal = await watching(pilot)
        await press_and_compare(pilot, terminal, KEYS)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_trail_that_scrolls_shows_what_a_fresh_drawing_shows_as_rows_come_and_go(
    size: tuple[int, int],
) -> None:
    """The trail repaints only the rows that changed: scrolled, reopened and cut back too."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        terminal = await watching(pilot)
        # On to the outcome; into the trail, up to an earlier answer, reopen it and answer it
        # differently (the later rows go, with the trail scrolled), then back up the path.
        await press_and_compare(pilot, terminal, long_path_keys(app))
        assert node_id(app) == "out_disagreement_resolution"
        trail = app.screen.query_one(AnswerTrail)
        assert trail.max_scroll_y > 0 or not trail.display  # taller than its pane (if shown)
        # The outcome's text scrolled (its scrollbar's thumb moves), then the trail.
        keys = ["pagedown", "down", "up", "f3", "up", "up", "up", "enter", "2"]
        await press_and_compare(pilot, terminal, [*keys, "escape", "escape", "escape"])


async def test_the_next_call_starts_from_a_clean_drawing_too() -> None:
    """One call to its end (the trail scrolled), then a new client, a shorter call, back to the
    start screen, continued, and an answer reopened from the trail and changed: nothing of the
    first call, nor of the answer changed, is left on screen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        terminal = await watching(pilot)
        await press_and_compare(pilot, terminal, [*long_path_keys(app), "ctrl+n", "y"])
        assert not app.session.answers  # a new client: the first call is gone
        await press_and_compare(pilot, terminal, ["1", "2", "1", "escape", "escape", "escape"])
        await press_and_compare(pilot, terminal, ["escape", "c", "f3", "enter", "2"])
        assert node_id(app) == "what_next_decision"  # the second call, its answer changed
        assert list(app.session.answers) == ["situation", "council_decision"]


async def test_typing_into_the_forms_shows_what_a_fresh_drawing_shows() -> None:
    """Each character and the preview it changes are painted together with what the layout
    then asked for (the preview's scrollbar), in the letter form and the deadlines form alike:
    nothing half-drawn or stale is left as the adviser types."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "4", "1", "f5")  # a complaint about a school, its letter form
        terminal = await watching(pilot)
        app.screen.query_one("#outcome").focus()
        await pilot.pause()
        await press_and_compare(pilot, terminal, list("A plan by Friday"))
        assert "A plan by Friday" in app.session.letter_fields["outcome"]
        await press_and_compare(pilot, terminal, ["escape", "f8"])
        await press_and_compare(pilot, terminal, list("2026-11-20"))
        assert app.session.dates
