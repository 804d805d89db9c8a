"""Plain mode: send-tui as lines of text, for screen readers, braille displays and TERM=dumb.

Nothing in this package imports Textual (a test checks), so a slow desktop does not pay for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from send_tui.model.session import Session


def run_plain(
    content_dir: Path | None = None,
    config_path: Path | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    echo: bool | None = None,
    session: Session | None = None,
) -> int:
    """Run a plain-mode call on `stdin`/`stdout` (the console's by default); the exit code.

    `session`, when given (`send-tui --plain open RECORD.toml`), is the call to carry on.
    """
    from send_tui.plain.console import LineConsole
    from send_tui.plain.shell import PlainShell
    from send_tui.startup import load_startup

    console = LineConsole(stdin, stdout, echo=echo)
    loaded = load_startup(content_dir, config_path, content=session.content if session else None)
    try:
        if loaded.content is None:
            console.warn("send-tui cannot start: the content has problems.")
            console.say(loaded.problems)
            return 1
        shell = PlainShell(
            loaded.content,
            console,
            config=loaded.config,
            config_path=loaded.config_path,
            config_problems=loaded.config_problems,
            session=session,
        )
        return shell.run()
    except BrokenPipeError:  # the reader went away (a pipe into `head`): nothing more to say
        return 0
