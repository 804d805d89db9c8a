"""`send-tui deadline`: the stable command-line interface that advisers and scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from send_tui.cli import main

TERMS = """\
[term_dates]
confirmed = false
terms = [
  { name = "Spring 2", start = 2026-02-23, end = 2026-03-27 },
  { name = "Summer 1", start = 2026-04-13, end = 2026-05-22 },
]
"""


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    path = tmp_path / "terms.toml"
    path.write_text(TERMS, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["deadline", *argv])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_has_the_date_workings_and_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "appeal", "--decision", "2026-03-10", "--today", "2026-04-29")
    assert code == 0
    assert "Mon 11 May 2026, by 5pm" in out
    assert "2 months from Tue 10 Mar 2026" in out
    assert "Sun 10 May 2026 is not a working day" in out
    assert "12 days left" in out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "appeal",
        "--decision",
        "2026-03-01",
        "--certificate",
        "2026-05-20",
        "--json",
        "--today",
        "2026-06-23",
    )
    assert code == 0
    data = json.loads(out)
    assert data["clock"] == "appeal"
    assert data["deadline"] == "2026-06-22"
    assert data["by_5pm"] is True
    assert data["status"] == "passed 1 day ago" and data["days_left"] == -1
    assert any("certificate" in step for step in data["steps"])


def test_send_tui_today_is_honoured(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", "2026-05-11")
    code, out, _ = run(capsys, "appeal", "--decision", "2026-03-10", "--json")
    assert code == 0
    assert json.loads(out)["status"] == "due today"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["mediation-contact", "--decision", "2026-03-10"], "2026-05-10"),
        (["mediation-certificate", "--from", "2026-04-02"], "2026-04-09"),
        (["arrange-mediation", "--from", "2026-07-10"], "2026-08-09"),
        (["reply", "--from", "2026-03-27", "--working-days", "10"], "2026-04-14"),
        (["reply", "--from", "2026-03-27", "--by", "2026-04-24"], "2026-04-24"),
        (["discrimination-claim", "--from", "2026-02-10"], "2026-08-09"),
        (["ehc", "--request", "2026-01-12"], "2026-06-01"),
        (["ehc", "--review-meeting", "2026-03-02"], "2026-03-30"),
    ],
)
def test_every_working_day_clock(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, _ = run(capsys, *argv, "--json", "--today", "2026-01-01")
    assert code == 0
    assert json.loads(out)["deadline"] == expected


def test_ehc_json_has_every_date(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "ehc", "--request", "2026-01-12", "--json", "--today", "2026-01-12")
    assert json.loads(out)["dates"] == {
        "assessment_decision": "2026-02-23",
        "no_plan_notice": "2026-05-04",
        "final_plan": "2026-06-01",
    }


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["exclusion-panel", "--from", "2026-03-05", "--posted"], "2026-04-13"),
        (["exclusion-panel", "--from", "2026-03-09"], "2026-04-13"),
        (["exclusion-review", "--from", "2026-03-02"], "2026-03-23"),
        (["suspension-representations", "--from", "2026-02-23"], "2026-05-19"),
        (["reply", "--from", "2026-03-20", "--school-days", "10"], "2026-04-17"),
    ],
)
def test_school_day_clocks_with_a_terms_file(
    capsys: pytest.CaptureFixture[str], terms: Path, argv: list[str], expected: str
) -> None:
    code, out, _ = run(capsys, *argv, "--terms", str(terms), "--json", "--today", "2026-03-01")
    assert code == 0
    data = json.loads(out)
    assert data["deadline"] == expected
    assert any("illustrative" in warning for warning in data["warnings"])


def test_unconfirmed_term_dates_are_flagged_in_text(
    capsys: pytest.CaptureFixture[str], terms: Path
) -> None:
    _, out, _ = run(capsys, "exclusion-review", "--from", "2026-03-02", "--terms", str(terms))
    assert "Mon 23 Mar 2026" in out
    assert "Warning:" in out and "school's own calendar" in out


@pytest.mark.parametrize("bad", ["2026-02-30", "10/03/2026", "tomorrow", ""])
def test_a_malformed_date_exits_2_naming_the_format(
    capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    code, out, err = run(capsys, "appeal", "--decision", bad)
    assert code == 2
    assert "YYYY-MM-DD" in err
    assert "Traceback" not in out + err


def test_a_bad_today_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "appeal", "--decision", "2026-03-10", "--today", "31/12/2026")
    assert code == 2 and "YYYY-MM-DD" in err


def test_a_bad_number_of_days_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "reply", "--from", "2026-03-10", "--working-days", "ten")
    assert code == 2 and "whole number" in err


def test_a_reply_date_before_the_letter_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "reply", "--from", "2026-03-10", "--by", "2026-03-01")
    assert code == 2 and "before" in err


def test_a_certificate_before_the_decision_exits_2_saying_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "appeal", "--decision", "2026-03-10", "--certificate", "2026-03-05"
    )
    assert code == 2 and out == ""
    assert "Thu 5 Mar 2026, is before the date on the decision letter, Tue 10 Mar 2026" in err
    assert "Traceback" not in err
    # the same day is possible, and counts as usual
    assert run(capsys, "appeal", "--decision", "2026-03-10", "--certificate", "2026-03-10")[0] == 0


def test_a_school_day_clock_outside_the_terms_exits_2(
    capsys: pytest.CaptureFixture[str], terms: Path
) -> None:
    code, out, err = run(capsys, "exclusion-panel", "--from", "2026-05-10", "--terms", str(terms))
    assert code == 2
    assert "term dates file must cover it" in err
    assert str(terms) in err
    assert "Traceback" not in out + err


def test_a_bad_terms_file_names_the_file_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(TERMS.replace("start = 2026-02-23", 'start = "23/02/2026"'), encoding="utf-8")
    code, out, err = run(capsys, "exclusion-review", "--from", "2026-03-02", "--terms", str(bad))
    assert code == 1
    assert f"{bad}: term_dates.terms[0].start" in err
    assert "Traceback" not in out + err


def test_a_missing_clock_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2 and "CLOCK" in err


def test_the_readme_names_every_deadline_sub_command() -> None:
    """An adviser learns the commands from the README: one added to the CLI must be listed."""
    from send_tui.subcommands.deadline import CLOCKS

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    listed = readme.split("Every deadline sub-command", 1)[1].split("prints the date", 1)[0]
    assert [c.name for c in CLOCKS if f"`{c.name}`" not in listed] == []


def test_draft_plan_counts_the_day_served_as_day_1(capsys: pytest.CaptureFixture[str]) -> None:
    # Worked example 9's contrast: served Mon 20 Apr 2026, the last day is Mon 4 May 2026 (a
    # bank holiday that stays the last day), so reply by Fri 1 May.
    code, out, _ = run(capsys, "draft-plan", "--served", "2026-04-20", "--today", "2026-04-22")
    assert code == 0
    assert "Deadline: Mon 4 May 2026  (12 days left" in out
    assert "Act by:   Fri 1 May 2026" in out
    assert "which is day 1: the last day is Mon 4 May 2026" in out
    _, out, _ = run(capsys, "draft-plan", "--served", "2026-04-20", "--json")
    data = json.loads(out)
    assert (data["clock"], data["deadline"], data["act_by"]) == (
        "draft_plan",
        "2026-05-04",
        "2026-05-01",
    )
