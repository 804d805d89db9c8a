"""The message shown instead of a traceback names the error and where, and nothing typed."""

from __future__ import annotations

from send_tui.crash import WHAT_WAS_KEPT, crash_message, report_lines


def _fail_with_the_callers_details() -> None:
    child_name = "Amelia Hart"  # a local, as Textual's traceback would print it
    raise ValueError(f"no school found for {child_name}")


def _error() -> ValueError:
    try:
        _fail_with_the_callers_details()
    except ValueError as error:
        return error
    raise AssertionError("the helper did not raise")


def test_the_message_says_what_happened_to_the_call_and_where_the_error_was() -> None:
    message = crash_message(_error())
    assert WHAT_WAS_KEPT in message
    assert "builtins.ValueError" in message
    assert "_fail_with_the_callers_details" in message  # the function, for the bug report
    assert "tests/model/test_crash_message.py:" not in message  # not a send_tui file: its name only
    assert "test_crash_message.py:" in message


def test_nothing_the_adviser_typed_is_in_it_neither_the_errors_text_nor_a_variable() -> None:
    message = crash_message(_error())
    assert "Amelia" not in message
    assert "no school found" not in message
    assert "Traceback" not in message


def test_paths_start_at_the_package_not_the_advisers_own_folder() -> None:
    error = _error()
    frame = error.__traceback__
    assert frame is not None
    # The same lines for a frame in an installed package, from the package folder on.
    code = compile(
        "def boom():\n    raise KeyError(1)\nboom()",
        r"C:\Users\jo.bloggs\AppData\Local\send-tui\Lib\site-packages\send_tui\app.py",
        "exec",
    )
    try:
        exec(code, {})
    except KeyError as raised:
        lines = report_lines(raised)
    assert "  builtins.KeyError" == lines[0]
    assert lines[-1] == "  send_tui/app.py:2 in boom"
    assert not any("jo.bloggs" in line for line in lines)
