"""Typing in a form does not rebuild the footer: every character changes the call, not the keys.

Each character typed into the letter or deadlines form changes the session, and a change to the
session asks for the keys to be redrawn (F9 comes and goes with a re-dated letter). Textual's
Footer rebuilt all its key widgets on every such request, a frame or two after the character:
about 60-75 ms a character to the settled frame on the letter form, against 27 ms with the key
widgets kept (measured in the same run; `make bench` is where speed is shown, not here). What
the adviser notices is asserted: the keys shown stay right, and the widgets are the same ones.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from send_tui.app import make_app
from send_tui.model import outputs
from send_tui.model.record import load_record
from send_tui.widgets.fitting_footer import FittingFooter
from tests.app.helpers import press
from tests.sessions import complaint_session, shipped

OUTCOME = ("1", "4", "1")  # a complaint about a school: an outcome with Deadlines and Letter


def key_widgets(app) -> list[FooterKey]:
    return list(app.screen.query_one(FittingFooter).query_children(FooterKey))


def keys_shown(app) -> list[str]:
    return [key.key for key in key_widgets(app) if key.display]


async def test_typing_a_letter_keeps_the_footer_it_had() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, *OUTCOME, "f5")
        app.screen.query_one("#outcome", TextArea).focus()
        await pilot.pause()
        widgets, shown = key_widgets(app), keys_shown(app)
        assert "f1" in shown
        for character in "A meeting":
            await press(pilot, character)
        assert "A meeting" in app.session.letter_fields["outcome"]  # the typing reached the call
        assert key_widgets(app) == widgets  # the same widgets: not rebuilt
        assert keys_shown(app) == shown


async def test_typing_a_date_keeps_the_footer_it_had() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, *OUTCOME, "f8")
        field = app.screen.query(Input).first()
        field.focus()
        await pilot.pause()
        widgets, shown = key_widgets(app), keys_shown(app)
        for character in "2026-11-20":
            await press(pilot, character)
        assert app.session.dates  # the date reached the call
        assert key_widgets(app) == widgets
        assert keys_shown(app) == shown


async def test_a_key_that_comes_with_a_change_still_shows(tmp_path) -> None:
    """Kept widgets, not frozen ones: a change to a letter saved a week ago brings F9 in."""
    written = outputs.save_outputs(complaint_session(), tmp_path, "call", date(2026, 11, 20))
    record = next(path for path in written if path.suffix == ".toml")
    app = make_app(session=load_record(record, shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        assert "f9" not in keys_shown(app)
        area = app.screen.query_one("#outcome", TextArea)
        area.focus()
        await pilot.pause()
        await press(pilot, "end", "x")
        assert "f9" in keys_shown(app)
