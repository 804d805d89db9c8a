"""Saving a call: the summary (.html, .txt, .md), the letter (.docx) and the record (.toml) together.

The save dialog calls `save_outputs` once. It renders everything first, then checks that no
target exists (so the dialog can ask "replace?" about all of them at once), then writes each file
atomically and owner-only. If a write fails (an unwritable folder, a full disk, a folder that
vanished) the files this save already created are removed, so the folder never holds half a set.
"""

from __future__ import annotations

import copy
import errno
import re
from datetime import date
from pathlib import Path

from send_tui.model import storage
from send_tui.model.letter import (
    Letter,
    LetterDraft,
    caller_of,
    caller_words,
    choose_template,
    render_letter,
)
from send_tui.model.record import dump_record
from send_tui.model.session import Session
from send_tui.model.summary import (
    PERSONAL_DATE_KEYS,
    Summary,
    build_summary,
    date_of_birth,
    fix_letter,
    fix_made,
    letter_date,
)

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
    Raises `storage.FolderMissing` if `folder` is not there (create it with
    `storage.create_folder` once the adviser agrees), `storage.FileExists` naming every
    existing target before anything is written, `storage.FileInUse` if a file to replace is
    open in another program, and
    `storage.SaveError` with an adviser-readable message if writing fails; then (as after a
    ctrl+c that stops it) no file of this save remains (a file replaced with `overwrite`
    before the failure stays replaced).
    """
    folder = Path(folder)
    storage.check_folder(folder)  # FolderMissing: the dialog offers to create it
    # The files carry the letter's fixed date and the summary's "Date made", so they are fixed on
    # a copy to render them, and become the session's only once every file is written: a save
    # refused ("replace?" declined) or failed leaves the session as it was, so nothing says a
    # letter was sent, or a summary made, that no file holds.
    fixed = copy.copy(session)
    fix_letter(fixed, today)  # the letter keeps this date and reply-by from now on
    fix_made(fixed, today)  # and the summary this "Date made", however often it is printed
    planned = _planned(fixed, folder, basename, today, redacted=redacted)
    if not overwrite:
        existing = [path for path, _ in planned if storage.exists(path)]
        if existing:
            names = ", ".join(path.name for path in existing)
            raise storage.FileExists(
                errno.EEXIST, f"Already in {folder}: {names}. Replace them, or choose another name."
            )
    created: list[Path] = []
    try:
        for path, data in planned:
            existed = storage.exists(path)
            storage.write_atomic(path, data, overwrite=overwrite)
            if not existed:
                created.append(path)
    except (storage.SaveError, KeyboardInterrupt):  # ctrl+c in plain mode stops a save too
        _remove(created)
        raise
    session.sent_letter, session.kept_date_of = fixed.sent_letter, fixed.kept_date_of
    session.made = fixed.made
    return [path for path, _ in planned]


# --- what will be saved ----------------------------------------------------------------------


def left_out(
    session: Session, redacted: bool = False, *, consent_how: str = "F6 changes this."
) -> list[str]:
    """Which details the saved files will not hold, and why: one sentence each, empty if none.

    For the letter screen and the save dialog to say *before* saving what the preview on screen
    has that the files will not, so nobody finds the names missing after the letter is sent.
    `consent_how` says how the front end asking records the caller's consent.
    """
    fields = session.letter_fields
    named = caller_words(caller_of(session))  # no "child's name" on a young person's own call
    present = [
        words
        for key, words in (
            ("complainant_name", "the caller's name"),
            ("child_name", named.young_person_said),
        )
        if str(fields.get(key, "")).strip()
    ]
    if any(k in session.dates for k in PERSONAL_DATE_KEYS):
        present.append("the date of birth")
    if not present:
        return []
    details = _join(present)
    details = details[:1].upper() + details[1:]
    if not session.case.consent_to_record:
        return [
            f"{details} will be left out of every saved file (summary, letter and record): "
            f"the caller has not agreed to a record being kept. {consent_how}"
        ]
    if redacted:
        return [
            f"{details} will be left out of the summary and the letter: this is a redacted copy. "
            "The record keeps them, as the caller agreed."
        ]
    return []


def saved_letter(session: Session, today: date, *, redacted: bool = False) -> Letter | None:
    """The letter exactly as `save_outputs` would write it: the preview of what will be saved.

    Follows consent and `redacted` like the save, and the date and reply-by a saved letter keeps.
    """
    return _summary(session, today, redacted).letter


def saved_letter_text(session: Session, today: date, *, redacted: bool = False) -> str:
    """`saved_letter` as plain text blocks (what the letter screen previews); "" with no letter."""
    letter = saved_letter(session, today, redacted=redacted)
    return "\n\n".join(letter.blocks()) if letter is not None else ""


#: Said above a letter shown before anything is typed in the form (`letter_preview`).
NOT_SAVED_YET = (
    "(Nothing of the letter is saved until something is typed in the form. It would read:)"
)


def letter_preview(session: Session, today: date) -> tuple[Letter, bool] | None:
    """The letter the letter screen and plain mode show, and whether the save writes it.

    Once something is typed, `saved_letter` (True): exactly what the save writes, consent and a
    fixed date included. Before that, what it would read, without the family's names (False).
    None when no template fits the call.
    """
    saved = saved_letter(session, today)
    if saved is not None:
        return saved, True
    template = choose_template(session)
    if template is None:
        return None
    letter = render_letter(
        template,
        LetterDraft.from_session(session).without_personal(date_of_birth(session)),
        letter_date(session, today),
        session.content,
        caller_of(session),
    )
    return letter, False


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def nothing_to_save(session: Session, *, resumable: bool) -> str | None:
    """Why a save now would write nothing of a call; None when there is something to save.

    With a call waiting in the autosave, ctrl+s on the start screen would otherwise save this
    empty call, not the one the adviser has in mind.
    """
    if session.has_work():
        return None
    text = "Nothing to save yet: this call has no answers, routes, dates or letter."
    if resumable:
        text += " The call in progress is kept in the autosave: resume it (r) first, then save."
    return text


def save_warnings(
    session: Session,
    today: date,
    *,
    consent_key: str = "",
    letter_date_how: str,
) -> list[str]:
    """What the adviser should know before saving: no consent, an unfinished letter, a new date.

    `consent_key` names how to give consent in the front end asking ("(F6)"); `letter_date_how`
    how to keep a changed letter's date ("On the letter screen (F5), press F9").
    """
    from send_tui.model.letter import LetterDraft, about_confirmed, completeness, letter_started
    from send_tui.model.summary import letter_date, letter_dating

    lines: list[str] = []
    if not session.case.consent_to_record:
        lines.append(
            f"No consent to keep a record{consent_key}: names and the date of birth are left out."
        )
    if letter_started(session):
        missing = completeness(
            LetterDraft.from_session(session),
            sent=letter_date(session, today),
            content=session.content,
            about_confirmed=about_confirmed(session),
        )
        if missing:
            lines.append("The letter is not finished:")
            lines += [f"- {line}" for line in missing]
    dating = letter_dating(session, today)
    if dating is not None and dating.changed:
        lines.append(dating.message(letter_date_how))
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


def deadlines_calendar(
    session: Session,
    today: date,
    *,
    reminder_working_days: int,
    clocks: tuple[str, ...] = (),
) -> bytes | None:
    """The call's deadlines as one .ics calendar; None when there is no deadline to put in it.

    The one place the calendar is built, so the app's deadlines screen and plain mode save the
    same file: the timeline's lines on each event, a done step marked done, and a reminder
    `reminder_working_days` working days before (the adviser's `ics_reminder_working_days`),
    counted with the content's closure days. `clocks` keeps only those clocks (a form's own).
    """
    from send_tui.model.deadlines import Deadline
    from send_tui.model.letter import calendars_for
    from send_tui.model.summary import session_deadlines
    from send_tui.model.timeline import build_timeline, calendar_done, calendar_notes
    from send_tui.render.ics import deadlines_to_ics

    found = [
        f
        for f in session_deadlines(session, today)
        if isinstance(f, Deadline) and (not clocks or f.clock in clocks)
    ]
    if not found:
        return None
    timeline = build_timeline(session, today)
    working, _ = calendars_for(session.content)
    return deadlines_to_ics(
        found,
        session.case.reference,
        reminder_working_days=reminder_working_days,
        calendar=working,
        notes=calendar_notes(timeline),
        done=calendar_done(timeline),
    )
