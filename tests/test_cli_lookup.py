"""`send-tui lookup`: the palette's search from the shell, for advisers and scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from send_tui.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["lookup", *argv])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_has_title_kind_snippet_refs_and_node(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "can", "they", "appeal", "a", "refusal", "to", "assess?")
    assert code == 0 and not err
    first = out.splitlines()[:3]
    assert first[0].startswith("1. Appeal against a refusal to carry out an EHC needs assessment")
    assert "(step out_appeal_assessment)" in first[0]
    assert "refusal to assess" in first[1]
    assert "11.45" in first[2]


def test_a_term_says_which_step_it_opens(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tribnal", "--limit", "1")
    assert code == 0
    assert "(term tribunal)" in out
    assert "Opens: " in out
    assert "2. " not in out


def test_json_is_a_list_of_results_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "11.45", "--json", "--limit", "3")
    assert code == 0
    results = json.loads(out)
    assert isinstance(results, list) and 1 <= len(results) <= 3
    for result in results:
        assert {"id", "title", "snippet", "refs", "kind", "node"} <= set(result)
        assert isinstance(result["refs"], list)
    assert results[0]["id"] == "cop_11_45"
    assert results[0]["refs"] == ["11.45"]
    assert results[0]["node"] == "out_appeal"
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


def test_nothing_found_exits_1_with_a_short_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "xyzzy", "plugh")
    assert code == 1
    assert out == ""
    assert "Nothing found" in err and "xyzzy plugh" in err


def test_other_content(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(FIXTURE), "senco", "--json")
    assert code == 0
    assert json.loads(out)[0]["id"] == "senco"


def test_bad_content_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--content", str(tmp_path), "appeal")
    assert code == 1
    assert "manifest.toml" in err
    assert "Traceback" not in out + err


def test_a_bad_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "appeal", "--limit", "0")
    assert code == 2
    assert "--limit" in err
