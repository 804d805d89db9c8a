"""A field left blank never leaves a gap or a dangling phrase in the letter.

A college student may have no year group, a letter to the school itself need not name it: every
template, for every caller, must read naturally with each optional field empty. Only the names
print a line for the family to write on, by design.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from send_tui.model.content import CALLER_NODE, LetterTemplate
from send_tui.model.letter import (
    HAND_FILL,
    PERSONAL_FIELDS,
    optional_phrase_problem,
    optional_phrases_kept,
    render_letter,
)
from tests.model.test_letter import COMPLETE
from tests.sessions import shipped

SENT = date(2026, 2, 24)

#: test_letter's complete draft, for a college student.
FULL = dataclasses.replace(COMPLETE, setting="Oak College", year_group="Year 12")

#: Fields the letter can do without: each is left empty in turn, and then all together.
OPTIONAL = ("setting", "year_group", "tried", "enclosures")

#: What a gap or a phrase left dangling looks like once a field is dropped.
DANGLING = re.compile(
    r"  |\s[.,)]|\(\s*\)|\(\s*,|,\s*[.,)]|\b(?:in|at|of|attends|student in)\s*[.,)(]|\[|\]"
)


def callers() -> tuple[str, ...]:
    node = shipped().nodes[CALLER_NODE]
    return tuple(option.id for option in node.options)


def cases() -> list[tuple[LetterTemplate, str, tuple[str, ...]]]:
    return [
        (template, caller, blank)
        for template in shipped().letters.values()
        for caller in callers()
        for blank in (*((name,) for name in OPTIONAL), OPTIONAL)
    ]


@pytest.mark.parametrize(
    ("template", "caller", "blank"),
    cases(),
    ids=lambda v: v.id if isinstance(v, LetterTemplate) else "+".join(v) if v else str(v),
)
def test_an_empty_optional_field_leaves_no_gap_or_dangling_phrase(
    template: LetterTemplate, caller: str, blank: tuple[str, ...]
) -> None:
    draft = dataclasses.replace(FULL, **dict.fromkeys(blank, ""))
    letter = render_letter(template, draft, SENT, shipped(), caller)
    for text in (letter.heading, *letter.paragraphs):
        assert HAND_FILL not in text, text
        assert not DANGLING.search(text), text
        assert "{" not in text, text


@pytest.mark.parametrize("template", shipped().letters.values(), ids=lambda t: t.id)
@pytest.mark.parametrize("caller", callers())
def test_a_blank_name_is_a_line_to_write_on_and_the_rest_still_reads(
    template: LetterTemplate, caller: str
) -> None:
    draft = dataclasses.replace(FULL, **dict.fromkeys(PERSONAL_FIELDS, ""))
    letter = render_letter(template, draft, SENT, shipped(), caller)
    for text in letter.paragraphs:
        assert not DANGLING.search(text.replace(HAND_FILL, "NAME")), text
    assert f"My name is {HAND_FILL}." in letter.paragraphs[0]
    assert letter.signature == HAND_FILL


def test_a_college_student_with_no_year_group_is_just_a_student_at_the_college() -> None:
    template = shipped().letters["complaint_college"]
    draft = dataclasses.replace(FULL, year_group="")
    young_person = render_letter(template, draft, SENT, shipped(), "young_person")
    assert young_person.paragraphs[0] == (
        "My name is Alex Smith. I am writing about my own support as a student at Oak College."
    )
    parent = render_letter(template, draft, SENT, shipped(), "parent")
    assert "of Sam Smith, a student at Oak College, and I am writing" in parent.paragraphs[0]


def test_a_phrase_goes_when_its_field_is_blank_and_nested_phrases_go_together() -> None:
    text = "of {child_name}[, who is[ in {year_group}][ at {setting}]]."
    assert optional_phrases_kept(text, frozenset()) == (
        "of {child_name}, who is in {year_group} at {setting}."
    )
    assert optional_phrases_kept(text, frozenset({"year_group"})) == (
        "of {child_name}, who is at {setting}."
    )
    assert optional_phrases_kept(text, frozenset({"year_group", "setting"})) == "of {child_name}."


def test_typed_brackets_are_the_users_text_and_stay_literal() -> None:
    template = shipped().letters["complaint_school"]
    draft = dataclasses.replace(FULL, setting="[Oak {year_group}]", year_group="")
    letter = render_letter(template, draft, SENT, shipped())
    assert "who is at [Oak {year_group}]." in letter.paragraphs[0]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("a student[ in {year_group}", "a [ with no ]"),
        ("a student] in {year_group}", "a ] with no ["),
        ("a student[ here] at {setting}", "no {field}"),
    ],
)
def test_a_broken_optional_phrase_is_a_content_error(text: str, why: str) -> None:
    problem = optional_phrase_problem(text)
    assert problem is not None and why in problem


def test_the_shipped_letters_optional_phrases_all_read() -> None:
    for template in shipped().letters.values():
        wording = [template.heading, *template.paragraphs]
        wording += [p for opening in template.for_caller.values() for p in opening]
        assert all(optional_phrase_problem(text) is None for text in wording), template.id


@pytest.mark.parametrize(
    ("caller", "opening"),
    [
        ("parent", "I am the parent or carer of Sam Smith, who is in Reception."),
        ("young_person", "I am writing about my own support. I am in Reception."),
        ("helper", "with their agreement, about their support. They are in Reception."),
        ("representative", "I act for Sam Smith, who is in Reception, as their representative."),
    ],
)
def test_an_early_years_year_group_without_a_setting_reads_as_a_sentence(
    caller: str, opening: str
) -> None:
    """A nursery's room or Reception class, with no setting named: "of Sam (Reception)" reads
    as a note in the margin, not the sentence a letter to the manager should be."""
    template = shipped().letters["complaint_early_years"]
    draft = dataclasses.replace(FULL, setting="", year_group="Reception")
    letter = render_letter(template, draft, SENT, shipped(), caller)
    assert opening in letter.paragraphs[0]
    assert "(Reception)" not in letter.paragraphs[0]
    both = render_letter(template, dataclasses.replace(draft, setting="Little Acorns"), SENT)
    assert "of Sam Smith, who is in Reception at Little Acorns." in both.paragraphs[0]
