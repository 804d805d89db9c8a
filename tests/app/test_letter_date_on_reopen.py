"""Reopen a saved call, change its letter, save again: the adviser is told the letter's date moves.

The call was saved on Fri 20 November; it is reopened on Sat 28 November (the tests' today). A
change to the letter makes it a new letter dated today: the letter screen says so the moment it
happens, F9 keeps the date it was sent (a correction), and the next call carries none of it.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from textual.widgets import Input, TextArea

from send_tui import paths
from send_tui.app import make_app
from send_tui.dialogs.save import SaveDialog
from send_tui.model import outputs
from send_tui.model.autosave import Autosave
from send_tui.model.record import load_record
from send_tui.screens.deadlines import DeadlinesScreen
from send_tui.screens.letter import LetterScreen
from send_tui.screens.start import StartScreen
from tests.app.helpers import node_id, press, screen_text
from tests.sessions import complaint_session, shipped

SENT = date(2026, 11, 20)
TODAY = date(2026, 11, 28)  # tests/conftest.py's SEND_TUI_TODAY


def saved_call(tmp_path: Path) -> Path:
    written = outputs.save_outputs(complaint_session(), tmp_path, "call", SENT)
    return next(path for path in written if path.suffix == ".toml")


async def change_outcome(pilot, text: str) -> None:
    """Type into the outcome field as an adviser would: focus it, clear it, type."""
    area = pilot.app.screen.query_one("#outcome", TextArea)
    area.focus()
    await pilot.pause()
    area.text = ""
    await pilot.press(*text)
    await pilot.pause()


def notices(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Letter date"]


def preview(app) -> str:
    return str(app.screen.query_one("#preview").render())


def f9_offered(app) -> bool:
    return "f9" in app.screen.active_bindings


async def save(pilot, saved: Path) -> dict:
    """ctrl+s twice (the dialog, then save), and the record's header as written."""
    await press(pilot, "ctrl+s")
    assert isinstance(pilot.app.screen, SaveDialog)
    shown = screen_text(pilot.app)
    await press(pilot, "ctrl+s")
    assert not isinstance(pilot.app.screen, SaveDialog)
    record = next(p for p in saved.iterdir() if p.suffix == ".toml")
    header = tomllib.loads(record.read_text(encoding="utf-8"))["record"]
    header["dialog"] = shown
    header["txt"] = next(p for p in saved.iterdir() if p.suffix == ".txt").read_text("utf-8")
    for path in saved.iterdir():
        path.unlink()  # the next save in the test writes afresh
    return header


