"""The caller's whole picture (issue 14): routes side by side, every clock on one timeline, the next
step when a date passes with no answer, and the warnings, over the shipped caller scenarios."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from send_tui.model.comparison import ASPECTS, build_comparison
from send_tui.model.content_errors import ContentErrors
from send_tui.model.loader import load_content
from send_tui.model.scenarios import load_scenarios, session_from_scenario
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from send_tui.model.timeline import build_timeline, calendar_notes, next_step_node
from send_tui.render import render
from tests.sessions import on_path, shipped

ROOT = Path(__file__).parents[2]
SCENARIOS = ROOT / "content" / "scenarios"


#: An appeal against a refusal to assess, answered from the situation on.
REFUSAL_APPEAL = (
    ("situation", "council_decision"),
    ("council_decision", "refuse_assessment"),
    ("what_next_assessment", "appeal"),
)


def scenario_session(file: str) -> tuple[Session, date]:
    """The session the app would hold for one shipped scenario, and its "today"."""
    content = shipped()
    found = [s for s in load_scenarios(SCENARIOS, content) if Path(s.file).name == file]
    assert found, file
    return session_from_scenario(found[0], content), found[0].today


def all_scenarios() -> list[tuple[str, Session, date]]:
    content = shipped()
    return [
        (Path(s.file).name, session_from_scenario(s, content), s.today)
        for s in load_scenarios(SCENARIOS, content)
    ]


# --- the timeline ------------------------------------------------------------------------------


def test_every_shipped_scenario_has_its_dates_earliest_first_and_each_clock_placed() -> None:
    placed_somewhere = 0
    for name, session, today in all_scenarios():
        timeline = build_timeline(session, today)
        days = [entry.when for entry in timeline.entries]
        assert days == sorted(days), name
        for entry in timeline.entries:
            placed_somewhere += 1
            assert entry.started_by, (name, entry.key)
            if (
                entry.is_done
            ):  # a certificate issued: the step says so, and nothing is left to chase
                assert (entry.kind, entry.escalation_line()) == ("done", ""), (name, entry.key)
                assert entry.done, (name, entry.key)
                continue
            assert entry.kind in ("firm legal limit", "target"), (name, entry.key)
            # a clock that waits on someone says what to do if nobody answers; the family's own says
            # what can still be done once it has passed
            assert entry.escalation_line() or entry.if_passed, (name, entry.key)
    assert placed_somewhere > 10


def test_three_routes_after_a_refused_assessment_in_date_order_with_firm_and_target() -> None:
    session, today = scenario_session("picture-refused-assessment-three-routes.toml")
    timeline = build_timeline(session, today)
    assert [e.key for e in timeline.entries] == ["reply", "appeal", "mediation_contact"]
    reply, appeal, _ = timeline.entries
    assert (reply.due, reply.kind, reply.status(today)) == (
        date(2026, 12, 31),
        "target",
        "30 days left",
    )
    assert (appeal.due, appeal.kind) == (date(2027, 1, 20), "firm legal limit")
    assert timeline.escalations() == (
        "No reply by Thu 31 Dec 2026: ask for the next stage of the council's complaints procedure; "
        "after its final reply, or if it will not reply, go to the LGSCO.",
    )
    assert timeline.warnings == ()


def test_the_reply_escalation_follows_the_body_complained_about() -> None:
    content = shipped()
    wanted = {
        "school": "No reply by Mon 14 Dec 2026: write to the chair of governors",
        "college": "then, at its end, take it to the Department for Education",
        "early_years": "tell Ofsted",
        "council": "go to the LGSCO",
        "health": "go to the PHSO",
        "social_care": "ask for Stage 2",
    }
    for body, words in wanted.items():
        session = Session(content)
        session.answer("situation", "complaint")
        session.answer("complaint_about", body)
        session.letter_fields.update({"reply_unit": "date", "reply_within": "2026-12-14"})
        timeline = build_timeline(session, date(2026, 12, 1))
        assert [e.clock for e in timeline.entries] == ["reply"], body
        assert words in timeline.escalations()[0], body
        assert next_step_node(session, timeline.entries[0]) == f"out_complaint_{body}"


def test_an_appeal_deadline_before_the_complaint_reply_is_a_warning() -> None:
    session, today = scenario_session("picture-appeal-before-complaint-reply.toml")
    warnings = build_timeline(session, today).warnings
    assert (
        "Appeal to the SEND Tribunal (Mon 7 Dec 2026, by 5pm) falls before the complaint reply is due "
        "(Thu 31 Dec 2026): do not wait for the reply, as a complaint does not pause it."
    ) in warnings
    assert any(w.startswith("Contact the mediation adviser (Fri 4 Dec 2026)") for w in warnings)


def test_a_date_that_has_passed_says_what_can_still_be_done() -> None:
    session = on_path(
        *REFUSAL_APPEAL, decision=date(2026, 9, 20), mediation_adviser_told=date(2026, 11, 25)
    )
    timeline = build_timeline(session, date(2026, 11, 28))
    passed = [w for w in timeline.warnings if "days ago." in w]
    assert passed[0].startswith(
        "Appeal to the SEND Tribunal: Fri 20 Nov 2026, by 5pm, passed 8 days ago."
    )
    assert "The Tribunal can accept a late appeal if it is fair and just" in passed[0]
    certificate = [e for e in timeline.entries if e.clock == "mediation_certificate"][0]
    assert certificate.escalation_line().startswith(
        "No certificate by Mon 30 Nov 2026: chase the mediation adviser"
    )
    assert next_step_node(session, certificate) == "out_mediation"


def test_a_later_route_whose_date_comes_before_the_first_route_in_the_plan_is_a_warning() -> None:
    content = shipped()
    session = Session(content)
    session.answer("situation", "choose_routes")
    session.answer("choose_routes", ("mediation", "exclusion"))
    session.dates["mediation_requested"] = date(2026, 12, 1)  # arranged by Thu 31 Dec 2026
    session.dates["conduct"] = date(2026, 6, 10)  # the claim: by Wed 9 Dec 2026
    timeline = build_timeline(session, date(2026, 12, 1))
    assert [e.clock for e in timeline.entries] == ["discrimination_claim", "arrange_mediation"]
    assert timeline.warnings == (
        "Disability discrimination claim to the SEND Tribunal (Wed 9 Dec 2026, by 5pm, for Challenge "
        "a permanent exclusion) comes before the first date of Mediation, which the plan "
        "puts first (Thu 31 Dec 2026): start it now, alongside.",
    )


def test_a_family_limit_before_the_complaint_reply_is_said_once() -> None:
    session = Session(shipped())
    session.answer("situation", "choose_routes")
    session.answer("choose_routes", ("complaint", "exclusion"))
    session.dates["conduct"] = date(2026, 6, 10)
    session.letter_fields.update({"reply_unit": "date", "reply_within": "2027-01-15"})
    warnings = build_timeline(session, date(2026, 12, 1)).warnings
    assert warnings == (
        "Disability discrimination claim to the SEND Tribunal (Wed 9 Dec 2026, by 5pm) falls before "
        "the complaint reply is due (Fri 15 Jan 2027): do not wait for the reply, as a complaint does "
        "not pause it.",
    )


def test_ehc_timescales_are_three_dates_each_waiting_on_the_council() -> None:
    session = Session(shipped())
    session.dates["ehc_request"] = date(2026, 1, 12)
    timeline = build_timeline(session, date(2026, 1, 13))
    assert [e.key for e in timeline.entries] == [
        "ehc.assessment_decision",
        "ehc.no_plan_notice",
        "ehc.final_plan",
    ]
    assert timeline.escalations()[0].startswith(
        "Nothing from the council by Mon 23 Feb 2026: complain"
    )


def test_calendar_notes_say_firm_or_target_and_the_next_step() -> None:
    session, today = scenario_session("picture-refused-assessment-three-routes.toml")
    notes = calendar_notes(build_timeline(session, today))
    assert notes[("reply", "")][0] == "Target"
    assert notes[("reply", "")][-1].startswith("No reply by Thu 31 Dec 2026")
    assert notes[("appeal", "")][0] == "Firm legal limit"
    assert notes[("appeal", "")][-1].startswith(
        "If it passes: The Tribunal can accept a late appeal"
    )


def test_the_calendar_file_carries_the_timeline_lines_for_each_date() -> None:
    from icalendar import Calendar

    from send_tui.model.deadlines import Deadline
    from send_tui.model.summary import session_deadlines
    from send_tui.render.ics import deadlines_to_ics

    session, today = scenario_session("picture-refused-assessment-three-routes.toml")
    found = [d for d in session_deadlines(session, today) if isinstance(d, Deadline)]
    notes = calendar_notes(build_timeline(session, today))
    calendar = Calendar.from_ical(deadlines_to_ics(found, notes=notes))
    described = {
        str(event["summary"]): str(event["description"]) for event in calendar.walk("VEVENT")
    }
    reply = described["Reply to the complaint"]
    assert reply.startswith("Target\nStarts from: The date of the complaint letter")
    assert "No reply by Thu 31 Dec 2026: ask for the next stage" in reply
    assert "Workings:" in reply  # the workings still follow
    assert described["Appeal to the SEND Tribunal (by 5pm)"].startswith("Firm legal limit")


# --- the routes side by side ---------------------------------------------------------------------


def test_comparison_puts_the_plan_first_with_every_cell_from_the_content() -> None:
    session, today = scenario_session("picture-refused-assessment-three-routes.toml")
    comparison = build_comparison(session, today)
    routes = [column.route for column in comparison.open]
    assert routes[:3] == ["complaint", "mediation", "appeal"]
    assert all(column.in_plan for column in comparison.open[:3])
    assert not any(column.in_plan for column in comparison.open[3:])
    content = session.content
    for column in comparison.open:
        compared = content.comparisons[column.route]
        assert len(column.cells) == len(ASPECTS)
        assert column.cell("who_decides") == compared.who_decides
        assert column.cell("cost") == compared.cost
        assert column.cell("pauses") == compared.pauses_note
        assert column.cell("time_limit").startswith(compared.time_limit)
    appeal = comparison.open[2]
    assert "Appeal to the SEND Tribunal: Wed 20 Jan 2027, by 5pm (50 days left)" in appeal.cell(
        "time_limit"
    )
    assert "does not pause the appeal deadline" in comparison.open[0].cell("pauses")
    assert [c.route for c in comparison.closed] == ["exclusion", "suspension"]


def test_health_provision_alone_closes_the_appeal_with_the_reason() -> None:
    session = Session(shipped())
    session.answer("situation", "health_care")
    comparison = build_comparison(session, date(2026, 12, 1))
    closed = {c.route: c.reason for c in comparison.closed}
    assert closed["appeal"].startswith(
        "There is no Tribunal appeal about health or social care provision alone"
    )
    assert "appeal" not in [column.route for column in comparison.open]
    assert {"complaint", "mediation", "disagreement_resolution"} <= {
        c.route for c in comparison.open
    }


def test_every_cost_cell_says_the_route_is_free() -> None:
    for compared in shipped().comparisons.values():
        assert "Free" in compared.cost or "free" in compared.cost, compared.route


# --- the summary in every format -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_summary_in_every_format_holds_the_timeline_escalation_and_warnings(fmt: str) -> None:
    session, today = scenario_session("picture-appeal-before-complaint-reply.toml")
    text = render(build_summary(session, today), fmt).decode("utf-8")
    flat = " ".join(text.split())
    if fmt == "md":
        flat = flat.replace("\\", "")
    if fmt == "html":
        flat = flat.replace("&#x27;", "'")
    for phrase in (
        "Timeline: every date, earliest first"
        if fmt != "txt"
        else "TIMELINE: EVERY DATE, EARLIEST FIRST",
        "Mon 7 Dec 2026, by 5pm: Appeal to the SEND Tribunal (6 days left; firm legal limit)",
        "Thu 31 Dec 2026: Reply to the complaint (30 days left; target)",
        "If a date passes with no answer",
        "No reply by Thu 31 Dec 2026: chase it in writing",
        "falls before the complaint reply is due",
    ):
        assert phrase in flat, (fmt, phrase)


def test_a_summary_without_dates_has_no_timeline_section() -> None:
    session = Session(shipped())
    session.answer("situation", "not_sure")
    summary = build_summary(session, date(2026, 12, 1))
    assert not summary.timeline
    assert "TIMELINE" not in render(summary, "txt").decode("utf-8")


# --- the loader ------------------------------------------------------------------------------------


def broken(tmp_path: Path, old: str, new: str) -> str:
    """The shipped content with one change to route-comparison.toml; the loader's messages."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    path = root / "national" / "route-comparison.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_content(root)
    return str(raised.value)


