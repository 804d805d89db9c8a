"""Every outcome reads right for whoever is calling: the body and steps are written for any caller,
and a caller note, chosen by the answer to "Who is calling?", says whose right it is where the law
differs. Bad notes are refused naming the file and the key."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from send_tui.model.content import NodeKind
from send_tui.model.record import load_record, save_record
from send_tui.model.scenarios import load_scenarios, outcome_text, run_scenario
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from send_tui.render import render
from tests.model.test_loader import edit, problems
from tests.sessions import shipped

ROOT = Path(__file__).parents[2]
CALLERS = ("parent", "young_person", "helper", "representative")
OTHERS = CALLERS[1:]


def session_at(answers: dict[str, str], caller: str | None) -> Session:
    session = Session(shipped())
    if caller is not None:
        session.answer("caller", caller)
    for node_id, option in answers.items():
        session.answer(node_id, option)
    return session


APPEAL = {
    "situation": "council_decision",
    "council_decision": "plan_contents",
    "appeal_scope": "other_parts",
    "what_next_decision": "appeal",
}


#: "the family" as an adviser would read it out; case matters, since the Family Information
#: Service and the Children and Families Act are names.
FAMILY = re.compile(r"\b(?:[Tt]he|[Aa]) family\b|\bfamily's|\bfamilies\b")


#: Outcomes that name who a charity serves ("advice for families"), its own remit, not the caller.
FAMILIES_SERVED: dict[str, str] = {
    "out_national_organisations": "SOS!SEN and Contact describe themselves as serving families",
}


@pytest.mark.parametrize("node_id", sorted(n.id for n in shipped().outcomes()))
@pytest.mark.parametrize("caller", CALLERS)
def test_no_outcome_speaks_of_the_family_to_any_caller(node_id: str, caller: str) -> None:
    content = shipped()
    session = Session(content)
    session.answer("caller", caller)
    text = outcome_text(session, content.nodes[node_id])
    kept = {"families"} if node_id in FAMILIES_SERVED else set()
    assert [said for said in FAMILY.findall(text) if said not in kept] == []


#: (where, why) for wording that may keep "the family" on purpose.
FAMILY_EXCEPTIONS: dict[str, str] = {
    "glossary.fis": "the Family Information Service's own remit: it serves families",
}


def questions_wording() -> list[tuple[str, str]]:
    """(where, text) for every question's title, body, option label and hint: on screen, in the
    answers trail and in the printed summary, read to whoever is calling."""
    found = []
    for node in shipped().nodes.values():
        if node.kind is NodeKind.OUTCOME:
            continue
        found += [(f"{node.id}.title", node.title), (f"{node.id}.body", node.body or "")]
        for option in node.options:
            found.append((f"{node.id}.{option.id}.label", option.label))
            found.append((f"{node.id}.{option.id}.hint", option.hint or ""))
    return found


def routes_wording() -> list[tuple[str, str]]:
    """(where, text) for route summaries and notes, the comparison's cells and the timeline's
    words: the plan, the comparison screen, the timeline and the summary show them."""
    content = shipped()
    found = [(f"routes.{r.id}.summary", r.summary) for r in content.routes.values()]
    for route in content.routes.values():
        found += [(f"routes.{route.id}.before", need.note) for need in route.before]
    for compare in content.comparisons.values():
        for cell in dataclasses.fields(compare):
            value = getattr(compare, cell.name)
            if isinstance(value, str) and cell.name != "source_file":
                found.append((f"compare.{compare.route}.{cell.name}", value))
        found += [(f"compare.{compare.route}.closed_when", c.reason) for c in compare.closed_when]
    for clock in content.clock_timeline.values():
        base = f"timeline.{clock.clock}"
        found += [(f"{base}.started_by", clock.started_by), (f"{base}.if_passed", clock.if_passed)]
        found += [(f"{base}.started_by_date", words) for words in clock.started_by_date.values()]
        found += [(f"{base}.escalation", e.text) for e in clock.escalations]
    return found


def glossary_wording() -> list[tuple[str, str]]:
    """(where, text) for every glossary definition: F1 help and F4 show them mid-call."""
    return [(f"glossary.{t.id}", t.definition) for t in shipped().glossary.values()]


@pytest.mark.parametrize("wording", [questions_wording, routes_wording, glossary_wording])
def test_no_question_or_route_speaks_of_the_family(
    wording: Callable[[], list[tuple[str, str]]],
) -> None:
    """An adviser reads these out to a 17-year-old as well as to a parent: "the parent or young
    person", "the caller", or "the pupil" and "the parents" where the exclusion guidance says so."""
    said = [(where, text) for where, text in wording() if FAMILY.search(text)]
    assert [where for where, _ in said if where not in FAMILY_EXCEPTIONS] == []


def test_the_family_check_would_catch_the_old_wording() -> None:
    assert FAMILY.search("What does the family want to do about the decision?")
    assert FAMILY.search("with the family's views")
    assert not FAMILY.search("SENDIASS and the Family Information Service")  # a name, kept
    assert not FAMILY.search("Children and Families Act 2014 s.80")
    assert FAMILY.search("The family wants to complain")


