"""The timeline once a call moves on: a mediation certificate issued makes contacting the mediation
adviser a step done (not a limit gone by), the appeal says which date it runs from (HESC Rules
r.20(1)(c): the later of decision + 2 months and certificate + 1 month), and every entry carries
its clock's own notes, once. Dates are the worked examples of domain-facts.md section 11."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from send_tui.model.record import read_record, save_record, session_from_record
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from send_tui.model.timeline import (
    Timeline,
    TimelineEntry,
    build_timeline,
    calendar_done,
    calendar_notes,
    timeline_section,
)
from send_tui.render import render
from tests.model.test_timeline import broken
from tests.sessions import on_path, shipped

CONTACT_DONE = (
    "Contact the mediation adviser (done). The mediation certificate has been issued, so the "
    "mediation adviser was contacted."
)
FROM_CERTIFICATE = "The date of the mediation certificate: 1 month from it ends later than"
FROM_DECISION = "The date on the council's decision letter: 1 month from the mediation certificate"


def section_f_appeal(**dates: date) -> Session:
    """A parent appealing Section F (so mediation advice first), with these dates, in this order."""
    return on_path(
        ("situation", "council_decision"),
        ("council_decision", "plan_contents"),
        ("appeal_scope", "other_parts"),
        ("what_next_decision", "appeal"),
        **dates,
    )


def entry(timeline: Timeline, key: str) -> TimelineEntry:
    return next(e for e in timeline.entries if e.key == key)


# --- the contact step is done once the certificate is issued -------------------------------------


def test_without_a_certificate_the_contact_limit_gone_by_is_a_warning() -> None:
    """The before picture: decision 10 Mar, today 20 May, no certificate entered."""
    timeline = build_timeline(section_f_appeal(decision=date(2026, 3, 10)), date(2026, 5, 20))
    contact = entry(timeline, "mediation_contact")
    assert (contact.kind, contact.status(date(2026, 5, 20))) == (
        "firm legal limit",
        "passed 12 days ago",
    )
    assert any(
        w.startswith("Contact the mediation adviser: Fri 8 May 2026") for w in timeline.warnings
    )


def test_a_certificate_issued_makes_the_contact_step_done_not_a_limit_gone_by() -> None:
    """Worked example 1, a week on: certificate Wed 13 May; the appeal is Mon 15 Jun."""
    today = date(2026, 5, 20)
    session = section_f_appeal(
        decision=date(2026, 3, 10),
        mediation_adviser_told=date(2026, 5, 10),
        certificate=date(2026, 5, 13),
    )
    timeline = build_timeline(session, today)
    assert [e.key for e in timeline.entries] == [
        "mediation_contact",
        "mediation_certificate",
        "appeal",
    ]
    contact = entry(timeline, "mediation_contact")
    assert contact.is_done and contact.when == date(2026, 5, 13)
    assert (contact.kind, contact.status(today), contact.date_text()) == (
        "done",
        "done",
        "Wed 13 May 2026",
    )
    # the certificate's own clock is settled too: nothing to chase the adviser for
    certificate = entry(timeline, "mediation_certificate")
    assert certificate.is_done and certificate.escalation_line() == ""
    assert timeline.warnings == () and timeline.escalations() == ()
    lines = timeline_section(timeline).lines()
    assert f"Wed 13 May 2026: {CONTACT_DONE}" in lines
    assert not any("days left" in line and "mediation adviser" in line for line in lines)
    # the appeal runs from the certificate, and says so
    appeal = entry(timeline, "appeal")
    assert (appeal.due, appeal.kind) == (date(2026, 6, 15), "firm legal limit")
    assert appeal.started_by.startswith(FROM_CERTIFICATE)


def test_the_certificate_entered_before_the_decision_date_gives_the_same_timeline() -> None:
    """The order the adviser fills the form in does not matter, only the dates."""
    today = date(2026, 5, 20)
    first = section_f_appeal(certificate=date(2026, 5, 13), decision=date(2026, 3, 10))
    second = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    assert build_timeline(first, today) == build_timeline(second, today)
    assert entry(build_timeline(first, today), "mediation_contact").is_done


def test_a_certificate_dated_before_the_decision_settles_nothing() -> None:
    """A typing slip: the appeal cannot be counted, and the contact limit stays in view."""
    today = date(2026, 4, 1)
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 3, 1))
    timeline = build_timeline(session, today)
    contact = entry(timeline, "mediation_contact")
    assert not contact.is_done and contact.kind == "firm legal limit"
    assert contact.status(today) == "37 days left"
    assert [p.clock for p in timeline.problems] == ["appeal"]
    assert "before the date on the decision letter" in timeline.problems[0].reason


def test_a_certificate_dated_after_today_is_not_yet_issued() -> None:
    """Entered ahead (the date it is due): the contact is still to do until that day comes."""
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    assert not entry(build_timeline(session, date(2026, 5, 1)), "mediation_contact").is_done
    assert entry(build_timeline(session, date(2026, 5, 13)), "mediation_contact").is_done


def test_a_certificate_later_than_decision_plus_one_month_gives_the_later_appeal_date() -> None:
    """Worked example 4: decision 1 Mar, certificate 20 May: 20 Jun (Sat) -> Mon 22 Jun."""
    session = section_f_appeal(decision=date(2026, 3, 1), certificate=date(2026, 5, 20))
    timeline = build_timeline(session, date(2026, 5, 25))
    appeal = entry(timeline, "appeal")
    assert appeal.due == date(2026, 6, 22)
    assert appeal.date_text() == "Mon 22 Jun 2026, by 5pm"
    assert appeal.started_by.startswith(FROM_CERTIFICATE)
    assert entry(timeline, "mediation_contact").is_done


def test_an_early_certificate_never_shortens_the_two_months_from_the_decision() -> None:
    """Worked example 4's contrast: certificate 5 Mar gives 5 Apr, earlier than 1 May, so 1 May."""
    session = section_f_appeal(decision=date(2026, 3, 1), certificate=date(2026, 3, 5))
    timeline = build_timeline(session, date(2026, 3, 10))
    appeal = entry(timeline, "appeal")
    assert appeal.due == date(2026, 5, 1)
    assert appeal.started_by.startswith(FROM_DECISION)
    assert "never shortens" in appeal.started_by
    assert entry(timeline, "mediation_contact").is_done


