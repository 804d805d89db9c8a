"""Working days, school days, month arithmetic and the term-dates reader.

Dates are from domain-facts §9 and §11; the bank holidays come from the `holidays` package, so
these tests also catch a package update that changes what England observes.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_tui.model.calendars import (
    INSET_DAY,
    SCHOOL_HOLIDAY,
    WEEKEND,
    OutsideTermDates,
    SchoolCalendar,
    SkippedDays,
    TermDatesError,
    WorkingCalendar,
    add_months,
    bank_holidays,
    load_term_calendar,
)
from send_tui.model.content import SchoolTerm, TermCalendar
from tests.model.calendars_fixture import example_school

D = date
ENGLAND = WorkingCalendar()


school_2026 = example_school


# --- month arithmetic (Dodds v Walker) -------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected", "last_day_used"),
    [
        (D(2026, 3, 10), 2, D(2026, 5, 10), False),  # the corresponding date
        (D(2026, 1, 31), 2, D(2026, 3, 31), False),  # example 2: March has a 31st
        (D(2026, 1, 31), 1, D(2026, 2, 28), True),  # example 2 contrast: no 31 Feb
        (D(2026, 3, 31), 1, D(2026, 4, 30), True),  # 31st to 30th
        (D(2026, 12, 31), 2, D(2027, 2, 28), True),  # example 3, across the year
        (D(2027, 12, 31), 2, D(2028, 2, 29), True),  # leap year: the 29th is the last day
        (D(2027, 12, 29), 2, D(2028, 2, 29), False),  # leap year: the 29th corresponds
        (D(2028, 2, 29), 12, D(2029, 2, 28), True),  # from a leap day to a common year
        (D(2026, 11, 30), 3, D(2027, 2, 28), True),  # 30th to 28th
        (D(2026, 8, 31), 6, D(2027, 2, 28), True),
    ],
)
def test_add_months(start: date, months: int, expected: date, last_day_used: bool) -> None:
    assert add_months(start, months) == (expected, last_day_used)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)), st.integers(0, 24))
def test_add_months_lands_in_the_right_month_never_overflowing(start: date, months: int) -> None:
    end, last_day_used = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == start.day or (last_day_used and end.day < start.day)
    if last_day_used:
        assert (end + timedelta(days=1)).day == 1


# --- bank holidays and working days ----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2026, 1, 1), "New Year"),
        (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 6), "Easter Monday"),
        (D(2026, 5, 4), "May Day"),
        (D(2026, 5, 25), "Spring Bank Holiday"),
        (D(2026, 8, 31), "Summer Bank Holiday"),
        (D(2026, 12, 25), "Christmas"),
        (D(2026, 12, 28), "Boxing Day"),  # substitute: 26 Dec 2026 is a Saturday
        (D(2027, 3, 26), "Good Friday"),
        (D(2027, 3, 29), "Easter Monday"),
        (D(2027, 12, 27), "Christmas"),  # substitute for Sat 25 Dec 2027
        (D(2027, 12, 28), "Boxing Day"),  # substitute for Sun 26 Dec 2027
        (D(2028, 1, 3), "New Year"),  # substitute for Sat 1 Jan 2028
        (D(2022, 9, 19), "Funeral"),  # a one-off bank holiday
        (D(2023, 5, 8), "Coronation"),
        (D(2040, 3, 30), "Good Friday"),  # any year, computed offline
    ],
)
def test_bank_holidays_of_england_and_wales(day: date, name: str) -> None:
    assert name in bank_holidays(day.year)[day]
    assert not ENGLAND.is_working_day(day)
    assert ENGLAND.non_working_reason(day) == f"bank holiday: {bank_holidays(day.year)[day]}"


def test_the_2026_bank_holidays_are_those_in_domain_facts() -> None:
    listed = {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    }
    weekday_holidays = {d for d in bank_holidays(2026) if d.weekday() < 5}
    assert weekday_holidays == listed


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (D(2026, 5, 9), WEEKEND),
        (D(2026, 5, 10), WEEKEND),
        (D(2026, 12, 26), WEEKEND),  # Boxing Day on a Saturday: the weekend comes first
        (D(2026, 5, 11), None),
        (D(2026, 12, 24), None),  # Christmas Eve is a working day
    ],
)
def test_non_working_reason(day: date, reason: str | None) -> None:
    assert ENGLAND.non_working_reason(day) == reason


def test_extra_closure_days_from_content_are_not_working_days() -> None:
    closed = WorkingCalendar(closures=(D(2026, 6, 12),))
    assert closed.non_working_reason(D(2026, 6, 12)) == "closure day"
    assert ENGLAND.is_working_day(D(2026, 6, 12))
    assert closed.count(D(2026, 6, 11), 1).result == D(2026, 6, 15)


@pytest.mark.parametrize(
    ("day", "after", "before"),
    [
        (D(2026, 5, 11), D(2026, 5, 11), D(2026, 5, 11)),  # a working day stays put
        (D(2026, 5, 10), D(2026, 5, 11), D(2026, 5, 8)),  # Sunday
        (D(2026, 4, 3), D(2026, 4, 7), D(2026, 4, 2)),  # Easter: Good Friday to Easter Monday
        (D(2026, 12, 25), D(2026, 12, 29), D(2026, 12, 24)),  # Christmas with a substitute day
        (D(2027, 12, 25), D(2027, 12, 29), D(2027, 12, 24)),  # two substitute days
        (D(2028, 1, 1), D(2028, 1, 4), D(2027, 12, 31)),  # New Year with a substitute day
    ],
)
def test_next_and_previous_working_day(day: date, after: date, before: date) -> None:
    assert ENGLAND.on_or_after(day) == after
    assert ENGLAND.on_or_before(day) == before


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2080, 12, 31)))
def test_on_or_after_is_the_first_working_day(day: date) -> None:
    found = ENGLAND.on_or_after(day)
    assert ENGLAND.is_working_day(found)
    assert all(not ENGLAND.is_working_day(day + timedelta(n)) for n in range((found - day).days))


def test_working_day_count_over_easter_is_example_7() -> None:
    count = ENGLAND.count(D(2026, 4, 2), 3)
    assert count.result == D(2026, 4, 9)
    assert count.skipped == (
        SkippedDays(D(2026, 4, 3), D(2026, 4, 3), "bank holiday: Good Friday"),
        SkippedDays(D(2026, 4, 6), D(2026, 4, 6), "bank holiday: Easter Monday"),
    )
    assert count.weekends_skipped


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 5, 10), 3, D(2026, 5, 13)),  # example 1: the trigger day is not counted
        (D(2026, 5, 11), 1, D(2026, 5, 12)),
        (D(2026, 12, 24), 3, D(2026, 12, 31)),  # Christmas, Boxing Day substitute on the 28th
        (D(2027, 12, 24), 1, D(2027, 12, 29)),  # 27 and 28 Dec 2027 both substitutes
        (D(2026, 8, 28), 1, D(2026, 9, 1)),  # summer bank holiday
    ],
)
def test_working_day_counts(start: date, days: int, expected: date) -> None:
    assert ENGLAND.count(start, days).result == expected


def test_a_count_needs_at_least_one_day() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ENGLAND.count(D(2026, 5, 11), 0)


# --- school days -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (D(2026, 3, 9), None),
        (D(2026, 3, 14), WEEKEND),
        (D(2026, 4, 1), SCHOOL_HOLIDAY),
        (D(2026, 4, 3), SCHOOL_HOLIDAY),  # Good Friday in the holiday: the holiday is the reason
        (D(2026, 5, 4), "bank holiday: May Day"),  # a bank holiday in term
        (D(2026, 10, 28), SCHOOL_HOLIDAY),  # half term
    ],
)
def test_non_school_reason(day: date, reason: str | None) -> None:
    assert school_2026().non_school_reason(day) == reason


def test_example_12_fifteen_school_days_across_the_easter_holiday() -> None:
    count = school_2026().count(D(2026, 3, 9), 15)
    assert count.result == D(2026, 4, 13)
    assert count.skipped == (SkippedDays(D(2026, 3, 30), D(2026, 4, 10), SCHOOL_HOLIDAY),)


def test_example_12_governing_board_review() -> None:
    assert school_2026().count(D(2026, 3, 2), 15).result == D(2026, 3, 23)


def test_school_days_across_a_half_term() -> None:
    # Autumn 1 ends Fri 23 Oct 2026; Autumn 2 starts Mon 2 Nov 2026.
    count = school_2026().count(D(2026, 10, 19), 15)
    # 20-23 Oct (4), 2-6 Nov (9), 9-13 Nov (14), Mon 16 Nov (15)
    assert count.result == D(2026, 11, 16)
    assert count.skipped == (SkippedDays(D(2026, 10, 26), D(2026, 10, 30), SCHOOL_HOLIDAY),)


def test_inset_days_are_left_out_unless_asked_to_count() -> None:
    school = school_2026(inset=(D(2026, 3, 16),))
    assert school.non_school_reason(D(2026, 3, 16)) == INSET_DAY
    assert school.count(D(2026, 3, 2), 15).result == D(2026, 3, 24)
    assert school.count(D(2026, 3, 2), 15, inset_counts=True).result == D(2026, 3, 23)


def test_a_bank_holiday_in_term_is_not_a_school_day() -> None:
    # Summer 1: Mon 4 May 2026 is a bank holiday.
    assert school_2026().count(D(2026, 4, 30), 2).result == D(2026, 5, 5)


def test_a_closure_day_is_not_a_school_day() -> None:
    school = SchoolCalendar(school_2026().terms, WorkingCalendar(closures=(D(2026, 3, 10),)))
    assert school.count(D(2026, 3, 9), 1).result == D(2026, 3, 11)


def test_a_count_that_runs_past_the_last_term_is_refused() -> None:
    with pytest.raises(OutsideTermDates) as caught:
        school_2026().count(D(2026, 12, 10), 15)
    message = str(caught.value)
    assert "Sat 19 Dec 2026" in message  # the first day past the last term
    assert "test-terms.toml" in message
    assert "term dates file must cover it" in message


def test_a_start_before_the_first_term_is_refused() -> None:
    with pytest.raises(OutsideTermDates, match="Fri 20 Feb 2026 is before the first term"):
        school_2026().count(D(2026, 2, 20), 15)


def test_a_missing_term_is_refused_rather_than_counted_as_a_holiday() -> None:
    terms = (
        SchoolTerm("Autumn 1", D(2026, 9, 2), D(2026, 10, 23)),
        SchoolTerm("Summer 1", D(2027, 4, 12), D(2027, 5, 28)),
    )
    school = SchoolCalendar(TermCalendar(terms))
    with pytest.raises(OutsideTermDates, match="no term between"):
        school.count(D(2026, 10, 20), 15)


def test_a_calendar_without_terms_is_refused() -> None:
    with pytest.raises(OutsideTermDates, match="list no terms"):
        SchoolCalendar(TermCalendar(())).count(D(2026, 3, 2), 1)


# --- reading a term-dates file ---------------------------------------------------------------

GOOD = """\
[meta]
title = "Term dates"
reviewed = 2026-11-28
sources = ["the school's website"]

