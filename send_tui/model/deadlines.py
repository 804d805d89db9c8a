"""The clocks on the SEND disagreement routes, each result carrying the workings behind it.

An adviser must be able to read how a date was reached and check it, so every function returns a
`Deadline` whose `steps` say, in plain words, the raw date and each adjustment with its rule. The
rules and their sources are in `shared/reference/domain-facts.md` (sections 3, 4, 5, 9 and 11).

Only the Tribunal appeal gets the August and Christmas rule (HESC Rules r.12(3)(a), SEN cases
only). Where no rule moves a limit off a non-working day, the family is told to act by the working
day before rather than rely on an extension nobody has confirmed.

All wording lives in the small helpers near the top, so every clock says a thing the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from send_tui.model import content
from send_tui.model.calendars import (
    INSET_DAY,
    ONE_DAY,
    DayCount,
    SchoolCalendar,
    WorkingCalendar,
    add_months,
)
from send_tui.model.content import TermCalendar
from send_tui.model.dates import long_date

# The clock ids live with the content model (the loader checks content against them without
# loading this engine); every one has a function here.
CLOCK_IDS = content.CLOCK_IDS

#: Working days in England with no extra closure days; pass a calendar with closures from content.
ENGLAND = WorkingCalendar()

#: Fifteen school days for the governing board's review and for an IRP application.
EXCLUSION_SCHOOL_DAYS = 15

#: Fifty school days for the board to consider a suspension of more than 5 and up to 15 school
#: days in a term, where the parents make representations (exclusion guidance 2023/2024).
SUSPENSION_REPRESENTATIONS_SCHOOL_DAYS = 50


@dataclass(frozen=True, slots=True)
class Milestone:
    """One of several dates a clock gives (the EHC timescales), with a stable key for scripts."""

    key: str
    label: str
    due: date


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed deadline and how it was reached.

    `due` is the last day the law allows; `act_by`, when set, is an earlier day to act on because
    `due` is not a working day and no rule is known to move it. `dates` lists every date of a
    clock that gives several (EHC); `due` is then the last of them.
    """

    clock: str
    title: str
    due: date
    steps: tuple[str, ...]
    by_5pm: bool = False
    act_by: date | None = None
    warnings: tuple[str, ...] = ()
    dates: tuple[Milestone, ...] = ()
    #: The date (a `Session.dates` key) the clock ran from, where it could run from more than one:
    #: the appeal from "certificate" or "decision", whichever gives the later day; else "".
    counts_from: str = ""


# --- wording: every step any clock shows is made here ----------------------------------------

BY_5PM = "Due by 5pm (HESC Rules r.12(1))"
BY_5PM_TO_BE_SAFE = (
    "Lodge it by 5pm to be safe, as the Tribunal requires for anything due on a day "
    "(HESC Rules r.12(1))"
)


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _months_step(months: int, start: date, what: str) -> tuple[date, str]:
    """Calendar months from a trigger, saying so when the month has no corresponding day."""
    end, last_day_used = add_months(start, months)
    step = f"{_plural(months, 'month')} from {long_date(start)} ({what}) = {long_date(end)}"
    if last_day_used:
        step += f"; that month has no {_ordinal(start.day)}, so its last day (Dodds v Walker)"
    return end, step


def _weeks_step(weeks: int, start: date, purpose: str) -> tuple[date, str]:
    end = start + timedelta(weeks=weeks)
    return end, f"{_plural(weeks, 'week')} from {long_date(start)} = {long_date(end)}: {purpose}"


def _moved_step(day: date, why: str, moved_to: date, rule: str) -> str:
    return f"{long_date(day)} is not a working day ({why}), so {long_date(moved_to)} ({rule})"


def _act_earlier(
    day: date, calendar: WorkingCalendar, action: str, why_not_later: str
) -> tuple[date | None, tuple[str, ...]]:
    """A family's own limit that no rule moves: if it is not a working day, act the day before."""
    why = calendar.non_working_reason(day)
    if why is None:
        return None, (f"No rule moves this date: {action} by {long_date(day)}",)
    earlier = calendar.on_or_before(day)
    return earlier, (
        (
            f"{long_date(day)} is not a working day ({why}); {why_not_later}, "
            f"so {action} by {long_date(earlier)}, the working day before"
        ),
    )