def test_a_comparison_of_a_route_that_does_not_exist_names_the_file_and_key(tmp_path: Path) -> None:
    message = broken(tmp_path, "[compare.sendiass]", "[compare.sendias]")
    assert "national/route-comparison.toml" in message
    assert "compare.sendias" in message and "is not a route" in message


def test_a_closed_when_condition_naming_no_option_is_an_error(tmp_path: Path) -> None:
    message = broken(
        tmp_path, 'when = { situation = ["health_care"] }', 'when = { situation = ["health"] }'
    )
    assert "compare.appeal.closed_when[0].when[0].situation" in message
    assert "has no option 'health'" in message


def test_a_timeline_entry_must_say_firm_or_target(tmp_path: Path) -> None:
    message = broken(tmp_path, "[timeline.appeal]\nfirm = true", "[timeline.appeal]")
    assert "timeline.appeal.firm" in message and "is missing" in message


def test_an_escalation_to_an_unknown_node_is_an_error(tmp_path: Path) -> None:
    message = broken(tmp_path, 'node = "out_complaint_school"', 'node = "out_complaint_schol"')
    assert "timeline.reply.escalation[0].node" in message


def test_a_clock_that_waits_on_someone_needs_an_escalation(tmp_path: Path) -> None:
    message = broken(
        tmp_path,
        'waits_on = "the governing board"\nescalation = [',
        'waits_on = "the governing board"\nunused = [',
    )
    assert "timeline.exclusion_review.escalation" in message
    assert "timeline.exclusion_review.unused" in message


