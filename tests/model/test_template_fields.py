"""The letter form asks only for what the template's wording uses."""

from __future__ import annotations

import dataclasses

from send_tui.model.letter import template_fields
from send_tui.model.loader import load_content


def test_school_letters_ask_for_the_school_and_nhs_and_social_care_letters_do_not() -> None:
    letters = load_content().letters
    assert {"setting", "year_group"} <= set(template_fields(letters["complaint_school"]))
    for letter_id in ("complaint_health", "complaint_social_care"):
        used = template_fields(letters[letter_id])
        assert "setting" not in used and "year_group" not in used, letter_id
        assert {
            "addressee_name",
            "complainant_name",
            "child_name",
            "about",
            "outcome",
            "reply_within",
        } <= set(used)


def test_what_every_letter_says_is_always_asked_even_if_the_wording_leaves_it_out() -> None:
    school = load_content().letters["complaint_school"]
    bare = dataclasses.replace(school, heading="Complaint", paragraphs=("Please help.",))
    assert template_fields(bare) == (
        "complainant_name",
        "addressee_name",
        "about",
        "outcome",
        "reply_within",
    )


def test_a_young_persons_own_letter_does_not_ask_for_a_childs_name() -> None:
    """Their letter opens 'I am writing about my own support': a child's name is never said."""
    school = load_content().letters["complaint_school"]
    assert "child_name" in template_fields(school)
    assert "child_name" in template_fields(school, "helper")
    assert "child_name" not in template_fields(school, "young_person")
