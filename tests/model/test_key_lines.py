"""A report names the line a key is on, so a council officer in Notepad can go straight to it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from send_tui.model.content_errors import ContentErrors
from send_tui.model.key_lines import key_line
from send_tui.model.loader import load_content

FIXTURE = Path(__file__).parent.parent / "fixtures" / "minimal"

TEXT = """\
[meta]
title = "x"

[contacts.fis]
name = "FIS"
phnoe = "to be confirmed"

[[nodes.start.options]]
id = "a"

[[nodes.start.options]]
id = "b"
  "label" = "B"

[nodes.end]
kind = "outcome"
options = [
  { id = "a" },
]
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("meta.title", 2),
        ("contacts.fis", 4),
        ("contacts.fis.phnoe", 6),
        ("contacts.fis.phone", 4),  # missing: the table it belongs in
        ("nodes.start.options[1].label", 13),
        ("nodes.start.options[0].id", 9),
        ("nodes.end.options[0].id", 17),  # inside an inline list: the list's line
        ("nodes.end.kind", 16),
        ("glossary.senco.term", None),  # not in the file: no line rather than a wrong one
        ("", None),
    ],
)
def test_the_line_of_a_key(key: str, line: int | None) -> None:
    assert key_line(TEXT, key) == line


def test_the_content_report_gives_each_problems_line(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    contacts = root / "local" / "demo" / "contacts.toml"
    text = contacts.read_text(encoding="utf-8").replace("phone = ", "phnoe = ")
    contacts.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    [error] = caught.value.errors
    number = text.splitlines().index('phnoe = "to be confirmed"') + 1
    assert caught.value.report().endswith(f"{error} (line {number})")
