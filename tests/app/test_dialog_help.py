"""F1 in a dialog lists that dialog's keys, and Esc goes back to the dialog as it was left.

Textual passes only priority keys through a modal screen, so F1 used to do nothing in one: an
adviser mid-save, or a screen-reader user asking what the keys are, heard nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual import events
from textual.containers import Vertical
from textual.widgets import Button, Input

from send_tui.app import make_app
from send_tui.dialogs.call_details import CallDetailsDialog
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.dialogs.help import HelpDialog
from send_tui.dialogs.save import SaveDialog
from tests.app.helpers import press, screen_text, write_settings

TO_COMPLAINT = ("1", "4", "1")  # a new call, a complaint, about a school: its outcome


async def test_f1_in_the_save_dialog_lists_its_keys_and_esc_keeps_what_was_typed() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_COMPLAINT, "ctrl+s")
        assert isinstance(app.screen, SaveDialog)
        app.screen.query_one("#basename", Input).value = "call-with-mrs-a"
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpDialog)
        assert app.screen.query_one(Vertical).border_title == "Help: Save the summary and letter"
        text = screen_text(app)
        assert re.search(r"^\s*esc\s+Cancel$", text, re.M), text
        assert re.search(r"^\s*\^s\s+Save$", text, re.M), text
        assert "Deadlines" not in text  # the outcome's keys behind do not work here
        await press(pilot, "escape")
        assert isinstance(app.screen, SaveDialog)
        assert app.screen.query_one("#basename", Input).value == "call-with-mrs-a"
        await press(pilot, "escape")  # and its own Esc still cancels it
        assert type(app.screen).__name__ == "WizardScreen"


async def test_f1_in_a_question_to_confirm_names_yes_and_no() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_COMPLAINT, "ctrl+n")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        assert re.search(r"^\s*y\s+Yes$", text, re.M), text
        assert re.search(r"^\s*n, esc\s+No$", text, re.M), text
        await press(pilot, "f1")  # F1 closes the help, as Esc does
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert type(app.screen).__name__ == "WizardScreen"


async def test_help_rebound_in_the_settings_opens_in_a_dialog_too(isolated_paths: Path) -> None:
    """A desk whose screen reader takes F1 moves help to another key: that key works here."""
    write_settings(isolated_paths, '\n[keys]\n"send.help" = "f11"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_COMPLAINT, "ctrl+s", "f1")
        assert isinstance(app.screen, SaveDialog)  # F1 is the screen reader's now
        await press(pilot, "f11")
        assert isinstance(app.screen, HelpDialog)
        assert re.search(r"^\s*f11\s+Help$", screen_text(app), re.M)
        await press(pilot, "f11")  # the key that opened the help closes it, as F1 does
        assert isinstance(app.screen, SaveDialog), app.screen_stack


async def test_a_button_press_that_lands_under_the_help_leaves_the_dialog_as_it_was() -> None:
    """Enter on Cancel and F1 in one burst: the button's press arrives after the help has
    opened over the dialog. It used to dismiss the help (the top screen) in the dialog's name,
    and the dialog, marked as answered, then ignored every Esc: the adviser was stuck in it.
    Now the late press is dropped: the help shows, Esc returns to the dialog as it was, and
    the dialog's own Esc still closes it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_COMPLAINT, "f6")
        dialog = app.screen
        assert isinstance(dialog, CallDetailsDialog)
        dialog.query_one("#reference", Input).value = "HL-2026-0412"
        dialog.query_one("#cancel", Button).focus()
        await pilot.pause()
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("f1", None))
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog), app.screen_stack
        await press(pilot, "escape")
        assert app.screen is dialog, app.screen_stack
        assert dialog.query_one("#reference", Input).value == "HL-2026-0412"
        await press(pilot, "escape")
        assert type(app.screen).__name__ == "WizardScreen", app.screen_stack
        assert app.session.case.reference == ""  # cancelled: nothing kept
