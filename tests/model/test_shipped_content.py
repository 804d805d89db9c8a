"""The shipped content loads, every path ends at an outcome, and every route is reached."""

from __future__ import annotations

import re

import pytest

from send_tui.model import graph
from send_tui.model.content import NodeKind
from send_tui.model.loader import load_content

ROUTES_THE_ISSUE_NAMES = {
    "first_steps",
    "sendiass",
    "getting_help",
    "complaint",
    "disagreement_resolution",
    "mediation",
    "appeal",
    "exclusion",
    "more_than_one_route",
    "national_organisations",
}


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_every_path_from_the_start_ends_at_an_outcome(content) -> None:
    paths = list(graph.paths(content))
    assert len(paths) == graph.count_paths(content) > 20
    for path in paths:
        assert content.nodes[path[-1][0]].kind is NodeKind.OUTCOME


def test_every_route_is_reached_by_at_least_one_path(content) -> None:
    reached = {content.nodes[p[-1][0]].route for p in graph.paths(content)}
    multi = [n for n in content.nodes.values() if n.kind is NodeKind.MULTI]
    reached |= {o.route for n in multi for o in n.options if o.route}
    assert ROUTES_THE_ISSUE_NAMES <= reached
    assert ROUTES_THE_ISSUE_NAMES <= set(content.routes)


@pytest.mark.parametrize(
    "route,cites",
    [
        ("complaint", {"11.2", "11.67-11.111"}),
        ("disagreement_resolution", {"11.3", "11.6", "11.6-11.10"}),
        ("mediation", {"11.13-11.38"}),
        ("appeal", {"11.39-11.55", "11.45"}),
    ],
)
def test_each_route_names_its_code_of_practice_paragraphs(content, route, cites) -> None:
    named = {content.refs[r].cite for r in content.routes[route].refs}
    assert cites <= named


def test_every_content_file_records_its_review_date_and_sources(content) -> None:
    assert len(content.files) >= 10
    for meta in content.files:
        assert meta.reviewed and meta.sources, meta.path


def test_local_details_nobody_has_confirmed_are_marked(content) -> None:
    local = [c for c in content.contacts.values() if c.local]
    assert local and any(c.unconfirmed() for c in local)


def _screen_texts(content) -> list[str]:
    texts = []
    for node in content.nodes.values():
        texts += [node.title, node.body, *node.next_steps, *(o.label for o in node.options)]
    for route in content.routes.values():
        texts += [route.title, route.summary, *(b.note for b in route.before)]
    texts += [c.rule for c in content.clocks.values()]
    return texts


def test_current_names_only_on_screens(content) -> None:
    outdated = re.compile(
        r"\b(CCG|Clinical Commissioning|ESFA|Education Funding Agency|fixed[- ]term exclusion|fixed[- ]period exclusion|Local Government Ombudsman\b|appeal panel)",
        re.I,
    )
    found = [t for t in _screen_texts(content) if outdated.search(t)]
    assert found == []


def test_no_phone_number_appears_in_content(content) -> None:
    phone = re.compile(r"\b0\d{3} ?\d{3} ?\d{4}\b|\b0\d{4} ?\d{6}\b")
    for contact in content.contacts.values():
        assert (
            contact.phone is None or contact.unconfirmed() and "Phone" in contact.unconfirmed()
        ), contact.id
    assert [t for t in _screen_texts(content) if phone.search(t)] == []


def test_no_more_than_nine_options_anywhere(content) -> None:
    assert max(len(n.options) for n in content.nodes.values()) <= 9


def test_mediation_exceptions_and_thirty_days_are_stated_correctly(content) -> None:
    mediation = " ".join(_screen_texts(content)).lower()
    assert "arranged within 30 days" in mediation
    assert "type of school" in mediation or "type of institution" in mediation


# --- the sub-cases that change the answer (issue 11) ------------------------------------------


def _all_text(content) -> str:
    parts: list[str] = []
    for node in content.nodes.values():
        parts += [node.title, node.body, *node.next_steps, *(o.label for o in node.options)]
    for route in content.routes.values():
        parts += [route.title, route.summary]
    parts += [c.rule for c in content.clocks.values()]
    parts += [t.definition for t in content.glossary.values()]
    return "\n".join(parts)


def test_suspensions_say_more_than_5_never_5_to_15(content) -> None:
    text = _all_text(content)
    assert "5 to 15" not in text
    assert "more than 5 and up to 15 school days" in text


@pytest.mark.parametrize(
    ("outcome", "clocks"),
    [
        ("out_exclusion_suspension_short", {"discrimination_claim"}),
        ("out_exclusion_suspension_medium", {"suspension_representations", "discrimination_claim"}),
        ("out_exclusion_suspension_long", {"exclusion_review", "discrimination_claim"}),
        (
            "out_exclusion_permanent_ehc",
            {"exclusion_review", "exclusion_panel", "discrimination_claim"},
        ),
    ],
)
def test_each_exclusion_outcome_carries_only_its_own_clocks(content, outcome, clocks) -> None:
    node = content.nodes[outcome]
    route = content.routes[node.route]
    assert set(node.clocks) | set(route.clocks) == clocks


@pytest.mark.parametrize(
    ("outcome", "wanted", "unwanted"),
    [
        ("out_complaint_school", {"dfe_school_complaints"}, {"lgsco", "phso"}),
        ("out_complaint_college", {"dfe_college_complaints"}, {"lgsco", "phso"}),
        ("out_complaint_early_years", {"ofsted"}, {"lgsco", "phso", "dfe_school_complaints"}),
        ("out_complaint_council", {"lgsco"}, {"phso", "dfe_school_complaints"}),
        ("out_complaint_social_care", {"lgsco"}, {"phso", "dfe_school_complaints"}),
        ("out_complaint_health", {"phso"}, {"lgsco", "dfe_school_complaints"}),
    ],
)
def test_each_complaint_body_names_only_its_own_next_step(
    content, outcome, wanted, unwanted
) -> None:
    node = content.nodes[outcome]
    contacts = set(node.contacts) | set(content.routes[node.route].contacts)
    assert wanted <= contacts and not unwanted & contacts
    assert "sendiass" in contacts


def test_refusal_to_assess_offers_no_health_recommendations(content) -> None:
    refused = content.nodes["out_appeal_assessment"]
    assert "cannot make recommendations about health or social care" in refused.body
    assert "recommendations_regs_2017" not in refused.refs
    assert "recommendations_regs_2017" in content.nodes["out_appeal"].refs
    assert (
        "not available on an appeal against a refusal to assess" in content.nodes["out_appeal"].body
    )


def test_the_lgsco_limits_are_not_overstated(content) -> None:
    text = _all_text(content)
    assert "could have been part of an appeal;" not in text
    assert (
        "normally will not investigate where the parent or young person could have appealed" in text
    )


def test_therapy_is_section_f_with_the_paragraphs_hedged(content) -> None:
    therapy = content.nodes["out_health_therapy"]
    assert "s.21(5)" in therapy.body and "paragraph numbers to be confirmed" in therapy.body
    assert "paragraph numbers to be confirmed" in content.refs["cop_9_73_74"].title