def _council_no_roll_forward(day: date, calendar: WorkingCalendar, duty: str) -> tuple[str, ...]:
    """For a council's duty under the SEND Regulations: a non-working last day does not move it."""
    why = calendar.non_working_reason(day)
    if why is None:
        return ()
    return (
        (
            f"{long_date(day)} is not a working day ({why}), but the SEND Regulations have no "
            f"next-working-day rule, so {duty} by then"
        ),
    )


def _sen_window(day: date) -> tuple[str, date] | None:
    """The August or Christmas window `day` is in, as (description, the day it ends), or None."""
    if day.month == 8:
        return "in August", date(day.year, 8, 31)
    if day.month == 12 and day.day >= 25:
        return "between 25 December and 1 January", date(day.year + 1, 1, 1)
    if day.month == 1 and day.day == 1:
        return "between 25 December and 1 January", day
    return None


def _window_not_applied(day: date) -> tuple[str, ...]:
    """Say so when a non-appeal date falls where the appeal's August/Christmas rule would apply."""
    window = _sen_window(day)
    if window is None:
        return ()
    return (
        (
            f"{long_date(day)} is {window[0]}, but the August and Christmas rule applies only to "
            "SEN appeals to the Tribunal, so it does not move this date"
        ),
    )


def _count_steps(count: DayCount, source: str = "") -> tuple[str, ...]:
    """The workings of a count of working or school days: what was left out, and the last day."""
    steps = [
        (
            f"Count {_plural(count.days, count.unit)} after {long_date(count.start)}, "
            "not counting that day"
        )
    ]
    if source:
        steps.append(f"School days are taken from the term dates in {source}")
    for run in count.skipped:
        span = long_date(run.first)
        if run.last != run.first:
            span += f" to {long_date(run.last)}"
        steps.append(f"Not counted: {span} ({run.reason})")
    if count.weekends_skipped:
        steps.append("Weekends are not counted")
    steps.append(f"{_ordinal(count.days)} {count.unit}: {long_date(count.result)}")
    return tuple(steps)


def _inset_steps(count: DayCount, school: SchoolCalendar) -> tuple[date | None, tuple[str, ...]]:
    """INSET days are left out, which the law does not confirm: give the other answer too."""
    if not any(run.reason == INSET_DAY for run in count.skipped):
        return None, (
            (
                "No INSET day fell in this count (whether INSET days are school days is not "
                "confirmed in law)"
            ),
        )
    other = school.count(count.start, count.days, inset_counts=True).result
    return other, (
        (
            "INSET days are left out as non-school days, which is not confirmed in law; if they "
            f"count, the {_ordinal(count.days)} school day is {long_date(other)}, so act by then "
            "to be safe"
        ),
    )


def term_warnings(terms: TermCalendar) -> tuple[str, ...]:
    """The warning every school-day result carries while its term dates are unconfirmed."""
    if terms.confirmed:
        return ()
    where = f" in {terms.source_file}" if terms.source_file else ""
    return (
        (
            f"The term dates{where} are illustrative and not confirmed: check them against the "
            "school's own calendar, as the deadline changes with them."
        ),
    )


def days_remaining(due: Deadline | date, today: date) -> int:
    """Days from `today` to the deadline: negative once it has passed."""
    day = due.due if isinstance(due, Deadline) else due
    return (day - today).days


def days_left(due: Deadline | date, today: date) -> str:
    """'passed 3 days ago', 'due today' or '12 days left': the one status wording for all."""
    remaining = days_remaining(due, today)
    if remaining < 0:
        return f"passed {_plural(-remaining, 'day')} ago"
    if remaining == 0:
        return "due today"
    return f"{_plural(remaining, 'day')} left"


