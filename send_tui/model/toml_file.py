"""Reading one TOML file that a person edited: the content, a scenario, a term-dates file.

Council staff edit these in Notepad, which may save a byte-order mark and CRLF line ends, so both
are accepted. A file too large to be content is refused before it is parsed, and a syntax error
names the line, shows what the line says and, for the usual slips, what to do about it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from send_tui.model import storage

#: Far more than any content file needs (the largest shipped one is tens of KB); a bigger file
#: is something else saved by mistake, and parsing it would only be slow.
MAX_TOML_BYTES = 2 * 1024 * 1024

_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

_BACKSLASH = "write a backslash as \\\\, or put the text in 'single quotes'"

_VALUE_IN_IT = "a value in it is not written as the format says (a date as 2026-09-01)"
_CURLY_QUOTES = "“”‘’"

#: The start of tomllib's message for the usual slips, and what to tell the person editing.
_HINTS = (
    ("Invalid value", 'text goes in double quotes ("like this"), dates as 2026-09-01'),
    (
        "Illegal character '\\n'",
        'close the quotes on the same line, or use """ for text over several lines',
    ),
    ("Unterminated string", 'a text has no closing quotes: end it with " (or """)'),
    ("Unescaped '\\'", _BACKSLASH),
    ("Invalid hex value", _BACKSLASH),
    ("Cannot overwrite a value", "this key is given twice in the table: keep one"),
    ("Cannot declare", "this table is given twice in the file: keep one, or merge them"),
    ("Expected '=' after a key", 'each line is key = value; a key with spaces needs "quotes"'),
    (
        "Expected newline or end of document",
        'put one key = value on each line, with text in double quotes ("like this") and '
        "dates as 2026-09-01 (year, month, day)",
    ),
    (
        "Invalid date",
        "that date does not exist: check the day and month (2026-09-01 is 1 September)",
    ),
    ("Unclosed array", f"a list has no closing ], or {_VALUE_IN_IT}"),
    ("Unclosed inline table", f"a {{ ... }} table has no closing }}, or {_VALUE_IN_IT}"),
    ("Expected ']' at the end of a table", "a [table] heading has no closing ]"),
)


def misnamed_toml_files(folder: Path) -> list[tuple[Path, str]]:
    """Files in `folder` meant as TOML but not named `*.toml`, so not read: (path, the right name).

    Notepad saves `contacts.toml` as `contacts.toml.txt` unless told "All files"; Windows hides
    the `.txt`, so the editor sees `contacts.toml` and cannot tell why their edit does nothing.
    A name in capitals (`Contacts.TOML`) is read on Windows but not elsewhere, so it is named too.
    """
    found = []
    for path in sorted(Path(folder).glob("*")):
        name = path.name
        lower = name.lower()
        if lower.endswith(".toml.txt"):
            found.append((path, name[: -len(".txt")]))
        elif lower.endswith(".toml") and not name.endswith(".toml"):
            found.append((path, name[: -len(".toml")] + ".toml"))
    return [(path, right) for path, right in found if path.is_file()]


def misnamed_problem(name: str, right: str) -> str:
    """What to tell the editor about a file `misnamed_toml_files` found."""
    if right.lower() == name.lower()[: -len(".txt")]:
        return (
            f"is not read, because its name ends .txt: rename it to {right} (in Notepad, Save "
            'as with "Save as type: All files"; in File Explorer, turn on View, File name '
            "extensions to see the .txt)"
        )
    return (
        f"is not read on every computer, because .toml is not in lower case: rename it to {right}"
    )


class TomlFileProblem(ValueError):
    """Why a file cannot be read as TOML: a sentence for the person editing it, without the
    file's name (the caller names the file as its report does)."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


def read_toml_file(path: Path, limit: int = MAX_TOML_BYTES) -> dict[str, Any]:
    """The TOML document at `path`; `TomlFileProblem` saying what is wrong if it cannot be read.

    `FileNotFoundError` is left to the caller, since some callers (settings) allow a missing file.
    """
    try:
        raw = storage.read_regular_file(Path(path), limit + 1)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise TomlFileProblem("is a folder, not a TOML file") from None
    except storage.NotARegularFile:
        raise TomlFileProblem("is not a regular file (a pipe or a device): not read") from None
    except OSError as error:
        raise TomlFileProblem(f"cannot be read: {error.strerror or error}") from None
    if len(raw) > limit:
        raise TomlFileProblem(
            f"is larger than {_size(limit)}, far more than any content file needs: is it the "
            "right file? Split a long text, or remove what was pasted in by mistake"
        )
    return parse_toml(raw)


def parse_toml(raw: bytes) -> dict[str, Any]:
    """`raw` as TOML (a byte-order mark allowed), or `TomlFileProblem` naming the line."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TomlFileProblem(
            'is saved as UTF-16 (Notepad\'s "Unicode"): save it as UTF-8 (in Notepad: Save as, '
            "Encoding UTF-8)"
        )
    try:
        text = raw.decode("utf-8-sig")  # Notepad may begin the file with a byte-order mark
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TomlFileProblem(
            f"is not UTF-8 text (the first character that is not is on line {line}): "
            "save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TomlFileProblem(syntax_problem(str(error), text)) from None


def syntax_problem(message: str, text: str) -> str:
    """tomllib's `message` with the line it points at quoted and, for a usual slip, a hint."""
    where = _WHERE.search(message)
    what = message[: where.start()] if where else message
    found = f"TOML syntax error: {what}"
    shown = ""
    if where and where.group(1):
        number = int(where.group(1))
        lines = text.splitlines()
        shown = lines[number - 1].strip() if number <= len(lines) else ""
        found += f" (at line {number}, column {where.group(2)})"
        if shown:
            found += f"; line {number} reads: {_shorten(shown)}"
    elif where:
        found += " (at the end of the file)"
    hint = next((hint for start, hint in _HINTS if what.startswith(start)), None)
    if any(q in shown for q in _CURLY_QUOTES):
        hint = 'the line has curly quotes (pasted from Word or an email): type straight ones, "'
    return f"{found}. {hint[0].upper()}{hint[1:]}" if hint else found


def _shorten(line: str, most: int = 80) -> str:
    return line if len(line) <= most else line[: most - 3] + "..."


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
