"""Deadlines saved as .ics: all-day events with their workings, and UIDs that never change."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from send_tui.model import deadlines as dl
from send_tui.render.ics import deadlines_to_ics, stable_uid

STAMP = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_all_day_event_per_deadline_with_its_workings() -> None:
    appeal = dl.appeal(date(2026, 3, 10))
    (event,) = events(deadlines_to_ics([appeal], stamp=STAMP))
    assert event.decoded("dtstart") == date(2026, 5, 11)
    assert event.decoded("dtend") == date(2026, 5, 12)
    assert str(event["summary"]) == "Appeal to the SEND Tribunal (by 5pm)"
    description = str(event["description"])
    assert "Deadline: Mon 11 May 2026, by 5pm" in description
    for step in appeal.steps:
        assert step in description


def test_title_prefix_and_act_by() -> None:
    contact = dl.mediation_contact(date(2026, 3, 10))
    (event,) = events(deadlines_to_ics([contact], title_prefix="Case 42: ", stamp=STAMP))
    assert str(event["summary"]) == "Case 42: Contact the mediation adviser (act by Fri 8 May 2026)"
    assert "Act by: Fri 8 May 2026" in str(event["description"])


def test_ehc_gives_an_event_per_timescale() -> None:
    found = events(deadlines_to_ics([dl.ehc(date(2026, 1, 12))], stamp=STAMP))
    assert [e.decoded("dtstart") for e in found] == [
        date(2026, 2, 23),
        date(2026, 5, 4),
        date(2026, 6, 1),
    ]
    assert len({str(e["uid"]) for e in found}) == 3


def test_uids_are_stable_and_keep_cases_apart() -> None:
    deadline = dl.appeal(date(2026, 3, 10))
    first = events(deadlines_to_ics([deadline], "Case 1: ", STAMP))[0]["uid"]
    again = events(deadlines_to_ics([deadline], "Case 1: "))[0]["uid"]
    other = events(deadlines_to_ics([deadline], "Case 2: "))[0]["uid"]
    assert first == again == stable_uid("appeal", date(2026, 5, 11), "Case 1: ")
    assert other != first
    assert stable_uid("appeal", date(2026, 5, 11)) == "appeal-20260511@send-tui"


def test_a_valid_calendar_even_when_empty() -> None:
    data = deadlines_to_ics([], stamp=STAMP)
    calendar = Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0"
    assert data.startswith(b"BEGIN:VCALENDAR")


# --- the case reference, control characters and reminders (issue 12) -------------------------


def test_a_case_reference_is_set_off_from_each_title() -> None:
    appeal = dl.appeal(date(2026, 3, 10))
    (event,) = events(deadlines_to_ics([appeal], "TH-0042", stamp=STAMP))
    assert str(event["summary"]) == "TH-0042 – Appeal to the SEND Tribunal (by 5pm)"
    ehc = events(deadlines_to_ics([dl.ehc(date(2026, 1, 12))], "TH-0042", stamp=STAMP))
    assert all(str(e["summary"]).startswith("TH-0042 – ") for e in ehc)


def test_control_characters_are_stripped_from_every_field() -> None:
    appeal = dl.appeal(date(2026, 3, 10))
    data = deadlines_to_ics([appeal], "TH\x1b[2J-00\x0742\n", stamp=STAMP, reminder_working_days=3)
    for byte in (b"\x1b", b"\x07"):
        assert byte not in data
    (event,) = events(data)
    assert str(event["summary"]).startswith("TH[2J-0042 – Appeal")


def test_a_reminder_comes_the_set_number_of_working_days_before_at_9am() -> None:
    # The appeal is due Mon 11 May 2026; Mon 4 May is a bank holiday, so three working days
    # before is Wed 6 May (Fri 8, Thu 7, Wed 6), five calendar days before the deadline.
    appeal = dl.appeal(date(2026, 3, 10))
    (event,) = events(deadlines_to_ics([appeal], stamp=STAMP, reminder_working_days=3))
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    trigger = alarm.decoded("trigger")
    start = datetime.combine(event.decoded("dtstart"), datetime.min.time())
    assert start + trigger == datetime(2026, 5, 6, 9, 0)
    assert "Mon 11 May 2026" in str(alarm["description"])


def test_a_reminder_skips_a_bank_holiday() -> None:
    # Due Tue 5 May 2026: one working day before is Fri 1 May (Mon 4 May is a bank holiday).
    reply = dl.reply(date(2026, 4, 20), on=date(2026, 5, 5))
    (event,) = events(deadlines_to_ics([reply], stamp=STAMP, reminder_working_days=1))
    (alarm,) = event.walk("VALARM")
    start = datetime.combine(event.decoded("dtstart"), datetime.min.time())
    assert start + alarm.decoded("trigger") == datetime(2026, 5, 1, 9, 0)


def test_a_reminder_counts_from_the_day_to_act_by() -> None:
    # Decision Tue 10 Mar 2026: the mediation adviser must be contacted by Sun 10 May, so act by
    # Fri 8 May. Three working days before Fri 8 May is Tue 5 May, not Wed 6 May (three
    # before the Sunday), which would leave two working days to act.
    contact = dl.mediation_contact(date(2026, 3, 10))
    assert contact.act_by == date(2026, 5, 8)
    (event,) = events(deadlines_to_ics([contact], stamp=STAMP, reminder_working_days=3))
    (alarm,) = event.walk("VALARM")
    start = datetime.combine(event.decoded("dtstart"), datetime.min.time())
    assert start + alarm.decoded("trigger") == datetime(2026, 5, 5, 9, 0)
    assert "act by Fri 8 May 2026" in str(alarm["description"])


def test_no_reminder_when_it_is_off() -> None:
    (event,) = events(deadlines_to_ics([dl.appeal(date(2026, 3, 10))], stamp=STAMP))
    assert event.walk("VALARM") == []