def test_without_a_certificate_the_appeal_says_both_rules() -> None:
    session = section_f_appeal(decision=date(2026, 3, 1))
    appeal = entry(build_timeline(session, date(2026, 3, 10)), "appeal")
    assert appeal.started_by == (
        "The date on the council's decision letter (or the mediation certificate, if later)."
    )


def test_the_calendar_marks_the_done_step_and_keeps_the_others() -> None:
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    timeline = build_timeline(session, date(2026, 5, 20))
    assert calendar_done(timeline) == {("mediation_contact", "")}
    assert calendar_notes(timeline)[("mediation_contact", "")] == (
        "Done on Wed 13 May 2026: The mediation certificate has been issued, so the mediation "
        "adviser was contacted.",
    )
    assert calendar_notes(timeline)[("appeal", "")][0] == "Firm legal limit"


def test_the_deadlines_say_done_where_they_would_count_days_to_a_limit_gone_by() -> None:
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    lines = {line.title: line for line in build_summary(session, date(2026, 5, 20)).deadlines}
    contact = lines["Contact the mediation adviser"]
    assert (contact.status, contact.act_by) == ("done on Wed 13 May 2026", "")
    assert lines["Appeal to the SEND Tribunal"].status == "26 days left"


def test_a_saved_record_reopened_on_a_later_day_still_shows_the_contact_step_done(
    tmp_path: Path,
) -> None:
    """Walk it twice: the dates travel in the record; the done step is worked out again from them."""
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    path = save_record(session, tmp_path / "call.toml")
    reopened = session_from_record(read_record(path), shipped())
    later = date(2026, 6, 10)
    timeline = build_timeline(reopened, later)
    contact = entry(timeline, "mediation_contact")
    assert contact.is_done and contact.status(later) == "done"
    assert entry(timeline, "appeal").status(later) == "5 days left"
    assert not any("mediation adviser" in w for w in timeline.warnings)


# --- a clock's own notes, with its entry ---------------------------------------------------------


def permanent_exclusion() -> Session:
    """The board's review and the panel application: two school-day clocks, one term-date note."""
    return on_path(
        ("situation", "exclusion"),
        ("exclusion_kind", "permanent"),
        ("exclusion_sen", "neither"),
        exclusion_notice=date(2026, 11, 23),
        board_decision=date(2026, 11, 27),
    )


