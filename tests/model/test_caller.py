"""Who is calling: a young person's letter is their own, a helper says so, and old records open."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.model.letter import caller_of
from send_tui.model.record import load_record, save_record
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from send_tui.render.text import render_text
from tests.sessions import TODAY, complaint_session, shipped


def called_by(caller: str | None, about: str = "school") -> Session:
    session = complaint_session(
        complainant_name="Jo Smith", child_name="Jo Smith", year_group="Year 13"
    )
    session.answers.clear()
    if caller is not None:
        session.answer("caller", caller)
    session.answer("situation", "complaint")
    session.answer("complaint_about", about)
    return session


def letter_text(session: Session) -> str:
    summary = build_summary(session, TODAY)
    assert summary.letter is not None
    return "\n".join(summary.letter.paragraphs)


def test_unanswered_means_a_parent_and_the_letter_is_unchanged() -> None:
    session = called_by(None)
    assert caller_of(session) == "parent"
    assert "I am the parent or carer of Jo Smith" in letter_text(session)
    assert "Who is calling" not in dict(build_summary(session, TODAY).details)


@pytest.mark.parametrize(
    "about", ["school", "college", "early_years", "council", "health", "social_care"]
)
def test_a_young_person_writes_about_their_own_support(about: str) -> None:
    session = called_by("young_person", about)
    text = letter_text(session)
    assert "I am writing about my own support" in text
    assert "parent of" not in text and "my child" not in text


@pytest.mark.parametrize(
    "about", ["school", "college", "early_years", "council", "health", "social_care"]
)
def test_a_helper_says_they_write_with_the_young_persons_agreement(about: str) -> None:
    text = letter_text(called_by("helper", about))
    assert "on behalf of Jo Smith, with their agreement" in text
    assert "parent of" not in text and "my child" not in text


@pytest.mark.parametrize(
    "about", ["school", "college", "early_years", "council", "health", "social_care"]
)
def test_a_representative_says_they_act_for_the_young_person_and_why(about: str) -> None:
    # The representative may be a parent or a deputy: the letter must fit either.
    text = " ".join(letter_text(called_by("representative", about)).split())
    assert "I act for Jo Smith" in text and "as their representative" in text
    assert "lacks the mental capacity to make this complaint themselves" in text
    assert "parent of" not in text and "my child" not in text


def test_the_summary_says_who_is_calling_and_what_that_means() -> None:
    details = dict(build_summary(called_by("young_person"), TODAY).details)
    assert details["Who is calling"] == "The young person, about their own support"
    assert "the young person's own" in details["For this caller"]
    text = render_text(build_summary(called_by("young_person"), TODAY))
    assert "Who is calling: The young person" in " ".join(text.split())


def test_the_answer_round_trips_and_a_record_without_it_opens_as_a_parent(tmp_path: Path) -> None:
    session = called_by("helper")
    path = save_record(session, tmp_path / "call.toml")
    again = load_record(path, shipped())
    assert again.answers["caller"] == "helper"
    older = path.read_text(encoding="utf-8").replace('caller = "helper"\n', "")
    assert "caller" not in older
    path.write_text(older, encoding="utf-8")
    opened = load_record(path, shipped())
    assert "caller" not in opened.answers and caller_of(opened) == "parent"
    assert opened.outcome() is not None and opened.outcome().id == "out_complaint_school"


def test_who_is_calling_is_numbered_where_it_stands_when_it_is_shown() -> None:
    """Walked past, it is not a step; reopened with back, it is step 1, not a number after
    the question that follows it (a listener hears 'step 2', then 'step 1', then 'step 2')."""
    session = Session(shipped())
    session.answer("situation", "complaint")
    assert session.step_number("situation") == 1
    assert session.step_number("caller") == 1
    session.answer("caller", "young_person")
    assert [session.step_number(n) for n in ("caller", "situation")] == [1, 2]