def test_the_exclusion_questions_speak_of_the_pupil() -> None:
    """A 17-year-old in a sixth form can be excluded: the questions say "the pupil", not "the child"."""
    nodes = shipped().nodes
    for node_id in ("exclusion_kind", "suspension_exam", "suspension_days", "exclusion_sen"):
        assert "the pupil" in nodes[node_id].title, node_id
        assert "child" not in nodes[node_id].title, node_id


def test_the_appeal_outcome_gives_each_caller_their_own_note() -> None:
    out_appeal = shipped().nodes["out_appeal"]
    told = {c: outcome_text(session_at(APPEAL, c), out_appeal) for c in CALLERS}
    assert "This appeal is the young person's own" in told["young_person"]
    assert "not the helper's" in told["helper"]
    assert (
        "a representative (usually a parent, or a deputy) acts for them" in told["representative"]
    )
    for caller, text in told.items():
        # the body is the same for everyone, and worded for either a parent or a young person
        assert "the parent or young person must contact the mediation adviser" in text
        others = [c for c in OTHERS if c != caller]
        assert all(shipped().caller_notes["own_appeal"].wording[o] not in text for o in others)
    assert "young person's own" not in told["parent"]


def test_an_unanswered_caller_hears_what_a_parent_hears() -> None:
    out_appeal = shipped().nodes["out_appeal"]
    unanswered = outcome_text(session_at(APPEAL, None), out_appeal)
    assert unanswered == outcome_text(session_at(APPEAL, "parent"), out_appeal)


def test_the_note_follows_the_caller_into_a_reopened_record(tmp_path: Path) -> None:
    session = session_at(APPEAL, "young_person")
    path = save_record(session, tmp_path / "call.toml")
    again = load_record(path, shipped())
    outcome = again.outcome()
    assert outcome is not None and outcome.id == "out_appeal"
    assert "This appeal is the young person's own" in outcome_text(again, outcome)


def test_every_note_speaks_to_every_caller_other_than_a_parent() -> None:
    for note in shipped().caller_notes.values():
        assert set(OTHERS) <= set(note.wording), note.id


def test_where_the_references_are_silent_the_notes_say_not_confirmed() -> None:
    """The exclusion guidance gives its steps to parents, and who claims discrimination for a
    young person is not in the references: no note may state it as a young person's right."""
    notes = shipped().caller_notes
    for note_id in ("exclusion_rights", "discrimination_claimant"):
        for caller in OTHERS:
            assert "not confirmed" in notes[note_id].wording[caller], (note_id, caller)
    for node in shipped().outcomes():
        if node.id.startswith("out_exclusion"):
            assert "exclusion_rights" in node.caller_notes, node.id


def test_every_outcome_a_young_person_holds_the_right_to_carries_a_note() -> None:
    nodes = shipped().nodes
    for node_id in ("out_appeal", "out_appeal_school_only", "out_appeal_assessment"):
        assert "own_appeal" in nodes[node_id].caller_notes
    assert "own_mediation" in nodes["out_mediation"].caller_notes
    for node in shipped().outcomes():
        if node.route == "complaint" and node.id != "out_complaint_early_years":
            assert "own_complaint" in node.caller_notes, node.id


def test_a_young_person_is_steered_from_early_years_at_the_question_not_at_the_outcome() -> None:
    """Which setting the complaint is about is chosen at "Who is the complaint about?": the hint
    says there, to every caller, that a young person's complaint goes to their school or college;
    the early years outcome has no note, since the law is no different for who is calling."""
    content = shipped()
    option = content.nodes["complaint_about"].option("early_years")
    assert option is not None and option.hint is not None
    assert "young person's complaint goes to their school or college" in option.hint
    assert content.nodes["out_complaint_early_years"].caller_notes == ()


# --- the printed summary ---------------------------------------------------------------------

NOTE = "This appeal is the young person's own"
TODAY = date(2026, 11, 20)


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_summary_tells_a_young_person_their_note_once(fmt: str) -> None:
    session = session_at(APPEAL, "young_person")
    text = render(build_summary(session, TODAY), fmt).decode("utf-8")
    # html writes the apostrophe as &#x27;
    shown = text.replace("&#x27;", "'")
    assert shown.count(NOTE) == 1
    # once, under the outcome: after "Where the answers lead", before the plan
    assert shown.index("Where the answers lead") < shown.index(NOTE) < shown.index("(recommended)")
    assert shown.count("For this caller") == 1  # the caller's own line, not repeated
    assert "What does the parent or young person want to do about the decision?" in shown


@pytest.mark.parametrize("caller", [None, "parent"])
@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_a_parents_summary_has_no_young_persons_note(caller: str | None, fmt: str) -> None:
    text = render(build_summary(session_at(APPEAL, caller), TODAY), fmt).decode("utf-8")
    text = text.replace("&#x27;", "'")
    assert "young person's own" not in text
    assert "What does the parent or young person want to do about the decision?" in text


