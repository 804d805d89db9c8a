"""Reading dates people type, and what "today" is; one place, so every form says the same.

Every date a user can give (a form, a record, the autosave, a `send-tui deadline` option, a
term-dates file) must lie in `EARLIEST`..`LATEST`: far enough either side of any real case, and
far enough from year 9999 that no deadline counted from it can run off the end of the calendar.
"""

from __future__ import annotations

import os
from datetime import date

EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)
DATE_FORMAT_HELP = "YYYY-MM-DD, for example 2026-03-10"
DATE_RANGE_HELP = f"between {EARLIEST.isoformat()} and {LATEST.isoformat()}"


class DateFormatError(ValueError):
    """A date that could not be read or is out of range; the message says the format and range."""


def in_range(day: date) -> bool:
    """Is `day` a date send-tui accepts (1990-01-01 to 2100-12-31)?"""
    return EARLIEST <= day <= LATEST


def range_problem(day: date) -> str | None:
    """Why `day` is refused, in words that give the range; None when it is accepted."""
    if in_range(day):
        return None
    return f"{day.isoformat()} is outside the dates send-tui works with: give a date {DATE_RANGE_HELP}."


def parse_date(text: str) -> date:
    """A typed date, or `DateFormatError` saying the format (YYYY-MM-DD) and the range."""
    cleaned = text.strip()
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        if not cleaned:
            raise DateFormatError(
                f"Enter a date as {DATE_FORMAT_HELP}, {DATE_RANGE_HELP}."
            ) from None
        shown = cleaned if len(cleaned) <= 40 else cleaned[:40] + "..."
        raise DateFormatError(
            f"'{shown}' is not a date. Enter it as {DATE_FORMAT_HELP}, {DATE_RANGE_HELP}."
        ) from None
    problem = range_problem(day)
    if problem:
        raise DateFormatError(problem)
    return day


def today(override: date | None = None) -> date:
    """Today, unless a `--today` date or `SEND_TUI_TODAY` says otherwise (training and tests)."""
    if override is not None:
        return override
    env = os.environ.get("SEND_TUI_TODAY")
    if env:
        return parse_date(env)
    return date.today()


def long_date(day: date) -> str:
    """'Tue 10 Mar 2026': the form every output uses."""
    return f"{day:%a} {day.day} {day:%b %Y}"
