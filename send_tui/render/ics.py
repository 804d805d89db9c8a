"""Deadlines as an iCalendar (.ics) file, for the family's or the adviser's own calendar.

Each deadline becomes an all-day event on its date, with the workings in the description so
whoever opens it can see how the date was reached. UIDs are stable (the same deadline gives the
same UID every time), so importing an updated file replaces events rather than doubling them.
A case reference is set off from each title ("TH-0042 – Appeal to ..."), every field is cleared
of control characters, and an optional reminder (VALARM) comes a few working days before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from send_tui.model.dates import long_date
from send_tui.model.letter import clean_text
from send_tui.model.summary import warning_line

if TYPE_CHECKING:
    from icalendar import Event

    from send_tui.model.calendars import WorkingCalendar
    from send_tui.model.deadlines import Deadline

PRODID = "-//send-tui//SEND deadlines//EN"
UID_DOMAIN = "send-tui"
#: Between a case reference and the title: "TH-0042 – Appeal to the SEND Tribunal".
SEPARATOR = " \u2013 "
#: The hour of the reminder on its day (local time of whoever imports the calendar).
REMINDER_HOUR = 9


def deadlines_to_ics(
    deadlines: Sequence[Deadline],
    title_prefix: str = "",
    stamp: datetime | None = None,
    *,
    reminder_working_days: int = 0,
    calendar: WorkingCalendar | None = None,
    notes: Mapping[tuple[str, str], Sequence[str]] | None = None,
    done: Collection[tuple[str, str]] = (),
) -> bytes:
    """One VCALENDAR with an all-day event per deadline date (several for the EHC timescales).

    `title_prefix` (a case reference) starts every event's title, set off by " – " unless it ends
    in punctuation (then by a space), and keeps the UIDs of different cases apart. A positive
    `reminder_working_days` adds a reminder at 9am that many working days before each date, or
    before its day to act by when it has one (`calendar` gives the closure days; weekends and
    bank holidays otherwise). `stamp` fixes
    DTSTAMP, for reproducible output in tests. `notes`, by (clock, milestone key or ""), are the
    timeline's lines for a date (firm limit or target, what to do if it passes with no answer),
    put first in its event's description. `done`, keys as for `notes`, are the dates whose step
    is done (a certificate issued settles the contact): their events say so and have no reminder,
    and keep their UIDs, so importing the new file updates an event already in a calendar.
    """
    from icalendar import Calendar  # deferred: heavy, and only needed when saving

    if calendar is None:
        from send_tui.model.calendars import WorkingCalendar

        calendar = WorkingCalendar()
    prefix = _one_line(title_prefix)
    ics = Calendar()
    ics.add("prodid", PRODID)
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    when = stamp or datetime.now(UTC)
    for deadline in deadlines:
        # UIDs from the reference as given, so calendars imported before keep their events.
        milestones = [m.key for m in deadline.dates] or [""]
        events = _events(deadline, prefix, when, title_prefix)
        for (event, day), milestone in zip(events, milestones, strict=True):
            _lead_with(event, (notes or {}).get((deadline.clock, milestone), ()))
            if (deadline.clock, milestone) in done:
                _mark_done(event)
            elif reminder_working_days > 0:
                # Before the day to act by, where the last day is one nobody can act on.
                act_by = deadline.act_by if not deadline.dates else None
                alarm = _alarm(event, day, reminder_working_days, calendar, act_by)
                event.add_component(alarm)
            ics.add_component(event)
    return bytes(ics.to_ical())


def _lead_with(event: Event, lines: Sequence[str]) -> None:
    """Put the timeline's lines for this date before the workings in the event's description."""
    if not lines:
        return
    description = str(event.pop("description", ""))
    event.add("description", clean_text("\n".join([*lines, description])))


def _mark_done(event: Event) -> None:
    """'Contact the mediation adviser (act by ...) (done)': nothing is left to do by this date."""
    from send_tui.model.timeline import TIMELINE_WORDS

    title = str(event.pop("summary", ""))
    event.add("summary", f"{title} ({TIMELINE_WORDS.done})")


def _one_line(text: str) -> str:
    """Text for an iCalendar field: no control characters, and on one line."""
    return " ".join(clean_text(text).split())


def _with_prefix(prefix: str, title: str) -> str:
    if not prefix:
        return title
    if not prefix[-1].isalnum():  # "Case 42:" already sets itself off
        return f"{prefix} {title}"
    return f"{prefix}{SEPARATOR}{title}"


def _events(
    deadline: Deadline, prefix: str, stamp: datetime, uid_prefix: str
) -> list[tuple[Event, date]]:
    if not deadline.dates:
        title = _title(deadline, prefix)
        return [
            (_event(deadline, title, deadline.due, deadline.clock, uid_prefix, stamp), deadline.due)
        ]
    return [
        (
            _event(
                deadline,
                _with_prefix(prefix, _one_line(f"{deadline.title}: {milestone.label}")),
                milestone.due,
                f"{deadline.clock}-{milestone.key}",
                uid_prefix,
                stamp,
            ),
            milestone.due,
        )
        for milestone in deadline.dates
    ]


def _alarm(
    event: Event,
    day: date,
    working_days: int,
    calendar: WorkingCalendar,
    act_by: date | None = None,
):  # -> Alarm
    """A display reminder at 9am, `working_days` working days before `day`, or before `act_by`
    (the working day before a last day that is not one), so the days to act are all there.

    Relative to the all-day event's start (midnight), so it follows the event if it is moved.
    """
    from icalendar import Alarm

    remind_on = act_by if act_by is not None and act_by < day else day
    counted = 0
    while counted < working_days:
        remind_on -= timedelta(days=1)
        if calendar.is_working_day(remind_on):
            counted += 1
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Reminder: {event['summary']} is on {long_date(day)}")
    alarm.add("trigger", timedelta(days=-(day - remind_on).days, hours=REMINDER_HOUR))
    return alarm


def _title(deadline: Deadline, prefix: str) -> str:
    title = _with_prefix(prefix, _one_line(deadline.title))
    if deadline.by_5pm:
        title += " (by 5pm)"
    if deadline.act_by is not None:
        title += f" (act by {long_date(deadline.act_by)})"
    return title


def _event(
    deadline: Deadline, title: str, day: date, key: str, prefix: str, stamp: datetime
) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", stable_uid(key, day, prefix))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", title)
    event.add("description", clean_text(_description(deadline)))
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it does not make anyone busy
    return event


def stable_uid(key: str, day: date, prefix: str = "") -> str:
    """The same clock, date and case always give the same UID; different cases never share one."""
    case = f"-{hashlib.sha256(prefix.encode()).hexdigest()[:10]}" if prefix else ""
    return f"{key}-{day:%Y%m%d}{case}@{UID_DOMAIN}"


def _description(deadline: Deadline) -> str:
    lines = [f"{m.label}: {long_date(m.due)}" for m in deadline.dates]
    if not deadline.dates:
        lines.append(
            f"Deadline: {long_date(deadline.due)}" + (", by 5pm" if deadline.by_5pm else "")
        )
    if deadline.act_by is not None:
        lines.append(f"Act by: {long_date(deadline.act_by)}")
    lines.append("Workings:")
    lines += [f"{number}. {step}" for number, step in enumerate(deadline.steps, start=1)]
    lines += [warning_line(warning) for warning in deadline.warnings]
    lines.append("Worked out by send-tui; check it against the current rules before relying on it.")
    return "\n".join(lines)
