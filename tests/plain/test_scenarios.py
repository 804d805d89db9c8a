"""Every caller scenario in content/scenarios/, typed into plain mode line by line, ends where the runner says.

New scenario files are picked up as they are added: the list is read when the tests are collected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.model.clocks import date_keys_for
from send_tui.model.content import CLOCK_DATE_KEYS
from send_tui.model.scenarios import (
    load_scenarios,
    run_scenario,
    scenario_files,
    session_from_scenario,
)
from send_tui.model.summary import build_summary, session_deadlines
from send_tui.paths import default_content_dir
from send_tui.render.text import render_text
from tests.plain.helpers import run_lines, typed_lines
from tests.sessions import shipped

FOLDER = default_content_dir() / "scenarios"


def _deadlines(session) -> dict[str, object]:
    from send_tui.model.dates import today
    from send_tui.model.scenarios import deadline_dates

    return deadline_dates(session_deadlines(session, today()))[0]


@pytest.mark.parametrize("path", scenario_files(FOLDER), ids=lambda p: p.stem)
def test_plain_mode_replays_the_scenario(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    single = tmp_path / "one"
    single.mkdir()
    (single / path.name).write_bytes(path.read_bytes())
    (scenario,) = load_scenarios(single, shipped())
    monkeypatch.setenv("SEND_TUI_TODAY", scenario.today.isoformat())
    expected = session_from_scenario(scenario, shipped())
    result = run_scenario(scenario, shipped())
    lines = typed_lines(
        expected.content,
        scenario.answers,
        plan_add=scenario.plan_add,
        plan_remove=scenario.plan_remove,
        dates=scenario.dates,
        letter=scenario.letter,
    )
    shell, transcript = run_lines(lines, content=expected.content)
    typed = shell.session
    assert "Traceback" not in transcript
    assert typed.answers == expected.answers, transcript[-3000:]
    outcome = typed.outcome()
    assert (outcome.id if outcome else None) == (
        expected.outcome().id if expected.outcome() else None
    )
    assert [e.route.id for e in typed.plan()] == [e.route.id for e in expected.plan()]
    # Plain mode asks only the dates a clock of this call counts from (as the app's form shows
    # them); a date the scenario enters by mistake for a clock that does not apply is not asked.
    asked = set(date_keys_for(expected, tuple(CLOCK_DATE_KEYS)))
    assert typed.dates == {k: v for k, v in expected.dates.items() if k in asked}
    assert _deadlines(typed) == result.deadlines
    if scenario.expect.outcome is not None:
        assert outcome is not None and outcome.id == scenario.expect.outcome
    if scenario.expect.plan is not None:
        assert [e.route.id for e in typed.plan()] == list(scenario.expect.plan)
    for key, wanted in scenario.expect.deadlines.items():
        assert _deadlines(typed).get(key) == wanted, key
    assert render_text(build_summary(typed, scenario.today)) == result.summary_text
    # what the outcome tells this caller is said in plain mode too (the caller's note included)
    said = " ".join(transcript.split())
    for wanted_text in scenario.expect.outcome_contains:
        assert " ".join(wanted_text.split()) in said, wanted_text


def test_there_are_scenarios_to_replay() -> None:
    assert scenario_files(FOLDER), f"no scenarios in {FOLDER}"
