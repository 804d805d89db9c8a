"""What plain mode's prompts say: the numbers that can be typed, and the commands that work."""

from __future__ import annotations

import re

import pytest

from tests.plain.helpers import run_lines

#: "from 1 to 0", "1 to 1", "1 to 2": a range a listener has to stop and work out, or none at all.
ODD_RANGE = re.compile(r"\b1 to [012]\b")


@pytest.mark.parametrize(
    "lines",
    [
        ["plan remove 1"],  # nothing in the plan
        ["timeline 1"],  # no dates yet
        ["1", "4", "plan remove 5"],  # one route in the plan
        ["1", "4", "1", "9"],  # an outcome offering two routes
        ["1", "4", "1", "letter", "7"],  # two roles to address the letter to
        ["1", "4", "1", "answers", "change 9"],
        ["1", "4", "1", "search complaint", "open 99"],
    ],
)
def test_no_prompt_gives_an_empty_or_odd_range(lines: list[str]) -> None:
    _shell, text = run_lines(lines)
    assert not ODD_RANGE.search(text), ODD_RANGE.search(text)


def test_nothing_to_number_is_said_in_words() -> None:
    _shell, text = run_lines(["plan remove 1", "timeline 1"])
    assert "There is nothing in the plan to remove." in text
    assert "There are no dates on the timeline yet: type deadlines to enter them." in text
    _shell, text = run_lines(["1", "4", "1", "letter"])
    assert "Type 1 or 2 (now head teacher):" in text


@pytest.mark.parametrize(
    "lines",
    [
        ["1", "4", "1"],  # an outcome offering routes to add
        ["1", "4", "1", "1", "1"],  # and once they are added
        ["3"],  # a look-up of an outcome
        ["1", "7"],  # a multi-choice step, where back works as well
    ],
)
def test_the_prompt_says_back_works_at_an_outcome_and_a_multi_choice(lines: list[str]) -> None:
    shell, text = run_lines(lines)
    assert shell.node is not None and shell.node.kind.value in ("outcome", "multi")
    last_prompt = [line for line in text.splitlines() if line.endswith("help: ")][-1]
    assert "back" in last_prompt, last_prompt


def test_an_outcome_says_who_is_calling_as_the_full_app_does() -> None:
    """The routes are the young person's own: the adviser hears that at the outcome too."""
    _shell, text = run_lines(["1", "back", "2", "4", "1"])
    outcome = text[text.rindex("Step ") :]
    assert "Who is calling: The young person, about their own support" in outcome
    assert "The decisions, appeals and complaints are the young person's own" in outcome
    _shell, text = run_lines(["1", "4", "1"])  # a parent, taken as read: nothing to add
    assert "Who is calling:" not in text


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ([r"C:\calls\notes"], r"'C:\calls\notes' is not something plain mode knows."),
        (["glossary O'Brien\\x"], "No term matches 'O'Brien\\x'."),
        (["search \u00a0zzqq\\"], "Nothing found for 'zzqq\\'."),
        (["1", "2", "1", "1", "deadlines", r"2026\03\10"], r"'2026\03\10' is not a date."),
    ],
)
def test_what_was_typed_is_said_back_literally(lines: list[str], said: str) -> None:
    """A backslash, a quote or a no-break space said back as Python would escape it ('C:\\\\calls')
    is not what the adviser typed."""
    _shell, text = run_lines(lines)
    assert said in text


def test_stop_at_plan_add_adds_nothing() -> None:
    shell, text = run_lines(["1", "4", "1", "plan add", "stop"])
    assert "Nothing added." in text and "There is no route 'stop'" not in text
    assert [e.route.id for e in shell.session.plan()] == ["complaint"]


def test_ticks_cleared_by_not_sure_are_said() -> None:
    """A listener does not notice a tick missing from a list: the untick is said."""
    _shell, text = run_lines(["1", "7", "1", "8", "3"])
    assert "Unticked, as it cannot go with that: Make a complaint." in text
    assert "Unticked, as it cannot go with that: Not sure: they want help to decide." in text


def test_back_to_who_is_calling_says_step_1() -> None:
    _shell, text = run_lines(["1", "4", "back", "back"])
    steps = [line for line in text.splitlines() if line.startswith("Step ")]
    assert steps == [
        "Step 1: What is the caller's situation?",
        "Step 2: Who is the complaint about?",
        "Step 1: What is the caller's situation?",
        "Step 1: Who is calling?",
    ]


#: To the reply's timescale on a school complaint's letter, every field before it left as shown.
_TO_THE_REPLY = ["1", "4", "1", "letter", "1", *[""] * 8, "1"]


def test_a_date_typed_for_a_number_of_days_is_offered_as_the_date_to_reply_by() -> None:
    """Working days were chosen just before; the adviser need not stop the form to change it."""
    shell, text = run_lines([*_TO_THE_REPLY, "2026-12-18", "", "stop"])
    assert "2026-12-18 is a date. Ask for a reply by Fri 18 Dec 2026 instead?" in text
    fields = shell.session.letter_fields
    assert fields["reply_unit"] == "date" and fields["reply_within"] == "2026-12-18"


def test_declining_the_offer_asks_for_the_number_of_days_again() -> None:
    shell, text = run_lines([*_TO_THE_REPLY, "2026-12-18", "no", "10", "stop"])
    assert "Not kept: Timescale for a reply: 2026-12-18 is a date" in text
    fields = shell.session.letter_fields
    assert fields["reply_unit"] == "working_days" and fields["reply_within"] == "10"
