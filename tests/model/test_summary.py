"""The one summary model: every section from the session, worded once, and names left out on request."""

from __future__ import annotations

from datetime import date

import pytest

from send_tui.model.letter import ABOUT_UNCONFIRMED, HAND_FILL
from send_tui.model.session import Session
from send_tui.model.summary import (
    DATE_KEYS,
    REPLY_NEEDS_TIMESCALE,
    WORDS,
    DeadlineProblem,
    build_summary,
    session_deadlines,
)
from tests.sessions import TODAY, complaint_session, shipped


def test_a_typical_call_gives_every_section() -> None:
    summary = build_summary(complaint_session(), TODAY)
    assert summary.disclaimer == WORDS.disclaimer
    assert summary.made == TODAY
    assert summary.content_review == shipped().review_date
    assert dict(summary.details) == {
        "Date made": "Sat 28 Nov 2026",
        "Case reference": "TH-0042",
        "Content last reviewed": "Sat 28 Nov 2026",
        "Caller": "Alex Smith",
        "Child or young person": "Sam Smith",
        "Date of birth": "Sun 14 May 2017",
    }
    assert [(a.question, a.answer) for a in summary.path] == [
        (
            "What is the caller's situation?",
            "A complaint about a school, college, council or other service",
        ),
        ("Who is the complaint about?", "A school (maintained school or academy)"),
    ]
    assert summary.outcome == "Complain to the school"
    (complaint,) = summary.plan
    assert complaint.title == "Make a complaint"
    assert complaint.reason == "recommended"
    assert complaint.next_steps == shipped().nodes["out_complaint_school"].next_steps
    assert summary.letter is not None and summary.letter.template_id == "complaint_school"
    # what it is about is still the draft from the answers: nobody has checked it yet
    assert summary.letter_missing == (ABOUT_UNCONFIRMED,)
    confirmed = complaint_session(about="the support at school")
    assert build_summary(confirmed, TODAY).letter_missing == ()
    assert summary.headings()[-1] == WORDS.letter


def test_contacts_give_every_detail_and_say_to_be_confirmed_literally() -> None:
    summary = build_summary(complaint_session(), TODAY)
    sendiass = next(c for c in summary.contacts if "SENDIASS" in c.name)
    labels = [label for label, _ in sendiass.details]
    assert labels == ["Website", "Phone", "Email", "Address"]
    assert (("Phone", WORDS.to_be_confirmed)) in sendiass.details
    assert all(value != "to be confirmed" for c in summary.contacts for _, value in c.details)


def test_references_are_the_outcomes_then_the_plans_with_cite_and_title() -> None:
    summary = build_summary(complaint_session(), TODAY)
    cites = [r.cite for r in summary.references]
    assert cites[:3] == ["11.2", "11.67-11.111", "Education Act 2002 s.29"]
    assert len(cites) == len(set(cites))
    assert all(r.title for r in summary.references)


def test_deadlines_come_from_the_dates_and_the_letter() -> None:
    session = complaint_session()
    session.add_route("appeal")  # the council decision's clocks apply once its route is planned
    summary = build_summary(session, TODAY)
    by_title = {d.title: d for d in summary.deadlines}
    appeal = by_title["Appeal to the SEND Tribunal"]
    assert appeal.due == "Mon 4 Jan 2027, by 5pm"
    assert appeal.status == "37 days left"
    assert appeal.workings[0].startswith("2 months from Mon 2 Nov 2026")
    mediation = by_title["Contact the mediation adviser"]
    assert mediation.act_by.startswith("To be safe, act by Thu 31 Dec 2026")
    reply = by_title["Reply to the complaint"]
    assert reply.due == "Fri 11 Dec 2026"
    assert summary.letter is not None and summary.letter.reply_by == date(2026, 12, 11)


def test_only_the_clocks_of_the_outcome_and_plan_are_worked_out() -> None:
    session = complaint_session()  # a school complaint: the decision date's clocks do not apply
    assert [d.clock for d in session_deadlines(session, TODAY)] == ["reply"]
    short = Session(shipped())
    for node, option in (
        ("situation", "exclusion"),
        ("exclusion_kind", "suspension"),
        ("suspension_exam", "no"),
        ("suspension_days", "up_to_5"),
    ):
        short.answer(node, option)
    short.dates["exclusion_notice"] = date(2026, 11, 16)
    assert session_deadlines(short, TODAY) == ()  # no 15- or 50-school-day review
    short.answer("suspension_days", "over_5")
    (fifty,) = session_deadlines(short, TODAY)
    assert fifty.clock == "suspension_representations"
    short.answer("suspension_days", "over_15")
    assert [d.clock for d in session_deadlines(short, TODAY)] == ["exclusion_review"]


def test_the_letter_is_dated_the_day_it_is_sent() -> None:
    session = complaint_session()
    session.dates["reply_from"] = date(2026, 12, 1)
    summary = build_summary(session, TODAY)
    assert summary.letter is not None
    assert summary.letter.date == "Tue 1 Dec 2026"
    assert summary.letter.reply_by == date(2026, 12, 15)


