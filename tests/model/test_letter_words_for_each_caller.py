"""The letter form, its messages and the summary speak to the caller actually on the line.

A young person calling for themselves is the complainant: no "family", no separate child. A
helper or a representative writes for a young person, so the form names both people. One table
(`CALLER_WORDS`) words them for the letter screen, plain mode, the save's warning and the summary.
"""

from __future__ import annotations

import re

import pytest

from send_tui.model import outputs
from send_tui.model.content import CALLER_NODE
from send_tui.model.letter import (
    CALLER_WORDS,
    FORM_FIELDS,
    LetterDraft,
    completeness,
    draft_about,
    form_fields,
)
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from tests.sessions import TODAY, complaint_session, shipped

#: Words that say the caller is a parent writing about a child.
PARENT_ONLY = re.compile(r"\b(?:famil(?:y|ies)|child(?:ren)?(?:'s)?|parents?(?:'s)?)\b", re.I)

#: Every caller but a parent (the options of "Who is calling?").
NOT_A_PARENT = tuple(
    option.id for option in shipped().nodes[CALLER_NODE].options if option.id != "parent"
)

COMPLAINTS = ("school", "college", "early_years", "council", "health", "social_care")


def called_by(caller: str, about: str = "school") -> Session:
    """A complaint call by `caller`, both names typed, no consent to a record yet."""
    session = complaint_session()
    session.answers.clear()
    session.answer(CALLER_NODE, caller)
    session.answer("situation", "complaint")
    session.answer("complaint_about", about)
    session.case.consent_to_record = False
    return session


def what_the_adviser_reads(session: Session) -> list[str]:
    """Every label and message of the letter form, and the headings of the summary's details."""
    caller = session.answers[CALLER_NODE]
    assert isinstance(caller, str)
    texts = [label for _name, label, _multi in form_fields(caller)]
    texts += completeness(LetterDraft(), sent=TODAY, content=shipped(), about_confirmed=False)
    texts += outputs.left_out(session)
    texts += outputs.left_out(session, redacted=True)
    texts.append(draft_about(session))
    session.case.consent_to_record = True
    texts += [heading for heading, _value in build_summary(session, TODAY).details]
    return texts


def test_every_caller_the_content_offers_has_words_of_its_own() -> None:
    """A caller added to "Who is calling?" with no words would be asked for "the family"."""
    options = {option.id for option in shipped().nodes[CALLER_NODE].options}
    assert set(CALLER_WORDS) == options


@pytest.mark.parametrize("about", COMPLAINTS)
@pytest.mark.parametrize("caller", NOT_A_PARENT)
def test_no_label_or_message_speaks_of_a_family_child_or_parent(caller: str, about: str) -> None:
    for text in what_the_adviser_reads(called_by(caller, about)):
        assert not PARENT_ONLY.search(text), f"{caller}: {text!r}"


def test_a_parent_is_still_asked_for_their_name_and_their_childs() -> None:
    labels = dict((name, label) for name, label, _multi in form_fields("parent"))
    assert labels["complainant_name"] == "Complainant's name (optional: the family can write it in)"
    assert labels["child_name"] == "Child or young person's name (optional)"
    assert form_fields("parent") == FORM_FIELDS
    details = dict(build_summary(complaint_session(), TODAY).details)
    assert details["Child or young person"] == "Sam Smith"


def test_a_young_person_is_the_complainant() -> None:
    labels = dict((name, label) for name, label, _multi in form_fields("young_person"))
    assert labels["complainant_name"].startswith("Young person's name: they are the complainant")


@pytest.mark.parametrize(
    ("caller", "writer"), [("helper", "Helper's name"), ("representative", "Representative's name")]
)
def test_a_helper_or_representative_names_the_young_person_and_the_writer(
    caller: str, writer: str
) -> None:
    labels = dict((name, label) for name, label, _multi in form_fields(caller))
    assert labels["complainant_name"].startswith(writer)
    assert labels["child_name"].startswith("Young person's name")
    session = called_by(caller)
    [sentence] = outputs.left_out(session)
    assert sentence.startswith("The caller's name, the young person's name and the date of birth")
    session.case.consent_to_record = True
    assert dict(build_summary(session, TODAY).details)["Young person"] == "Sam Smith"


def test_an_unknown_caller_gets_a_parents_words() -> None:
    """As a letter's draft of what it is about does: a record from a newer content pack opens."""
    assert form_fields("someone_new") == FORM_FIELDS
