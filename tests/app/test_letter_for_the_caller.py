"""The letter screen for this caller: the reply over a school holiday, the "about" draft, who writes."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from send_tui.app import make_app
from send_tui.screens.letter import LetterScreen
from tests.app.helpers import node_id, press, screen_text
from tests.app.test_letter_and_save import fill


def field_labels(app: object) -> list[str]:
    """The labels of the letter form's fields shown on screen (hidden ones are not asked)."""
    screen = app.screen  # type: ignore[attr-defined]
    return [
        str(label.render())
        for field in screen.query(".field")
        if field.display
        for label in field.query(Label)
    ]


async def test_a_reply_over_christmas_in_working_days_offers_school_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-12-14")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "4", "1")
        assert node_id(app) == "out_complaint_school"
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        await fill(pilot, "reply_within", "10")
        text = " ".join(screen_text(app).split())
        assert "Reply by Wed 30 Dec 2026." in text
        assert "run into the school holiday" in text
        assert "in 10 school days instead, the reply would be due by Tue 12 Jan 2027" in text


async def test_esc_from_the_first_question_asks_who_is_calling_and_the_letter_follows() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1")
        assert node_id(app) == "situation"
        await press(pilot, "escape")
        assert node_id(app) == "caller"
        await press(pilot, "2")  # the young person
        assert node_id(app) == "situation"
        assert app.session.answers == {"caller": "young_person"}
        await press(pilot, "4", "1")
        assert node_id(app) == "out_complaint_school"
        assert "the young person's own" in screen_text(app)
        await press(pilot, "l")
        await fill(pilot, "complainant_name", "Jo Smith")
        text = screen_text(app)
        assert "I am writing about my own support" in text
        assert "parent of" not in text


async def test_the_about_draft_is_flagged_until_confirmed_or_rewritten() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "4", "1", "l")
        draft = "the special educational needs support my child gets at school, which is not meeting their needs."
        assert app.screen.query_one("#about").text == draft
        await fill(pilot, "addressee_name", "Ms Patel")
        await fill(pilot, "outcome", "A meeting")
        await fill(pilot, "reply_within", "10")
        # typing elsewhere does not confirm the draft
        assert "about" not in app.session.letter_fields
        assert "check or rewrite the draft" in screen_text(app)
        await press(pilot, "ctrl+o")
        assert app.session.letter_fields["about"] == draft
        assert "The letter has everything it needs." in screen_text(app)
        # a record stores it from now on; clearing it is "nothing written", not the draft again
        await fill(pilot, "about", "")
        assert app.session.letter_fields["about"] == ""
        assert "What the complaint is about." in screen_text(app)
        # rewriting it counts as written, no confirming needed
        await fill(pilot, "about", "No support plan since June")
        assert "The letter has everything it needs." in screen_text(app)


async def test_a_young_persons_own_letter_form_asks_for_their_name_not_the_familys() -> None:
    """The young person on the line is the complainant: no "family", no separate child."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "escape", "2", "4", "1")
        assert node_id(app) == "out_complaint_school"
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        labels = field_labels(app)
        assert labels[:2] == [
            "Addressee's name",
            "Young person's name: they are the complainant and sign the letter "
            "(optional: they can write it in)",
        ]
        for label in labels:
            assert "family" not in label and "child" not in label.casefold(), label
            assert "parent" not in label, label
        assert "I am writing about my own support" in screen_text(app)  # and so does the letter


async def test_a_helpers_letter_form_names_the_helper_and_the_young_person() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "1", "escape", "3", "4", "1", "l")
        assert isinstance(app.screen, LetterScreen)
        labels = field_labels(app)
        assert labels[1].startswith("Helper's name: they write and sign the letter")
        assert labels[2].startswith("Young person's name: the helper writes for them")
        assert not any("family" in label or "Child" in label for label in labels)
