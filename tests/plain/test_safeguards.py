"""The full app's safeguards, in plain mode: consent and autosave, resume, new client, idle clear,
quitting at the end of input, settings and content problems, encodings, and no Textual."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from pathlib import Path

from send_tui.cli import _wants_plain, build_parser
from send_tui.model.autosave import FILE_NAME
from send_tui.model.config import Config
from send_tui.plain import run_plain
from send_tui.plain.console import LineConsole, ascii_fallback
from send_tui.plain.shell import PlainShell
from tests.app.helpers import write_settings
from tests.plain.helpers import run_lines
from tests.sessions import shipped

CONSENT = ["details", "", "yes"]


def test_end_of_input_with_consent_keeps_the_autosave_and_says_so(isolated_paths: Path) -> None:
    shell, text = run_lines(["1", "1", *CONSENT])
    assert shell.finished
    assert "it is kept in this computer's autosave, to resume next time" in " ".join(text.split())
    assert (isolated_paths / "data" / FILE_NAME).exists()


def test_end_of_input_without_consent_says_nothing_was_kept(isolated_paths: Path) -> None:
    _shell, text = run_lines(["1", "1"])
    assert "Warning: End of input: quitting." in text and "nothing was autosaved" in text
    assert not (isolated_paths / "data" / FILE_NAME).exists()


def test_an_autosaved_call_is_offered_and_resumed(isolated_paths: Path) -> None:
    first, _ = run_lines(["1", "2", "1", *CONSENT])
    shell, text = run_lines(["r"])
    assert "r. Resume the call in progress (autosaved" in text and "1. Start a new call" in text
    assert "Note: Resumed the call from the autosave." in text
    assert shell.session.answers == first.session.answers
    assert shell.unsaved  # resumed work has not been saved as a summary
    # 1 still starts a new call, and asks before the autosaved call is cleared
    shell, text = run_lines(["1", "yes"])
    assert "The call in this computer's autosave will be cleared" in " ".join(text.split())
    assert not shell.session.answers and not (isolated_paths / "data" / FILE_NAME).exists()


def test_new_clears_the_call_and_the_autosave(isolated_paths: Path) -> None:
    shell, text = run_lines(["1", "1", *CONSENT, "new", "yes"])
    assert "Start with a new client?" in text and "Note: Ready for a new caller." in text
    assert not shell.session.has_work() and shell.session.case.consent_to_record is False
    assert not (isolated_paths / "data" / FILE_NAME).exists()
    shell, text = run_lines(["1", "1", "new", "no"])
    assert shell.session.answers and "Kept." in text


def test_idle_clear_clears_before_acting_on_a_late_line(isolated_paths: Path) -> None:
    # Each prompt reads the clock before and after its line; the third line comes 700 s late.
    ticks = iter([0, 0, 0, 0, 0, 700] + [700] * 50)
    shell, text = run_lines(
        ["1", "1", "2"], config=Config(idle_clear_minutes=5), clock=lambda: next(ticks)
    )
    assert "Note: Nothing was typed for 5 minutes, so the call was cleared" in text
    assert "What was just typed was not used." in text
    assert shell.session.answers == {}
    assert "START" in text.split("idle clear")[-1]


def test_idle_clear_off_keeps_the_call_however_long_the_wait(isolated_paths: Path) -> None:
    ticks = iter(range(0, 10**7, 10**5))
    shell, _ = run_lines(["1", "1", "2"], clock=lambda: next(ticks))
    assert shell.session.answers


def test_an_autosave_problem_is_a_warning_once(
    isolated_paths: Path, monkeypatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SEND_TUI_DATA_DIR", str(blocker / "data"))
    _shell, text = run_lines(["1", *CONSENT, "1", "1"])
    assert text.count("Warning: Autosave: Autosave failed") == 1


def test_the_next_caller_hears_of_a_failing_autosave_too(
    isolated_paths: Path, monkeypatch, tmp_path: Path
) -> None:
    """Walked twice: once per call, not once per run, so the second caller's adviser does not
    believe that call is being kept."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SEND_TUI_DATA_DIR", str(blocker / "data"))
    _shell, text = run_lines(["1", *CONSENT, "1", "1", "new", "yes", "1", *CONSENT, "1"])
    first, _, second = text.partition("Ready for a new caller")
    assert first.count("Warning: Autosave: Autosave failed") == 1
    assert second.count("Warning: Autosave: Autosave failed") == 1
    # And the adviser is not told at the end that this call is kept in the autosave.
    assert "it is kept in this computer's autosave" not in second
    assert "the autosave failed, so it is not kept" in " ".join(second.split())


def test_settings_problems_are_warnings_at_the_start(isolated_paths: Path) -> None:
    config = write_settings(isolated_paths, 'idle_clear_minutes = "soon"\n')
    out = io.StringIO()
    assert run_plain(config_path=config, stdin=io.StringIO(""), stdout=out, echo=True) == 0
    assert "Warning: Settings:" in out.getvalue() and "idle_clear_minutes" in out.getvalue()