def test_the_letters_date_alone_says_the_reply_needs_a_timescale() -> None:
    """Entered before anything is typed in the letter, the date gives no reply-by date: say so,
    rather than 'no deadlines yet' to an adviser who has just entered one."""
    session = Session(shipped())
    session.answer("situation", "complaint")
    session.answer("complaint_about", "school")
    session.dates["reply_from"] = date(2026, 12, 1)
    [problem] = session_deadlines(session, TODAY)
    assert isinstance(problem, DeadlineProblem) and problem.clock == "reply"
    assert problem.reason == REPLY_NEEDS_TIMESCALE


def test_every_date_key_is_worked_out_or_says_why_not() -> None:
    session = Session(shipped())
    # What the council decided is the one answer a clock needs (the draft plan's, which applies
    # only where the plan's contents or amendments are disputed); the rest need none.
    session.answer("situation", "council_decision")
    session.answer("council_decision", "plan_contents")
    for key in DATE_KEYS:
        session.dates[key.key] = date(2026, 11, 16)
    found = session_deadlines(session, TODAY)
    clocks = [d.clock for d in found]
    assert clocks == [
        "appeal",
        "mediation_contact",
        "mediation_certificate",
        "arrange_mediation",
        "discrimination_claim",
        "exclusion_review",
        "exclusion_panel",
        "ehc",
        "ehc",
        "draft_plan",
    ]
    assert not any(isinstance(d, DeadlineProblem) for d in found)
    ehc = build_summary(session, TODAY).deadlines[7]
    assert ehc.dates[0][0].startswith("Decision whether to assess")


def test_a_clock_that_cannot_be_counted_says_why() -> None:
    session = Session(shipped())
    session.dates["certificate"] = date(2026, 11, 16)
    session.dates["exclusion_notice"] = date(2027, 7, 20)  # past the last term in the term dates
    lines = build_summary(session, TODAY).deadlines
    assert [line.due.split(":")[0] for line in lines] == [
        WORDS.not_worked_out,
        WORDS.not_worked_out,
    ]
    assert "decision letter" in lines[0].due
    assert "after the last term" in lines[1].due


def test_no_dates_no_deadlines_and_no_letter_until_it_is_started() -> None:
    session = Session(shipped())
    session.answer("situation", "complaint")
    session.answer("complaint_about", "school")
    summary = build_summary(session, TODAY)
    assert summary.deadlines == ()
    assert summary.letter is None
    assert WORDS.letter not in summary.headings()


def test_an_incomplete_letter_is_kept_and_says_what_it_still_needs() -> None:
    summary = build_summary(complaint_session(outcome="", addressee_name=""), TODAY)
    assert summary.letter is not None
    assert [m.split(":")[0] for m in summary.letter_missing] == [
        "Addressee",
        "What the complaint is about",
        "Outcome wanted",
    ]


def test_the_plan_gives_prerequisites_and_next_steps_where_one_outcome_fits() -> None:
    session = Session(shipped())
    session.answer("situation", "choose_routes")
    session.answer("choose_routes", ("appeal", "complaint"))
    plan = {item.title: item for item in build_summary(session, TODAY).plan}
    appeal = next(item for title, item in plan.items() if "ppeal" in title)
    assert appeal.first and appeal.first[0].startswith("Get mediation advice")
    mediation = next(item for title, item in plan.items() if item.reason == "needed first")
    assert mediation.next_steps == shipped().nodes["out_mediation"].next_steps
    # Several outcomes recommend a complaint; without reaching one, no steps are guessed.
    assert plan["Make a complaint"].next_steps == ()


@pytest.mark.parametrize("how", ["redacted", "no consent"])
def test_names_and_date_of_birth_are_left_out(how: str) -> None:
    session = complaint_session()
    if how == "redacted":
        summary = build_summary(session, TODAY, redacted=True)
    else:
        summary = build_summary(session, TODAY, include_personal=False)
    everything = repr(summary)
    for personal in ("Alex Smith", "Sam Smith", "14 May 2017"):
        assert personal not in everything
    assert ("Note", WORDS.redacted_note) in summary.details
    assert summary.redacted
    assert summary.letter is not None and "Oak Primary School" in " ".join(
        summary.letter.paragraphs
    )


@pytest.mark.parametrize("how", ["redacted", "no consent"])
def test_a_case_reference_made_of_the_family_name_is_left_out_too(how: str) -> None:
    """Some offices make the reference from the surname ("SMITH-0042"): a copy that says it
    holds no names must not print it at the top."""
    session = complaint_session()
    session.case.reference = "SMITH-0042"
    summary = build_summary(session, TODAY, redacted=True, include_personal=how != "no consent")
    assert "SMITH" not in repr(summary)
    assert ("Case reference", f"{HAND_FILL}-0042") in summary.details


def test_the_summary_is_frozen() -> None:
    summary = build_summary(complaint_session(), TODAY)
    with pytest.raises(AttributeError):
        summary.title = "x"  # type: ignore[misc]
