"""Which clocks apply: an appeal only about the school named has no mediation clock anywhere."""

from __future__ import annotations

from datetime import date

import pytest

from send_tui.model import clocks
from send_tui.model.deadlines import Deadline
from send_tui.model.session import Session
from send_tui.model.summary import build_summary, session_deadlines
from send_tui.render.html import render_html
from send_tui.render.ics import deadlines_to_ics
from send_tui.render.markdown import render_markdown
from send_tui.render.text import render_text
from tests.sessions import shipped

TODAY = date(2026, 3, 12)
MEDIATION_WORDS = (
    "Contact the mediation adviser",
    "Mediation certificate issued",
    "date of the mediation certificate",
)


def appeal_session(scope: str) -> Session:
    """Worked example 1: a decision letter dated Tue 10 Mar 2026, with every date entered."""
    session = Session(shipped())
    session.answer("situation", "council_decision")
    session.answer("council_decision", "plan_contents")
    session.answer("appeal_scope", scope)
    session.answer(
        "what_next_school_only" if scope == "school_only" else "what_next_decision", "appeal"
    )
    session.dates.update(
        decision=date(2026, 3, 10),
        certificate=date(2026, 5, 13),
        mediation_adviser_told=date(2026, 5, 10),
    )
    return session


def test_the_school_only_appeal_has_only_the_appeal_clock() -> None:
    session = appeal_session("school_only")
    assert session.current() == "out_appeal_school_only"
    # A disputed plan's draft or proposed amendments can still be replied to: no mediation clock.
    assert clocks.clocks_in_play(session) == ("appeal", "draft_plan")
    assert clocks.node_clocks(session, session.content.nodes["out_appeal_school_only"]) == (
        "appeal",
        "draft_plan",
    )
    assert clocks.date_keys_for(session, clocks.clocks_in_play(session)) == [
        "decision",
        "draft_served",
    ]


def test_a_section_f_appeal_keeps_the_mediation_clocks() -> None:
    session = appeal_session("other_parts")
    assert session.current() == "out_appeal"
    assert clocks.clocks_in_play(session) == (
        "appeal",
        "mediation_contact",
        "mediation_certificate",
        "draft_plan",
        "arrange_mediation",
    )
    assert clocks.date_keys_for(session, ("appeal",)) == ["decision", "certificate"]
    found = {d.clock: d.due for d in session_deadlines(session, TODAY) if isinstance(d, Deadline)}
    # worked example 1: contact by 10 May, certificate by Wed 13 May, appeal by Mon 15 June
    assert found["mediation_contact"] == date(2026, 5, 10)
    assert found["mediation_certificate"] == date(2026, 5, 13)
    assert found["appeal"] == date(2026, 6, 15)


def test_school_only_deadlines_ignore_a_certificate_and_count_2_months() -> None:
    found = session_deadlines(appeal_session("school_only"), TODAY)
    assert [d.clock for d in found] == ["appeal"]
    (appeal,) = found
    assert isinstance(appeal, Deadline) and appeal.due == date(2026, 5, 11)
    assert not any("certificate" in step for step in appeal.steps)


@pytest.mark.parametrize("render", [render_text, render_markdown, render_html])
def test_no_summary_format_mentions_a_mediation_deadline(render) -> None:
    text = render(build_summary(appeal_session("school_only"), TODAY))
    for words in MEDIATION_WORDS:
        assert words not in text
    assert "Appeal to the SEND Tribunal" in text
    # and the contrast: the Section F appeal has them
    assert "Contact the mediation adviser" in render(
        build_summary(appeal_session("other_parts"), TODAY)
    )


def test_the_ics_has_no_mediation_event() -> None:
    found = [
        d
        for d in session_deadlines(appeal_session("school_only"), TODAY)
        if isinstance(d, Deadline)
    ]
    data = deadlines_to_ics(found).decode()
    assert "mediation" not in data.lower()
    assert "Appeal to the SEND Tribunal" in data


def test_the_plan_puts_nothing_before_a_school_only_appeal() -> None:
    (entry,) = appeal_session("school_only").plan()
    assert entry.route.id == "appeal" and entry.first == ()


def test_an_outcome_looked_up_is_judged_by_the_answers_that_lead_to_it() -> None:
    session = appeal_session("other_parts")  # the call is on the Section F path
    looked_up = session.content.nodes["out_appeal_school_only"]
    assert clocks.node_clocks(session, looked_up) == ("appeal", "draft_plan")
    assert clocks.implied_answers(session.content, "out_appeal_school_only") == {
        "what_next_school_only": "appeal",
        "appeal_scope": "school_only",
    }


