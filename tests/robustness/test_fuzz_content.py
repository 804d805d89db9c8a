"""Property tests: whatever a content author, a damaged disk or a caller types, nothing crashes.

A council's content author edits TOML by hand; a saved record comes back weeks later, cut short
by a copy or an email; a caller's name can be any Unicode at all. The loaders must answer with
their own errors (`ContentErrors`, each naming a file and, where there is one, a key;
`RecordError`), never a traceback, and the outputs must show user text literally.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from send_tui.model.content_errors import ContentErrors
from send_tui.model.letter import clean_text
from send_tui.model.loader import load_content
from send_tui.model.record import RecordError, dump_record, load_record
from send_tui.model.summary import build_summary
from send_tui.paths import default_content_dir
from send_tui.render import FORMATS, render
from tests.render.test_renderers import shown, squeeze
from tests.robustness.counts import RobustnessCounts
from tests.sessions import TODAY, complaint_session, hostile_session, shipped

SHIPPED = default_content_dir()
CONTENT_FILES = sorted(p.relative_to(SHIPPED).as_posix() for p in SHIPPED.rglob("*.toml"))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the shipped content; each example damages one file and puts it back."""
    root = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(SHIPPED, root)
    return root


def load_damaged(root: Path, relative: str, damaged: bytes) -> None:
    """Load `root` with one file replaced by `damaged`: success or `ContentErrors`, nothing else."""
    path = root / relative
    original = path.read_bytes()
    path.write_bytes(damaged)
    try:
        load_content(root)
        event("loaded")
    except ContentErrors as problems:
        check_located(problems, damaged_file=relative)
        event("refused, with a key" if any(e.key for e in problems.errors) else "refused, whole file")
    finally:
        path.write_bytes(original)


def check_located(problems: ContentErrors, damaged_file: str) -> None:
    """Every error names a file of the content, and a key unless the whole file is the problem."""
    assert problems.errors, "ContentErrors with no errors in it"
    report = problems.report()
    for error in problems.errors:
        assert error.message.strip() and str(error) in report, error
        assert error.file == damaged_file or error.file in CONTENT_FILES or error.file.endswith("/"), error
        if not error.key:
            # a file-level problem: the file cannot be read as TOML at all, or a folder is missing
            assert error.file == damaged_file or error.file.endswith("/"), error


# --- mutated TOML text -------------------------------------------------------------------------


@st.composite
def damaged_text(draw: st.DrawFn) -> tuple[str, bytes]:
    """A shipped file with random edits: characters changed, inserted, deleted, duplicated, cut."""
    relative = draw(st.sampled_from(CONTENT_FILES))
    data = bytearray((SHIPPED / relative).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        span = draw(st.integers(0, 40))
        edit = draw(st.sampled_from(["char", "insert", "delete", "duplicate", "truncate", "bytes"]))
        if edit == "char" and at < len(data):
            data[at : at + 1] = draw(st.characters()).encode("utf-8", "surrogatepass")
        elif edit == "insert":
            data[at:at] = draw(st.sampled_from(['"', "'", "[", "]", "=", "\n", "{", ",", "#", "\\", "[[", "x = 1\n"])).encode()
        elif edit == "delete":
            del data[at : at + span]
        elif edit == "duplicate":
            data[at:at] = data[at : at + span * 4]
        elif edit == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return relative, bytes(data)


@FUZZ
@given(damaged=damaged_text())
def test_mutated_toml_gives_located_content_errors(
    damaged: tuple[str, bytes], content_copy: Path, counts: RobustnessCounts
) -> None:
    counts.add("examples tried")
    load_damaged(content_copy, *damaged)


# --- valid TOML of the wrong shape -------------------------------------------------------------

_SCALARS = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.sampled_from(["situation", "appeal", "to be confirmed", "", "x" * 300]),
)
TOML_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _mutate(document: dict[str, Any], draw: st.DrawFn) -> None:
    """Walk into the document at random, then replace, delete or add something there."""
    node: Any = document
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, dict | list) or not child or draw(st.booleans()):
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                node[key] = draw(TOML_VALUES)
            elif action == "delete":
                del node[key]
            elif isinstance(node, dict):
                node[draw(st.text(min_size=1, max_size=12))] = draw(TOML_VALUES)
            else:
                node.append(draw(TOML_VALUES))
            return
        node = child
    if isinstance(node, dict):
        node[draw(st.text(min_size=1, max_size=12))] = draw(TOML_VALUES)
    else:
        node.append(draw(TOML_VALUES))


@st.composite
def wrong_shape(draw: st.DrawFn) -> tuple[str, bytes]:
    """A shipped file, still valid TOML, with values, tables or keys swapped for random ones."""
    relative = draw(st.sampled_from(CONTENT_FILES))
    document = tomllib.loads((SHIPPED / relative).read_text("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        _mutate(document, draw)
    return relative, tomli_w.dumps(document).encode("utf-8")


@FUZZ
@given(damaged=wrong_shape())
def test_valid_toml_of_the_wrong_shape_gives_located_content_errors(
    damaged: tuple[str, bytes], content_copy: Path, counts: RobustnessCounts
) -> None:
    counts.add("examples tried")
    load_damaged(content_copy, *damaged)


# --- the record loader --------------------------------------------------------------------------

RECORD = dump_record(complaint_session(), saved=dt.datetime(2026, 11, 28, 10, 30))


@st.composite
def damaged_records(draw: st.DrawFn) -> bytes:
    """A record cut short, with a value of the wrong type, random TOML, or random bytes."""
    kind = draw(st.sampled_from(["truncated", "wrong type", "random toml", "random bytes"]))
    if kind == "truncated":
        return RECORD[: draw(st.integers(0, len(RECORD)))]
    if kind == "wrong type":
        document = tomllib.loads(RECORD.decode("utf-8"))
        for _ in range(draw(st.integers(1, 3))):
            _mutate(document, draw)
        return tomli_w.dumps(document).encode("utf-8")
    if kind == "random toml":
        return tomli_w.dumps(draw(st.dictionaries(st.text(min_size=1, max_size=10), TOML_VALUES, max_size=6))).encode()
    return draw(st.binary(max_size=300))


@FUZZ
@given(data=damaged_records())
def test_a_damaged_record_gives_a_record_error_naming_the_file(
    data: bytes, tmp_path_factory: pytest.TempPathFactory, counts: RobustnessCounts
) -> None:
    counts.add("examples tried")
    path = tmp_path_factory.mktemp("record") / "call.toml"
    path.write_bytes(data)
    try:
        session = load_record(path, shipped())
    except RecordError as error:
        assert str(error).startswith(str(path)), error
        event("refused, with a key" if error.key else "refused, whole file")
    else:
        assert session.content is shipped()
        event("opened")


# --- letter fields: any Unicode, very long ------------------------------------------------------

LETTER_TEXT = st.one_of(
    st.text(max_size=200),
    st.text(min_size=1, max_size=12).map(lambda piece: piece * 800),  # ~10,000 characters
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=LETTER_TEXT)
def test_any_letter_text_renders_in_every_format_literally(text: str, counts: RobustnessCounts) -> None:
    counts.add("examples tried")
    summary = build_summary(hostile_session(text), TODAY)
    expected = squeeze(clean_text(text))
    for fmt in FORMATS:
        render(summary, fmt)
        if expected:
            assert expected in squeeze(shown(summary, fmt)), fmt