def to_json(deadline: Deadline, today: date) -> dict[str, object]:
    """The stable object `send-tui deadline --json` prints, for scripts: ISO dates throughout."""
    data: dict[str, object] = {
        "clock": deadline.clock,
        "title": deadline.title,
        "deadline": deadline.due.isoformat(),
        "steps": list(deadline.steps),
        "by_5pm": deadline.by_5pm,
        "status": days_left(deadline, today),
        "days_left": days_remaining(deadline, today),
        "act_by": deadline.act_by.isoformat() if deadline.act_by else None,
        "warnings": list(deadline.warnings),
    }
    if deadline.dates:
        data["dates"] = {m.key: m.due.isoformat() for m in deadline.dates}
    return data


# --- the clocks ------------------------------------------------------------------------------


class DateOrderError(ValueError):
    """Two dates that cannot both be right, such as a certificate before its decision."""


def certificate_problem(decision: date, certificate: date | None) -> str | None:
    """Why a certificate date cannot be right for this decision, or None if it can be.

    A mediation certificate follows the decision it is about, so one dated earlier is a typing
    slip (or a certificate for another decision); counting from it would give a wrong date.
    """
    if certificate is None or certificate >= decision:
        return None
    return (
        f"The mediation certificate date, {long_date(certificate)}, is before the date on the "
        f"decision letter, {long_date(decision)}. A certificate comes after the decision it is "
        "about: check both dates."
    )


def appeal(
    decision: date, certificate: date | None = None, calendar: WorkingCalendar = ENGLAND
) -> Deadline:
    """SEN appeal to the Tribunal: HESC Rules r.20(1)(c) with r.12(1)-(3).

    The later of 2 months from the decision letter and 1 month from the mediation certificate;
    then the August and Christmas rule (r.12(3)(a)) if the time ends in one of those windows,
    otherwise the next working day (r.12(2)); by 5pm. Comparing raw dates first gives the same
    answer as rolling each forward, since rolling forward never reverses their order.
    A certificate dated before the decision raises `DateOrderError`.
    """
    problem = certificate_problem(decision, certificate)
    if problem is not None:
        raise DateOrderError(problem)
    from_decision, step = _months_step(2, decision, "the date on the decision letter")
    steps = [step]
    ends = from_decision
    counts_from = ""
    if certificate is not None:
        from_certificate, step = _months_step(
            1, certificate, "the date of the mediation certificate"
        )
        steps.append(step)
        counts_from = "decision"
        if from_certificate > from_decision:
            ends = from_certificate
            counts_from = "certificate"
            steps.append(
                f"{long_date(from_certificate)} is later than {long_date(from_decision)}, so the "
                "certificate's date is used (HESC Rules r.20(1)(c))"
            )
        else:
            steps.append(
                f"{long_date(from_certificate)} is not later than {long_date(from_decision)}, so "
                "the 2 months from the decision letter stand: a certificate never shortens them"
            )
    due, moved = _appeal_adjustments(ends, calendar)
    return Deadline(
        clock="appeal",
        title="Appeal to the SEND Tribunal",
        due=due,
        steps=(*steps, *moved, BY_5PM),
        by_5pm=True,
        counts_from=counts_from,
    )


def _appeal_adjustments(ends: date, calendar: WorkingCalendar) -> tuple[date, tuple[str, ...]]:
    window = _sen_window(ends)
    if window is not None:
        description, window_end = window
        due = calendar.on_or_after(window_end + ONE_DAY)
        return due, (
            (
                f"{long_date(ends)} is {description}, so the appeal is in time on the first "
                f"working day after {long_date(window_end)}: {long_date(due)} "
                "(HESC Rules r.12(3)(a), SEN appeals only)"
            ),
        )
    why = calendar.non_working_reason(ends)
    if why is None:
        return ends, ()
    due = calendar.on_or_after(ends)
    steps = [_moved_step(ends, why, due, "next working day, HESC Rules r.12(2)")]
    later_window = _sen_window(due)
    if later_window is not None:
        steps.append(
            f"{long_date(due)} is {later_window[0]}, but the time ended on {long_date(ends)}, "
            "outside it, so the August and Christmas rule is not relied on (the safer reading)"
        )
    return due, tuple(steps)


