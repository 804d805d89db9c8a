"""The letter as it will be sent: the preview is what is saved, what is left out is said first,
the form shows only the template's fields, keeps the focused field in view, and clears in one key."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, TextArea

from send_tui.app import make_app
from send_tui.dialogs.call_details import CallDetailsDialog
from send_tui.model import dates, outputs
from send_tui.screens.letter import LetterScreen
from tests.app.helpers import node_id, press, screen_text


async def type_into(pilot, widget_id: str, text: str) -> None:
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()


def preview(app) -> str:
    return str(app.screen.query_one("#preview").render())


def note(app) -> str:
    return str(app.screen.query_one("#missing").render())


async def school_letter(pilot) -> None:
    await press(pilot, "1", "4", "1")
    assert node_id(pilot.app) == "out_complaint_school"
    await press(pilot, "l")
    assert isinstance(pilot.app.screen, LetterScreen)


async def test_without_consent_the_preview_leaves_the_names_out_and_says_why() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_letter(pilot)
        await type_into(pilot, "child_name", "Sam Example")
        await type_into(pilot, "complainant_name", "Alex Example")
        # what is shown is what the save writes: no names without consent
        assert "Sam Example" not in preview(app) and "Alex Example" not in preview(app)
        assert preview(app) == outputs.saved_letter_text(app.session, dates.today())
        assert (
            "Left out when saved" in note(app) and "child's name" in note(app) and "F6" in note(app)
        )
        # F6 from the letter: with consent the names are in the preview and the note goes
        await press(pilot, "f6")
        assert isinstance(app.screen, CallDetailsDialog)
        app.screen.query_one("#consent", Checkbox).value = True
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, LetterScreen)
        assert "Sam Example" in preview(app) and "Alex Example" in preview(app)
        assert "Left out" not in note(app)
        # F7 copies the same letter
        await press(pilot, "f7")
        assert "Sam Example" in app.clipboard


async def test_f7_copies_the_letter_as_saved_without_the_names() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_letter(pilot)
        await type_into(pilot, "child_name", "Sam Example")
        await press(pilot, "f7")
        assert app.clipboard and "Sam Example" not in app.clipboard


async def test_free_text_fields_say_they_are_saved_as_typed() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_letter(pilot)
        text = screen_text(app)
        assert "saved exactly as typed" in text.lower()
        assert (
            text.count("Saved exactly as typed.") == 3
        )  # about, tried, outcome, with their limits
        assert "Up to 20,000 characters" in text


@pytest.mark.parametrize("complaint_key, school_fields", [("1", True), ("5", False), ("6", False)])
async def test_a_template_shows_only_the_fields_it_uses(
    complaint_key: str, school_fields: bool
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "4", complaint_key, "l")
        assert isinstance(app.screen, LetterScreen)
        for name in ("setting", "year_group"):
            assert app.screen.query_one(f"#field-{name}").display is school_fields, name
        for name in ("addressee_name", "child_name", "about", "outcome", "reply_within"):
            assert app.screen.query_one(f"#field-{name}").display, name
        if not school_fields:
            assert "year" not in preview(app).lower()


async def test_changing_the_template_changes_the_fields() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "4", "5", "l")  # an NHS letter: no school
        assert not app.screen.query_one("#field-setting").display
        from textual.widgets import Select

        app.screen.query_one("#template", Select).value = "complaint_school"
        await pilot.pause()
        assert app.screen.query_one("#field-setting").display


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_focused_field_and_its_label_are_always_in_view(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await school_letter(pilot)
        form = app.screen.query_one("#letter-form")
        seen = set()
        for key in ["tab"] * 14 + ["shift+tab"] * 14:
            await press(pilot, key)
            focused = app.screen.focused
            field = next((a for a in focused.ancestors if a.has_class("field")), None)
            if field is None:
                continue
            seen.add(focused.id)
            await pilot.pause()
            assert form.region.contains_region(focused.region), (key, focused.id)
            label = field.children[0]
            assert form.region.contains_region(label.region), (key, focused.id, "label")
        assert {"enclosures", "outcome", "child_name"} <= seen


async def test_ctrl_a_selects_a_whole_field_so_one_key_clears_it() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await school_letter(pilot)
        about = app.screen.query_one("#about", TextArea)
        about.focus()
        about.text = "A long pasted email thread\nwith many lines\n" * 50
        await pilot.pause()
        await press(pilot, "ctrl+a", "delete")
        assert about.text == ""
        assert app.session.letter_fields["about"] == ""
        await type_into(pilot, "addressee_name", "Ms Patel")
        await press(pilot, "ctrl+a", *"Mr Jones")
        assert app.screen.query_one("#addressee_name", Input).value == "Mr Jones"


async def test_the_letter_opened_again_from_the_plan_is_the_same_form() -> None:
    """Letter, F2, l: a second form opened over the first, and back on the first its fields
    still held the old addressee, which the next key typed there saved over the new one."""
    from send_tui.screens.plan import PlanScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "4", "1", "l", *"MrA", "f2")
        assert isinstance(app.screen, PlanScreen)
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        assert sum(isinstance(s, LetterScreen) for s in app.screen_stack) == 1
        await press(pilot, "end", *"B", "tab", "X")
        assert app.session.letter_fields["addressee_name"] == "MrAB"
        assert app.session.letter_fields["complainant_name"] == "X"


async def test_the_deadlines_opened_again_from_the_letter_are_the_same_form() -> None:
    """F8, F5, F8: back on the first deadlines form it showed a date field empty while the
    date typed on the second one was still counted."""
    from send_tui.screens.deadlines import DeadlinesScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "4", "1", "d", "f5", "f8")
        assert isinstance(app.screen, DeadlinesScreen)
        assert sum(isinstance(s, DeadlinesScreen) for s in app.screen_stack) == 1
        await press(pilot, *"2026-11-02")
        await press(pilot, "f5", "escape")
        assert isinstance(app.screen, DeadlinesScreen)
        assert app.screen.query_one("#date-reply_from", Input).value == "2026-11-02"
