"""The session model alone (no Textual): paths, changed answers, and the plan's order."""

from __future__ import annotations

import pytest

from send_tui.model.loader import load_content
from send_tui.model.session import Session


@pytest.fixture(scope="module")
def content():
    return load_content()


def answered(content, **answers) -> Session:
    session = Session(content)
    for node_id, answer in answers.items():
        session.answer(node_id, answer)
    return session


def test_the_path_follows_the_answers_and_stops_at_the_first_unanswered(content) -> None:
    session = answered(content, situation="council_decision")
    # "Who is calling?" is walked past with its default (a parent or carer) until answered
    assert session.path() == ["caller", "situation", "council_decision"]
    assert session.current() == "council_decision"
    assert session.outcome() is None


def test_a_new_call_opens_on_the_situation_and_the_caller_can_be_answered_later(content) -> None:
    session = Session(content)
    assert session.path() == ["caller", "situation"] and session.current() == "situation"
    assert session.trail() == []
    session.answer("situation", "complaint")
    assert session.answer("caller", "young_person") == []  # nothing later is dropped
    assert session.answers == {"situation": "complaint", "caller": "young_person"}
    assert [n.id for n, _ in session.trail()] == ["caller", "situation"]


def test_a_full_path_ends_at_an_outcome(content) -> None:
    session = answered(
        content,
        situation="council_decision",
        council_decision="cease_plan",
        what_next_decision="appeal",
    )
    assert session.outcome().id == "out_appeal"
    assert [n.id for n, _ in session.trail()] == [
        "situation",
        "council_decision",
        "what_next_decision",
    ]
    assert session.trail()[1][1] == "To stop maintaining the EHC plan"


def test_changing_an_answer_drops_only_what_no_longer_applies(content) -> None:
    session = answered(
        content,
        situation="council_decision",
        council_decision="plan_contents",
        appeal_scope="other_parts",
        what_next_decision="appeal",
    )
    dropped = session.answer("council_decision", "no_plan")
    assert [d.node_id for d in dropped] == ["appeal_scope"]
    assert dropped[0].answer == "No: it is also about Section B, F or something else"
    assert session.answers["what_next_decision"] == "appeal"
    assert session.outcome().id == "out_appeal"


def test_changing_the_first_answer_drops_a_whole_branch(content) -> None:
    session = answered(content, situation="exclusion", exclusion_kind="permanent")
    dropped = session.answer("situation", "complaint")
    assert [d.node_id for d in dropped] == ["exclusion_kind"]
    assert session.current() == "complaint_about"


def test_the_same_answer_again_changes_nothing(content) -> None:
    session = answered(content, situation="exclusion")
    revision = session.revision
    assert session.answer("situation", "exclusion") == []
    assert session.revision == revision


def test_an_answer_that_is_not_an_option_is_refused(content) -> None:
    with pytest.raises(ValueError):
        Session(content).answer("situation", "nonsense")


def test_multi_choice_keeps_the_exclusive_option_alone(content) -> None:
    session = answered(content, situation="choose_routes")
    session.answer("choose_routes", ("complaint", "not_sure"))
    assert session.answers["choose_routes"] == ("not_sure",)
    assert session.outcome().id == "out_sendiass"


def test_plan_orders_routes_and_puts_mediation_advice_before_an_appeal(content) -> None:
    session = answered(content, situation="choose_routes")
    session.answer("choose_routes", ("appeal", "complaint"))
    plan = session.plan()
    assert [e.route.id for e in plan] == ["complaint", "mediation", "appeal"]
    assert plan[1].reason == "needed first"
    assert plan[2].first and "mediation" in plan[2].first[0].lower()


def test_no_mediation_advice_for_an_appeal_only_about_the_school_named(content) -> None:
    session = answered(
        content,
        situation="council_decision",
        council_decision="plan_contents",
        appeal_scope="school_only",
        what_next_school_only="appeal",
    )
    assert [e.route.id for e in session.plan()] == ["appeal"]


def test_routes_added_by_hand_join_the_plan_and_can_be_removed(content) -> None:
    session = answered(content, situation="complaint", complaint_about="school")
    assert session.add_route("disagreement_resolution")
    assert not session.add_route("disagreement_resolution")
    assert [e.route.id for e in session.plan()] == ["complaint", "disagreement_resolution"]
    assert session.remove_route("disagreement_resolution")
    assert [e.route.id for e in session.plan()] == ["complaint"]
    assert [r.id for r in session.suggested_routes()] == ["sendiass"]


def test_clear_forgets_the_caller(content) -> None:
    session = answered(content, situation="complaint")
    session.letter_fields["child_name"] = "Sam"
    session.add_route("sendiass")
    assert session.has_work()
    session.clear()
    assert not session.has_work()