[term_dates]
confirmed = true
inset_days = [2026-09-01]
terms = [
  { name = "Autumn 2", start = 2026-11-02, end = 2026-12-18 },
  { name = "Autumn 1", start = 2026-09-02, end = 2026-10-23 },
]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "school-terms.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_term_calendar(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    calendar = load_term_calendar(path)
    assert [t.name for t in calendar.terms] == ["Autumn 1", "Autumn 2"]  # sorted by start
    assert calendar.inset_days == (D(2026, 9, 1),)
    assert calendar.confirmed is True
    assert calendar.source_file == str(path)


def test_confirmed_defaults_to_false(tmp_path: Path) -> None:
    text = GOOD.replace("confirmed = true\n", "").replace("inset_days = [2026-09-01]\n", "")
    calendar = load_term_calendar(write(tmp_path, text))
    assert calendar.confirmed is False
    assert calendar.inset_days == ()


@pytest.mark.parametrize(
    ("old", "new", "key", "hint"),
    [
        ("confirmed = true", 'confirmed = "yes"', "term_dates.confirmed", "true or false"),
        ("confirmed = true", "confirmd = true", "term_dates.confirmd", "not a key"),
        ("start = 2026-11-02", 'start = "2026-11-02"', "term_dates.terms[0].start", "no quotes"),
        ("start = 2026-11-02", "start = 2026-11-02T09:00:00", "term_dates.terms[0].start", "time"),
        ("end = 2026-12-18", "end = 2026-10-18", "term_dates.terms[0].end", "before the start"),
        ('{ name = "Autumn 2", ', "{ ", "term_dates.terms[0].name", "missing"),
        (
            "end = 2026-10-23 }",
            "end = 2026-10-23, half = true }",
            "term_dates.terms[1].half",
            "not a key",
        ),
        ("start = 2026-11-02", "start = 2026-10-20", "term_dates.terms", "overlap"),
        (
            "inset_days = [2026-09-01]",
            'inset_days = ["first day"]',
            "term_dates.inset_days[0]",
            "date",
        ),
        ("inset_days = [2026-09-01]", "inset_days = 2026-09-01", "term_dates.inset_days", "list"),
        # day and month swapped: 1 September written as 9 January, a day no term is near
        (
            "inset_days = [2026-09-01]",
            "inset_days = [2026-01-09]",
            "term_dates.inset_days[0]",
            "is not in or next to any term",
        ),
        (
            "inset_days = [2026-09-01]",
            "inset_days = [2026-09-05]",
            "term_dates.inset_days[0]",
            "is a Saturday",
        ),
    ],
)
def test_bad_term_dates_name_the_file_and_key(
    tmp_path: Path, old: str, new: str, key: str, hint: str
) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(TermDatesError) as caught:
        load_term_calendar(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: ")
    assert hint in message


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    text = GOOD.replace("confirmed = true", "confirmd = true").replace(
        "start = 2026-11-02", 'start = "2 Nov"'
    )
    with pytest.raises(TermDatesError) as caught:
        load_term_calendar(write(tmp_path, text))
    assert len(str(caught.value).splitlines()) == 2


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("[term_dates\nconfirmed = true\n", "TOML syntax error"),
        ('[meta]\ntitle = "x"\n', "no [term_dates] table"),
        ("[term_dates]\nterms = []\n", "term_dates.terms: is empty"),
        ("[term_dates]\nconfirmed = false\n", "term_dates.terms: is missing"),
        ("term_dates = 3\n", "term_dates: should be a table"),
    ],
)
def test_unreadable_term_dates_files(tmp_path: Path, text: str, hint: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TermDatesError) as caught:
        load_term_calendar(path)
    assert str(caught.value).startswith(str(path))
    assert hint in str(caught.value)


def test_a_missing_term_dates_file(tmp_path: Path) -> None:
    with pytest.raises(TermDatesError, match="no such file"):
        load_term_calendar(tmp_path / "nowhere.toml")
    with pytest.raises(TermDatesError, match="folder"):
        load_term_calendar(tmp_path)


def test_check_is_warned_of_term_dates_missing_or_not_covering_today() -> None:
    from send_tui.model.deadlines import term_dates_warning
    from send_tui.model.letter import calendars_for
    from tests.sessions import shipped

    school = calendars_for(shipped())[1]
    assert term_dates_warning(school, date(2026, 12, 3), "tower-hamlets") is None
    missing = term_dates_warning(None, date(2026, 12, 3), "mine")
    assert missing is not None and "the local pack 'mine' has no term dates" in missing
    ended = term_dates_warning(school, date(2027, 9, 6), "tower-hamlets")
    assert ended is not None and ended.startswith("they end on Thu 22 Jul 2027")
    # 50 school days from late June run past the last term: the warning says so
    short = term_dates_warning(school, date(2027, 6, 21), "tower-hamlets")
    assert short is not None and "do not cover the 50 school days from today" in short
    assert "add the school's later terms" in short
