"""The letter in plain mode: what `letter show` reads out is what the save writes, word for word."""

from __future__ import annotations

from pathlib import Path

from send_tui.model import outputs
from send_tui.render.text import render_letter_text
from tests.plain.helpers import run_lines
from tests.sessions import TODAY

#: A young person complaining about their school, the names typed, no consent to a record.
YOUNG_PERSON_LETTER = [
    "1",
    "back",
    "2",  # the young person, about their own support
    "4",
    "1",
    "letter",
    "",  # addressed to the head teacher
    "Dr Who",
    "Ann Smith",  # their own name: a young person is not asked for a child's
]


def shown_letter(text: str) -> str:
    """The last letter `letter show` printed, between its heading and its end."""
    start = text.rindex("THE LETTER\n") + len("THE LETTER\n")
    return text[start : text.index("END OF THE LETTER.", start)]


def test_letter_show_reads_the_letter_the_save_writes(isolated_paths: Path) -> None:
    """Without consent the save leaves the names out, and the young person's own opening is used:
    reading out anything else would have the adviser check a letter that is never sent."""
    shell, text = run_lines([*YOUNG_PERSON_LETTER, "stop", "letter show"])
    saved = outputs.saved_letter(shell.session, TODAY)
    assert saved is not None
    assert shown_letter(text) == render_letter_text(saved)
    assert "Ann Smith" not in shown_letter(text)
    assert "Left out when saved: The caller's name will be left out" in " ".join(text.split())
    # what the save then writes holds the same letter
    shell, _ = run_lines(
        [*YOUNG_PERSON_LETTER, "stop", "letter show", "save", "", "", "no", "quit", "yes"]
    )
    [summary] = (isolated_paths / "saved").glob("*.txt")
    assert render_letter_text(saved).strip() in summary.read_text(encoding="utf-8")


def test_before_anything_is_typed_the_letter_is_said_not_to_be_saved_yet() -> None:
    _shell, text = run_lines(["1", "4", "1", "letter show"])
    assert outputs.NOT_SAVED_YET in " ".join(text.split())
    assert "Dear Head teacher," in text


def test_the_form_asks_only_for_the_fields_the_letter_uses() -> None:
    """An NHS letter never says which school or year group: asking for them wastes the call."""
    _shell, text = run_lines(["1", "4", "5", "letter", "", *[""] * 12])
    form = text[text.index("COMPLAINT LETTER") : text.index("THE LETTER")]
    assert "Setting (school" not in form and "Year group" not in form
    assert "Addressee's name" in form and "Outcome wanted" in form and "Enclosures" in form
    _shell, text = run_lines(["1", "4", "1", "letter", *[""] * 13])  # a school's letter asks
    form = text[text.index("COMPLAINT LETTER") : text.index("THE LETTER")]
    assert "Setting (school" in form and "Year group" in form
    assert "Child or young person's name" in form
    _shell, text = run_lines([*YOUNG_PERSON_LETTER[:6], *[""] * 13])  # a young person's own
    form = text[text.index("COMPLAINT LETTER") : text.index("THE LETTER")]
    assert "Child or young person's name" not in form


def test_a_young_persons_own_letter_asks_for_their_name_not_the_familys() -> None:
    """The young person is the complainant: the form asks for their name, never a family's."""
    _shell, text = run_lines([*YOUNG_PERSON_LETTER[:6], *[""] * 13])
    form = text[text.index("COMPLAINT LETTER") : text.index("THE LETTER")]
    assert "Young person's name: they are the complainant and sign the letter" in form
    for word in ("family", "child", "parent", "Complainant's name"):
        assert word not in form


def test_a_helpers_letter_asks_for_the_helpers_name_and_the_young_persons() -> None:
    _shell, text = run_lines(["1", "back", "3", "4", "1", "letter", *[""] * 14])
    form = " ".join(text[text.index("COMPLAINT LETTER") : text.index("THE LETTER")].split())
    assert "Helper's name: they write and sign the letter" in form
    assert "Young person's name: the helper writes for them, with their agreement" in form
    assert "family" not in form and "Child or young person's name" not in form


def test_a_reply_date_on_a_bank_holiday_is_flagged_when_the_letter_is_shown() -> None:
    """The letter says the date typed; the adviser hears why it needs a second look first."""
    lines = [
        "1",
        "4",
        "1",
        "letter",
        "",
        "Ms Patel",
        *[""] * 7,
        "3",
        "2026-12-25",
        "",
        "letter show",
    ]
    _shell, text = run_lines(lines)
    flat = " ".join(text.split())
    assert "by Fri 25 Dec 2026" in flat  # the letter keeps the date the adviser typed
    assert flat.count("Note: Fri 25 Dec 2026 is not a working day (bank holiday: Christmas") == 2
    _shell, text = run_lines([*lines[:-3], "2026-12-23", "", "letter show"])  # a working day
    assert "is not a working day" not in text


def test_the_letters_date_alone_says_the_reply_needs_a_timescale() -> None:
    _shell, text = run_lines(["1", "4", "1", "deadlines", "2026-12-01"])
    flat = " ".join(text[text.index("DEADLINES") :].split())
    assert "No deadlines yet" not in flat
    assert "the reply needs a timescale too" in flat


def test_no_calendar_is_offered_when_no_deadline_could_be_worked_out() -> None:
    """'Type calendar' with nothing to put in it only leads to 'No deadlines yet'."""
    _shell, text = run_lines(["1", "4", "1", "deadlines", "2026-12-01"])
    assert "Type calendar" not in text
    _shell, text = run_lines(["1", "2", "1", "1", "deadlines", "2026-03-10", "stop"])
    assert "Type calendar to save these as a calendar file." in text


def test_the_form_labels_name_typed_commands_and_the_unit_chosen() -> None:
    """'ctrl+o to confirm it' means nothing at a typed prompt, and 'a number of days, or a
    date' after the unit was chosen leaves the adviser guessing which to type."""
    form = ["1", "4", "1", "letter", "", *[""] * 5, "confirm", "", "", "3", "", "", "letter"]
    _shell, text = run_lines([*form, "", *[""] * 8, "2"])
    assert "ctrl+o" not in text
    assert "What the complaint is about (now: " in text  # confirmed: no draft to confirm
    assert "Date to reply by (YYYY-MM-DD) (now empty):" in text
    assert "Reply within how many school days (a whole number) (now empty):" in text


def test_back_or_help_typed_in_a_form_is_never_kept_as_a_value(isolated_paths: Path) -> None:
    """Typed out of habit, 'back' must not become the addressee's name, nor 'help' a folder."""
    shell, text = run_lines(["1", "4", "1", "letter", "", "back", "Ms Patel", "help", "stop"])
    assert shell.session.letter_fields["addressee_name"] == "Ms Patel"
    assert shell.session.letter_fields.get("complainant_name", "") == ""
    assert text.count("This is a form:") == 2
    _shell, text = run_lines(["1", "4", "1", "save", "help", "stop"])
    assert "This is a form:" in text and not (Path.cwd() / "help").exists()
