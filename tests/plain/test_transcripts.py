"""One transcript per kind of step, compared with a reviewed text file in tests/plain/transcripts/.

A transcript is what a screen reader would read out: everything printed, with what was typed
after each prompt. Review a changed one by reading it (aloud, if you can) before accepting it:
    SEND_TUI_UPDATE_TRANSCRIPTS=1 .venv/bin/python -m pytest tests/plain/test_transcripts.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.plain.helpers import run_lines

GOLDEN = Path(__file__).parent / "transcripts"

CASES: dict[str, list[str]] = {
    # a question: an empty line, a number out of range and an unknown word, then an answer and back
    "question": ["1", "", "99", "hello", "4", "back", "answers", "quit", "yes"],
    # a multi-choice step: done with nothing ticked, ticks, "not sure" clearing the others
    "multi_choice": ["1", "7", "done", "1", "8", "3", "repeat"],
    # an information step: help lists the terms, then 1 goes on
    "information": ["1", "1", "2", "help", "1"],
    # an outcome: one number adds the suggested route; plan reads the plan
    "outcome": ["1", "4", "1", "1", "plan"],
    # dates: a wrong format is refused with the reason and asked again
    "dates": ["1", "2", "1", "1", "deadlines", "10/03/2026", "2026-03-10", "", "stop"],
    # the letter: one field at a time; the drafted "about" confirmed; a bad timescale refused
    "letter": [
        "1",
        "4",
        "1",
        "letter",
        "",
        "Ms Patel",
        "Alex Smith",
        "",
        "Oak Primary School",
        "Year 4",
        "confirm",
        "Spoke to the class teacher on 3 November.",
        "A meeting with the SENCO.",
        "",
        "ten",
        "10",
        "",
    ],
    # saving: call details first, then the folder and name kept; a second save asks before replacing
    "save": [
        "1",
        "4",
        "1",
        "details",
        "TH-7",
        "no",
        "save",
        "",
        "",
        "no",
        "save",
        "",
        "",
        "no",
        "no",
        "no",
        "quit",
    ],
}

BOX_DRAWING = re.compile("[\u2500-\u259f]")


@pytest.mark.parametrize("name", list(CASES))
def test_transcript(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A save folder named the same on every machine, so the transcript is too.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SEND_TUI_SAVE_DIR", "saved-calls")
    _shell, text = run_lines(CASES[name])
    assert not BOX_DRAWING.search(text), "box drawing is read aloud as noise"
    assert "\x1b" not in text and "\r" not in text, "no cursor movement or colour"
    assert "Traceback" not in text
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("SEND_TUI_UPDATE_TRANSCRIPTS"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), (
        f"no reviewed transcript {golden.name}: write it with SEND_TUI_UPDATE_TRANSCRIPTS=1"
    )
    assert text == golden.read_text(encoding="utf-8")
