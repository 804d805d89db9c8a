"""Deadlines as an iCalendar (.ics) file, for the family's or the adviser's own calendar.

Each deadline becomes an all-day event on its date, with the workings in the description so
whoever opens it can see how the date was reached. UIDs are stable (the same deadline gives the
same UID every time), so importing an updated file replaces events rather than doubling them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from send_tui.model.dates import long_date

if TYPE_CHECKING:
    from icalendar import Event

    from send_tui.model.deadlines import Deadline

PRODID = "-//send-tui//SEND deadlines//EN"
UID_DOMAIN = "send-tui"


def deadlines_to_ics(
    deadlines: Sequence[Deadline], title_prefix: str = "", stamp: datetime | None = None
) -> bytes:
    """One VCALENDAR with an all-day event per deadline date (several for the EHC timescales).

    `title_prefix` starts every event's title (a case reference, say) and also keeps the UIDs of
    different cases apart. `stamp` fixes DTSTAMP, for reproducible output in tests.
    """
    from icalendar import Calendar  # deferred: heavy, and only needed when saving

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    when = stamp or datetime.now(UTC)
    for deadline in deadlines:
        for event in _events(deadline, title_prefix, when):
            calendar.add_component(event)
    return bytes(calendar.to_ical())


def _events(deadline: Deadline, prefix: str, stamp: datetime) -> list[Event]:
    if not deadline.dates:
        return [
            _event(deadline, _title(deadline, prefix), deadline.due, deadline.clock, prefix, stamp)
        ]
    return [
        _event(
            deadline,
            f"{prefix}{deadline.title}: {milestone.label}",
            milestone.due,
            f"{deadline.clock}-{milestone.key}",
            prefix,
            stamp,
        )
        for milestone in deadline.dates
    ]


def _title(deadline: Deadline, prefix: str) -> str:
    title = f"{prefix}{deadline.title}"
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
    event.add("description", _description(deadline))
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
    lines += [f"Warning: {warning}" for warning in deadline.warnings]
    lines.append("Worked out by send-tui; check it against the current rules before relying on it.")
    return "\n".join(lines)
