"""The shipped content loads, every path ends at an outcome, and every route is reached."""

from __future__ import annotations

import re

import pytest

from send_tui.model import graph
from send_tui.model.content import NodeKind
from send_tui.model.loader import load_content

ROUTES_THE_ISSUE_NAMES = {
    "first_steps", "sendiass", "getting_help", "complaint", "disagreement_resolution",
    "mediation", "appeal", "exclusion", "more_than_one_route", "national_organisations",
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
    outdated = re.compile(r"\b(CCG|Clinical Commissioning|ESFA|Education Funding Agency|fixed[- ]term exclusion|fixed[- ]period exclusion|Local Government Ombudsman\b|appeal panel)", re.I)
    found = [t for t in _screen_texts(content) if outdated.search(t)]
    assert found == []


def test_no_phone_number_appears_in_content(content) -> None:
    phone = re.compile(r"\b0\d{3} ?\d{3} ?\d{4}\b|\b0\d{4} ?\d{6}\b")
    for contact in content.contacts.values():
        assert contact.phone is None or contact.unconfirmed() and "Phone" in contact.unconfirmed(), contact.id
    assert [t for t in _screen_texts(content) if phone.search(t)] == []


def test_no_more_than_nine_options_anywhere(content) -> None:
    assert max(len(n.options) for n in content.nodes.values()) <= 9


def test_mediation_exceptions_and_thirty_days_are_stated_correctly(content) -> None:
    mediation = " ".join(_screen_texts(content)).lower()
    assert "arranged within 30 days" in mediation
    assert "type of school" in mediation or "type of institution" in mediation
