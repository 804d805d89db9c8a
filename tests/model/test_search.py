"""The search index: what an adviser types on a call finds the step, term or reference they need.

The table runs against the shipped content, so a content change that hides an answer from search
shows up here. The generated pack checks that the index copes with a council's much larger pack.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from send_tui.model.content import (
    Clock,
    Contact,
    Content,
    FileMeta,
    GlossaryTerm,
    LetterTemplate,
    Node,
    NodeKind,
    Option,
    Reference,
    Route,
)
from send_tui.model.loader import load_content
from send_tui.model.search import SearchIndex, edit_distance, query_tokens, stem

COMMON_QUESTIONS = (
    "What can be appealed?",
    "What does a complaint need?",
    "When is mediation advice needed?",
)

COMPLAINT_OUTCOMES = {
    "out_complaint_school",
    "out_complaint_college",
    "out_complaint_early_years",
    "out_complaint_council",
    "out_complaint_health",
    "out_complaint_social_care",
}
PERMANENT_EXCLUSION = {
    "out_exclusion_permanent",
    "out_exclusion_permanent_ehc",
    "out_exclusion_permanent_sen_support",
}
SUSPENSION = {
    "out_exclusion_suspension_short",
    "out_exclusion_suspension_medium",
    "out_exclusion_suspension_long",
}
EXCLUSION_STEPS = {*PERMANENT_EXCLUSION, *SUSPENSION, "exclusion_kind"}

#: (what the adviser types, the ids any of which may come first). Misspellings, word order and
#: questions in plain words are the point: advisers type fast while listening.
QUERIES: list[tuple[str, set[str]]] = [
    # terms, cites and organisations, as typed and as mistyped
    ("tribunal", {"tribunal"}),
    ("tribnal", {"tribunal"}),
    ("tribnual", {"tribunal"}),
    ("SENDIST", {"tribunal"}),
    ("First-tier Tribunal", {"tribunal"}),
    ("11.45", {"cop_11_45"}),
    ("CoP 11.45", {"cop_11_45"}),
    ("11.6", {"cop_11_6"}),
    ("11.50", {"cop_11_39_55"}),
    ("s.51", {"cfa_s51"}),
    ("HESC r.20", {"hesc_r20"}),
    ("SENCo", {"senco"}),
    ("SENDCO", {"senco"}),
    ("what is a SENCO", {"senco"}),
    ("SEN co-ordinator", {"senco"}),
    ("SEN", {"sen"}),
    ("sen support", {"sen_support"}),
    ("EHCP", {"ehc_plan"}),
    ("statutory assesment", {"ehc_needs_assessment"}),
    ("mediation certificate", {"mediation_certificate"}),
    ("mediaton certifcate", {"mediation_certificate"}),
    ("certificate mediation", {"mediation_certificate"}),
    ("what is a mediation certificate?", {"mediation_certificate"}),
    ("best endeavors", {"best_endeavours"}),
    ("independent review panel", {"independent_review_panel"}),
    ("expelled", {"permanent_exclusion"}),
    ("CCG", {"icb"}),
    ("ICB", {"icb"}),
    ("health ombudsman", {"phso"}),
    ("LGSCO", {"lgsco", "out_complaint_lgsco"}),
    ("ombudsmen", {"lgsco"}),
    ("parent partnership", {"sendiass"}),
    ("IPSEA", {"ipsea"}),
    ("free legal advice", {"ipsea", "out_national_organisations"}),
    ("local offer", {"local_offer"}),
    ("working days", {"working_day"}),
    ("named school", {"section_i", "appeal_scope"}),
    ("Department for Education", {"dfe"}),
    ("disagreement resolution", {"disagreement_resolution", "out_disagreement_resolution"}),
    ("judicial review", {"judicial_review"}),
    ("extended appeal", {"extended_appeal"}),
    ("national trial", {"extended_appeal"}),
    ("reasonable adjustments", {"reasonable_adjustments"}),
    # steps
    ("exclusion", EXCLUSION_STEPS),
    ("exlusion", EXCLUSION_STEPS),
    ("suspended", SUSPENSION),
    ("reinstatement", EXCLUSION_STEPS),
    ("disability discrimination claim", {*EXCLUSION_STEPS, "out_discrimination_school"}),
    ("mediation", {"out_mediation"}),
    ("appeall", {"out_appeal"}),
    ("appeal deadline", {"out_appeal"}),
    ("deadline to appeal", {"out_appeal"}),
    ("complain about the school", {"out_complaint_school"}),
    ("complain about the council", {"out_complaint_council"}),
    ("complaint about NHS", {"out_complaint_health"}),
    ("social care complaint", {"out_complaint_social_care"}),
    ("nursery complaint", {"out_complaint_early_years"}),
    ("Ofsted", {"out_complaint_early_years", "ofsted"}),
    ("school complaint to DfE", {"out_complaint_school"}),
    ("complaint letter to college", {"complaint_college", "out_complaint_college"}),
    ("health and social care in the EHC plan", {"out_health_social_care"}),
    ("more than one route", {"out_more_than_one_route"}),
    ("talk to the school first", {"out_first_steps", "first_steps"}),
    # questions in plain words
    ("can they appeal a refusal to assess?", {"out_appeal", "out_appeal_assessment"}),
    ("what if the council refuses to assess", {"out_appeal", "out_appeal_assessment"}),
    ("what can be appealed", {"out_appeal"}),
    ("how long to appeal", {"out_appeal"}),
    ("what does a complaint need", COMPLAINT_OUTCOMES),
    ("when is mediation advice needed", {"out_mediation"}),
    ("can you go to mediation and appeal at the same time", {"out_mediation", "out_appeal"}),
    (
        "how long do we have to challenge an exclusion",
        EXCLUSION_STEPS,
    ),
    ("they want to stop the EHCP", {"out_appeal", "council_decision"}),
    ("can the council stop the plan", {"out_appeal", "council_decision"}),
    ("the governors will not take the child back", PERMANENT_EXCLUSION),
    ("can a friend come to the meeting", {"out_getting_help"}),
]


#: Queries the index does not yet rank right, kept in the table so the pass rate stays honest.
KNOWN_MISSES = {
    # "stop the plan" is spread over an option and a long body; the council complaint step,
    # which says "council" most, wins.
    "can the council stop the plan",
}


def _table() -> list[object]:
    return [
        pytest.param(query, expected, id=query, marks=[pytest.mark.xfail(reason="known miss")])
        if query in KNOWN_MISSES
        else pytest.param(query, expected, id=query)
        for query, expected in QUERIES
    ]


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def index(shipped: Content) -> SearchIndex:
    return SearchIndex.build(shipped)


@pytest.mark.parametrize(("query", "expected"), _table())
def test_adviser_query_finds_the_answer_first(
    index: SearchIndex, query: str, expected: set[str]
) -> None:
    results = index.search(query)
    assert results, f"{query!r} found nothing"
    top = [(r.kind, r.id) for r in results[:3]]
    assert results[0].id in expected, f"{query!r}: expected one of {sorted(expected)}, got {top}"


def test_query_table_ids_exist(shipped: Content) -> None:
    """A renamed id should fail here, loudly, rather than as a ranking failure."""
    known = {
        *shipped.nodes,
        *shipped.routes,
        *shipped.glossary,
        *shipped.refs,
        *shipped.contacts,
        *shipped.letters,
    }
    missing = {i for _, ids in QUERIES for i in ids} - known
    assert not missing


def test_a_short_cite_is_not_drowned_by_longer_ones(index: SearchIndex) -> None:
    top = [r.id for r in index.search("11.6", limit=3)]
    assert top[0] == "cop_11_6"
    assert "cop_11_67_111" not in top


def test_word_order_does_not_matter(index: SearchIndex) -> None:
    forwards = [r.id for r in index.search("mediation advice needed")]
    backwards = [r.id for r in index.search("needed advice mediation")]
    assert forwards[:3] == backwards[:3]


def test_result_fields(index: SearchIndex, shipped: Content) -> None:
    """Each kind says where it opens: a term its first screen, a ref the outcome citing it."""
    by_kind = {
        r.kind: r
        for q in ("mediation certificate", "11.45", "appeal", "ipsea")
        for r in index.search(q, 20)
    }
    assert set(by_kind) >= {"step", "route", "term", "ref", "contact"}
    term = index.search("mediation certificate")[0]
    assert (
        term.target_node is not None
        and "mediation_certificate" in shipped.nodes[term.target_node].terms
    )
    ref = index.search("11.45")[0]
    assert ref.refs == ("11.45",) and ref.target_node == "out_appeal"
    route = next(r for r in index.search("appeal", 20) if r.kind == "route")
    assert shipped.nodes[route.target_node or ""].route == route.id
    step = next(r for r in index.search("can they appeal a refusal to assess?") if r.kind == "step")
    assert "11.45" in step.refs
    for result in index.search("complaint", 20):
        assert "\n" not in result.snippet and 0 < len(result.snippet) <= 100


def test_snippet_comes_from_the_matching_text(index: SearchIndex) -> None:
    result = index.search("can they appeal a refusal to assess?")[0]
    assert "refusal to assess" in result.snippet


def test_letter_wording_and_clock_rules_are_searched(index: SearchIndex, shipped: Content) -> None:
    letter = next(iter(shipped.letters.values()))
    assert any(r.kind == "letter" for r in index.search(letter.title, 20))
    clock = shipped.clocks["mediation_certificate"]
    assert index.search(clock.rule, 20)


def test_common_questions_open_the_step_that_answers_them(index: SearchIndex) -> None:
    answers = {question: index.answer(question) for question in COMMON_QUESTIONS}
    opened = {q: a.target_node if a else None for q, a in answers.items()}
    assert opened["What can be appealed?"] == "out_appeal"
    assert opened["What does a complaint need?"] in COMPLAINT_OUTCOMES
    assert opened["When is mediation advice needed?"] == "out_mediation"
    appeal = answers["What can be appealed?"]
    assert appeal is not None and appeal.snippet.startswith("What can be appealed")


def test_nothing_found(index: SearchIndex) -> None:
    assert index.search("xyzzy plugh") == []
    assert index.search("") == []
    assert index.search("   ?! ") == []
    assert index.search("tribunal", limit=0) == []


@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(text: str) -> None:
    results = _SMALL_INDEX.search(text, limit=5)
    assert len(results) <= 5
    assert all(len(r.snippet) <= 100 for r in results)


def test_light_stemming_joins_word_forms() -> None:
    assert {stem("needs"), stem("needed"), stem("need")} == {"need"}
    assert stem("arranging") == stem("arranged") == stem("arrange")
    assert stem("exclusion") == stem("excluded")
    assert stem("11.45") == "11.45"
    assert query_tokens("What does a complaint need?") == [stem("complaint"), "need"]


def test_edit_distance_counts_a_transposition_as_one() -> None:
    assert edit_distance("tribnual", "tribunal", 2) == 1
    assert edit_distance("mediaton", "mediation", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2  # stops at bound + 1


# --- a generated pack: a council's large local content ----------------------------------------


def generated_content(node_count: int, seed: int = 6) -> Content:
    """A pack of `node_count` nodes of random prose over a large vocabulary, with one planted
    step ("Zanzibar transport appeal") that a misspelt query must still find first."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(4, 11))) for _ in range(15_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf, like real prose

    def prose(count: int) -> str:
        return " ".join(rng.choices(vocabulary, weights, k=count)).capitalize() + "."

    nodes: dict[str, Node] = {}
    for number in range(node_count):
        node_id = f"n{number}"
        if number % 4 == 3:
            nodes[node_id] = Node(
                node_id,
                NodeKind.OUTCOME,
                prose(6),
                body=prose(120),
                route=f"r{number % 30}",
                next_steps=tuple(prose(12) for _ in range(4)),
                refs=(f"ref{number % 300}",),
                terms=(f"t{number % 200}",),
            )
        else:
            options = tuple(Option(f"o{k}", prose(5), next=f"n{number + 1}") for k in range(3))
            nodes[node_id] = Node(
                node_id, NodeKind.QUESTION, prose(8), body=prose(40), options=options
            )
    nodes["needle"] = Node(
        "needle",
        NodeKind.OUTCOME,
        "Zanzibar transport appeal",
        body="Home to school transport.",
        route="r0",
        next_steps=("Appeal the transport decision.",),
    )
    return Content(
        root=Path("."),
        start="n0",
        local_pack="",
        files=(FileMeta("generated.toml", "Generated", date(2026, 1, 1), ("tests",)),),
        nodes=MappingProxyType(nodes),
        routes=MappingProxyType(
            {f"r{i}": Route(f"r{i}", prose(4), prose(30), i) for i in range(30)}
        ),
        refs=MappingProxyType(
            {f"ref{i}": Reference(f"ref{i}", f"{i // 50 + 1}.{i}", prose(8)) for i in range(300)}
        ),
        contacts=MappingProxyType(
            {f"c{i}": Contact(f"c{i}", prose(3), prose(15)) for i in range(50)}
        ),
        glossary=MappingProxyType(
            {f"t{i}": GlossaryTerm(f"t{i}", prose(2), prose(25), (prose(1),)) for i in range(200)}
        ),
        letters=MappingProxyType(
            {
                f"l{i}": LetterTemplate(
                    f"l{i}", prose(4), ("head",), prose(5), (prose(60), prose(60)), prose(3)
                )
                for i in range(20)
            }
        ),
        clocks=MappingProxyType({"appeal": Clock("appeal", "Appeal", prose(20))}),
    )


_SMALL_INDEX = SearchIndex.build(generated_content(40))


def test_generated_pack_builds_and_answers() -> None:
    content = generated_content(2_000)
    index = SearchIndex.build(content)
    assert len(index) == len(content.nodes) + 30 + 300 + 50 + 200 + 20
    assert index.search("zanzibr transprot")[0].id == "needle"
    some_title = content.nodes["n17"].title
    assert index.search(some_title)[0].id == "n17"
    for query in ["zanzibar", "appeal transport", "qwxz", "1.7", "the and of"]:
        index.search(query)  # odd, short and stop-word queries answer without an error