def test_broken_content_says_what_is_wrong_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text("this is not toml [", encoding="utf-8")
    out = io.StringIO()
    assert run_plain(content_dir=tmp_path, stdin=io.StringIO(""), stdout=out) == 1
    assert "content has problems" in out.getvalue() and "manifest.toml" in out.getvalue()


def test_a_failed_save_says_why_and_keeps_what_was_typed(
    isolated_paths: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    (tmp_path / "good").mkdir()
    # The folder is missing, so plain mode offers to create it; that fails (a file is in the way).
    lines = [
        "1",
        "4",
        "1",
        "save",
        str(blocker / "inside"),
        "call-42",
        "no",
        "yes",
        "yes",
        str(tmp_path / "good"),
        "",
        "no",
    ]
    shell, text = run_lines(lines)
    assert "Warning: Not saved:" in text
    assert "File name, without extension (now call-42)" in text  # the name typed is kept
    assert (tmp_path / "good" / "call-42.txt").exists()
    assert not shell.unsaved


def test_a_search_result_opens_as_a_look_up_without_touching_the_answers() -> None:
    shell, text = run_lines(["1", "4", "search appeal deadline", "open 1", "back"])
    assert "SEARCH:" in text and "Look-up:" in text
    assert shell.session.answers == {"situation": "complaint"}
    assert shell.view.node_id == "complaint_about" and not shell.view.preview


def test_the_glossary_explains_a_term() -> None:
    _shell, text = run_lines(["glossary senco", "glossary zzzz", "glossary"])
    assert "SENCO: The special educational needs co-ordinator" in text
    assert "No term matches 'zzzz'" in text and "GLOSSARY:" in text


def test_a_console_that_cannot_show_a_symbol_gets_ascii() -> None:
    assert ascii_fallback("\u2019\u2014\u00a3\u00e9\u2192", "ascii") == "'-GBP e->"
    out = io.BytesIO()
    stream = io.TextIOWrapper(out, encoding="cp437", errors="strict")
    console = LineConsole(io.StringIO(""), stream, echo=True)
    console.say("The family\u2019s plan \u2014 first steps \u2026 \u2713")
    stream.flush()
    assert out.getvalue().decode("cp437") == "The family's plan - first steps ... yes\n"
    _shell, text = run_lines(["1", "4", "1"], encoding="ascii")
    text.encode("ascii")  # everything printed is ASCII


def test_plain_mode_never_imports_textual() -> None:
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('1\\n4\\n1\\n')\n"
        "from send_tui.cli import main\n"
        "main(['--plain'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    package = Path(__file__).parents[2] / "send_tui"
    for path in [*(package / "plain").glob("*.py"), package / "startup.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n == "textual" or n.startswith("textual.") for n in names), path


def test_plain_mode_is_chosen_by_the_flag_by_term_dumb_and_by_the_settings(
    isolated_paths: Path, monkeypatch
) -> None:
    parser = build_parser()
    monkeypatch.setenv("TERM", "xterm-256color")
    assert not _wants_plain(parser.parse_args([]))
    assert _wants_plain(parser.parse_args(["--plain"]))
    monkeypatch.setenv("TERM", "dumb")
    assert _wants_plain(parser.parse_args([]))
    monkeypatch.setenv("TERM", "xterm")
    write_settings(isolated_paths, "plain = true\n")
    assert _wants_plain(parser.parse_args([]))
    write_settings(isolated_paths, "plain = false\n")
    assert not _wants_plain(parser.parse_args([]))


def test_a_saved_record_opens_in_plain_mode(isolated_paths: Path, monkeypatch) -> None:
    run_lines(["1", "4", "1", "save", "", "call-1", "no"])
    record = isolated_paths / "saved" / "call-1.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("c\nanswers\n"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    from send_tui.cli import main

    assert main(["--plain", "open", str(record)]) == 0
    text = out.getvalue()
    assert "c. Continue this call" in text and "Step 3: Complain to the school" in text
    assert "Who is the complaint about? Answer: A school" in text


def test_bytes_the_console_cannot_decode_do_not_end_the_call(monkeypatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"1\n\xff\xfe\n4\n"), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    console = LineConsole(None, out, echo=True)  # the console's own input, made forgiving
    from send_tui.plain.shell import PlainShell
    from tests.sessions import shipped

    shell = PlainShell(shipped(), console)
    shell.run()
    assert shell.session.answers == {"situation": "complaint"}
    assert "is not something plain mode knows" in out.getvalue()


def test_a_missing_folder_is_created_owner_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "new" / "calls"
    shell, text = run_lines(["1", "4", "1", "save", str(target), "call-7", "no", "yes"])
    flat = " ".join(text.split())
    assert "does not exist" in flat and "Create it, readable by you only?" in flat
    assert (target / "call-7.txt").exists() and not shell.unsaved
    assert (target.stat().st_mode & 0o777) == 0o700


def test_an_opened_record_never_overwrites_an_earlier_autosave(isolated_paths: Path) -> None:
    from send_tui.model.record import load_record
    from send_tui.plain.shell import PlainShell
    from tests.sessions import shipped

    run_lines(["1", "4", "1", "save", "", "call-1", "no"])
    run_lines(["1", "2", "1", *CONSENT])  # another call waits in the autosave
    autosave = isolated_paths / "data" / FILE_NAME
    before = autosave.read_bytes()
    opened = load_record(isolated_paths / "saved" / "call-1.toml", shipped())
    out = io.StringIO()
    shell = PlainShell(
        shipped(),
        LineConsole(io.StringIO("c\ndetails\n\nyes\nnew\nyes\n"), out, echo=True),
        session=opened,
    )
    shell.run()
    assert "an earlier call is waiting in this computer's autosave" in " ".join(
        out.getvalue().split()
    )
    assert autosave.read_bytes() == before
    assert shell.resumable is not None  # offered again after new


def test_the_folder_saved_into_is_offered_next_time_here_and_in_the_app(
    isolated_paths: Path, tmp_path: Path
) -> None:
    """Walked twice: a call saved into a folder of the adviser's choosing; at the next run's
    save, plain mode offers that folder, as the app's save dialog does (one settings file)."""
    settings = tmp_path / "settings.toml"
    target = tmp_path / "calls"
    target.mkdir()

    def plain(lines: list[str]) -> str:
        out = io.StringIO()
        stdin = io.StringIO("".join(f"{line}\n" for line in lines))
        assert run_plain(config_path=settings, stdin=stdin, stdout=out, echo=True) == 0
        return " ".join(out.getvalue().split())

    plain(["1", "4", "1", "save", str(target), "call-1", "no"])
    assert (target / "call-1.txt").exists()
    text = plain(["1", "4", "1", "save", "", "call-2", "no"])
    assert f"Folder (now {target}):" in text
    assert (target / "call-2.txt").exists()

    from send_tui.model.config import load_config

    assert load_config(settings)[0].last_folder == str(target)


def test_enter_at_the_consent_question_keeps_the_answer_shown() -> None:
    """'Enter keeps the value shown' holds at the consent question too, both ways."""
    shell, text = run_lines(["details", "", ""])
    assert "Type yes or no (Enter keeps no):" in text
    assert "Please type yes or no" not in text and not shell.session.case.consent_to_record
    shell, text = run_lines([*CONSENT, "details", "", ""])
    assert "Type yes or no (Enter keeps yes):" in text
    assert "Please type yes or no" not in text and shell.session.case.consent_to_record


def test_stop_ends_the_save_form_at_any_question_with_nothing_written(
    isolated_paths: Path,
) -> None:
    """Stop backs out of a form everywhere else in plain mode; the save is no different."""
    for at in (["stop"], ["", "stop"], ["", "", "stop"]):
        shell, text = run_lines(["1", "4", "1", "save", *at, "plan"])
        assert "Not saved: stopped. The call is kept as it was." in text
        assert "PLAN:" in text  # back at the main prompt, the call as it was
        assert shell.unsaved
        assert not (isolated_paths / "saved").exists() or not any(
            (isolated_paths / "saved").iterdir()
        )
    # a folder that is missing: stop at "create it?" as well
    shell, text = run_lines(["1", "4", "1", "save", str(isolated_paths / "new"), "", "", "stop"])
    assert "Not saved: stopped." in text and not (isolated_paths / "new").exists()


class _CtrlC(io.StringIO):
    """Typed lines where "^C" is ctrl+c pressed at that prompt."""

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        line = super().readline()
        if line == "^C\n":
            raise KeyboardInterrupt
        return line


def ctrl_c_run(*lines: str) -> tuple[PlainShell, str]:
    stdout = io.StringIO()
    console = LineConsole(_CtrlC("".join(f"{line}\n" for line in lines)), stdout, echo=True)
    shell = PlainShell(shipped(), console)
    assert shell.run() == 0
    return shell, stdout.getvalue()


def test_ctrl_c_asks_before_dropping_the_call_as_quit_does(isolated_paths: Path) -> None:
    """One stray ctrl+c must not lose an unsaved caller: it asks, and no keeps the call."""
    shell, text = ctrl_c_run("1", "4", "^C", "no", "1", "plan")
    assert "This call has not been saved as a summary." in text and "Quit anyway?" in text
    assert "Staying." in text and "PLAN:" in text and shell.session.answers
    shell, text = ctrl_c_run("1", "4", "1", "save", "^C", "yes")  # in a form too
    assert "Quit anyway?" in text and "Goodbye." in text
    # pressed again at the question, it leaves as the end of input does, saying so
    shell, text = ctrl_c_run("1", "4", "^C", "^C")
    assert shell.finished and "Ctrl+C again: quitting." in text
    # with nothing to lose, it simply leaves
    shell, text = ctrl_c_run("^C")
    assert shell.finished and "Goodbye." in text and "Quit anyway?" not in text


def test_stop_ends_the_call_details_with_nothing_changed() -> None:
    """'stop' is how every form is left: never a case reference, nor a change of consent."""
    for at in (["stop"], ["HL-7", "stop"]):
        shell, text = run_lines([*CONSENT, "details", *at])
        assert "Call details not changed." in text
        assert shell.session.case.reference == "" and shell.session.case.consent_to_record
