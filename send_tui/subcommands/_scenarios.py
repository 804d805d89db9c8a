"""The caller-scenario and every-path part of `send-tui check`, kept apart from the content summary.

Prints one line per scenario, then every failure naming the file, the scenario and the
expectation; then whether every path through the content renders. Returns the exit code.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from send_tui.model.content import Content


def run_scenarios(content: Content, extra: Sequence[Path], out: Console) -> int:
    """Run the shipped scenarios and those in `extra`, then render every path; 0 if all is well."""
    from send_tui.model import dates, scenarios
    from send_tui.model.content_errors import located
    from send_tui.subcommands._common import console

    err = console(stderr=True)
    missing = [
        f"{scenarios.shown_path(folder)}: no such folder of scenarios"
        for folder in extra
        if not folder.is_dir()
    ]
    if missing:
        # Said at once: a mistyped folder should not wait for every path to be rendered first.
        err.print(f"{len(missing)} failed:", markup=False)
        for failure in missing:
            err.print(f"- {failure}", markup=False)
        return 1
    started = time.perf_counter()
    folders = [content.root / scenarios.FOLDER, *extra]
    failures: list[str] = []
    ran = passed = 0
    for index, folder in enumerate(folders):
        shown = scenarios.shown_path(folder)
        if index == 0 and not folder.is_dir():
            continue  # content without scenarios is allowed (a folder asked for was checked)
        results, problems = scenarios.run_folder(folder, content)
        broken = list(dict.fromkeys(problem.file for problem in problems))
        out.print(f"Scenarios in {shown}: {len(results) + len(broken)}", markup=False)
        failures += [located(problem) for problem in problems]
        for file in broken:
            out.print(f"  FAIL  {file}: does not load", markup=False)
        for result in results:
            ran += 1
            if result.passed:
                passed += 1
                out.print(f"  ok    {result.scenario.where}", markup=False)
            else:
                out.print(f"  FAIL  {result.scenario.where}", markup=False)
                failures += result.failures
    count, render_problems = scenarios.render_every_path(content, dates.today())
    failures += render_problems
    elapsed = time.perf_counter() - started
    if render_problems:
        out.print(
            f"Every path rendered: {len(render_problems)} problems in {count} paths", markup=False
        )
    else:
        out.print(
            f"Every path rendered: {count} paths, summary (txt, md, html), letter (docx, text) "
            f"and .ics, all OK ({elapsed:.1f}s with the scenarios)",
            markup=False,
        )
    if failures:
        err.print(f"{len(failures)} failed:", markup=False)
        for failure in failures:
            err.print(f"- {failure}", markup=False)
        return 1
    out.print(f"Scenarios: {passed} of {ran} passed", markup=False)
    return 0
