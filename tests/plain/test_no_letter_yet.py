"""Plain mode's `letter` with no letter to word says why, as F5 does, and opens no form."""

from __future__ import annotations

import io

from send_tui.plain import run_plain


def run(lines: list[str]) -> str:
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in [*lines, "quit", "yes"]))
    run_plain(stdin=stdin, stdout=out, echo=True)
    return " ".join(out.getvalue().split())


def test_nothing_answered_says_so_in_plain_modes_own_words() -> None:
    text = run(["1", "letter"])  # start a call, then ask for the letter at the first question
    assert "No complaint letter yet: nothing has been answered on this call." in text
    assert "search for the complaint and open it" in text
    assert "F2" not in text and "COMPLAINT LETTER: one field at a time." not in text


def test_a_complaint_path_still_opens_its_letter() -> None:
    # A complaint about a school, then the school: the school complaint letter's form.
    text = run(["1", "4", "1", "letter", "stop"])
    assert "COMPLAINT LETTER: one field at a time." in text
    assert "No complaint letter" not in text


def test_a_looked_up_complaint_opens_its_own_letter_as_f5_does() -> None:
    text = run(["search complaint school", "open 1", "letter", "stop"])
    assert "COMPLAINT LETTER: one field at a time." in text
    assert "No complaint letter" not in text


def test_letter_show_with_no_letter_says_why_not_what_it_is_missing() -> None:
    """A list of what a letter still needs, for a letter that cannot exist yet, misleads."""
    text = run(["1", "letter show"])
    assert "Still missing before sending" not in text
    assert "No complaint letter yet" in text
