"""QA: a mediation certificate dated before the decision letter is almost surely a typing slip."""

from __future__ import annotations

from datetime import date

from send_tui.model import deadlines as dl


def test_a_certificate_before_the_decision_letter_is_flagged() -> None:
    # Mediation advice follows the decision, so its certificate cannot come first: the adviser
    # has probably typed one of the two dates wrong, and the appeal date hangs on both.
    found = dl.appeal(date(2026, 11, 20), date(2026, 11, 1))
    assert found.due == date(2027, 1, 20)
    assert any(
        "Sun 1 Nov 2026" in warning and "before" in warning and "Fri 20 Nov 2026" in warning
        for warning in found.warnings
    ), found.warnings


def test_a_certificate_after_the_decision_letter_carries_no_such_warning() -> None:
    assert dl.appeal(date(2026, 11, 20), date(2027, 1, 5)).warnings == ()
    assert dl.appeal(date(2026, 11, 20), date(2026, 11, 20)).warnings == ()
