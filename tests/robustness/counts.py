"""Counts for the robustness suite, printed at the end of the run so they can be quoted.

"Fuzzed with N examples, N keys, N faults" is evidence only if the numbers come from the run
itself, so every test adds to one session-wide tally and the terminal summary prints it. Under
pytest-xdist each worker sends its tally to the controller, which adds them up and prints the sum.
A plugin (registered in tests/conftest.py), so the controller, which collects nothing, has the hooks.
"""

from __future__ import annotations

from collections import Counter

import pytest

#: What the suite counts, in the order the summary prints them.
COUNTED = ("examples tried", "keys pressed", "faults injected")

_COUNTS = pytest.StashKey[Counter[str]]()


class RobustnessCounts:
    """The session's tally; tests call `add` as they try an example, press keys or inject a fault."""

    def __init__(self, counts: Counter[str]) -> None:
        self._counts = counts

    def add(self, what: str, number: int = 1) -> None:
        assert what in COUNTED, f"count one of {COUNTED}"
        self._counts[what] += number


def _tally(config: pytest.Config) -> Counter[str]:
    return config.stash.setdefault(_COUNTS, Counter())


@pytest.fixture(scope="session")
def counts(pytestconfig: pytest.Config) -> RobustnessCounts:
    return RobustnessCounts(_tally(pytestconfig))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On an xdist worker: hand the tally to the controller."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["robustness_counts"] = dict(_tally(session.config))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """On the xdist controller: add a finished worker's tally to the session's."""
    config: pytest.Config = node.config  # type: ignore[attr-defined]
    _tally(config).update(node.workeroutput.get("robustness_counts", {}))  # type: ignore[attr-defined]


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    tally = _tally(config)
    if not tally:
        return
    terminalreporter.section("robustness counts")
    for what in COUNTED:
        terminalreporter.write_line(f"{what}: {tally[what]:,}")
