"""Bad lines at every kind of prompt never crash plain mode and never lose an answer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from send_tui.plain.console import MAX_LINE, clean_line
from tests.plain.helpers import run_lines

#: Lines that reach each kind of prompt, from a fresh start.
PROMPTS: dict[str, list[str]] = {
    "start": [],
    "question": ["1"],
    "multi_choice": ["1", "6", "1"],
    "information": ["1", "1", "2"],
    "outcome": ["1", "4", "1"],
    "date": ["1", "2", "1", "1", "deadlines"],
    "letter_field": ["1", "4", "1", "letter", "", "Ms Patel"],
    "letter_choice": ["1", "4", "1", "letter"],
    "save_folder": ["1", "4", "1", "save"],
    "yes_no": ["1", "1", "quit"],
    "call_details": ["1", "1", "details"],
}

#: Words that are commands somewhere; a bad line is anything else.
COMMAND_WORDS = {
    "back",
    "b",
    "repeat",
    "r",
    "help",
    "?",
    "h",
    "done",
    "continue",
    "c",
    "answers",
    "change",
    "plan",
    "deadlines",
    "dates",
    "calendar",
    "letter",
    "glossary",
    "search",
    "open",
    "details",
    "consent",
    "save",
    "new",
    "quit",
    "exit",
    "q",
    "y",
    "yes",
    "n",
    "no",
    "stop",
    "-",
}

CONTROL = st.sampled_from(
    ["\x00", "\x07", "\x1b[31m", "\x1b[2J", "\x7f", "\u202e", "\r", "\t", "\x0c", "\x9b"]
)
bad_lines = st.one_of(
    st.just(""),
    st.just("   "),
    st.integers(min_value=21, max_value=10**9).map(str),
    st.just("0"),
    st.just("-3"),
    st.just("x" * 10_000),
    st.just("9" * 10_000),
    st.lists(st.one_of(CONTROL, st.text(max_size=5)), max_size=6).map("".join),
    st.text(st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=40),
).filter(
    lambda line: "\n" not in line and clean_line(line).split(" ")[0].casefold() not in COMMAND_WORDS
)


def _answers_after(prefix: list[str]):
    shell, _ = run_lines(prefix)
    return shell.session.answers, dict(shell.session.letter_fields)


@pytest.mark.parametrize("prompt", list(PROMPTS))
@settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(line=bad_lines)
def test_a_bad_line_never_crashes_or_loses_an_answer(prompt: str, line: str) -> None:
    prefix = PROMPTS[prompt]
    before, letter_before = _answers_after(prefix)
    shell, text = run_lines([*prefix, line, line])
    assert "Traceback" not in text
    assert shell.session.answers == before
    if prompt == "letter_field":
        assert shell.session.letter_fields["addressee_name"] == "Ms Patel"
    for key, value in letter_before.items():
        # Whatever was filled in stays; the two lines typed may fill the fields being asked.
        if value and key not in ("complainant_name", "child_name"):
            assert shell.session.letter_fields.get(key) == value, key
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text


def test_a_very_long_line_is_cut_with_a_note_not_a_crash() -> None:
    shell, text = run_lines(["1", "4", "1", "letter", "", "A" * 10_000, "B" * (MAX_LINE + 5)])
    flat = " ".join(text.split())
    assert "Note: Only the first 2,000 characters were kept" in flat  # the field's own limit
    assert shell.session.letter_fields["addressee_name"] == "A" * 2_000
    assert f"only its first {MAX_LINE} characters were read" in flat