@pytest.mark.parametrize("decision", ["plan_contents", "amendments"])
def test_a_disputed_plan_asks_when_the_draft_was_served_and_counts_its_15_days(
    decision: str,
) -> None:
    session = Session(shipped())
    for node, answer in (
        ("situation", "council_decision"),
        ("council_decision", decision),
        ("appeal_scope", "other_parts"),
        ("what_next_decision", "appeal"),
    ):
        session.answer(node, answer)
    assert "draft_served" in clocks.date_keys_for(session, clocks.clocks_in_play(session))
    session.dates["draft_served"] = date(2026, 4, 20)  # worked example 9's contrast
    found = {d.clock: d for d in session_deadlines(session, TODAY) if isinstance(d, Deadline)}
    assert found["draft_plan"].due == date(2026, 5, 4)


@pytest.mark.parametrize(
    ("decision", "next_node"),
    [
        ("refuse_assessment", "what_next_assessment"),
        ("no_plan", "what_next_decision"),
        ("refuse_amend", "what_next_decision"),
        ("cease_plan", "what_next_decision"),
    ],
)
def test_no_draft_plan_clock_where_there_is_no_draft_to_reply_to(
    decision: str, next_node: str
) -> None:
    session = Session(shipped())
    for node, answer in (
        ("situation", "council_decision"),
        ("council_decision", decision),
        (next_node, "appeal"),
    ):
        session.answer(node, answer)
    assert session.outcome() is not None
    assert "draft_plan" not in clocks.clocks_in_play(session)
    assert "draft_served" not in clocks.date_keys_for(session, clocks.clocks_in_play(session))
    session.dates["draft_served"] = date(2026, 4, 20)
    assert "draft_plan" not in [d.clock for d in session_deadlines(session, TODAY)]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ('["school_only"]', "clocks.mediation_contact.unless"),
        ('["plan_contents", "amendments"]', "clocks.draft_plan.when"),
    ],
)
def test_a_clock_condition_naming_a_missing_option_is_a_content_error(
    tmp_path, written: str, key: str
) -> None:
    import shutil

    from send_tui.model.content_errors import ContentErrors
    from send_tui.model.loader import load_content

    root = tmp_path / "content"
    shutil.copytree(shipped().root, root)
    clocks_file = root / "national" / "clocks.toml"
    text = clocks_file.read_text(encoding="utf-8")
    assert written in text
    clocks_file.write_text(text.replace(written, '["nowhere"]', 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_content(root)
    assert any(key in str(e) and "'nowhere'" in str(e) for e in raised.value.errors)


def test_a_call_that_never_said_what_the_council_decided_has_no_draft_plan_clock() -> None:
    """The draft plan's 15 days apply only where the plan's contents or amendments are
    disputed: disagreement resolution asked about from "Getting help" is not asked for a
    draft's date, and on the council-decision path it is."""
    session = Session(shipped())
    session.answer("situation", "school_concern")
    session.answer("raised_with_school", "yes")
    session.mark_read("options_overview")
    session.answer("after_talking", "disagreement_resolution")
    outcome = session.outcome()
    assert outcome is not None and outcome.id == "out_disagreement_resolution"
    assert "draft_plan" not in clocks.clocks_in_play(session)
    assert "draft_plan" not in clocks.node_clocks(session, outcome)

    on_the_plan = Session(shipped())
    for node, answer in (
        ("situation", "council_decision"),
        ("council_decision", "plan_contents"),
        ("appeal_scope", "other_parts"),
        ("what_next_decision", "disagreement_resolution"),
    ):
        on_the_plan.answer(node, answer)
    assert "draft_plan" in clocks.clocks_in_play(on_the_plan)
    keys = clocks.date_keys_for(on_the_plan, clocks.clocks_in_play(on_the_plan))
    assert "draft_served" in keys


def test_a_certificate_before_the_decision_is_a_problem_not_a_date() -> None:
    from send_tui.model.summary import DeadlineProblem

    session = appeal_session("other_parts")
    session.dates["certificate"] = date(2026, 3, 5)
    appeal = next(d for d in session_deadlines(session, TODAY) if d.clock == "appeal")
    assert isinstance(appeal, DeadlineProblem)
    assert "is before the date on the decision letter" in appeal.reason
    assert "check both dates" in render_text(build_summary(session, TODAY))
