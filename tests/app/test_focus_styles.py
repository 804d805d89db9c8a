"""A focus change is restyled only where it shows (send_tui/widgets/focus_styles.py).

Between a question and an outcome the focus moves between the options and the outcome's text,
one of which the same key hides. Those restyles are skipped; these tests check that none is
skipped that mattered: after each step, each shown widget's styles (its own and its component
classes') are what a fresh styling gives for the focus it has now. (What is drawn with them is
checked cell by cell by tests/app/test_what_is_drawn.py.)
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from send_tui.app import make_app
from send_tui.model.content import NodeKind
from send_tui.theme import HIGH_CONTRAST
from tests.app.helpers import press

#: From the start screen to an outcome: a new call, then two answers.
TO_OUTCOME = ["1", "2", "8"]
WATCHED = ("#options", "#outcome-body")


def styles_of(widget: Any) -> tuple[object, ...]:
    """What the stylesheet gave the widget: its own rules (its scrollbar's colours among them,
    which its scrollbar draws with) and its component classes' (an option list's highlight)."""
    components = {name: dict(s.base._rules) for name, s in widget._component_styles.items()}
    return dict(widget.styles.base._rules), components


def stale_styles(app: App) -> list[str]:
    """The shown watched widgets whose styles differ from a fresh styling of them as they are
    now. (A hidden one may keep the styles it had when it was hidden: that is the point.)"""
    stale = []
    for selector in WATCHED:
        widget = app.screen.query_one(selector)
        if not widget.display:
            continue
        kept = styles_of(widget)
        app.stylesheet.update_nodes([widget], animate=False)
        if styles_of(widget) != kept:
            stale.append(f"{selector} (focused: {widget.has_focus}, shown: {widget.display})")
    return stale


def kind(app: App) -> NodeKind | None:
    node = getattr(app.screen, "node", None)
    return node.kind if node is not None else None


async def test_to_an_outcome_and_back_every_widget_is_styled_for_its_focus() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_OUTCOME)
        assert kind(app) is NodeKind.OUTCOME
        assert app.screen.focused is app.screen.query_one("#outcome-body")
        # Back and forth, into the trail and out, a dialog over the call and away.
        for keys in (["escape"], ["8"], ["escape", "f3"], ["escape"], ["8", "f6", "escape"]):
            await press(pilot, *keys)
            assert stale_styles(app) == [], keys
        # The theme changed while the options are hidden, then back to them: they show the
        # focused highlight of the new theme.
        app.theme = HIGH_CONTRAST
        await pilot.pause()
        await press(pilot, "escape")
        assert kind(app) is NodeKind.QUESTION and app.screen.focused.id == "options"
        assert stale_styles(app) == []
        await press(pilot, "8")
        assert stale_styles(app) == []


async def test_a_round_trip_to_an_outcome_restyles_nothing_once_both_have_been_seen() -> None:
    """The point of it: about 3 ms of each such key went on these restyles."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_OUTCOME, "escape", "8")  # both widgets styled for their focus
        restyled: list[str] = []
        update_styles = app.update_styles

        def counting(node: Any, animate: bool = True) -> None:
            if f"#{node.id}" in WATCHED:
                restyled.append(node.id)
            update_styles(node, animate)

        app.update_styles = counting  # type: ignore[method-assign]
        for _ in range(3):
            await press(pilot, "escape", "8")
        assert kind(app) is NodeKind.OUTCOME
        assert restyled == []
