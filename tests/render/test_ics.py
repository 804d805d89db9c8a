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