def test_an_annual_review_report_has_its_own_next_step_and_the_decision_the_councils() -> None:
    session = Session(shipped())
    session.dates["annual_review"] = date(2026, 3, 2)
    timeline = build_timeline(session, date(2026, 3, 3))
    lines = timeline.escalations()
    assert lines[0].startswith("No review report by Mon 16 Mar 2026: ask whoever held the review")
    assert lines[1].startswith(
        "Nothing from the council by Mon 30 Mar 2026: complain to the council"
    )


def test_an_escalation_for_an_unknown_milestone_is_an_error(tmp_path: Path) -> None:
    message = broken(tmp_path, 'milestones = ["review_report"]', 'milestones = ["review_reports"]')
    assert "timeline.ehc.escalation[0].milestones[0]" in message
    assert "'review_reports' is not one of this clock's dates" in message


def test_the_loader_knows_every_date_the_engine_gives() -> None:
    from send_tui.model import deadlines
    from send_tui.model.content import CLOCK_MILESTONES

    day = date(2026, 3, 2)
    given = [m.key for m in (*deadlines.ehc(day).dates, *deadlines.ehc_annual_review(day).dates)]
    assert tuple(given) == CLOCK_MILESTONES["ehc"]


def test_a_step_that_is_done_has_no_next_step_to_open_and_says_it_is_done() -> None:
    from send_tui.model.timeline import done_message

    session = on_path(*REFUSAL_APPEAL, decision=date(2026, 10, 5), certificate=date(2026, 11, 20))
    timeline = build_timeline(session, date(2026, 11, 28))
    contact = next(e for e in timeline.entries if e.clock == "mediation_contact")
    assert contact.is_done
    assert next_step_node(session, contact) is None  # not "no certificate: chase"
    assert done_message(contact) == (
        "Contact the mediation adviser: Done on Fri 20 Nov 2026: The mediation certificate has "
        "been issued, so the mediation adviser was contacted. Nothing is left to do for this step."
    )
    appeal = next(e for e in timeline.entries if e.clock == "appeal")
    assert done_message(appeal) == "" and next_step_node(session, appeal) is not None
