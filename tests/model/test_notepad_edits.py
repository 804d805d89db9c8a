"""Content as council staff save it: Notepad's byte-order mark and CRLF are read, a file far too
large is refused, and a syntax error quotes its line with what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from send_tui.model.calendars import TermDatesError, load_term_calendar
from send_tui.model.content_errors import ContentErrors
from send_tui.model.loader import load_content
from send_tui.model.scenarios import load_scenarios
from send_tui.model.toml_file import MAX_TOML_BYTES
from tests.sessions import shipped

FIXTURE = Path(__file__).parent.parent / "fixtures" / "minimal"
SCENARIO = """[scenario]
name = "Saved by Notepad"
today = 2026-12-01

[answers]
situation = "council_decision"
council_decision = "cease_plan"
what_next_decision = "mediation"

[expect]
outcome = "out_mediation"
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    return root


def as_notepad(path: Path) -> None:
    """Save `path` as Notepad may: a byte-order mark first and CRLF line ends."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    return [str(e) for e in caught.value.errors]


def test_content_saved_with_a_byte_order_mark_and_crlf_loads(pack: Path) -> None:
    for path in pack.rglob("*.toml"):
        as_notepad(path)
    assert load_content(pack).nodes


def test_a_scenario_saved_by_notepad_loads(tmp_path: Path) -> None:
    path = tmp_path / "notepad.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    as_notepad(path)
    [scenario] = load_scenarios(tmp_path, shipped())
    assert scenario.name == "Saved by Notepad"


def test_a_term_dates_file_saved_by_notepad_loads(tmp_path: Path) -> None:
    path = tmp_path / "terms.toml"
    path.write_text(
        '[term_dates]\nterms = [{ name = "Autumn", start = 2026-09-01, end = 2026-12-18 }]\n',
        encoding="utf-8",
    )
    as_notepad(path)
    assert load_term_calendar(path).terms[0].name == "Autumn"


def test_a_file_far_too_large_is_refused_naming_it(pack: Path) -> None:
    path = pack / "national" / "flow.toml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# " + "x" * MAX_TOML_BYTES + "\n")
    [problem] = problems(pack)
    assert problem.startswith("national/flow.toml: is larger than 2 MB")


def test_a_syntax_error_quotes_the_line_and_says_what_to_do(pack: Path) -> None:
    path = pack / "national" / "flow.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('kind = "info"', "kind = Info", 1),
        encoding="utf-8",
    )
    as_notepad(path)  # CRLF must not shift the line number or show a stray \r
    [problem] = problems(pack)
    assert problem.startswith("national/flow.toml: TOML syntax error: Invalid value (at line 16")
    assert "line 16 reads: kind = Info." in problem
    assert 'Text goes in double quotes ("like this")' in problem
    assert "\\r" not in problem


def test_an_unclosed_quote_says_to_close_it_on_the_same_line(pack: Path) -> None:
    path = pack / "national" / "flow.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('kind = "info"', 'kind = "info', 1),
        encoding="utf-8",
    )
    [problem] = problems(pack)
    assert '(at line 16, column 13); line 16 reads: kind = "info. Close the quotes' in problem


def test_a_windows_path_in_quotes_says_how_to_write_a_backslash(pack: Path) -> None:
    path = pack / "national" / "flow.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kind = "info"', 'kind = "info"\nnote = "C:\\Users"', 1), "utf-8")
    [problem] = problems(pack)
    assert "Write a backslash as \\\\" in problem


def test_text_saved_in_another_encoding_names_the_line(pack: Path) -> None:
    path = pack / "national" / "flow.toml"
    text = path.read_text(encoding="utf-8").replace('kind = "info"', 'kind = "info" # café', 1)
    path.write_bytes(text.encode("cp1252"))
    [problem] = problems(pack)
    assert problem.startswith("national/flow.toml: is not UTF-8 text")
    assert "on line 16" in problem and "save it as UTF-8" in problem


def test_a_term_dates_file_that_is_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(TermDatesError, match="is a folder"):
        load_term_calendar(tmp_path)


def test_a_content_file_saved_as_toml_txt_is_named_not_ignored(pack: Path) -> None:
    contacts = pack / "local" / "demo" / "contacts.toml"
    contacts.rename(contacts.with_name("contacts.toml.txt"))
    [problem] = problems(pack)
    assert problem.startswith(
        "local/demo/contacts.toml.txt: is not read, because its name ends .txt: rename it to "
        "contacts.toml"
    )


def test_a_content_file_named_in_capitals_is_named(pack: Path) -> None:
    flow = pack / "national" / "clocks.toml"
    flow.rename(flow.with_name("Clocks.TOML"))
    found = problems(pack)
    assert any(
        p.startswith("national/Clocks.TOML: is not read on every computer") for p in found
    ), found


def test_a_scenario_saved_as_toml_txt_is_named(tmp_path: Path) -> None:
    (tmp_path / "notepad.toml.txt").write_text(SCENARIO, encoding="utf-8")
    errors: list = []
    assert load_scenarios(tmp_path, shipped(), errors) == []
    [error] = errors
    assert error.file.endswith("notepad.toml.txt") and "rename it to notepad.toml" in error.message


def test_a_misnamed_file_added_later_is_not_hidden_by_the_cache(pack: Path, tmp_path: Path) -> None:
    from send_tui.model.content_cache import content_key

    before = content_key(pack, None)
    (pack / "local" / "demo" / "more.toml.txt").write_text("[meta]\n", encoding="utf-8")
    assert content_key(pack, None) != before


def test_curly_quotes_from_word_are_named(pack: Path) -> None:
    path = pack / "national" / "flow.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kind = "info"', "kind = \u201cinfo\u201d", 1), "utf-8")
    [problem] = problems(pack)
    assert problem.endswith(
        'The line has curly quotes (pasted from Word or an email): type straight ones, "'
    )


def test_a_date_written_with_slashes_in_a_term_says_how_to_write_it(tmp_path: Path) -> None:
    path = tmp_path / "terms.toml"
    path.write_text(
        '[term_dates]\nterms = [{ name = "Autumn", start = 01/09/2026, end = 2026-12-18 }]\n',
        encoding="utf-8",
    )
    with pytest.raises(TermDatesError) as caught:
        load_term_calendar(path)
    assert "a value in it is not written as the format says (a date as 2026-09-01)" in str(
        caught.value
    )


def test_a_copied_file_says_to_remove_the_copy(pack: Path) -> None:
    contacts = pack / "local" / "demo" / "contacts.toml"
    copy = contacts.with_name("contacts - Copy.toml")
    copy.write_bytes(contacts.read_bytes().replace(b"[term_dates]", b"[unused]"))
    copy.write_text(copy.read_text(encoding="utf-8").split("[unused]")[0], encoding="utf-8")
    found = problems(pack)
    assert any(
        "if one of the two files is a copy of the other, remove the copy" in p for p in found
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("reviewed = 2026-11-31", "That date does not exist: check the day and month"),
        ("reviewed = 28/11/2026", "dates as 2026-09-01 (year, month, day)"),
    ],
)
def test_a_date_mistyped_says_how_to_write_it(pack: Path, written: str, hint: str) -> None:
    path = pack / "local" / "demo" / "contacts.toml"
    text = path.read_text(encoding="utf-8")
    assert "reviewed = 2026-11-02" in text
    path.write_text(text.replace("reviewed = 2026-11-02", written), encoding="utf-8")
    [problem] = problems(pack)
    assert f"line 3 reads: {written}." in problem and hint in problem


def test_a_file_saved_as_notepads_unicode_says_so(pack: Path) -> None:
    path = pack / "national" / "clocks.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    [problem] = problems(pack)
    assert problem == (
        'national/clocks.toml: is saved as UTF-16 (Notepad\'s "Unicode"): save it as UTF-8 '
        "(in Notepad: Save as, Encoding UTF-8)"
    )


def test_a_manifest_saved_as_toml_txt_is_named(pack: Path) -> None:
    (pack / "manifest.toml").rename(pack / "manifest.toml.txt")
    [problem] = problems(pack)
    assert problem.endswith(
        "there is a manifest.toml.txt, which is not read: rename it to manifest.toml"
    )
