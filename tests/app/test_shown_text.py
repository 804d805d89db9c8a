"""An outcome's text drawn only as far down as shown (widgets/shown_text.py) is the text Textual
draws whole: line for line, scrolled, resized, and with text selected with the mouse."""

from __future__ import annotations

from typing import Any

import pytest
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

from send_tui.app import make_app
from send_tui.model.content import NodeKind
from send_tui.widgets.shown_text import ShownText
from tests.app.helpers import long_path_keys, node_id, press
from tests.app.test_what_is_drawn import press_and_compare, watching


def drawn_whole(text: ShownText) -> list[list[Any]]:
    """Every line of the text as Textual's own `Widget._render_content` draws it."""
    width, height = text.size
    strips = Visual.to_strips(text, text._render(), width, height, text.visual_style)
    return [cells(strip) for strip in strips]


def drawn_shown(text: ShownText) -> list[list[Any]]:
    """Every line of the text as ShownText draws it, asked for top to bottom, as painted."""
    return [cells(text.render_line(y)) for y in range(text.size.height)]


def cells(strip: Strip) -> list[Any]:
    return [(segment.text, segment.style) for segment in strip]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_outcome_drawn_as_shown_is_what_textual_draws_whole(
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "1")  # a new call: the wizard
        wizard = app.screen
        outcomes = [n for n in app.content.nodes.values() if n.kind is NodeKind.OUTCOME]
        assert len(outcomes) > 10
        for node in outcomes:
            wizard.show(node)
            await pilot.pause()
            text = wizard.query_one("#outcome-details", ShownText)
            assert text.size.height > 20, node.id  # taller than the pane: most of it unshown
            assert drawn_shown(text) == drawn_whole(text), node.id


async def test_an_outcome_scrolled_to_its_end_and_back_shows_what_a_fresh_drawing_shows() -> None:
    """What the terminal shows, frame by frame, while the text is scrolled down a page at a
    time, to its end, back to the top, and on a narrower terminal (the text wrapped again)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        terminal = await watching(pilot)
        await press_and_compare(pilot, terminal, long_path_keys(app))
        assert node_id(app) == "out_disagreement_resolution"
        body = app.screen.query_one("#outcome-body")
        await press_and_compare(pilot, terminal, ["pagedown", "pagedown", "end", "up"])
        assert body.scroll_y == body.max_scroll_y - 1 > 0  # at the end, one line up
        await press_and_compare(pilot, terminal, ["home", "down"])
        assert body.scroll_y == 1
        await pilot.resize_terminal(60, 20)
        await pilot.pause(0.1)
        terminal = await watching(pilot)
        await press_and_compare(pilot, terminal, ["end", "pageup", "home"])
        assert body.scroll_y == 0


async def test_text_selected_with_the_mouse_is_highlighted_where_it_is() -> None:
    """A selection counts its lines from the top of the whole text: the beginning drawn alone
    highlights the same cells."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *long_path_keys(app))
        text = app.screen.query_one("#outcome-details", ShownText)
        unselected = drawn_shown(text)
        app.screen.selections = {text: Selection(Offset(2, 3), Offset(10, 6))}
        await pilot.pause()
        selected = drawn_shown(text)
        assert selected == drawn_whole(text)
        changed = [y for y, (a, b) in enumerate(zip(unselected, selected, strict=True)) if a != b]
        assert changed and min(changed) >= 3, changed  # the lines selected, not the first ones
        app.screen.selections = {}
        await pilot.pause()
        assert drawn_shown(text) == unselected
