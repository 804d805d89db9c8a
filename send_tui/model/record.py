"""The session record: a call saved as TOML, so `send-tui open` can bring it back exactly as it was.

The format is documented in docs/record-format.md and carries a version. Reading is strict: a
record may come back weeks later, after the content changed, or arrive damaged by a copy or an
email, and guessing would put wrong answers in front of an adviser. So anything truncated, not
TOML, of another format or version, too large, or naming what the content does not have is
refused with a `RecordError` that names the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from send_tui.model import storage
from send_tui.model.content import Answer, Content, NodeKind, local_pack_problem
from send_tui.model.content_errors import did_you_mean
from send_tui.model.dates import range_problem, today
from send_tui.model.fields import REFERENCE, clean_field, fit_field, length_problem
from send_tui.model.letter import DRAFT_FIELDS, letter_started, without_names
from send_tui.model.session import CaseDetails, SentLetter, Session
from send_tui.model.summary import (
    DATE_KEY_NAMES,
    PERSONAL_DATE_KEYS,
    date_of_birth,
    letter_fingerprint,
    saved_letter,
)

FORMAT = "send-tui-record"
VERSION = 4
#: Versions this send-tui reads: 1 had no letter dates (its letter is dated the day it was saved);
#: 1 and 2 had no `made` (their summary is taken as made the day the record was saved); 1 to 3
#: had no way to say the saved letter was changed since (it comes back as saved).
READS = (1, 2, 3, 4)
#: Far above any real record (a few kilobytes); anything bigger is not one.
MAX_BYTES = 1024 * 1024

_TOP_KEYS = ("record", "answers", "plan", "letter", "dates", "case")
_RECORD_KEYS = (
    "format",
    "version",
    "saved",
    "content_review",
    "local_pack",
    "letter_date",
    "letter_reply_by",
    "letter_saved_as",
    "letter_date_kept",
    "made",
)
#: A letter fingerprint as `summary.letter_fingerprint` makes it: 16 lower-case hex digits.
_FINGERPRINT = frozenset("0123456789abcdef")
_CASE_KEYS = ("reference", "consent_to_record")
_INFO_ANSWER = "seen"


class RecordError(ValueError):
    """A record that cannot be opened; the message names the file and the key, for the adviser."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path = Path(path)
        self.key = key
        self.problem = problem
        where = f"{self.path}: {key}: " if key else f"{self.path}: "
        super().__init__(where + problem)


# --- writing ---------------------------------------------------------------------------------


def record_document(
    session: Session, *, saved: datetime | None = None, include_personal: bool | None = None
) -> dict[str, Any]:
    """The record as a TOML-ready dict. Personal details are kept only with the caller's consent.

    `include_personal` defaults to `session.case.consent_to_record`: without consent the family's
    names and the date of birth are not written, so they are not on disk at all.
    """
    personal = session.case.consent_to_record if include_personal is None else include_personal
    # Cut and cleaned as at entry, so a record this writes is always one it can read back.
    birth = date_of_birth(session)
    fields = session.letter_fields if personal else without_names(session.letter_fields, birth)
    letter = {key: fit_field(key, value)[0] for key, value in fields.items()}
    dates = {
        key: value
        for key, value in session.dates.items()
        if personal or key not in PERSONAL_DATE_KEYS
    }
    header: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        # On the day send-tui takes as today (SEND_TUI_TODAY in training), at the clock's time:
        # a training call "autosaved Thu 3 Dec" while the letters say 28 Nov would confuse.
        "saved": (saved or datetime.combine(today(), datetime.now().time())).replace(microsecond=0),
        "content_review": session.content.review_date,
        "local_pack": session.content.local_pack,
    }
    if session.made is not None:
        header["made"] = session.made
    saved_as = saved_letter(session)
    if saved_as is not None:
        header["letter_date"] = saved_as.sent.dated
        if saved_as.sent.reply_by is not None:
            header["letter_reply_by"] = saved_as.sent.reply_by
        if saved_as.changed:
            # Only an autosave can get here (a save fixes the letter first): the letter was
            # changed since it was saved, so the resumed call must know it, and what it said.
            header["letter_saved_as"] = saved_as.sent.fingerprint
            if saved_as.kept:
                header["letter_date_kept"] = True
    return {
        # `plan` is a top-level array, so tomli-w writes it before the tables. `case` is last and
        # both its keys are required, so a file cut short anywhere is refused, not half-read.
        "plan": list(session.chosen_routes),
        "record": header,
        "answers": {
            node_id: answer if isinstance(answer, str) else list(answer)
            for node_id, answer in session.answers.items()
        },
        "letter": letter,
        "dates": dates,
        "case": {
            "reference": fit_field(REFERENCE, session.case.reference)[0],
            "consent_to_record": session.case.consent_to_record,
        },
    }


