"""The school calendar the deadline and calendar tests share: worked example 12's school."""

from __future__ import annotations

from datetime import date

from send_tui.model.calendars import SchoolCalendar
from send_tui.model.content import SchoolTerm, TermCalendar

D = date


def example_school(inset: tuple[date, ...] = (), confirmed: bool = False) -> SchoolCalendar:
    """Open Mon-Fri, 2026-27, Easter holidays 30 Mar-10 Apr 2026, no INSET days unless given."""
    terms = (
        SchoolTerm("Spring 2", D(2026, 2, 23), D(2026, 3, 27)),
        SchoolTerm("Summer 1", D(2026, 4, 13), D(2026, 5, 22)),
        SchoolTerm("Summer 2", D(2026, 6, 1), D(2026, 7, 22)),
        SchoolTerm("Autumn 1", D(2026, 9, 2), D(2026, 10, 23)),
        SchoolTerm("Autumn 2", D(2026, 11, 2), D(2026, 12, 18)),
    )
    return SchoolCalendar(TermCalendar(terms, inset, confirmed, "test-terms.toml"))
