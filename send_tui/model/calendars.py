"""Which days count: working days for tribunal and SEND Regs clocks, school days for exclusions.

Working days leave out weekends, England and Wales bank holidays (Christmas Day and Good Friday
among them) and any extra closure days that content announces after the `holidays` package was
released. Bank holidays are computed offline for any year, substitute days included, so the
tool never needs the network and never goes stale at a year boundary.

School days come from one school's term calendar, which an adviser can edit, because an exclusion
clock counts only the days that school has a session. A count that needs a day the calendar does
not cover stops with `OutsideTermDates` rather than guess.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from send_tui.model.content import SchoolTerm, TermCalendar
from send_tui.model.content_errors import ContentError
from send_tui.model.dates import long_date
from send_tui.model.toml_table import Table

ONE_DAY = timedelta(days=1)

#: A gap between two terms longer than this is taken to be a missing term, not a holiday: it
#: is longer than any school's summer break but shorter than a term with its holidays.
LONGEST_HOLIDAY = timedelta(weeks=11)
#: How far outside a term an INSET day may be before it is taken for a mistyped date.
_INSET_NEAR = timedelta(weeks=2)

WEEKEND = "weekend"
SCHOOL_HOLIDAY = "school holiday"
INSET_DAY = "INSET day"
CLOSURE_DAY = "closure day"


class OutsideTermDates(ValueError):
    """A school-day count needs a day that the term calendar does not cover."""


class TermDatesError(ValueError):
    """A term-dates file that cannot be used; the message names the file and the key."""


# --- calendar arithmetic ---------------------------------------------------------------------


def add_months(start: date, months: int) -> tuple[date, bool]:
    """The corresponding date `months` later, or the month's last day if there is none.

    This is the calendar-month rule of *Dodds v Walker*. The flag says the last-day rule was
    used, so the workings can explain why 31 January + 1 month is 28 February.
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return date(year, month, last), True
    return date(year, month, start.day), False


# --- working days ----------------------------------------------------------------------------


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> Mapping[date, str]:
    """England and Wales bank holidays in `year`, substitute days included, with their names."""
    import holidays  # deferred: it takes a noticeable time to import

    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return {day: str(name) for day, name in found.items()}


@dataclass(frozen=True, slots=True)
class SkippedDays:
    """A run of days a count left out for one reason (weekends inside the run included)."""

    first: date
    last: date
    reason: str


