"""What the app says for the parts of domain-facts §11's worked examples it gives no date for.

Every date in §11 that the app works out is pinned where its clock is tested (test_deadlines.py
and the caller scenarios; docs/law-audit.md lists where). These cases are the rest: a rule the
adviser reads instead of a date, which must say what the example says. Each id names the
example it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from send_tui.model import deadlines as dl
from tests.sessions import shipped


def clock_rule(clock: str) -> Callable[[], str]:
    return lambda: shipped().clocks[clock].rule


def annual_review_workings() -> str:
    return "\n".join(dl.ehc_annual_review(date(2026, 3, 2)).steps)


def discrimination_workings() -> str:
    return "\n".join(dl.discrimination_claim(date(2026, 2, 10)).steps)


@pytest.mark.parametrize(
    ("read", "says", "never_says"),
    [
        pytest.param(
            # The council cannot arrange mediation in 30 days: the adviser certifies in 3
            # working days, and the appeal's 1 month runs from that certificate.
            clock_rule("mediation_certificate"),
            ("within 3 working days", "of being told the council cannot arrange it within 30 days"),
            (),
            id="ex08-council-cannot-arrange-mediation",
        ),
        pytest.param(
            # A decision not to amend, or to cease, is appealable: examples 1-6 apply from its
            # letter, not the review timescales.
            annual_review_workings,
            ("a decision not to amend, or to cease, can be appealed from the date of its letter",),
            (),
            id="ex10-not-amending-or-ceasing-is-appealable",
        ),
        pytest.param(
            # After Sun 9 Aug 2026 (act by Fri 7 Aug) the Tribunal may still hear the claim, but
            # only at its discretion: never a reason to wait.
            discrimination_workings,
            ("may accept a late claim, but only at its discretion (Sch 17 para 4(3))",),
            (),
            id="ex11-a-late-claim-is-discretionary",
        ),
    ],
)
def test_the_rule_read_instead_of_a_date(
    read: Callable[[], str], says: tuple[str, ...], never_says: tuple[str, ...]
) -> None:
    text = read()
    for phrase in says:
        assert phrase in text
    for phrase in never_says:
        assert phrase not in text