def mediation_contact(decision: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """Contacting the mediation adviser: within 2 months of the decision (SEND Regs reg 33).

    No rule moves this limit, so a non-working last day means acting the working day before.
    """
    due, step = _months_step(2, decision, "the date on the decision letter")
    act_by, advice = _act_earlier(
        due,
        calendar,
        "contact the mediation adviser",
        "reg 33 of the SEND Regulations has no next-working-day rule",
    )
    return Deadline(
        clock="mediation_contact",
        title="Contact the mediation adviser",
        due=due,
        steps=(step, *advice, *_window_not_applied(due)),
        act_by=act_by,
    )


def mediation_certificate(told: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """The mediation adviser's certificate: within 3 working days of being told.

    The trigger is the day the adviser hears the family does not want mediation, the day
    mediation ends, or the day the council says it cannot arrange mediation in time.
    """
    count = calendar.count(told, 3)
    return Deadline(
        clock="mediation_certificate",
        title="Mediation certificate issued",
        due=count.result,
        steps=_count_steps(count),
    )


def arrange_mediation(told: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """The council arranges mediation within 30 calendar days of being told mediation is wanted."""
    due = told + timedelta(days=30)
    steps = (
        (
            f"30 days from {long_date(told)} (the day the council was told), every calendar day "
            f"counted = {long_date(due)}"
        ),
        *_council_no_roll_forward(due, calendar, "the council must arrange mediation"),
        *_window_not_applied(due),
        (
            "Sources differ on whether mediation must take place, or only be arranged, within "
            "30 days; this is the date to arrange it by"
        ),
    )
    return Deadline(
        clock="arrange_mediation", title="Council arranges mediation", due=due, steps=steps
    )


def reply(
    sent: date,
    *,
    working_days: int | None = None,
    school_days: int | None = None,
    on: date | None = None,
    calendar: WorkingCalendar = ENGLAND,
    school: SchoolCalendar | None = None,
) -> Deadline:
    """A reply to a complaint, by the letter's timescale: working days, school days or a date.

    Exactly one of `working_days`, `school_days` and `on` is given; school days need `school`.
    With working days and `school` (a letter to a school), a count that crosses the school's
    holidays says so in its warnings and gives the date in school days too.
    """
    chosen = [value for value in (working_days, school_days, on) if value is not None]
    if len(chosen) != 1:
        raise ValueError("Give exactly one of working_days, school_days or on.")
    title = "Reply to the complaint"
    if on is not None:
        if on < sent:
            raise ValueError(
                f"The reply date {long_date(on)} is before the letter, {long_date(sent)}."
            )
        why = calendar.non_working_reason(on)
        # A date the adviser typed is what the letter says; one on a closed day is worth a
        # second look before it is posted (Christmas Day, a Saturday), not a silent change.
        closed = (
            (
                f"{long_date(on)} is not a working day ({why}): the setting may be closed that "
                "day, so a working day may be the better date to ask for.",
            )
            if why
            else ()
        )
        return Deadline(
            "reply",
            title,
            on,
            (f"The letter asks for a reply by {long_date(on)}",),
            warnings=closed,
        )
    if working_days is not None:
        count = calendar.count(sent, working_days)
        holiday = school_holiday_note(count, school) if school is not None else None
        notes = (holiday, *term_warnings(school.terms)) if holiday and school else ()
        return Deadline("reply", title, count.result, _count_steps(count), warnings=notes)
    if school is None:
        raise ValueError("A reply in school days needs the school's term dates.")
    assert school_days is not None
    return _school_day_deadline("reply", title, sent, school_days, school, ())


def term_dates_warning(school: SchoolCalendar | None, today: date, local_pack: str) -> str | None:
    """Why the pack's term dates cannot serve a call taken today, for `send-tui check`; or None.

    The longest count of school days (a medium suspension's 50) must fit from today; a pack
    without term dates, or whose terms are last year's, leaves those deadlines unworked.
    """
    days = SUSPENSION_REPRESENTATIONS_SCHOOL_DAYS
    if school is None:
        return (
            f"the local pack {local_pack!r} has no term dates, so exclusion and suspension "
            "deadlines (counted in school days) cannot be worked out: add a [term_dates] table "
            "with the school's terms (see docs/content-format.md)"
        )
    if school.terms.terms and today > school.last_term.end:
        return (
            f"they end on {long_date(school.last_term.end)} (in {school.terms.source_file}), "
            f"before today, {long_date(today)}: add the school's terms for this school year"
        )
    try:
        school.count(today, days)
    except ValueError as error:  # OutsideTermDates
        return (
            f"they do not cover the {days} school days from today, {long_date(today)}, that "
            f"the longest school-day deadline counts (a suspension's): {error}"
        )
    return None


def school_holiday_note(count: DayCount, school: SchoolCalendar) -> str | None:
    """What to tell the person complaining when a reply in working days meets school holidays.

    A school may not deal with post in its holidays, so the working days counted there may be
    lost; the same number of school days gives a date the school can keep to. None when no
    holiday falls in the count, or the term dates do not cover it (nothing is guessed).
    """
    from send_tui.model.calendars import SCHOOL_HOLIDAY

    holidays: list[tuple[date, date]] = []
    day = count.start
    try:
        while day < count.result:
            day += ONE_DAY
            if day.weekday() < 5 and school.non_school_reason(day) == SCHOOL_HOLIDAY:
                if holidays and (day - holidays[-1][1]).days <= 3:
                    holidays[-1] = (holidays[-1][0], day)
                else:
                    holidays.append((day, day))
        if not holidays:
            return None
        in_school_days = school.count(count.start, count.days).result
        offer = (
            f"in {_plural(count.days, 'school day')} instead, the reply would be due by "
            f"{long_date(in_school_days)}"
        )
    except ValueError:  # OutsideTermDates: the term dates stop short
        if not holidays:
            return None
        offer = "in school days instead, the term dates must cover the whole count"
    spans = " and ".join(
        long_date(first) if first == last else f"{long_date(first)} to {long_date(last)}"
        for first, last in holidays
    )
    where = school.terms.source_file or "the local pack"
    return (
        f"These {_plural(count.days, 'working day')} run into the school holiday ({spans}, by "
        f"the term dates in {where}), when the school may not deal with letters. Counted {offer}: "
        "choose school days on the letter if that suits the person complaining better."
    )


def discrimination_claim(conduct: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """Disability discrimination claim: 6 months starting with the conduct (EA 2010 Sch 17 para 4).

    "Starting with" means the period ends the day before the corresponding date. Where the month
    has no corresponding date, its last day stands in for it, which gives the earlier of the two
    readings. The August and Christmas rule has not applied to these claims since July 2020, and
    whether r.12(2) moves a statutory limit off a weekend is doubtful.
    """
    corresponding, last_day_used = add_months(conduct, 6)
    due = corresponding - ONE_DAY
    steps = [
        (
            f"6 months starting with {long_date(conduct)} (the date of the conduct) end the day "
            f"before {long_date(corresponding)}: {long_date(due)} "
            "(Equality Act 2010 Sch 17 para 4(1))"
        )
    ]
    if last_day_used:
        other, _ = add_months(conduct - ONE_DAY, 6)
        steps.append(
            f"That month has no {_ordinal(conduct.day)}, so its last day stands in for the "
            f"corresponding date; another reading gives {long_date(other)}, but the earlier date "
            "is used to be safe"
        )
    act_by, advice = _act_earlier(
        due,
        calendar,
        "lodge the claim",
        "whether the Tribunal's next-working-day rule extends this statutory limit is doubtful",
    )
    steps += [*advice, *_window_not_applied(due), BY_5PM_TO_BE_SAFE]
    steps.append(
        "The Tribunal may accept a late claim, but only at its discretion (Sch 17 para 4(3))"
    )
    return Deadline(
        clock="discrimination_claim",
        title="Disability discrimination claim to the SEND Tribunal",
        due=due,
        steps=tuple(steps),
        by_5pm=True,
        act_by=act_by,
    )


def exclusion_review(notice: date, school: SchoolCalendar) -> Deadline:
    """The governing board's review of an exclusion: within 15 school days of receiving notice."""
    return _school_day_deadline(
        "exclusion_review",
        "Governing board considers reinstatement",
        notice,
        EXCLUSION_SCHOOL_DAYS,
        school,
        (
            (
                "The board must consider reinstatement within 15 school days of receiving notice "
                "of the exclusion"
            ),
        ),
    )


def suspension_representations(notice: date, school: SchoolCalendar) -> Deadline:
    """The board's consideration of a medium suspension: 50 school days, on representations.

    Only for suspensions of more than 5 and up to 15 school days in a term, and only if the
    parents make representations; longer ones (or a missed exam) get `exclusion_review`, and
    5 days or fewer get no meeting at all, so no clock.
    """
    return _school_day_deadline(
        "suspension_representations",
        "Governing board considers the parents' representations",
        notice,
        SUSPENSION_REPRESENTATIONS_SCHOOL_DAYS,
        school,
        (
            (
                "For suspensions of more than 5 and up to 15 school days in a term, the board "
                "must consider reinstatement within 50 school days of receiving notice, but only "
                "if the parents make representations"
            ),
        ),
    )


def exclusion_panel(notice: date, school: SchoolCalendar, *, posted: bool = False) -> Deadline:
    """Applying for an independent review panel: 15 school days from the board's decision notice.

    With `posted`, `notice` is the day the decision went first class, and notice counts as given on
    the second working day after posting.
    """
    lead: tuple[str, ...] = ()
    if posted:
        given = school.working.count(notice, 2).result
        lead = (
            (
                f"A notice posted first class on {long_date(notice)} counts as given on the second "
                f"working day after posting: {long_date(given)} (that this applies to the board's "
                "decision notice is not confirmed, so if it arrived sooner, count from that day "
                "to be safe)"
            ),
        )
        notice = given
    lead += (
        (
            "The application for an independent review panel, with any request for an SEN expert, "
            "must be made within 15 school days of notice of the board's decision"
        ),
    )
    return _school_day_deadline(
        "exclusion_panel",
        "Apply for an independent review panel",
        notice,
        EXCLUSION_SCHOOL_DAYS,
        school,
        lead,
    )


def _school_day_deadline(
    clock: str,
    title: str,
    start: date,
    days: int,
    school: SchoolCalendar,
    lead: tuple[str, ...],
) -> Deadline:
    """A clock counted in one school's days; raises OutsideTermDates if its terms fall short."""
    count = school.count(start, days)
    act_by, inset = _inset_steps(count, school)
    return Deadline(
        clock=clock,
        title=title,
        due=count.result,
        steps=(*lead, *_count_steps(count, school.terms.source_file), *inset),
        act_by=act_by,
        warnings=term_warnings(school.terms),
    )


def ehc(request: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """The EHC needs assessment timescales, in calendar weeks from the request (SEND Regs).

    6 weeks to decide whether to assess (reg 5(1)), 16 weeks to say no plan will be issued
    (reg 10(1)), 20 weeks for the final plan (reg 13(2)). `due` is the 20-week date.
    """
    milestones = (
        (
            6,
            "assessment_decision",
            "Decision whether to assess",
            "decide whether to assess (reg 5(1))",
        ),
        (
            16,
            "no_plan_notice",
            "Notice if no plan will be issued",
            "tell the family if no plan will be issued (reg 10(1))",
        ),
        (20, "final_plan", "Final EHC plan", "issue the final EHC plan (reg 13(2))"),
    )
    return _weeks_deadline(
        request,
        "the day the council received the request",
        "EHC needs assessment",
        milestones,
        calendar,
        "Calendar weeks, school holidays included; only the exceptions in regs 10(4) and 13(3) "
        "extend them",
    )


def ehc_annual_review(meeting: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """After an annual review meeting: report in 2 weeks, the council's decision in 4 (reg 20).

    If the council amends the plan, the proposed amendments come with the decision (*Devon*), and
    the final plan follows within 8 weeks of them: at most 12 weeks after the meeting (reg 22).
    """
    milestones = (
        (2, "review_report", "Review report sent", "send the review report (reg 20)"),
        (
            4,
            "review_decision",
            "Council's decision on the plan",
            "decide to keep, amend or cease the plan, with any proposed amendments (reg 20, Devon)",
        ),
        (
            12,
            "amended_plan_latest",
            "Final amended plan at the latest",
            "the final amended plan at the latest, if amendments go out at 4 weeks (reg 22(3))",
        ),
    )
    deadline = _weeks_deadline(
        meeting,
        "the day of the review meeting",
        "EHC plan annual review",
        milestones,
        calendar,
        "Calendar weeks, school holidays included; a decision not to amend, or to cease, can be "
        "appealed from the date of its letter",
    )
    decision = deadline.dates[1]
    return Deadline(
        clock=deadline.clock,
        title=deadline.title,
        due=decision.due,
        steps=deadline.steps,
        dates=deadline.dates,
    )


#: Days the parent or young person has to reply to a draft plan or proposed amendments, counting
#: the day it was served as day 1 (SEND Regs reg 13(1) and reg 22(2)).
DRAFT_PLAN_DAYS = 15


def draft_plan(served: date, calendar: WorkingCalendar = ENGLAND) -> Deadline:
    """Replying to a draft EHC plan or proposed amendments: 15 days beginning with the day served.

    "Beginning with" makes the day of service day 1, so the last day is 14 days after it (worked
    example 9: served Mon 20 April 2026, last day Mon 4 May 2026). The limit is the family's own
    and no rule moves it off a weekend or bank holiday, so they are told to act the working day
    before, as for contacting the mediation adviser.
    """
    due = served + timedelta(days=DRAFT_PLAN_DAYS - 1)
    act_by, advice = _act_earlier(
        due,
        calendar,
        "send the representations",
        "it is still the last day, as the SEND Regulations have no next-working-day rule",
    )
    steps = (
        (
            f"{DRAFT_PLAN_DAYS} days beginning with {long_date(served)} (the day the draft plan or "
            f"proposed amendments were served), which is day 1: the last day is {long_date(due)} "
            "(SEND Regs reg 13(1), reg 22(2))"
        ),
        "Every calendar day is counted, weekends, bank holidays and school holidays included",
        *advice,
        *_window_not_applied(due),
        (
            "In these days the parent or young person can comment on it (make representations); "
            "on a draft plan they can also ask for a particular school or college to be named, "
            "and ask to meet the council (reg 13(1))"
        ),
        "The council must allow at least 15 days: if its letter gives a later date, use that date",
    )
    return Deadline(
        clock="draft_plan",
        title="Reply to a draft EHC plan or proposed amendments",
        due=due,
        steps=steps,
        act_by=act_by,
    )


def _weeks_deadline(
    start: date,
    what: str,
    title: str,
    milestones: tuple[tuple[int, str, str, str], ...],
    calendar: WorkingCalendar,
    closing: str,
) -> Deadline:
    steps = [f"Counting from {long_date(start)} ({what})"]
    dates: list[Milestone] = []
    for weeks, key, label, purpose in milestones:
        due, step = _weeks_step(weeks, start, purpose)
        steps.append(step)
        steps += _council_no_roll_forward(due, calendar, "the council must act")
        dates.append(Milestone(key, f"{label} ({_plural(weeks, 'week')})", due))
    steps.append(closing)
    return Deadline(
        clock="ehc", title=title, due=dates[-1].due, steps=tuple(steps), dates=tuple(dates)
    )
