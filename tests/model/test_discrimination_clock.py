"""The 6-month Tribunal discrimination claim: who has it, and where its timeline entry leads.

Only claims against schools go to the First-tier Tribunal (SEND); a council's own services, a
college or a private nursery go to the county court, with no clock of ours. Once the 6 months
have passed, Enter on the timeline opens the claim's outcome (the Tribunal may still accept a
late claim), whatever else the call is about.
"""

from __future__ import annotations

from datetime import date

from send_tui.model.summary import build_summary
from send_tui.model.timeline import build_timeline, next_step_node
from tests.sessions import on_path

CONDUCT = date(2026, 5, 1)
LATER = date(2026, 12, 1)  # the 6 months have gone by


def test_a_reasonable_adjustments_claim_gone_by_opens_the_claim_not_an_exclusion() -> None:
    session = on_path(
        ("situation", "discrimination"), ("discrimination_who", "school"), conduct=CONDUCT
    )
    claim = next(
        e for e in build_timeline(session, LATER).entries if e.clock == "discrimination_claim"
    )
    assert claim.when < LATER
    assert next_step_node(session, claim) == "out_discrimination_school"


def test_an_excluded_pupils_claim_gone_by_opens_the_claim_too() -> None:
    session = on_path(
        ("situation", "exclusion"),
        ("exclusion_kind", "permanent"),
        ("exclusion_sen", "neither"),
        conduct=CONDUCT,
    )
    assert session.outcome().id == "out_exclusion_permanent"  # type: ignore[union-attr]
    claim = next(
        e for e in build_timeline(session, LATER).entries if e.clock == "discrimination_claim"
    )
    assert next_step_node(session, claim) == "out_discrimination_school"


def test_a_council_service_claim_has_no_tribunal_deadline_whatever_dates_are_entered() -> None:
    session = on_path(
        ("situation", "discrimination"), ("discrimination_who", "other"), conduct=CONDUCT
    )
    summary = build_summary(session, LATER)
    assert [d.clock for d in summary.deadlines] == []
    assert build_timeline(session, LATER).entries == ()
    assert "goes to the county court" in summary.plan[0].summary
    assert "Tribunal (SEND) that a school" not in summary.plan[0].summary