def dump_record(
    session: Session, *, saved: datetime | None = None, include_personal: bool | None = None
) -> bytes:
    """The record file's bytes (UTF-8 TOML)."""
    import tomli_w

    document = record_document(session, saved=saved, include_personal=include_personal)
    return tomli_w.dumps(document).encode("utf-8")


def save_record(
    session: Session,
    path: Path,
    overwrite: bool = False,
    *,
    saved: datetime | None = None,
    include_personal: bool | None = None,
) -> Path:
    """Write the record atomically, owner-only; `storage.FileExists` unless `overwrite`."""
    data = dump_record(session, saved=saved, include_personal=include_personal)
    return storage.write_atomic(Path(path), data, overwrite=overwrite)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A record that is well formed but not yet checked against content."""

    path: Path
    document: Mapping[str, Any]

    @property
    def local_pack(self) -> str:
        """The local pack the call used, so the same local contacts can be loaded."""
        return str(self.document["record"]["local_pack"])


def read_record(path: Path | str) -> RecordFile:
    """Read and check a record's shape: size, encoding, TOML, format, version, tables and types."""
    path = Path(path)
    raw = _read_bytes(path)
    try:
        # utf-8-sig: a record saved again by Notepad starts with a byte-order mark; accept it.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RecordError(path, "", "not a send-tui record: it is not UTF-8 text.") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RecordError(
            path, "", f"not a send-tui record, or it was cut short: it is not valid TOML ({error})."
        ) from None
    _check_shape(path, document)
    return RecordFile(path, document)


def load_record(path: Path | str, content: Content) -> Session:
    """Open a record as a session on `content`; `RecordError` names the file and the key if not."""
    return session_from_record(read_record(path), content)


def session_from_record(record: RecordFile, content: Content) -> Session:
    """Rebuild the session, refusing any node, option, route or letter the content does not have."""
    document, path = record.document, record.path
    session = Session(content)
    session.answers = {
        node_id: _answer(path, content, node_id, value)
        for node_id, value in document["answers"].items()
    }
    for index, route_id in enumerate(document["plan"]):
        if route_id not in content.routes:
            raise RecordError(path, f"plan[{index}]", f"the content has no route {route_id!r}.")
    session.chosen_routes = list(document["plan"])
    template = document["letter"].get("template", "")
    if template and template not in content.letters:
        raise RecordError(
            path, "letter.template", f"the content has no letter template {template!r}."
        )
    # Control characters (a raw ESC) are stripped here, so none reaches the screen or a file.
    session.letter_fields = {
        key: clean_field(key, value) for key, value in document["letter"].items()
    }
    session.dates = dict(document["dates"])
    case = document["case"]
    session.case = CaseDetails(
        reference=clean_field(REFERENCE, case["reference"]),
        consent_to_record=case["consent_to_record"],
    )
    header = document["record"]
    # The day the summary was first made; versions 1 and 2 kept only the day of the last save.
    session.made = header["saved"].date() if header["version"] < 3 else header.get("made")
    if header["version"] == 1:
        # Version 1 kept no letter date: the letter was made on the day it was saved.
        dated: date | None = header["saved"].date()
    else:
        dated = header.get("letter_date")
    if dated is not None and letter_started(session):
        # Without `letter_saved_as` the letter is as it was saved (every save, and version 1 to
        # 3); with it, the letter was changed since, and the fingerprint is of the saved one.
        fingerprint = header.get("letter_saved_as") or letter_fingerprint(session)
        session.sent_letter = SentLetter(dated, header.get("letter_reply_by"), fingerprint)
        if header.get("letter_date_kept"):
            session.kept_date_of = session.sent_letter
    return session


