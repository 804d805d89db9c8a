"""Content errors: each names the file, the key path and what to fix.

A council content author reads these in `send-tui check`; an adviser sees them if the app cannot
start on the content. So they are sentences, not exceptions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ContentError:
    file: str  # relative to the content root, e.g. "national/mediation.toml"
    key: str  # the table and key path, e.g. "nodes.appeal_scope.options[2].next"; "" for the file
    message: str  # what is wrong and what to do

    def __str__(self) -> str:
        where = f"{self.file}: {printable(self.key)}" if self.key else self.file
        return f"{where}: {printable(self.message)}"


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word a misspelt `word` most likely meant, or None if none is close."""
    close = difflib.get_close_matches(word, sorted(set(known)), n=1, cutoff=0.75)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the end of a message about a misspelt key or id, or ""."""
    close = closest(word, known)
    return f" (did you mean {close!r}?)" if close else ""


def printable(text: str) -> str:
    """Text with control characters shown as escapes, so a damaged key cannot garble a report."""
    return "".join(c if c.isprintable() or c == "\n" else repr(c)[1:-1] for c in text)


def located(error: ContentError, root: Path | None = None) -> str:
    """The error as a report line, with ` (line 17)` where its key is written in the file.

    `root` is the folder the error's file is relative to (None: the file is named as it is), so
    the person editing can go straight to the line (Ctrl+G in Notepad).
    """
    from send_tui.model.key_lines import key_line
    from send_tui.model.storage import read_regular_file
    from send_tui.model.toml_file import MAX_TOML_BYTES

    if not error.key:
        return str(error)
    path = Path(root, error.file) if root is not None else Path(error.file)
    try:  # (a regular file only: a pipe where a file should be must not hang the report)
        raw = read_regular_file(path, MAX_TOML_BYTES + 1)
        text = raw.decode("utf-8-sig") if len(raw) <= MAX_TOML_BYTES else ""
    except (OSError, UnicodeDecodeError):
        return str(error)
    line = key_line(text, error.key)
    return f"{error} (line {line})" if line else str(error)


class ContentErrors(Exception):
    """Every problem found in the content, reported together rather than the first alone."""

    def __init__(self, errors: Iterable[ContentError], root: Path | None = None) -> None:
        self.errors = tuple(errors)
        self.root = root  # the content folder the errors' files are relative to, for lines
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The route content has {count} {noun}:"]
        lines += [f"- {self.line(error)}" for error in self.errors]
        return "\n".join(lines)

    def line(self, error: ContentError) -> str:
        """One error as the report shows it: with its line in the file, where it can be found."""
        return located(error, self.root) if self.root is not None else str(error)
