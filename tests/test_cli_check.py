"""`send-tui check` and `send-tui graph`, and the shipped content inside the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from send_tui.cli import main
from send_tui.model.content_warnings import content_warnings
from send_tui.model.loader import load_content

ROOT = Path(__file__).parents[1]


def test_check_summarises_the_shipped_content(capsys) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    for word in ("files:", "nodes:", "routes:", "paths:", "oldest review:"):
        assert word in out


def test_check_a_broken_next_exits_1_naming_file_and_node(tmp_path: Path, capsys) -> None:
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    start = root / "national" / "start.toml"
    start.write_text(
        start.read_text(encoding="utf-8").replace(
            'next = "exclusion_kind"', 'next = "gone_missing"'
        ),
        encoding="utf-8",
    )
    assert main(["check", "--content", str(root)]) == 1
    err = capsys.readouterr().err
    assert "national/start.toml" in err and "'gone_missing'" in err and "Traceback" not in err


def test_check_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--no-such-flag"])
    assert exited.value.code == 2


@pytest.mark.parametrize("fmt,marker", [("mermaid", "flowchart TD"), ("dot", "digraph send_tui")])
def test_graph_prints_every_node(fmt: str, marker: str, capsys) -> None:
    assert main(["graph", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out.startswith(marker)
    assert "situation" in out and "out_appeal" in out


def test_the_wheel_ships_the_content_and_check_finds_it_from_elsewhere(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = wheel_dir.glob("send_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "send_tui/_content/manifest.toml" in names
        assert "send_tui/_docs/content-format.md" in names  # what content errors point to
        assert "send_tui/py.typed" in names
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
        metadata = archive.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))
        ).decode()
        assert "License-Expression: MIT" in metadata
        assert "Classifier: Operating System :: Microsoft :: Windows" in metadata
        assert any(n.startswith("send_tui/_content/local/") for n in names)
        assert any(n.startswith("send_tui/_content/scenarios/") for n in names)
        archive.extractall(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "send_tui", "check"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "_content" in result.stdout
    shipped = len(list((ROOT / "content" / "scenarios").glob("*.toml")))
    assert f"Scenarios: {shipped} of {shipped} passed" in result.stdout  # run from the wheel
    shown = subprocess.run(
        [sys.executable, "-m", "send_tui", "help", "content"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("topic", "document"), [("content", "content"), ("record", "record"), ("scenarios", "scenario")]
)
def test_help_prints_the_format_document(topic: str, document: str, capsys) -> None:
    assert main(["help", topic]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / f"{document}-format.md").read_text(
        encoding="utf-8"
    )


def test_check_warns_when_the_term_dates_do_not_cover_today(monkeypatch, capsys) -> None:
    """Last year's term dates leave every exclusion deadline unworked: check says so, and which
    file to update, though the content itself is sound (exit 0)."""
    monkeypatch.setenv("SEND_TUI_TODAY", "2027-08-20")
    assert main(["check"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "WARNING term dates: they end on Thu 22 Jul 2027 (in local/tower-hamlets/term-dates.toml), "
        "before today, Fri 20 Aug 2027" in out
    )


def warnings_with_contacts_edited(tmp_path: Path, old: str, new: str) -> str:
    """What check warns of (`content_warnings`) for the shipped content with one edit to the
    contacts, joined: the content itself must still load. Called directly, as rendering every
    path (what `check` does next) adds seconds and nothing to these."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root, ignore=shutil.ignore_patterns("scenarios"))
    contacts = root / "local" / "tower-hamlets" / "contacts.toml"
    text = contacts.read_text(encoding="utf-8")
    assert old in text
    contacts.write_text(text.replace(old, new, 1), "utf-8")
    return " ".join(content_warnings(load_content(root), date(2026, 11, 28)))


def test_check_warns_of_tbc_but_does_not_refuse_it(tmp_path: Path) -> None:
    out = warnings_with_contacts_edited(tmp_path, 'phone = "to be confirmed"', 'phone = "TBC"')
    assert (
        "contact: local/tower-hamlets/contacts.toml: contacts.sendiass.phone: 'TBC' "
        'would be shown as the phone: if it is not known yet, write "to be confirmed"' in out
    )


def test_check_warns_of_a_review_date_after_today(tmp_path: Path) -> None:
    out = warnings_with_contacts_edited(tmp_path, "reviewed = 2026-11-28", "reviewed = 2062-11-28")
    assert (
        "review date: local/tower-hamlets/contacts.toml: meta.reviewed: 2062-11-28 is "
        "after today: check the year" in out
    )