def _read_bytes(path: Path) -> bytes:
    try:
        raw = storage.read_regular_file(path, MAX_BYTES + 1)
    except storage.NotARegularFile:
        raise RecordError(
            path, "", "not a regular file (a pipe, device or socket), so not a record."
        ) from None
    except FileNotFoundError:
        raise RecordError(path, "", "no such file.") from None
    except IsADirectoryError:
        raise RecordError(path, "", "is a folder, not a record file.") from None
    except OSError as error:
        raise RecordError(path, "", f"cannot be read ({error.strerror or error}).") from None
    if len(raw) > MAX_BYTES:
        raise RecordError(
            path, "", f"too large to be a send-tui record (over {MAX_BYTES // 1024} KB)."
        )
    if not raw.strip():
        raise RecordError(path, "", "the file is empty.")
    return raw


def _check_shape(path: Path, document: dict[str, Any]) -> None:
    """Every table present with the right types, in the order the writer puts them."""
    _no_unknown(path, "", document, _TOP_KEYS)
    record = _table(path, document, "record")
    if record.get("format") != FORMAT:
        raise RecordError(
            path, "record.format", f"expected {FORMAT!r}: this is not a send-tui record."
        )
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordError(path, "record.version", "missing, or not a whole number.")
    if version > VERSION:
        raise RecordError(
            path,
            "record.version",
            f"version {version} was written by a newer send-tui (this one reads version {VERSION}): update send-tui.",
        )
    if version not in READS:
        raise RecordError(
            path,
            "record.version",
            f"version {version} is not one this send-tui reads ({', '.join(map(str, READS))}).",
        )
    _no_unknown(path, "record", record, _RECORD_KEYS)
    _typed(path, record, "record", "saved", datetime, "a date and time")
    _in_range(path, "record.saved", record["saved"].date())
    _typed(path, record, "record", "content_review", date, "a date")
    _typed(path, record, "record", "local_pack", str, "text")
    pack_problem = local_pack_problem(record["local_pack"])
    if pack_problem:
        raise RecordError(path, "record.local_pack", pack_problem)
    for key, since in (("letter_date", 2), ("letter_reply_by", 2), ("made", 3)):
        if key in record:
            if version < since:
                raise RecordError(
                    path, f"record.{key}", f"not a key of a version {version} record."
                )
            _typed(path, record, "record", key, date, "a date such as 2026-03-10")
            _in_range(path, f"record.{key}", record[key])
    _check_letter_changed(path, record, version)
    plan = document.get("plan")
    if not isinstance(plan, list) or not all(isinstance(r, str) for r in plan):
        raise RecordError(
            path, "plan", "missing, or not a list of route ids (the file may be cut short)."
        )
    answers = _table(path, document, "answers")
    for node_id, value in answers.items():
        if not (
            isinstance(value, str)
            or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            raise RecordError(
                path, f"answers.{node_id}", "expected an option id, or a list of them."
            )
    letter = _table(path, document, "letter")
    _no_unknown(path, "letter", letter, DRAFT_FIELDS)
    for key, value in letter.items():
        if not isinstance(value, str):
            raise RecordError(path, f"letter.{key}", "expected text.")
        _fits(path, f"letter.{key}", key, value)
    dates = _table(path, document, "dates")
    _no_unknown(path, "dates", dates, tuple(sorted(DATE_KEY_NAMES)))
    for key in dates:
        _typed(path, dates, "dates", key, date, "a date such as 2026-03-10")
        _in_range(path, f"dates.{key}", dates[key])
    case = _table(path, document, "case")
    _no_unknown(path, "case", case, _CASE_KEYS)
    _typed(path, case, "case", "reference", str, "text")
    _fits(path, "case.reference", REFERENCE, case["reference"])
    _typed(path, case, "case", "consent_to_record", bool, "true or false")


def _check_letter_changed(path: Path, record: Mapping[str, Any], version: int) -> None:
    """`letter_saved_as` and `letter_date_kept`: a version 4 autosave's letter changed since."""
    for key in ("letter_saved_as", "letter_date_kept"):
        if key in record and version < 4:
            raise RecordError(path, f"record.{key}", f"not a key of a version {version} record.")
    if "letter_saved_as" in record:
        if "letter_date" not in record:
            raise RecordError(path, "record.letter_saved_as", "only comes with record.letter_date.")
        value = record["letter_saved_as"]
        if not (isinstance(value, str) and len(value) == 16 and set(value) <= _FINGERPRINT):
            raise RecordError(
                path, "record.letter_saved_as", "expected 16 hex digits, as send-tui writes it."
            )
    if "letter_date_kept" in record:
        _typed(path, record, "record", "letter_date_kept", bool, "true or false")
        if "letter_saved_as" not in record:
            raise RecordError(
                path, "record.letter_date_kept", "only comes with record.letter_saved_as."
            )


def _table(path: Path, document: Mapping[str, Any], key: str) -> dict[str, Any]:
    table = document.get(key)
    if table is None:
        raise RecordError(path, key, f"the [{key}] table is missing (the file may be cut short).")
    if not isinstance(table, dict):
        raise RecordError(path, key, "expected a table.")
    return table


def _no_unknown(path: Path, prefix: str, table: Mapping[str, Any], known: tuple[str, ...]) -> None:
    for key in table:
        if key not in known:
            where = f"{prefix}.{key}" if prefix else key
            raise RecordError(
                path, where, f"not a key of a send-tui record (expected one of {', '.join(known)})."
            )


def _typed(
    path: Path, table: Mapping[str, Any], prefix: str, key: str, kind: type, words: str
) -> None:
    value = table.get(key)
    if value is None:
        raise RecordError(
            path, f"{prefix}.{key}", f"missing (the file may be cut short); expected {words}."
        )
    wrong = not isinstance(value, kind)
    if kind is date and isinstance(value, datetime):
        wrong = True  # a datetime is a date in Python, but not what the record holds
    if kind is int and isinstance(value, bool):
        wrong = True
    if wrong:
        raise RecordError(path, f"{prefix}.{key}", f"expected {words}, got {value!r}.")


def _fits(path: Path, key: str, field_name: str, text: str) -> None:
    """The same length limits as the form, so what the app writes it reads, and nothing more."""
    problem = length_problem(field_name, text)
    if problem:
        raise RecordError(path, key, problem)


def _in_range(path: Path, key: str, day: date) -> None:
    """A date a deadline may be counted from must be one send-tui can count from (no year 9999)."""
    problem = range_problem(day)
    if problem:
        raise RecordError(path, key, problem)


def answerable(content: Content) -> list[str]:
    """The ids of the nodes an answer can be given to: every step but the outcomes."""
    return [n.id for n in content.nodes.values() if n.kind is not NodeKind.OUTCOME]


def _answer(path: Path, content: Content, node_id: str, value: str | list[str]) -> Answer:
    """One stored answer, checked against the node the content has now."""
    key = f"answers.{node_id}"
    node = content.nodes.get(node_id)
    if node is None:
        raise RecordError(
            path,
            key,
            f"the content has no question {node_id!r}{did_you_mean(node_id, answerable(content))}; "
            "it may have changed since the record was saved.",
        )
    if node.kind is NodeKind.OUTCOME:
        raise RecordError(path, key, f"{node_id!r} is an outcome, which has no answer.")
    if node.kind is NodeKind.INFO:
        if value != _INFO_ANSWER:
            raise RecordError(
                path, key, f"an information step's answer is {_INFO_ANSWER!r}, not {value!r}."
            )
        return _INFO_ANSWER
    chosen = [value] if isinstance(value, str) else value
    if node.kind is NodeKind.QUESTION and not isinstance(value, str):
        raise RecordError(path, key, f"{node_id!r} takes one option id, not a list.")
    if node.kind is NodeKind.MULTI and isinstance(value, str):
        raise RecordError(path, key, f"{node_id!r} takes a list of option ids.")
    for option_id in chosen:
        if node.option(option_id) is None:
            options = ", ".join(o.id for o in node.options)
            guess = did_you_mean(option_id, (o.id for o in node.options))
            raise RecordError(
                path, key, f"{node_id!r} has no option {option_id!r}{guess} (it has: {options})."
            )
    return value if isinstance(value, str) else tuple(value)
