"""Reading dates people type, and what "today" is; one place, so every form says the same."""

from __future__ import annotations

import os
from datetime import date

DATE_FORMAT_HELP = "YYYY-MM-DD, for example 2026-03-10"


class DateFormatError(ValueError):
    """A date that could not be read; the message says the format to use."""


def parse_date(text: str) -> date:
    cleaned = text.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        if not cleaned:
            raise DateFormatError(f"Enter a date as {DATE_FORMAT_HELP}.") from None
        raise DateFormatError(
            f"{cleaned!r} is not a date. Enter it as {DATE_FORMAT_HELP}."
        ) from None


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