def test_each_clock_note_is_on_its_entry_once() -> None:
    timeline = build_timeline(permanent_exclusion(), date(2026, 12, 1))
    keys = [e.key for e in timeline.entries]
    assert keys[:2] == ["exclusion_review", "exclusion_panel"]
    review, panel = timeline.entries[:2]
    (note,) = review.notes
    assert note.startswith("The term dates in local/tower-hamlets/term-dates.toml are illustrative")
    assert panel.notes == ()  # the same note, already on the board's review just above
    lines = timeline_section(timeline).lines()
    assert sum(f"Note: {note}" in line for line in lines) == 1
    assert f"Note: {note}" in lines[0]
    # a note is about its clock, not a warning about the dates
    assert note not in timeline.warnings


# --- the content -----------------------------------------------------------------------------------


def test_a_clock_a_certificate_settles_must_say_what_done_means(tmp_path: Path) -> None:
    message = broken(
        tmp_path,
        'done = "The mediation certificate has been issued."\n',
        "",
    )
    assert "timeline.mediation_certificate.done" in message and "is missing" in message


def test_started_by_date_names_only_a_date_the_clock_counts_from(tmp_path: Path) -> None:
    message = broken(tmp_path, "started_by_date.decision", "started_by_date.conduct")
    assert "timeline.appeal.started_by_date.conduct" in message
    assert "is not a date this clock counts from" in message


# --- every format ----------------------------------------------------------------------------------


def flat(data: bytes, fmt: str) -> str:
    """The output as it reads: runs of spaces as one, Markdown and HTML escapes undone."""
    text = " ".join(data.decode("utf-8").split())
    if fmt == "md":
        text = text.replace("\\", "")
    if fmt == "html":
        text = text.replace("&#x27;", "'")
    return text


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_summary_shows_the_contact_step_done_and_the_appeal_from_the_certificate(
    fmt: str,
) -> None:
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    text = flat(render(build_summary(session, date(2026, 5, 20)), fmt), fmt)
    assert f"Wed 13 May 2026: {CONTACT_DONE}" in text
    assert "(done on Wed 13 May 2026)" in text  # the deadlines section, after the limit's date
    assert (
        f"Mon 15 Jun 2026, by 5pm: Appeal to the SEND Tribunal (26 days left; firm legal limit). Starts from: {FROM_CERTIFICATE}"
        in text
    )
    assert "passed" not in text  # no limit gone by, anywhere: not the contact, not its act-by day
    assert "Watch out" not in text


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_summary_timeline_carries_each_clock_note_once(fmt: str) -> None:
    session = permanent_exclusion()
    text = flat(render(build_summary(session, date(2026, 12, 1)), fmt), fmt)
    note = (
        "The term dates in local/tower-hamlets/term-dates.toml are illustrative and not confirmed"
    )
    start = text.lower().index("every date, earliest first")  # the timeline section onwards
    timeline = text[start:]
    assert timeline.count(f"Note: {note}") == 1, fmt
    assert "Governing board considers reinstatement (" in timeline


def calendar_events(session: Session, today: date) -> dict[str, object]:
    from icalendar import Calendar

    from send_tui.model.outputs import deadlines_calendar

    data = deadlines_calendar(session, today, reminder_working_days=3)
    assert data is not None
    return {str(event["summary"]): event for event in Calendar.from_ical(data).walk("VEVENT")}


def test_the_calendar_event_of_the_done_step_says_done_and_has_no_reminder() -> None:
    session = section_f_appeal(decision=date(2026, 3, 10), certificate=date(2026, 5, 13))
    events = calendar_events(session, date(2026, 5, 20))
    contact = events["Contact the mediation adviser (act by Fri 8 May 2026) (done)"]
    assert str(contact["description"]).startswith(  # type: ignore[index]
        "Done on Wed 13 May 2026: The mediation certificate has been issued"
    )
    assert contact.walk("VALARM") == []  # type: ignore[attr-defined]
    appeal = events["Appeal to the SEND Tribunal (by 5pm)"]
    assert str(appeal["description"]).startswith(
        "Firm legal limit\nStarts from: The date of the mediation certificate"
    )  # type: ignore[index]
    assert len(appeal.walk("VALARM")) == 1  # type: ignore[attr-defined]


def test_the_calendar_event_carries_its_clock_note_once() -> None:
    events = calendar_events(permanent_exclusion(), date(2026, 12, 1))
    note = (
        "The term dates in local/tower-hamlets/term-dates.toml are illustrative and not confirmed"
    )
    for title in (
        "Governing board considers reinstatement",
        "Apply for an independent review panel",
    ):
        (event,) = [e for t, e in events.items() if t.startswith(title)]
        described = " ".join(str(event["description"]).split())  # type: ignore[index]
        assert described.count(note) == 1, title
