"""Saving a call: the summary (.html, .txt, .md), the letter (.docx) and the record (.toml) together.

The save dialog calls `save_outputs` once. It renders everything first, then checks that no
target exists (so the dialog can ask "replace?" about all of them at once), then writes each file
atomically and owner-only. If a write fails (an unwritable folder, a full disk, a folder that
vanished) the files this save already created are removed, so the folder never holds half a set.
"""

from __future__ import annotations

import errno
import re
from datetime import date
from pathlib import Path

from send_tui.model import storage
from send_tui.model.record import dump_record
from send_tui.model.session import Session
from send_tui.model.summary import Summary, build_summary

#: File name endings, in the order they are written; the letter only when there is one.
SUMMARY_FORMATS: tuple[str, ...] = ("html", "txt", "md")
LETTER_SUFFIX = "-letter.docx"
RECORD_SUFFIX = ".toml"

_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80
# Names Windows will not create, whatever the extension.
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def safe_basename(text: str, fallback: str = "summary") -> str:
    """`text` as a file name any system accepts: letters, digits, `.`, `_` and `-` only."""
    name = _UNSAFE_IN_NAME.sub("-", text.strip()).strip(".-_")[:_MAX_NAME].strip(".-_")
    if not name:
        return fallback
    if name.split(".")[0].lower() in _WINDOWS_RESERVED:
        name = f"send-tui-{name}"
    return name


def default_basename(session: Session, today: date) -> str:
    """`send-tui-2026-11-28-<case reference or 'summary'>`, safe for a file name."""
    reference = safe_basename(session.case.reference, fallback="")
    return safe_basename(f"send-tui-{today.isoformat()}-{reference or 'summary'}")


def output_paths(
    session: Session, folder: Path, basename: str, today: date, *, redacted: bool = False
) -> list[Path]:
    """The files `save_outputs` would write, for the dialog to show (and check) before saving."""
    summary = _summary(session, today, redacted)
    return [path for path, _ in _targets(session, Path(folder), basename, today, summary)]


def save_outputs(
    session: Session,
    folder: Path,
    basename: str,
    today: date,
    *,
    overwrite: bool = False,
    redacted: bool = False,
) -> list[Path]:
    """Write the summary, the letter (when one applies) and the record into `folder`.

    Personal details are included only with the caller's consent (`session.case.
    consent_to_record`); `redacted` leaves the names out of the summary and letter as well.
    Raises `storage.FileExists` naming every existing target before anything is written, and
    `storage.SaveError` with an adviser-readable message if writing fails; then no file of
    this save remains (a file replaced with `overwrite` before the failure stays replaced).
    """
    folder = Path(folder)
    planned = _planned(session, folder, basename, today, redacted=redacted)
    if not overwrite:
        existing = [path for path, _ in planned if path.exists()]
        if existing:
            names = ", ".join(path.name for path in existing)
            raise storage.FileExists(
                errno.EEXIST, f"Already in {folder}: {names}. Replace them, or choose another name."
            )
    created: list[Path] = []
    try:
        for path, data in planned:
            existed = path.exists()
            storage.write_atomic(path, data, overwrite=overwrite)
            if not existed:
                created.append(path)
    except storage.SaveError:
        _remove(created)
        raise
    return [path for path, _ in planned]


def save_warnings(session: Session, today: date, *, consent_key: str = "") -> list[str]:
    """What the adviser should know before saving: no consent, and an unfinished letter.

    `consent_key` names how to give consent in the front end asking ("(F6)").
    """
    from send_tui.model.letter import LetterDraft, completeness, letter_started
    from send_tui.model.summary import letter_date

    lines: list[str] = []
    if not session.case.consent_to_record:
        lines.append(
            f"No consent to keep a record{consent_key}: names and the date of birth are left out."
        )
    if letter_started(session):
        missing = completeness(
            LetterDraft.from_session(session), sent=letter_date(session, today), content=session.content
        )
        if missing:
            lines.append("The letter is not finished:")
            lines += [f"- {line}" for line in missing]
    return lines


def _summary(session: Session, today: date, redacted: bool) -> Summary:
    personal = session.case.consent_to_record
    return build_summary(session, today, redacted=redacted, include_personal=personal)


def _targets(
    session: Session, folder: Path, basename: str, today: date, summary: Summary
) -> list[tuple[Path, str]]:
    """(path, format) for every file of the save; "record" is the .toml."""
    base = safe_basename(basename, fallback=default_basename(session, today))
    targets = [(folder / f"{base}.{fmt}", fmt) for fmt in SUMMARY_FORMATS]
    if summary.letter is not None:
        targets.append((folder / f"{base}{LETTER_SUFFIX}", "docx"))
    targets.append((folder / f"{base}{RECORD_SUFFIX}", "record"))
    return targets


def _planned(
    session: Session, folder: Path, basename: str, today: date, *, redacted: bool
) -> list[tuple[Path, bytes]]:
    """Every file of the save with its bytes, all rendered before anything is written."""
    from send_tui.render import render

    summary = _summary(session, today, redacted)
    personal = session.case.consent_to_record
    return [
        (
            path,
            dump_record(session, include_personal=personal)
            if fmt == "record"
            else render(summary, fmt),
        )
        for path, fmt in _targets(session, folder, basename, today, summary)
    ]


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink()
        except OSError:
            pass
