"""A reply in working days that runs into the school's holidays says so and offers school days."""

from __future__ import annotations

from datetime import date

from send_tui.model import deadlines
from send_tui.model.letter import LetterDraft, calendars_for, reply_deadline, reply_notes
from send_tui.model.session import Session
from send_tui.model.summary import build_summary, session_deadlines
from send_tui.render.text import render_text
from tests.sessions import shipped


def school_letter(sent: date, about: str = "school") -> Session:
    session = Session(shipped())
    session.answer("situation", "complaint")
    session.answer("complaint_about", about)
    session.letter_fields.update(outcome="A meeting", reply_unit="working_days", reply_within="10")
    session.dates["reply_from"] = sent
    return session


def test_ten_working_days_over_christmas_say_so_and_give_school_days() -> None:
    # the illustrative calendar: Autumn 2 ends Fri 18 Dec 2026, Spring 1 starts Mon 4 Jan 2027
    # (an INSET day), so 10 school days after Mon 14 Dec are 15-18 Dec and 5-12 Jan
    (reply,) = session_deadlines(school_letter(date(2026, 12, 14)), date(2026, 12, 14))
    assert reply.due == date(2026, 12, 30)
    holiday, unconfirmed = reply.warnings
    assert "run into the school holiday (Mon 21 Dec 2026 to Wed 30 Dec 2026" in holiday
    assert "in 10 school days instead, the reply would be due by Tue 12 Jan 2027" in holiday
    assert "illustrative" in unconfirmed
    # a young person may be complaining for themselves: the note does not assume a family
    assert "if that suits the person complaining better" in holiday
    assert "family" not in holiday
    text = render_text(build_summary(school_letter(date(2026, 12, 14)), date(2026, 12, 14)))
    assert "school holiday" in text and "Tue 12 Jan 2027" in " ".join(text.split())


def test_a_count_inside_term_says_nothing_about_holidays() -> None:
    (reply,) = session_deadlines(school_letter(date(2026, 11, 16)), date(2026, 11, 16))
    assert reply.due == date(2026, 11, 30) and reply.warnings == ()


def test_a_letter_to_the_council_ignores_school_holidays() -> None:
    (reply,) = session_deadlines(school_letter(date(2026, 12, 14), "council"), date(2026, 12, 14))
    assert reply.due == date(2026, 12, 30) and reply.warnings == ()


def test_only_term_time_templates_get_the_note() -> None:
    content = shipped()
    assert [t.id for t in content.letters.values() if t.term_time] == ["complaint_school"]
    draft = LetterDraft(reply_unit="working_days", reply_within="10")
    sent = date(2026, 12, 14)
    assert reply_deadline(draft, sent, content).warnings == ()
    assert reply_deadline(draft, sent, content, content.letters["complaint_school"]).warnings


def test_term_dates_that_stop_short_give_no_note_rather_than_guess() -> None:
    working, school = calendars_for(shipped())
    assert school is not None
    # from Mon 19 Jul 2027 the count runs past the last term (ends Thu 22 Jul): nothing is known
    reply = deadlines.reply(date(2027, 7, 19), working_days=10, calendar=working, school=school)
    assert reply.due == date(2027, 8, 2) and reply.warnings == ()


def college_reply(unit: str, within: str) -> tuple[str, ...]:
    """The reply clock's warnings for a college letter sent Mon 14 Dec 2026."""
    session = school_letter(date(2026, 12, 14), "college")
    session.letter_fields.update(reply_unit=unit, reply_within=within)
    (reply,) = session_deadlines(session, date(2026, 12, 14))
    return reply.warnings


def test_a_college_letter_says_its_own_procedure_sets_the_time_and_its_holidays_are_unknown() -> (
    None
):
    # The same 10 working days over Christmas as the school's: no college term dates exist, so
    # no holiday is worked out or school days offered; the note says what the date cannot know.
    (note,) = college_reply("working_days", "10")
    assert note.startswith("A college's own complaints procedure usually sets how long")
    assert "send-tui does not have its term dates" in note
    assert "school holiday" not in note and "school days" not in note
    # no timescale is invented for a college: the note gives no number of days
    assert not any(ch.isdigit() for ch in note)
    text = " ".join(
        render_text(
            build_summary(school_letter(date(2026, 12, 14), "college"), date(2026, 12, 14))
        ).split()
    )
    assert "Warning: A college's own complaints procedure usually sets" in text


def test_the_college_note_comes_with_a_date_typed_too_and_on_the_letter_screen() -> None:
    # A date asked for outright may still fall in the college's holidays.
    assert college_reply("date", "2027-01-04")[-1].startswith("A college's own complaints")
    content = shipped()
    college = content.letters["complaint_college"]
    draft = LetterDraft(reply_unit="working_days", reply_within="10")
    notes = reply_notes(draft, date(2026, 11, 16), content, college)
    assert notes == ("Reply by Mon 30 Nov 2026.", college.reply_note)


def test_only_the_college_letter_has_a_reply_note() -> None:
    # The school's is worked out from its term dates (term_time); the others' addressees have
    # their own timescales in the route content (28 days, 10 working days) or none to add.
    assert [t.id for t in shipped().letters.values() if t.reply_note] == ["complaint_college"]