def test_each_caller_gets_only_their_own_note_in_the_summary() -> None:
    wording = shipped().caller_notes["own_appeal"].wording
    for caller in OTHERS:
        summary = build_summary(session_at(APPEAL, caller), TODAY)
        assert summary.outcome_note == (wording[caller],)
        others = [wording[c] for c in OTHERS if c != caller]
        text = render(summary, "txt").decode("utf-8")
        assert all(other[:40] not in text for other in others), caller


def test_a_reopened_record_prints_the_note_on_a_later_day(tmp_path: Path) -> None:
    session = session_at(APPEAL, "young_person")
    again = load_record(save_record(session, tmp_path / "call.toml"), shipped())
    later = build_summary(again, date(2027, 1, 15))
    assert later.outcome_note and later.outcome_note[0].startswith(NOTE)


def test_a_summary_short_of_an_outcome_has_no_note() -> None:
    session = session_at({"situation": "council_decision"}, "young_person")
    assert build_summary(session, TODAY).outcome_note == ()


# --- the loader ------------------------------------------------------------------------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root, ignore=shutil.ignore_patterns("scenarios"))
    return root


def test_a_note_for_a_caller_the_question_does_not_offer_is_named(content_copy: Path) -> None:
    edit(content_copy, "national/callers.toml", "helper = ", "grandparent = ")
    [problem] = problems(content_copy)
    assert problem.startswith("national/callers.toml: caller_notes.own_appeal.grandparent: ")
    assert "'grandparent' is not an option of the node 'caller'" in problem
    assert "young_person" in problem  # says which callers there are


def test_an_outcome_naming_a_note_that_does_not_exist_is_named(content_copy: Path) -> None:
    edit(content_copy, "national/appeals.toml", '["own_appeal"]', '["own_apeal"]')
    [problem] = problems(content_copy)
    assert problem.startswith("national/appeals.toml: nodes.out_appeal.caller_notes[0]: ")
    assert "'own_apeal'" in problem


def test_a_note_on_a_question_is_refused(content_copy: Path) -> None:
    edit(
        content_copy,
        "national/appeals.toml",
        "[nodes.council_decision]\n",
        '[nodes.council_decision]\ncaller_notes = ["own_appeal"]\n',
    )
    [problem] = problems(content_copy)
    assert problem == (
        "national/appeals.toml: nodes.council_decision.caller_notes: belongs on outcome nodes only"
    )


@pytest.mark.parametrize(
    ("wording", "message"),
    [
        ('""', "is empty"),
        ('"Dear {complainant_name}"', "cannot use {fields}"),
        ("3", "should be text"),
    ],
)
def test_a_bad_note_names_the_file_and_key(content_copy: Path, wording: str, message: str) -> None:
    edit(
        content_copy,
        "national/callers.toml",
        "[caller_notes.own_complaint]\n",
        f"[caller_notes.own_complaint]\nparent = {wording}\n",
    )
    [problem] = problems(content_copy)
    assert problem.startswith("national/callers.toml: caller_notes.own_complaint.parent: ")
    assert message in problem


def test_a_note_with_no_wording_is_refused(content_copy: Path) -> None:
    (content_copy / "national" / "callers.toml").write_text(
        (content_copy / "national" / "callers.toml").read_text(encoding="utf-8")
        + "\n[caller_notes.empty]\n",
        encoding="utf-8",
    )
    [problem] = problems(content_copy)
    assert problem.startswith("national/callers.toml: caller_notes.empty: gives no wording")


# --- scenarios -------------------------------------------------------------------------------

SCENARIO = """
[scenario]
name = "Young person appealing their plan"
today = 2026-11-20

[answers]
caller = "young_person"
situation = "council_decision"
council_decision = "plan_contents"
appeal_scope = "other_parts"
what_next_decision = "appeal"

[expect]
outcome_contains = [{contains}]
outcome_excludes = [{excludes}]
"""


def run(tmp_path: Path, contains: str, excludes: str) -> list[str]:
    (tmp_path / "one.toml").write_text(
        SCENARIO.replace("{contains}", contains).replace("{excludes}", excludes), encoding="utf-8"
    )
    [scenario] = load_scenarios(tmp_path, shipped())
    return run_scenario(scenario, shipped()).failures


def test_a_scenario_proves_what_the_outcome_tells_this_caller(tmp_path: Path) -> None:
    assert run(tmp_path, '"This appeal is the young person\'s own"', '"not the helper\'s"') == []


def test_a_scenario_reports_outcome_text_that_is_missing_or_should_not_be_there(
    tmp_path: Path,
) -> None:
    failures = run(tmp_path, '"the family must"', '"the young person\'s own"')
    assert len(failures) == 2
    assert "expect.outcome_contains" in failures[0] and "the family must" in failures[0]
    assert "expect.outcome_excludes" in failures[1]
