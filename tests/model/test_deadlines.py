"""Every clock, against the worked examples in domain-facts §11 and the edges around them.

A wrong date here can lose a family its appeal, so each rule has its own table: month ends, leap
years, weekends, each kind of bank holiday, the August and Christmas rule (and that only the
appeal gets it), certificates that do and do not move the appeal, and school-day counts.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from send_tui.model import deadlines as dl
from send_tui.model.calendars import OutsideTermDates, SchoolCalendar, WorkingCalendar
from send_tui.model.content import SchoolTerm, TermCalendar
from send_tui.model.deadlines import Deadline
from tests.model.calendars_fixture import example_school

D = date


school = example_school


def text(deadline: Deadline) -> str:
    return "\n".join(deadline.steps)


def test_clock_ids_are_fixed() -> None:
    assert dl.CLOCK_IDS == (
        "appeal",
        "mediation_contact",
        "mediation_certificate",
        "arrange_mediation",
        "reply",
        "discrimination_claim",
        "exclusion_review",
        "suspension_representations",
        "exclusion_panel",
        "ehc",
        "draft_plan",
    )


def test_the_content_format_lists_every_clock_id() -> None:
    """Council staff write `[clocks.<id>]` from docs/content-format.md: a clock the engine has
    and the page leaves out cannot be described, and the check says it must be."""
    from pathlib import Path

    page = (Path(__file__).parents[2] / "docs" / "content-format.md").read_text(encoding="utf-8")
    section = page.split("### `[clocks.<id>]`", 1)[1].split("\n### ", 1)[0]
    assert [c for c in dl.CLOCK_IDS if f"`{c}`" not in section] == []


# --- the appeal ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "certificate", "due"),
    [
        # example 1: Sun 10 May -> Mon 11 May
        pytest.param(D(2026, 3, 10), None, D(2026, 5, 11), id="ex01-school-only"),
        # example 1, with a certificate on 13 May: Sat 13 Jun -> Mon 15 Jun
        pytest.param(
            D(2026, 3, 10), D(2026, 5, 13), D(2026, 6, 15), id="ex01-section-b-or-f-certificate"
        ),
        # example 2: a 31st exists in March
        pytest.param(D(2026, 1, 31), None, D(2026, 3, 31), id="ex02-decision-31-january"),
        # example 2 contrast: certificate 31 Jan -> Sat 28 Feb -> Mon 2 Mar (not 3 Mar)
        pytest.param(
            D(2025, 12, 1), D(2026, 1, 31), D(2026, 3, 2), id="ex02-certificate-31-january"
        ),
        # example 3: Sun 28 Feb 2027 -> Mon 1 Mar 2027
        pytest.param(D(2026, 12, 31), None, D(2027, 3, 1), id="ex03-decision-31-december"),
        # example 4: the certificate makes it later
        pytest.param(D(2026, 3, 1), D(2026, 5, 20), D(2026, 6, 22), id="ex04-later-certificate"),
        # example 4 contrast: an early certificate never shortens the 2 months
        pytest.param(D(2026, 3, 1), D(2026, 3, 5), D(2026, 5, 1), id="ex04-early-certificate"),
        # example 5: the August rule, and 31 Aug is itself a bank holiday
        pytest.param(D(2026, 6, 15), None, D(2026, 9, 1), id="ex05-decision-15-june"),
        pytest.param(D(2026, 6, 30), None, D(2026, 9, 1), id="ex05-decision-30-june"),
        # example 6: the Christmas rule; 1 Jan 2027 is a Friday bank holiday
        pytest.param(D(2026, 10, 28), D(2026, 11, 27), D(2027, 1, 4), id="ex06-christmas"),
        # example 7: certificate due 9 Apr -> Sat 9 May -> Mon 11 May
        pytest.param(D(2026, 2, 20), D(2026, 4, 9), D(2026, 5, 11), id="ex07-certificate-9-april"),
        # month ends: 31st to 30th, leap years
        (D(2026, 7, 31), None, D(2026, 9, 30)),
        (D(2027, 12, 31), None, D(2028, 2, 29)),  # Tue 29 Feb 2028, the last day
        (D(2027, 12, 29), None, D(2028, 2, 29)),
        # Easter: Good Friday and Easter Monday
        (D(2026, 2, 3), None, D(2026, 4, 7)),
        (D(2026, 2, 6), None, D(2026, 4, 7)),
        (D(2027, 1, 26), None, D(2027, 3, 30)),  # Fri 26 Mar 2027
        # the early May and spring bank holidays
        (D(2026, 3, 4), None, D(2026, 5, 5)),
        (D(2026, 3, 25), None, D(2026, 5, 26)),
        # a substitute day outside the Christmas window: Mon 3 Jan 2028
        (D(2027, 11, 3), None, D(2028, 1, 4)),
        # inside the window, two substitute days: 27-28 Dec 2027; 3 Jan 2028 is a substitute too
        (D(2027, 10, 27), None, D(2028, 1, 4)),
        # 1 January itself is in the window
        (D(2026, 11, 1), None, D(2027, 1, 4)),
        # 24 December is outside the window and a working day
        (D(2026, 10, 24), None, D(2026, 12, 24)),
    ],
)
def test_appeal(decision: date, certificate: date | None, due: date) -> None:
    deadline = dl.appeal(decision, certificate)
    assert deadline.due == due
    assert deadline.by_5pm
    assert deadline.steps[-1] == "Due by 5pm (HESC Rules r.12(1))"


def test_appeal_workings_example_1() -> None:
    assert dl.appeal(D(2026, 3, 10)).steps == (
        "2 months from Tue 10 Mar 2026 (the date on the decision letter) = Sun 10 May 2026",
        (
            "Sun 10 May 2026 is not a working day (weekend), so Mon 11 May 2026 "
            "(next working day, HESC Rules r.12(2))"
        ),
        "Due by 5pm (HESC Rules r.12(1))",
    )


def test_appeal_workings_show_both_raw_dates_and_which_won() -> None:
    later = text(dl.appeal(D(2026, 3, 1), D(2026, 5, 20)))
    assert "= Fri 1 May 2026" in later
    assert (
        "1 month from Wed 20 May 2026 (the date of the mediation certificate) = Sat 20 Jun 2026"
        in later
    )
    assert "Sat 20 Jun 2026 is later than Fri 1 May 2026" in later
    earlier = text(dl.appeal(D(2026, 3, 1), D(2026, 3, 5)))
    assert "Sun 5 Apr 2026 is not later than Fri 1 May 2026" in earlier
    assert "never shortens" in earlier


def test_appeal_workings_explain_the_last_day_of_the_month() -> None:
    steps = text(dl.appeal(D(2026, 12, 31)))
    assert "= Sun 28 Feb 2027; that month has no 31st, so its last day" in steps


def test_appeal_workings_for_the_august_and_christmas_rules() -> None:
    august = text(dl.appeal(D(2026, 6, 15)))
    assert "Sat 15 Aug 2026 is in August" in august
    assert "first working day after Mon 31 Aug 2026: Tue 1 Sep 2026" in august
    assert "r.12(3)(a)" in august
    christmas = text(dl.appeal(D(2026, 10, 28), D(2026, 11, 27)))
    assert "Mon 28 Dec 2026 is between 25 December and 1 January" in christmas
    assert "first working day after Fri 1 Jan 2027: Mon 4 Jan 2027" in christmas


@pytest.mark.parametrize(
    ("decision", "due", "moved_into"),
    [
        (D(2027, 5, 31), D(2027, 8, 2), "in August"),  # Sat 31 Jul 2027 -> Mon 2 Aug
        (D(2022, 10, 24), D(2022, 12, 28), "between 25 December"),  # Sat 24 Dec 2022 -> Wed 28 Dec
    ],
)
def test_a_roll_forward_into_a_window_is_not_extended_again(
    decision: date, due: date, moved_into: str
) -> None:
    """The time ended before the window; relying on the window then is not safe."""
    deadline = dl.appeal(decision)
    assert deadline.due == due
    assert moved_into in text(deadline)
    assert "not relied on" in text(deadline)


def test_appeal_counts_closure_days_from_content() -> None:
    closed = WorkingCalendar(closures=(D(2026, 5, 11),))
    assert dl.appeal(D(2026, 3, 10), calendar=closed).due == D(2026, 5, 12)


# --- the August and Christmas rule belongs to the appeal alone -------------------------------


def test_mediation_contact_has_no_august_rule() -> None:
    deadline = dl.mediation_contact(D(2026, 6, 15))  # Sat 15 Aug 2026
    assert deadline.due == D(2026, 8, 15)
    assert deadline.act_by == D(2026, 8, 14)
    assert "applies only to SEN appeals" in text(deadline)


def test_mediation_contact_has_no_christmas_rule() -> None:
    deadline = dl.mediation_contact(D(2026, 10, 28))  # Mon 28 Dec 2026, a substitute day
    assert deadline.due == D(2026, 12, 28)
    assert deadline.act_by == D(2026, 12, 24)


def test_arrange_mediation_example_8() -> None:
    deadline = dl.arrange_mediation(D(2026, 7, 10))
    assert deadline.due == D(2026, 8, 9)  # Sunday, in August: neither moves it
    assert deadline.act_by is None
    assert "30 days from Fri 10 Jul 2026" in text(deadline)
    assert "no next-working-day rule" in text(deadline)
    assert "applies only to SEN appeals" in text(deadline)


def test_mediation_certificate_in_august_is_not_moved() -> None:
    assert dl.mediation_certificate(D(2026, 8, 13)).due == D(2026, 8, 18)


def test_discrimination_claim_example_11() -> None:
    deadline = dl.discrimination_claim(D(2026, 2, 10))
    assert deadline.due == D(2026, 8, 9)
    assert deadline.act_by == D(2026, 8, 7)
    steps = text(deadline)
    assert "end the day before Mon 10 Aug 2026: Sun 9 Aug 2026" in steps
    assert "doubtful" in steps
    assert "lodge the claim by Fri 7 Aug 2026" in steps
    assert "applies only to SEN appeals" in steps


def test_ehc_in_august_is_not_moved() -> None:
    assert dl.ehc(D(2026, 4, 1)).due == D(2026, 8, 19)


def test_exclusion_deadlines_have_no_august_or_christmas_rule() -> None:
    # A school open until 23 Dec: the count crosses Christmas and New Year, which only the
    # appeal's rule treats specially.
    terms = (
        SchoolTerm("Autumn 2", D(2026, 11, 2), D(2026, 12, 23)),
        SchoolTerm("Spring 1", D(2027, 1, 4), D(2027, 2, 12)),
    )
    calendar = SchoolCalendar(TermCalendar(terms))
    deadline = dl.exclusion_panel(D(2026, 12, 21), calendar)
    # 22-23 Dec (2), holidays, 4-8 Jan (7), 11-15 (12), 18-20 Jan (15)
    assert deadline.due == D(2027, 1, 20)
    assert "August and Christmas" not in text(deadline)


# --- mediation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "due", "act_by"),
    [
        # example 1: Sunday, so the Friday
        pytest.param(D(2026, 3, 10), D(2026, 5, 10), D(2026, 5, 8), id="ex01-contact-by"),
        (D(2026, 3, 11), D(2026, 5, 11), None),  # a working day: no earlier advice
        (D(2026, 12, 31), D(2027, 2, 28), D(2027, 2, 26)),  # month end
        (D(2026, 2, 3), D(2026, 4, 3), D(2026, 4, 2)),  # Good Friday
        (D(2026, 2, 6), D(2026, 4, 6), D(2026, 4, 2)),  # Easter Monday: back over the weekend
    ],
)
def test_mediation_contact(decision: date, due: date, act_by: date | None) -> None:
    deadline = dl.mediation_contact(decision)
    assert (deadline.due, deadline.act_by) == (due, act_by)
    assert not deadline.by_5pm


def test_mediation_contact_workings_example_1() -> None:
    steps = text(dl.mediation_contact(D(2026, 3, 10)))
    assert "2 months from Tue 10 Mar 2026" in steps
    assert "Sun 10 May 2026 is not a working day" in steps
    assert "contact the mediation adviser by Fri 8 May 2026, the working day before" in steps


@pytest.mark.parametrize(
    ("told", "due"),
    [
        pytest.param(D(2026, 5, 10), D(2026, 5, 13), id="ex01-declined-on-sunday"),
        pytest.param(D(2026, 4, 2), D(2026, 4, 9), id="ex07-over-easter"),
        (D(2026, 12, 23), D(2026, 12, 30)),  # Christmas and the Boxing Day substitute
        (D(2027, 12, 23), D(2027, 12, 30)),  # 27 and 28 Dec 2027 substitutes
    ],
)
def test_mediation_certificate(told: date, due: date) -> None:
    assert dl.mediation_certificate(told).due == due


def test_mediation_certificate_workings_example_7() -> None:
    assert dl.mediation_certificate(D(2026, 4, 2)).steps == (
        "Count 3 working days after Thu 2 Apr 2026, not counting that day",
        "Not counted: Fri 3 Apr 2026 (bank holiday: Good Friday)",
        "Not counted: Mon 6 Apr 2026 (bank holiday: Easter Monday)",
        "Weekends are not counted",
        "3rd working day: Thu 9 Apr 2026",
    )


@pytest.mark.parametrize(
    ("told", "due"),
    [
        pytest.param(D(2026, 7, 10), D(2026, 8, 9), id="ex08-told-10-july"),
        (D(2026, 1, 31), D(2026, 3, 2)),  # 30 days, not a month
        (D(2028, 2, 1), D(2028, 3, 2)),  # leap February
        (D(2026, 12, 2), D(2027, 1, 1)),  # a bank holiday: not moved
    ],
)
def test_arrange_mediation(told: date, due: date) -> None:
    assert dl.arrange_mediation(told).due == due


# --- reply to a complaint --------------------------------------------------------------------


def test_reply_in_working_days() -> None:
    deadline = dl.reply(D(2026, 3, 27), working_days=10)
    # 30 Mar-2 Apr (4), Good Friday, Easter Monday, 7-10 Apr (8), 13-14 Apr (10)
    assert deadline.due == D(2026, 4, 14)
    assert "Count 10 working days after Fri 27 Mar 2026" in text(deadline)


def test_reply_in_school_days() -> None:
    deadline = dl.reply(D(2026, 3, 20), school_days=10, school=school())
    # 23-27 Mar (5), holidays, 13-17 Apr (10)
    assert deadline.due == D(2026, 4, 17)
    assert "Mon 30 Mar 2026 to Fri 10 Apr 2026 (school holiday)" in text(deadline)
    assert deadline.warnings


def test_reply_by_a_date() -> None:
    deadline = dl.reply(D(2026, 3, 20), on=D(2026, 4, 24))
    assert deadline.due == D(2026, 4, 24)
    assert deadline.steps == ("The letter asks for a reply by Fri 24 Apr 2026",)
    assert deadline.warnings == ()  # a working day: nothing to say


@pytest.mark.parametrize(
    ("on", "why"),
    [(D(2026, 12, 25), "Christmas Day"), (D(2026, 11, 28), "weekend")],
)
def test_a_reply_date_on_a_closed_day_is_kept_and_flagged(on: date, why: str) -> None:
    """The letter says what the adviser typed; the summary flags the day before it is posted."""
    deadline = dl.reply(D(2026, 11, 20), on=on)
    assert deadline.due == on
    [warning] = deadline.warnings
    assert "is not a working day" in warning and why in warning


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"working_days": 10, "on": D(2026, 4, 24)},
        {"school_days": 10},  # no school calendar
        {"on": D(2026, 3, 1)},  # before the letter
    ],
)
def test_reply_refuses_unclear_timescales(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        dl.reply(D(2026, 3, 20), **kwargs)  # type: ignore[arg-type]


# --- disability discrimination claim ---------------------------------------------------------


@pytest.mark.parametrize(
    ("conduct", "due", "act_by"),
    [
        pytest.param(
            D(2026, 2, 10), D(2026, 8, 9), D(2026, 8, 7), id="ex11-suspension-10-february"
        ),
        (D(2026, 3, 4), D(2026, 9, 3), None),  # a Thursday: nothing to advise earlier
        (D(2026, 6, 29), D(2026, 12, 28), D(2026, 12, 24)),  # substitute day, no Christmas rule
        (D(2026, 8, 31), D(2027, 2, 27), D(2027, 2, 26)),  # no 31 Feb: the earlier reading
        (D(2027, 8, 30), D(2028, 2, 28), None),  # leap year, no 30 Feb
        (D(2027, 9, 1), D(2028, 2, 29), None),  # leap day itself
        (D(2026, 9, 30), D(2027, 3, 29), D(2027, 3, 25)),  # Easter Monday 2027, back over Easter
    ],
)
def test_discrimination_claim(conduct: date, due: date, act_by: date | None) -> None:
    deadline = dl.discrimination_claim(conduct)
    assert (deadline.due, deadline.act_by) == (due, act_by)


def test_discrimination_claim_names_the_other_reading_at_a_month_end() -> None:
    steps = text(dl.discrimination_claim(D(2026, 8, 31)))
    assert "another reading gives Sun 28 Feb 2027" in steps
    assert "earlier date is used to be safe" in steps


# --- exclusions ------------------------------------------------------------------------------


def test_exclusion_panel_example_12_posted() -> None:
    deadline = dl.exclusion_panel(D(2026, 3, 5), school(), posted=True)
    assert deadline.due == D(2026, 4, 13)
    steps = text(deadline)
    assert "second working day after posting: Mon 9 Mar 2026" in steps
    assert "Count 15 school days after Mon 9 Mar 2026, not counting that day" in steps
    assert "15th school day: Mon 13 Apr 2026" in steps
    assert "not confirmed in law" in steps  # INSET days


def test_exclusion_panel_from_the_day_notice_was_given() -> None:
    assert dl.exclusion_panel(D(2026, 3, 9), school()).due == D(2026, 4, 13)


def test_exclusion_review_example_12() -> None:
    deadline = dl.exclusion_review(D(2026, 3, 2), school())
    assert deadline.due == D(2026, 3, 23)
    assert deadline.clock == "exclusion_review"


def test_exclusion_review_across_a_half_term() -> None:
    assert dl.exclusion_review(D(2026, 10, 19), school()).due == D(2026, 11, 16)


def test_suspension_representations_count_50_school_days() -> None:
    # 3-27 Mar (19), Easter, 13 Apr-22 May without the 4 May bank holiday (48), half term,
    # then Mon 1 Jun (49) and Tue 2 Jun (50).
    deadline = dl.suspension_representations(D(2026, 3, 2), school())
    assert deadline.clock == "suspension_representations"
    assert deadline.due == D(2026, 6, 2)
    steps = text(deadline)
    assert "more than 5 and up to 15 school days" in steps
    assert "only if the parents make representations" in steps
    assert "5 to 15" not in steps


def test_an_inset_day_gives_the_earlier_date_to_act_by() -> None:
    deadline = dl.exclusion_panel(D(2026, 3, 2), school(inset=(D(2026, 3, 16),)))
    assert deadline.due == D(2026, 3, 24)
    assert deadline.act_by == D(2026, 3, 23)
    assert "Not counted: Mon 16 Mar 2026 (INSET day)" in text(deadline)
    assert "if they count, the 15th school day is Mon 23 Mar 2026" in text(deadline)


def test_unconfirmed_term_dates_carry_a_warning() -> None:
    (warning,) = dl.exclusion_review(D(2026, 3, 2), school()).warnings
    assert "test-terms.toml" in warning  # the warning names the file to check
    assert "illustrative" in warning and "school's own calendar" in warning
    assert dl.exclusion_review(D(2026, 3, 2), school(confirmed=True)).warnings == ()


def test_a_school_day_clock_outside_the_terms_is_refused() -> None:
    with pytest.raises(OutsideTermDates, match="term dates file must cover it"):
        dl.exclusion_panel(D(2026, 12, 10), school())


# --- EHC -------------------------------------------------------------------------------------


def test_ehc_example_9() -> None:
    deadline = dl.ehc(D(2026, 1, 12))
    assert deadline.due == D(2026, 6, 1)
    assert [(m.key, m.due) for m in deadline.dates] == [
        ("assessment_decision", D(2026, 2, 23)),
        ("no_plan_notice", D(2026, 5, 4)),
        ("final_plan", D(2026, 6, 1)),
    ]
    steps = text(deadline)
    assert "Mon 4 May 2026 is not a working day" in steps  # a bank holiday, but not moved
    assert "no next-working-day rule" in steps


def test_ehc_annual_review_example_10() -> None:
    deadline = dl.ehc_annual_review(D(2026, 3, 2))
    assert deadline.clock == "ehc"
    assert deadline.due == D(2026, 3, 30)
    assert [m.due for m in deadline.dates] == [D(2026, 3, 16), D(2026, 3, 30), D(2026, 5, 25)]


def test_draft_plan_example_9_counts_the_day_of_service_as_day_1() -> None:
    # Worked example 9's contrast: served Mon 20 April 2026, the last day is Mon 4 May 2026,
    # not Tue 5 May (15 days *beginning with* the day served). 4 May is the Early May bank
    # holiday: it is still the last day, so the family is told to reply by Fri 1 May.
    deadline = dl.draft_plan(D(2026, 4, 20))
    assert deadline.clock == "draft_plan"
    assert deadline.due == D(2026, 5, 4)
    assert deadline.act_by == D(2026, 5, 1)
    steps = text(deadline)
    assert "Mon 20 Apr 2026" in steps and "which is day 1: the last day is Mon 4 May 2026" in steps
    assert "reg 13(1), reg 22(2)" in steps
    assert "it is still the last day" in steps
    assert "send the representations by Fri 1 May 2026, the working day before" in steps
    assert "ask for a particular school or college to be named" in steps


def test_draft_plan_on_a_bank_holiday_is_not_moved_forward() -> None:
    # Served Mon 11 May 2026: day 15 is Mon 25 May, the Spring bank holiday. No rule moves it
    # to Tue 26 May, so the last day stays and the family acts by Fri 22 May.
    deadline = dl.draft_plan(D(2026, 5, 11))
    assert deadline.due == D(2026, 5, 25)
    assert deadline.act_by == D(2026, 5, 22)
    assert "Tue 26 May" not in text(deadline)


def test_draft_plan_on_a_working_day_needs_no_earlier_day() -> None:
    deadline = dl.draft_plan(D(2026, 4, 21))  # Tue 21 Apr: day 15 is Tue 5 May, a working day
    assert deadline.due == D(2026, 5, 5)
    assert deadline.act_by is None
    assert "No rule moves this date: send the representations by Tue 5 May 2026" in text(deadline)


# --- status, JSON and wording ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "status", "remaining"),
    [
        (D(2026, 5, 14), "passed 3 days ago", -3),
        (D(2026, 5, 12), "passed 1 day ago", -1),
        (D(2026, 5, 11), "due today", 0),
        (D(2026, 5, 10), "1 day left", 1),
        (D(2026, 4, 29), "12 days left", 12),
    ],
)
def test_days_left(today: date, status: str, remaining: int) -> None:
    deadline = dl.appeal(D(2026, 3, 10))  # Mon 11 May 2026
    assert dl.days_left(deadline, today) == status
    assert dl.days_left(deadline.due, today) == status
    assert dl.days_remaining(deadline, today) == remaining


def test_to_json() -> None:
    data = dl.to_json(dl.mediation_contact(D(2026, 3, 10)), D(2026, 5, 1))
    assert json.loads(json.dumps(data)) == data
    assert data["clock"] == "mediation_contact"
    assert data["deadline"] == "2026-05-10"
    assert data["act_by"] == "2026-05-08"
    assert data["status"] == "9 days left" and data["days_left"] == 9
    assert "dates" not in data
    ehc = dl.to_json(dl.ehc(D(2026, 1, 12)), D(2026, 1, 12))
    assert ehc["deadline"] == "2026-06-01"
    assert ehc["dates"] == {
        "assessment_decision": "2026-02-23",
        "no_plan_notice": "2026-05-04",
        "final_plan": "2026-06-01",
    }


def every_clock() -> list[Deadline]:
    return [
        dl.appeal(D(2026, 10, 28), D(2026, 11, 27)),
        dl.mediation_contact(D(2026, 3, 10)),
        dl.mediation_certificate(D(2026, 4, 2)),
        dl.arrange_mediation(D(2026, 7, 10)),
        dl.reply(D(2026, 3, 20), school_days=10, school=school()),
        dl.discrimination_claim(D(2026, 8, 31)),
        dl.exclusion_review(D(2026, 3, 2), school(inset=(D(2026, 3, 16),))),
        dl.suspension_representations(D(2026, 3, 2), school()),
        dl.exclusion_panel(D(2026, 3, 5), school(), posted=True),
        dl.ehc(D(2026, 1, 12)),
        dl.draft_plan(D(2026, 4, 20)),
    ]


def test_every_clock_id_has_a_function_and_shows_dates_the_long_way() -> None:
    results = every_clock()
    assert [d.clock for d in results] == list(dl.CLOCK_IDS)
    for deadline in results:
        assert deadline.steps and deadline.title
        for step in deadline.steps:
            assert not re.search(r"\d{4}-\d{2}-\d{2}", step), step  # long_date, never ISO
            assert not step.endswith("."), step  # steps are phrases, shown as a list


def test_only_the_appeal_applies_the_august_and_christmas_rule() -> None:
    for deadline in every_clock():
        applied = "r.12(3)(a)" in text(deadline)
        assert applied == (deadline.clock == "appeal"), deadline.clock
