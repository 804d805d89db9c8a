"""`send-tui check` runs the caller scenarios and renders every path: pass lists them, a broken
one exits 1 naming its file, its name and the expectation, with no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from send_tui.cli import main
from send_tui.model import scenarios

ROOT = Path(__file__).parents[1]
SHIPPED = ROOT / "content" / "scenarios"

BROKEN = """
[scenario]
name = "Deliberately wrong: a cessation wrongly expected to reach an appeal"
today = 2026-12-01

[answers]
situation = "council_decision"
council_decision = "cease_plan"
what_next_decision = "mediation"

[dates]
decision = 2026-10-28

[expect]
outcome = "out_appeal"

[expect.deadlines]
appeal = 2026-12-29
"""


def test_check_runs_every_shipped_scenario_and_every_path(capsys) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    files = scenarios.scenario_files(SHIPPED)
    assert len(files) >= 15
    for path in files:
        assert f'  ok    content/scenarios/{path.name}: "' in out
    assert f"Scenarios: {len(files)} of {len(files)} passed" in out
    assert "Every path rendered: " in out and "all OK" in out


def test_a_broken_scenario_given_with_scenarios_exits_1_and_says_what_failed(
    tmp_path: Path, capsys
) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "wrong.toml").write_text(BROKEN, encoding="utf-8")
    (extra / "typo.toml").write_text(
        BROKEN.replace("[expect]\n", "[expect]\noutcom = 'x'\n"), encoding="utf-8"
    )
    assert main(["check", "--scenarios", str(extra)]) == 1
    captured = capsys.readouterr()
    where = (
        f'{extra}/wrong.toml: "Deliberately wrong: a cessation wrongly expected to reach an appeal"'
    )
    assert f"  FAIL  {where}" in captured.out
    assert f"  FAIL  {extra}/typo.toml: does not load" in captured.out
    assert f"- {where}: expect.outcome: wanted out_appeal, got out_mediation" in captured.err
    assert f"- {where}: expect.deadlines.appeal: wanted 2026-12-29, got 2027-01-04" in captured.err
    assert f"- {extra}/typo.toml: expect.outcom: is not a key of a caller scenario" in captured.err
    assert "  ok    content/scenarios/" in captured.out  # the shipped ones still ran
    assert "Traceback" not in captured.out + captured.err


def test_scenarios_can_be_given_more_than_once_and_a_missing_folder_fails(
    tmp_path: Path, capsys
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        shutil.copy(SHIPPED / "sendiass-not-sure.toml", folder / "sendiass.toml")
    assert main(["check", "--scenarios", str(one), "--scenarios", str(two)]) == 0
    out = capsys.readouterr().out
    assert f"Scenarios in {one}: 1" in out and f"Scenarios in {two}: 1" in out
    assert main(["check", "--scenarios", str(tmp_path / "nowhere")]) == 1
    said = capsys.readouterr()
    assert f"{tmp_path / 'nowhere'}: no such folder of scenarios" in said.err
    assert "Every path rendered" not in said.out  # told at once, before the long part


def test_content_without_scenarios_still_checks(tmp_path: Path, capsys) -> None:
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root, ignore=shutil.ignore_patterns("scenarios"))
    assert main(["check", "--content", str(root)]) == 0
    assert "Scenarios: 0 of 0 passed" in capsys.readouterr().out


def test_a_content_edit_that_breaks_a_shipped_scenario_fails_check(tmp_path: Path, capsys) -> None:
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    appeals = root / "national" / "appeals.toml"
    text = appeals.read_text(encoding="utf-8")
    # Send "disagreement resolution" callers to mediation by mistake.
    edited = text.replace('next = "out_disagreement_resolution"', 'next = "out_mediation"', 1)
    assert edited != text
    appeals.write_text(edited, encoding="utf-8")
    assert main(["check", "--content", str(root)]) == 1
    err = capsys.readouterr().err
    assert "disagreement-resolution-refused-amendment.toml" in err
    assert "expect.outcome: wanted out_disagreement_resolution, got out_mediation" in err


def test_a_path_that_fails_to_render_fails_check_naming_path_and_format(
    monkeypatch, capsys
) -> None:
    import send_tui.render.html as html

    def broken(summary):
        raise RuntimeError("no layout for this")

    monkeypatch.setattr(html, "render_html", broken)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert (
        "- path caller=parent > situation=" in err
        and "html fails to render: RuntimeError: no layout for this" in err
    )
    assert "Traceback" not in err