async def test_a_changed_letter_says_it_is_dated_today_and_f9_keeps_the_sent_date(
    tmp_path: Path, isolated_paths: Path
) -> None:
    app = make_app(session=load_record(saved_call(tmp_path), shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        assert isinstance(app.screen, LetterScreen)
        shown = screen_text(app)
        assert "Letter date: This letter is dated Fri 20 Nov 2026, the day it was sent." in shown
        assert preview(app).startswith("Fri 20 Nov 2026")
        assert not f9_offered(app) and notices(app) == []

        await change_outcome(pilot, "A meeting")
        expected = (
            "The letter was changed, so it is now dated today, Sat 28 Nov 2026, not Fri 20 Nov 2026"
        )
        assert expected in screen_text(app)
        assert len(notices(app)) == 1 and expected in notices(app)[0]  # told once, as it happened
        assert "Press F9 to keep Fri 20 Nov 2026" in screen_text(app)
        assert preview(app).startswith("Sat 28 Nov 2026")
        assert f9_offered(app)

        await press(pilot, "f9")
        assert "keeps the date it was sent, Fri 20 Nov 2026" in screen_text(app)
        assert preview(app).startswith("Fri 20 Nov 2026")
        await pilot.press(*", soon")  # more of the correction: the date stays kept
        await pilot.pause()
        assert preview(app).startswith("Fri 20 Nov 2026")

        header = await save(pilot, isolated_paths / "saved")
        assert header["letter_date"] == SENT
        assert header["made"] == SENT
        assert "now dated today" not in header["dialog"]
        # Saved again a week on, the summary keeps the day it was made and says when printed.
        assert "Date made: Fri 20 Nov 2026" in header["txt"]
        assert "Printed on: Sat 28 Nov 2026" in header["txt"]


async def test_left_alone_the_changed_letter_is_dated_today_and_the_save_says_so(
    tmp_path: Path, isolated_paths: Path
) -> None:
    app = make_app(session=load_record(saved_call(tmp_path), shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        await change_outcome(pilot, "A meeting")
        await press(pilot, "f9", "f9")  # kept, then dated today after all
        assert "now dated today, Sat 28 Nov 2026" in screen_text(app)
        header = await save(pilot, isolated_paths / "saved")
        assert "now dated today, Sat 28 Nov 2026, not Fri 20 Nov 2026" in header["dialog"]
        assert "On the letter screen (F5), press F9" in header["dialog"]
        assert header["letter_date"] == TODAY
        assert header["made"] == SENT  # the summary still says the day it was first made

        # Walk it twice: a new call after the reopened one carries none of its dates.
        await press(pilot, "ctrl+n", "y")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.session.made is None and app.session.sent_letter is None
        await press(pilot, "n", "1", "4", "1")
        assert node_id(app) == "out_complaint_school"
        await press(pilot, "f5")
        assert "Letter date:" not in screen_text(app)
        await change_outcome(pilot, "Another family")
        assert "Letter date:" not in screen_text(app) and not f9_offered(app)
        assert preview(app).startswith("Sat 28 Nov 2026")


async def test_an_answer_changed_in_the_wizard_re_dates_the_letter_and_says_so_at_once(
    tmp_path: Path,
) -> None:
    """Not only the letter's own form: a changed answer changes a reopened call's letter too,
    and the adviser hears of it then, not first in the save dialog."""
    app = make_app(session=load_record(saved_call(tmp_path), shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, StartScreen):
            await press(pilot, "c")
        assert node_id(app) == "out_complaint_school"
        await press(pilot, "escape")
        assert node_id(app) == "complaint_about" and notices(app) == []
        await press(pilot, "2")  # a college, not a school: another letter
        assert node_id(app) == "out_complaint_college"
        assert len(notices(app)) == 1
        assert "now dated today, Sat 28 Nov 2026, not Fri 20 Nov 2026" in notices(app)[0]
        assert "On the letter screen (F5), press F9 to keep" in notices(app)[0]

        await press(pilot, "escape", "1")  # back to the school: the letter as it was sent
        assert node_id(app) == "out_complaint_school"
        assert len(notices(app)) == 2
        assert "dated Fri 20 Nov 2026, the day it was sent" in notices(app)[1]

        # Walk it twice: the next call has no saved letter, so its answers say nothing of one.
        await press(pilot, "ctrl+n", "y")
        await pilot.pause()
        app.clear_notifications()
        await press(pilot, "n", "1", "4", "1", "escape", "2")
        assert node_id(app) == "out_complaint_college"
        assert notices(app) == []


async def test_a_resumed_call_says_nothing_on_resuming_and_tells_of_a_re_dating_when_it_comes(
    tmp_path: Path,
) -> None:
    """Walked twice: the reopened call left in the autosave and resumed at the next start."""
    assert Autosave(paths.data_dir()).save(load_record(saved_call(tmp_path), shipped())) is None
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "r")
        assert node_id(app) == "out_complaint_school"
        assert app.session.sent_letter is not None and notices(app) == []
        await press(pilot, "escape", "2")
        assert len(notices(app)) == 1
        assert "now dated today, Sat 28 Nov 2026, not Fri 20 Nov 2026" in notices(app)[0]


async def test_a_re_dated_letter_left_unsaved_comes_back_re_dated_at_the_next_start(
    tmp_path: Path, isolated_paths: Path
) -> None:
    """Walked three times: a reopened call's letter is changed and the window closed before a
    save; the next start resumes it still dated today with F9 offered, and the F9 pressed then
    is still in force at the start after that."""
    app = make_app(session=load_record(saved_call(tmp_path), shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        await change_outcome(pilot, "A meeting")
        assert f9_offered(app)

    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await press(pilot, "r")
        assert notices(again) == []  # what the call already was is not news
        await press(pilot, "f5")
        assert isinstance(again.screen, LetterScreen)
        assert "now dated today, Sat 28 Nov 2026, not Fri 20 Nov 2026" in screen_text(again)
        assert preview(again).startswith("Sat 28 Nov 2026")
        assert f9_offered(again)
        await press(pilot, "f9")
        assert preview(again).startswith("Fri 20 Nov 2026")

    third = make_app()
    async with third.run_test(size=(100, 40)) as pilot:
        await press(pilot, "r", "f5")
        assert isinstance(third.screen, LetterScreen)
        assert "keeps the date it was sent, Fri 20 Nov 2026" in screen_text(third)
        assert preview(third).startswith("Fri 20 Nov 2026")
        await press(pilot, "f9")  # dated today after all: F9 still works on a resumed call
        assert preview(third).startswith("Sat 28 Nov 2026")


def letter_date_field(app) -> Input:
    assert isinstance(app.screen, DeadlinesScreen)
    return app.screen.query_one("#date-reply_from", Input)


async def test_the_deadlines_form_shows_the_reopened_letters_date_without_pinning_it(
    tmp_path: Path,
) -> None:
    """F8 on a reopened call: the letter's date field says the date the record holds (the one
    its reply clock counts from), not an empty field; left as shown, a change to the letter
    still dates it today, and the next call's field is empty again."""
    app = make_app(session=load_record(saved_call(tmp_path), shipped()))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f8")
        assert letter_date_field(app).value == "2026-11-20"
        assert "Count 10 working days after Fri 20 Nov 2026" in screen_text(app)
        assert "reply_from" not in app.session.dates  # shown, not entered

        await press(pilot, "escape", "f5")
        await change_outcome(pilot, "A meeting")
        assert preview(app).startswith("Sat 28 Nov 2026")  # re-dated, as with no F8 visit
        await press(pilot, "escape", "f8")
        assert letter_date_field(app).value == ""  # dated today: nothing saved to show
        await press(pilot, "escape", "f5", "f9")  # a correction: the sent date is kept
        await press(pilot, "escape", "f8")
        assert letter_date_field(app).value == "2026-11-20"

        letter_date_field(app).value = ""
        await pilot.press(*"2026-11-23")  # the day it really went: entered, it counts from it
        await pilot.pause()
        assert app.session.dates["reply_from"] == date(2026, 11, 23)
        assert "Count 10 working days after Mon 23 Nov 2026" in screen_text(app)

        await press(pilot, "escape", "ctrl+n", "y")
        await pilot.pause()
        await press(pilot, "n", "1", "4", "1", "f8")
        assert letter_date_field(app).value == ""