@dataclass(frozen=True, slots=True)
class DayCount:
    """The result of counting days after a trigger, with what was left out and why."""

    start: date
    days: int
    unit: str  # "working day" or "school day"
    result: date
    skipped: tuple[SkippedDays, ...]
    weekends_skipped: bool


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """Working days in England: not a weekend, a bank holiday or an extra closure day."""

    closures: tuple[date, ...] = ()

    def non_working_reason(self, day: date) -> str | None:
        """Why `day` is not a working day, or None if it is one."""
        if day.weekday() >= 5:
            return WEEKEND
        name = bank_holidays(day.year).get(day)
        if name:
            return f"bank holiday: {name}"
        if day in self.closures:
            return CLOSURE_DAY
        return None

    def is_working_day(self, day: date) -> bool:
        return self.non_working_reason(day) is None

    def on_or_after(self, day: date) -> date:
        """The first working day from `day` on: where a next-working-day rule lands."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def on_or_before(self, day: date) -> date:
        """The last working day up to `day`: the safe day to act when no rule moves a limit."""
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def count(self, start: date, days: int) -> DayCount:
        """`days` working days after `start`, the day of the trigger itself not counted."""
        return count_days(start, days, "working day", self.non_working_reason)


def count_days(start: date, days: int, unit: str, reason: Callable[[date], str | None]) -> DayCount:
    """Count `days` days after `start` that `reason` lets through, grouping what it left out.

    Weekends are noted once rather than listed, and do not break a run of holiday days.
    """
    if days < 1:
        raise ValueError(f"A count of {unit}s needs at least 1 day, not {days}.")
    runs: list[SkippedDays] = []
    weekends = False
    counted = 0
    day = start
    run_open = False
    while counted < days:
        day += ONE_DAY
        why = reason(day)
        if why is None:
            counted += 1
            run_open = False
        elif why == WEEKEND:
            weekends = True
        elif run_open and runs[-1].reason == why:
            runs[-1] = SkippedDays(runs[-1].first, day, why)
        else:
            runs.append(SkippedDays(day, day, why))
            run_open = True
    return DayCount(start, days, unit, day, tuple(runs), weekends)


# --- school days -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """School days: weekdays inside a term that are not bank holidays, closures or INSET days.

    Whether INSET days count as school days in law is not confirmed; they are left out here,
    and `count(..., inset_counts=True)` gives the other answer so the workings can show both.
    """

    terms: TermCalendar
    working: WorkingCalendar = WorkingCalendar()

    @property
    def first_term(self) -> SchoolTerm:
        return min(self.terms.terms, key=lambda t: t.start)

    @property
    def last_term(self) -> SchoolTerm:
        return max(self.terms.terms, key=lambda t: t.end)

    def non_school_reason(self, day: date, inset_counts: bool = False) -> str | None:
        """Why `day` is not a school day, or None if it is; OutsideTermDates if nobody knows."""
        self._check_covered(day)
        if day.weekday() >= 5:
            return WEEKEND
        if not any(t.start <= day <= t.end for t in self.terms.terms):
            self._check_gap(day)
            return SCHOOL_HOLIDAY
        working = self.working.non_working_reason(day)
        if working is not None:
            return working
        if not inset_counts and day in self.terms.inset_days:
            return INSET_DAY
        return None

    def is_school_day(self, day: date) -> bool:
        return self.non_school_reason(day) is None

    def count(self, start: date, days: int, inset_counts: bool = False) -> DayCount:
        """`days` school days after `start`, the day of notice itself not counted."""
        self._check_covered(start)
        return count_days(
            start, days, "school day", lambda d: self.non_school_reason(d, inset_counts)
        )

    def _name(self, first_word: bool = False) -> str:
        where = self.terms.source_file
        name = f"term dates in {where}" if where else "term dates"
        return f"The {name}" if first_word else f"the {name}"

    def _check_covered(self, day: date) -> None:
        if not self.terms.terms:
            raise OutsideTermDates(
                f"{self._name(first_word=True)} list no terms, so {long_date(day)} cannot be "
                "counted. The term dates file must cover it."
            )
        first, last = self.first_term, self.last_term
        if day < first.start:
            raise OutsideTermDates(
                f"{long_date(day)} is before the first term in {self._name()} "
                f"({first.name} starts {long_date(first.start)}). "
                "The term dates file must cover it: add the school's earlier terms."
            )
        if day > last.end:
            raise OutsideTermDates(
                f"Counting school days reaches {long_date(day)}, after the last term in "
                f"{self._name()} ({last.name} ends {long_date(last.end)}). "
                "The term dates file must cover it: add the school's later terms."
            )

    def _check_gap(self, day: date) -> None:
        before = max((t.end for t in self.terms.terms if t.end < day), default=None)
        after = min((t.start for t in self.terms.terms if t.start > day), default=None)
        if before is None or after is None or after - before <= LONGEST_HOLIDAY:
            return
        raise OutsideTermDates(
            f"{self._name(first_word=True)} have no term between {long_date(before)} and "
            f"{long_date(after)}, longer than any school holiday, so {long_date(day)} cannot "
            "be counted. The term dates file must cover it: add the missing term."
        )


# --- reading a term-dates file ---------------------------------------------------------------


def load_term_calendar(path: Path) -> TermCalendar:
    """Read a standalone term-dates TOML file (`--terms FILE`): a `[term_dates]` table.

    Other tables (such as `[meta]`) are allowed, so a local pack's own file works too. Every
    problem is reported in one `TermDatesError`, each line naming the file and the key.
    """
    where = str(path)
    from send_tui.model.toml_file import TomlFileProblem, read_toml_file

    try:
        document = read_toml_file(path)
    except FileNotFoundError:
        raise TermDatesError(f"{where}: no such file.") from None
    except TomlFileProblem as problem:
        raise TermDatesError(f"{where}: {problem.problem}.") from None
    if "term_dates" not in document:
        raise TermDatesError(
            f"{where}: no [term_dates] table (see docs/content-format.md, or run `send-tui help content`)."
        )
    errors: list[ContentError] = []
    section = Table(document, where, "", errors).table("term_dates")
    calendar = read_term_dates(section) if section is not None else None
    if errors or calendar is None:
        raise TermDatesError("\n".join(str(error) for error in errors))
    return calendar


def read_term_dates(table: Table) -> TermCalendar:
    """Check a `[term_dates]` table and build the calendar, recording each problem on `table`.

    One place for what a term-dates table may hold, whoever reads it.
    """
    items = table.tables("terms", required=True)
    if table.has("terms") and not items and isinstance(table.data["terms"], list):
        table.error("terms", "is empty: add the school's terms")
    terms: list[SchoolTerm] = []
    for item in items:
        name, start, end = item.text("name"), item.day("start"), item.day("end")
        item.finish()
        if name and start and end:
            if end < start:
                item.error("end", f"{end} is before the start, {start}")
            else:
                terms.append(SchoolTerm(name, start, end))
    terms.sort(key=lambda t: t.start)
    for earlier, later in itertools.pairwise(terms):
        if later.start <= earlier.end:
            table.error("terms", f"{earlier.name!r} and {later.name!r} overlap")
    inset_days = table.days("inset_days")
    for index, day in enumerate(inset_days):
        if day.weekday() >= 5:
            table.error(f"inset_days[{index}]", f"{day} is a {day:%A}: check the date (YYYY-MM-DD)")
        elif terms and not any(t.start - _INSET_NEAR <= day <= t.end + _INSET_NEAR for t in terms):
            # (one just before a term is usual: the published term starts with the pupils' day)
            table.error(
                f"inset_days[{index}]",
                f"{day} is not in or next to any term, so it would change nothing: check the "
                "date (YYYY-MM-DD, the month before the day)",
            )
    calendar = TermCalendar(
        terms=tuple(terms),
        inset_days=tuple(sorted(inset_days)),
        confirmed=table.flag("confirmed"),
        source_file=table.file,
    )
    table.finish()
    return calendar
