"""The end of a call, by keys: the letter, its preview, saving, the deadlines and the calendar file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from send_tui.app import make_app
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.dialogs.save import SaveDialog
from send_tui.model.record import load_record
from send_tui.screens.deadlines import DeadlinesScreen
from send_tui.screens.letter import LetterScreen
from tests.app.helpers import node_id, press, screen_text
from tests.owner_only import assert_owner_only


async def fill(pilot, widget_id: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{widget_id}")
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.text = ""
    elif isinstance(widget, Input):
        widget.value = ""
    await pilot.press(*text) if text else None
    await pilot.pause()


async def school_complaint(pilot) -> None:
    await press(pilot, "1", "4", "1")
    assert node_id(pilot.app) == "out_complaint_school"


async def test_letter_preview_updates_and_lists_what_is_missing() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_complaint(pilot)
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        text = screen_text(app)
        assert "Still missing before sending" in text and "Outcome wanted" in text
        await fill(pilot, "addressee_name", "Ms Patel")
        await fill(pilot, "outcome", "A meeting with the SENCO")
        await fill(pilot, "reply_within", "10")
        text = screen_text(app)
        assert "The letter has everything it needs." in text
        assert "Dear Ms Patel," in text
        assert "complaint" in text.lower()
        assert "A meeting with the SENCO" in text
        # 10 working days from Sat 28 Nov 2026 (SEND_TUI_TODAY) is Fri 11 Dec 2026
        assert "by Fri 11 Dec 2026" in text
        assert app.session.letter_fields["addressee_name"] == "Ms Patel"


async def test_user_text_is_literal_in_the_letter_preview() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_complaint(pilot)
        await press(pilot, "l")
        await fill(pilot, "addressee_name", "[bold]{outcome}<script>")
        assert "Dear [bold]{outcome}<script>," in screen_text(app)


async def test_letter_for_the_council_offers_the_council_role() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "4", "4", "l")
        assert isinstance(app.screen, LetterScreen)
        assert "complaints team" in screen_text(app).lower()


async def test_copy_letter_puts_it_on_the_clipboard_and_says_it_may_not_work() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_complaint(pilot)
        await press(pilot, "l")
        await fill(pilot, "outcome", "An apology")
        await press(pilot, "f7")
        assert "An apology" in app.clipboard and "complaint" in app.clipboard.lower()
        assert any("may not" in n.message or "do not support" in n.message for n in app._notifications)


async def test_save_writes_every_format_owner_only_and_reopens(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_complaint(pilot)
        await press(pilot, "l")
        await fill(pilot, "outcome", "A meeting")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, SaveDialog)
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, SaveDialog)
        assert not app.unsaved
    saved = sorted((isolated_paths / "saved").iterdir())
    assert {p.suffix for p in saved} == {".html", ".txt", ".md", ".docx", ".toml"}
    for path in saved:
        assert_owner_only(path)
    record = next(p for p in saved if p.suffix == ".toml")
    again = load_record(record, app.content)
    assert again.answers == app.session.answers
    assert again.letter_fields["outcome"] == "A meeting"


async def test_save_never_replaces_a_file_without_asking(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_complaint(pilot)
        await press(pilot, "ctrl+s", "ctrl+s")
        first = sorted((isolated_paths / "saved").iterdir())
        await press(pilot, "ctrl+s", "ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert isinstance(app.screen, SaveDialog)
        await press(pilot, "ctrl+s", "y")
        assert not isinstance(app.screen, SaveDialog)
        assert sorted((isolated_paths / "saved").iterdir()) == first


async def test_unwritable_folder_says_so_and_the_form_stays_filled(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_complaint(pilot)
        await press(pilot, "ctrl+s")
        dialog = app.screen
        dialog.query_one("#folder", Input).value = str(blocker / "inside")
        dialog.query_one("#basename", Input).value = "call-42"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)  # the folder is missing: create it?
        await press(pilot, "y")
        assert app.screen is dialog
        text = screen_text(app)
        assert "not a folder" in text or "does not exist" in text or "Could not" in text
        assert dialog.query_one("#basename", Input).value == "call-42"
        assert app.unsaved


async def test_deadlines_screen_asks_for_the_dates_and_shows_the_workings() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "2", "1", "1")  # refused assessment -> appeal
        assert node_id(app) == "out_appeal"
        await press(pilot, "d")
        assert isinstance(app.screen, DeadlinesScreen)
        await press(pilot, *"10/03/2026")
        assert "YYYY-MM-DD" in screen_text(app)
        assert "decision" not in app.session.dates
        field = app.screen.query_one("#date-decision", Input)
        field.value = ""
        await press(pilot, *"2026-03-10")
        text = screen_text(app)
        assert app.session.dates["decision"].isoformat() == "2026-03-10"
        assert "Mon 11 May 2026, by 5pm" in text
        assert "Sun 10 May 2026" in text  # the raw date, before it moved


async def test_deadlines_save_as_a_calendar_file(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "2", "1", "1", "d", *"2026-03-10", "f9")
    [ics] = list((isolated_paths / "saved").glob("*.ics"))
    body = ics.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in body and "20260511" in body
    assert_owner_only(ics)
