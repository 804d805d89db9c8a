"""Caller scenarios: known calls, replayed against the content, with what must follow from them.

A council editing the route TOML should hear at once when an edit breaks a caller the project
already got right. A scenario (one TOML file in `content/scenarios/`, format in
docs/scenario-format.md) gives a call as a record would hold it (the answers, the dates, the
letter fields) plus "today", and says what must follow: the outcome, the plan, each deadline's
date, the clocks that must not appear, and text the summary and the letter must and must not
hold. `send-tui check` runs them all.

The call is replayed exactly as the app would hold it: a `Session` answered node by node from the
start, the summary built by `build_summary` and rendered by `render.text`, the deadlines from
`session_deadlines`. So a scenario checks what an adviser would see, not a second opinion of it.

`render_every_path` renders the summary and letter in every format for every path through the
content, so a content edit that makes some output fail is caught even where no scenario goes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from send_tui.model.content import (
    CLOCK_DATE_KEYS,
    CLOCK_IDS,
    Answer,
    Content,
    Node,
    NodeKind,
    local_pack_problem,
)
from send_tui.model.content_errors import ContentError, ContentErrors, did_you_mean, located
from send_tui.model.letter import outcome_notes
from send_tui.model.session import Session
from send_tui.model.toml_file import (
    TomlFileProblem,
    misnamed_problem,
    misnamed_toml_files,
    read_toml_file,
)
from send_tui.model.toml_table import Table, describe

if TYPE_CHECKING:
    from send_tui.model.deadlines import Deadline
    from send_tui.model.summary import DeadlineProblem, Summary

#: The folder of scenarios inside a content root.
FOLDER = "scenarios"

_EXPECT_LISTS = (
    "clocks_absent",
    "outcome_contains",
    "outcome_excludes",
    "summary_contains",
    "summary_excludes",
    "letter_contains",
    "letter_excludes",
)
_FORMATS_HELP = "docs/scenario-format.md, or run `send-tui help scenarios`"


class ScenarioErrors(ContentErrors):
    """Every problem found in the scenario files, each naming the file and the key."""

    def report(self) -> str:
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        return "\n".join(
            [f"The caller scenarios have {count} {noun}:"]
            + [f"- {self.line(e)}" for e in self.errors]
        )

    def line(self, error: ContentError) -> str:
        return located(error)  # a scenario's file is named as it can be opened


class ScenarioError(ValueError):
    """A scenario that cannot be replayed on this content (an answer off the path, say)."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.error = ContentError(file, key, problem)
        super().__init__(str(self.error))


# --- the scenario ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expectations:
    """What must follow from a scenario's call; None or empty means "not checked"."""

    outcome: str | None = None
    plan: tuple[str, ...] | None = None
    deadlines: Mapping[str, date] = field(default_factory=dict)
    clocks_absent: tuple[str, ...] = ()
    outcome_contains: tuple[str, ...] = ()
    outcome_excludes: tuple[str, ...] = ()
    summary_contains: tuple[str, ...] = ()
    summary_excludes: tuple[str, ...] = ()
    letter_contains: tuple[str, ...] = ()
    letter_excludes: tuple[str, ...] = ()

    def count(self) -> int:
        """How many things are expected (a scenario must expect at least one)."""
        found = int(self.outcome is not None) + int(self.plan is not None) + len(self.deadlines)
        return found + sum(len(getattr(self, name)) for name in _EXPECT_LISTS)


@dataclass(frozen=True, slots=True)
class Scenario:
    """One caller's call and what must follow from it, as read from its file."""

    file: str  # the file as reports name it: relative to the working folder where possible
    name: str
    today: date
    answers: tuple[tuple[str, Answer], ...]  # in file order
    local_pack: str = ""  # "" = the content's own pack
    caller: str = ""
    notes: str = ""
    dates: Mapping[str, date] = field(default_factory=dict)
    letter: Mapping[str, str] = field(default_factory=dict)
    plan_add: tuple[str, ...] = ()
    plan_remove: tuple[str, ...] = ()
    expect: Expectations = field(default_factory=Expectations)

    @property
    def where(self) -> str:
        """`file: "name"`, the start of every line reported about this scenario."""
        return f'{self.file}: "{self.name}"'


@dataclass
class ScenarioResult:
    """What replaying a scenario gave, and every expectation it missed (empty: it passed)."""

    scenario: Scenario
    failures: list[str] = field(default_factory=list)
    session: Session | None = None
    summary: Summary | None = None
    summary_text: str = ""
    letter_text: str = ""
    outcome_text: str = ""  # the outcome screen as read to this caller (`outcome_text`)
    #: clock id -> the date shown; "clock.act_by" for an act-by date; "clock.key" for each of
    #: several dates (the EHC timescales: "ehc.final_plan").
    deadlines: dict[str, date] = field(default_factory=dict)
    #: clock id -> why it cannot be worked out (the summary's "Cannot be worked out: ...").
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.failures


# --- loading ---------------------------------------------------------------------------------


def scenario_files(folder: Path) -> list[Path]:
    """The scenario files of a folder, in name order (so reports are stable)."""
    return sorted(p for p in Path(folder).glob("*.toml") if p.is_file())


def load_scenarios(
    folder: Path, content: Content, errors: list[ContentError] | None = None
) -> list[Scenario]:
    """Every scenario in `folder`, each checked against `content` (answers on the path, ids known).

    With an `errors` list, problems are added to it and the good scenarios are still returned
    (so `send-tui check` runs what it can); without one, any problem raises `ScenarioErrors`
    listing them all.
    """
    collected: list[ContentError] = []
    found: list[Scenario] = []
    for path, right in misnamed_toml_files(Path(folder)):
        collected.append(ContentError(shown_path(path), "", misnamed_problem(path.name, right)))
    for path in scenario_files(folder):
        scenario = load_scenario(path, content, collected)
        if scenario is not None:
            found.append(scenario)
    if errors is not None:
        errors += collected
    elif collected:
        raise ScenarioErrors(collected)
    return found


def load_scenario(path: Path, content: Content, errors: list[ContentError]) -> Scenario | None:
    """One scenario file, or None with its problems added to `errors`."""
    file = shown_path(path)
    before = len(errors)
    try:
        data = read_toml_file(Path(path))
    except FileNotFoundError:
        errors.append(ContentError(file, "", "no such file"))
        return None
    except TomlFileProblem as problem:
        errors.append(ContentError(file, "", problem.problem))
        return None
    top = _Strict(data, file, "", errors)
    head = top.table("scenario", required=True)
    answers_table = top.table("answers", required=True)
    dates_table = top.table("dates")
    letter_table = top.table("letter")
    plan_table = top.table("plan")
    expect_table = top.table("expect", required=True)
    top.finish()
    if head is None or answers_table is None or expect_table is None:
        return None
    name = head.text("name") or ""
    today = head.day("today")
    local_pack = head.text("local_pack", required=False) or ""
    caller = head.text("caller", required=False) or ""
    notes = head.text("notes", required=False) or ""
    head.finish()
    pack_before = len(errors)
    pack_content = _content_for(content, local_pack, file, errors)
    answers = _answers(answers_table, pack_content)
    answers_good = len(errors) == pack_before  # the pack loads and every answer is an option
    dates = _dates(dates_table)
    letter = _letter(letter_table)
    plan_add, plan_remove = _plan(plan_table, pack_content)
    expect = _expectations(expect_table, pack_content)
    scenario = Scenario(
        file=file,
        name=name,
        today=today or date.min,
        answers=answers,
        local_pack=local_pack,
        caller=caller,
        notes=notes,
        dates=dates,
        letter=letter,
        plan_add=plan_add,
        plan_remove=plan_remove,
        expect=expect,
    )
    if answers_good:  # walk the path too, so an answer off it is reported with the rest
        try:
            session_from_scenario(scenario, content)
        except ScenarioError as error:
            errors.append(error.error)
    return scenario if len(errors) == before else None


def shown_path(path: Path) -> str:
    """A file as a report names it: relative to the working folder if it is under it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


class _Strict(Table):
    """A `Table` whose unknown keys point to the scenario format, not the content format."""

    def table(self, key: str, required: bool = False) -> _Strict | None:
        value = self._typed(key, required, lambda v: isinstance(v, dict), "a table")
        return None if value is None else _Strict(value, self.file, self.key_path(key), self.errors)

    def finish(self) -> None:
        for key in self.unasked():
            self.error(
                key,
                f"is not a key of a caller scenario{did_you_mean(key, self._seen)}: check the "
                f"spelling (see {_FORMATS_HELP})",
            )


_pack_cache: dict[tuple[Path, str], Content] = {}


def _content_for(
    content: Content, local_pack: str, file: str = "", errors: list[ContentError] | None = None
) -> Content:
    """The content with the scenario's local pack: `content` itself unless it names another."""
    if not local_pack or local_pack == content.local_pack:
        return content
    key = (content.root, local_pack)
    if key not in _pack_cache:
        from send_tui.model.loader import load_content, missing_pack_problem

        try:
            _pack_cache[key] = load_content(content.root, local_pack)
        except ContentErrors as problems:
            first = problems.errors[0] if problems.errors else None
            problem = f"the content with local pack {local_pack!r} does not load ({first})"
            if (
                local_pack_problem(local_pack) is None
                and not (content.root / "local" / local_pack).is_dir()
            ):
                problem = missing_pack_problem(content.root, local_pack)
            if errors is None:
                raise ScenarioError(file, "scenario.local_pack", problem) from None
            errors.append(ContentError(file, "scenario.local_pack", problem))
            return content
    return _pack_cache[key]


def _answers(table: Table, content: Content) -> tuple[tuple[str, Answer], ...]:
    """Each answer checked against its node, as a record's are (one set of rules, in record.py)."""
    from send_tui.model.record import RecordError, _answer, answerable

    found: list[tuple[str, Answer]] = []
    for node_id, value in table.data.items():
        key = table.key_path(node_id)
        if not (
            isinstance(value, str)
            or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            table.error(node_id, f"expected an option id, or a list of them, not {describe(value)}")
            continue
        if node_id not in content.nodes:
            guess = did_you_mean(node_id, answerable(content))
            table.error(
                node_id, f"the content has no question {node_id!r}{guess}: check the node id"
            )
            continue
        try:
            found.append((node_id, _answer(Path(table.file), content, node_id, value)))
        except RecordError as error:
            table.errors.append(ContentError(table.file, key, error.problem))
    return tuple(found)


def _dates(table: Table | None) -> dict[str, date]:
    from send_tui.model.summary import DATE_KEY_NAMES

    known = ", ".join(sorted(DATE_KEY_NAMES))
    return _dated(
        table,
        lambda key: (
            None
            if key in DATE_KEY_NAMES
            else f"is not a date send-tui records{did_you_mean(key, DATE_KEY_NAMES)} "
            f"(one of: {known})"
        ),
    )


def _dated(table: Table | None, problem: Callable[[str], str | None]) -> dict[str, date]:
    """A table of dates whose keys `problem` accepts (it returns None) or says what is wrong with."""
    if table is None:
        return {}
    found: dict[str, date] = {}
    for key in list(table.data):
        wrong = problem(key)
        if wrong is not None:
            table.error(key, wrong)
            continue
        day = table.day(key)
        if day is not None:
            found[key] = day
    return found


def _letter(table: Table | None) -> dict[str, str]:
    from send_tui.model.letter import DRAFT_FIELDS

    if table is None:
        return {}
    found: dict[str, str] = {}
    for key, value in table.data.items():
        if key not in DRAFT_FIELDS:
            table.error(
                key,
                f"is not a letter field{did_you_mean(key, DRAFT_FIELDS)} "
                f"(one of: {', '.join(DRAFT_FIELDS)})",
            )
        elif not isinstance(value, str):
            table.error(key, f"should be text, not {describe(value)}")
        else:
            found[key] = value
    return found


def _plan(table: _Strict | None, content: Content) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if table is None:
        return (), ()
    lists = []
    for key in ("add", "remove"):
        ids = table.idents(key)
        for index, route_id in enumerate(ids):
            if route_id not in content.routes:
                table.error(f"{key}[{index}]", f"the content has no route {route_id!r}")
        lists.append(ids)
    table.finish()
    return lists[0], lists[1]


def _expectations(table: _Strict, content: Content) -> Expectations:
    outcome = table.ident("outcome", required=False)
    if outcome is not None:
        node = content.nodes.get(outcome)
        if node is None or node.kind is not NodeKind.OUTCOME:
            table.error("outcome", f"the content has no outcome node {outcome!r}")
    plan: tuple[str, ...] | None = None
    if table.has("plan"):
        plan = table.idents("plan")
        for index, route_id in enumerate(plan):
            if route_id not in content.routes:
                table.error(f"plan[{index}]", f"the content has no route {route_id!r}")
    lists = {name: table.texts(name) for name in _EXPECT_LISTS}
    for index, clock in enumerate(lists["clocks_absent"]):
        wrong = _not_a_clock(clock)
        if wrong is not None:
            table.error(f"clocks_absent[{index}]", wrong)
    deadlines = _dated(table.table("deadlines"), _not_a_clock)
    table.finish()
    expect = Expectations(outcome=outcome, plan=plan, deadlines=deadlines, **lists)
    if expect.count() == 0:
        table.error(
            None, "expects nothing: add at least one expectation (outcome, plan, deadlines, ...)"
        )
    return expect


def _not_a_clock(key: str) -> str | None:
    clock = key.split(".", 1)[0]
    if clock in CLOCK_IDS:
        return None
    return (
        f"{clock!r} is not a clock{did_you_mean(clock, CLOCK_IDS)} (one of: {', '.join(CLOCK_IDS)})"
    )


# --- replaying -------------------------------------------------------------------------------


def session_from_scenario(scenario: Scenario, content: Content) -> Session:
    """The session the app would hold after this call: answered in file order from the start.

    Information steps the scenario leaves out are read on the way, as an adviser pressing Enter
    would, and so are those after the last answer. Raises `ScenarioError` naming the answer
    that is not on the path the earlier answers make.
    """
    content = _content_for(content, scenario.local_pack, scenario.file)
    session = Session(content)
    nodes = content.nodes
    for node_id, answer in scenario.answers:
        current = _read_info_steps(session, stop_at=node_id)
        # A question with a default ("Who is calling?") is on the path until it is answered.
        defaulted = nodes.get(node_id) is not None and nodes[node_id].default is not None
        if current != node_id and not (defaulted and node_id in session.path()):
            node = nodes[current]
            where = "an outcome" if node.kind is NodeKind.OUTCOME else "the question"
            raise ScenarioError(
                scenario.file,
                f"answers.{node_id}",
                f"not on the path: the answers before it lead to {where} {current!r} "
                f"({node.title!r}); answer that, or remove this answer",
            )
        session.answer(node_id, answer)
    _read_info_steps(session)
    session.dates.update(scenario.dates)
    session.letter_fields.update(scenario.letter)
    for route_id in scenario.plan_add:
        if not session.add_route(route_id):
            raise ScenarioError(scenario.file, "plan.add", f"{route_id!r} is added twice")
    for route_id in scenario.plan_remove:
        if not session.remove_route(route_id):
            raise ScenarioError(
                scenario.file,
                "plan.remove",
                f"{route_id!r} was not added by hand, so it cannot be removed (as in the app)",
            )
    return session


def _read_info_steps(session: Session, stop_at: str | None = None) -> str:
    """Go on past information steps (marking them read) until another kind of node, or `stop_at`."""
    while True:
        current = session.current()
        node = session.content.nodes[current]
        if current == stop_at or node.kind is not NodeKind.INFO:
            return current
        session.mark_read(current)
        if session.current() == current:  # an info step with no way on: nothing more to read
            return current


def run_scenario(scenario: Scenario, content: Content) -> ScenarioResult:
    """Replay the scenario and compare what the adviser would see with what it expects."""
    from send_tui.model.summary import build_summary, session_deadlines
    from send_tui.render.text import render_letter_text, render_text

    result = ScenarioResult(scenario)
    fail = result.failures.append
    try:
        session = session_from_scenario(scenario, content)
    except ScenarioError as error:
        fail(f"{scenario.where}: {error.error.key}: {error.error.message}")
        return result
    today = scenario.today
    result.session = session
    summary = build_summary(session, today)
    result.summary = summary
    result.summary_text = render_text(summary)
    result.letter_text = render_letter_text(summary.letter) if summary.letter else ""
    found = session_deadlines(session, today)
    result.deadlines, result.problems = deadline_dates(found)
    expect = scenario.expect

    def failed(key: str, message: str) -> None:
        fail(f"{scenario.where}: expect.{key}: {message}")

    outcome = session.outcome()
    if expect.outcome is not None and (outcome is None or outcome.id != expect.outcome):
        got = outcome.id if outcome else f"no outcome (the answers stop at {session.current()!r})"
        failed("outcome", f"wanted {expect.outcome}, got {got}")
    plan = [entry.route.id for entry in session.plan()]
    if expect.plan is not None and list(expect.plan) != plan:
        failed("plan", f"wanted {_ids(expect.plan)}, got {_ids(plan)}")
    for key, wanted in expect.deadlines.items():
        got_day = result.deadlines.get(key)
        if got_day == wanted:
            continue
        clock = key.split(".", 1)[0]
        if got_day is not None:
            got = got_day.isoformat()
        elif clock in result.problems:
            got = f"cannot be worked out ({result.problems[clock]})"
        else:
            shown = ", ".join(result.deadlines) or "none"
            got = f"no such deadline (shown: {shown})"
        failed(f"deadlines.{key}", f"wanted {wanted.isoformat()}, got {got}")
    in_play = _clocks_in_play(session, found)
    for clock in expect.clocks_absent:
        if clock in in_play:
            failed("clocks_absent", f"{clock} appears ({in_play[clock]})")
    if outcome is None and expect.outcome_contains:
        failed("outcome_contains", "the answers reach no outcome")
    elif outcome is not None:
        result.outcome_text = outcome_text(session, outcome)
        _texts(
            failed, "outcome", result.outcome_text, expect.outcome_contains, expect.outcome_excludes
        )
    _texts(failed, "summary", result.summary_text, expect.summary_contains, expect.summary_excludes)
    if summary.letter is None and expect.letter_contains:
        failed(
            "letter_contains",
            "there is no letter (no template fits, or no letter field is filled in)",
        )
    else:
        _texts(failed, "letter", result.letter_text, expect.letter_contains, expect.letter_excludes)
    return result


def outcome_text(session: Session, node: Node) -> str:
    """What the outcome screen reads out to this caller: title, caller note, body, next steps."""
    parts = (node.title, *outcome_notes(session, node), node.body, *node.next_steps)
    return "\n\n".join(part for part in parts if part)


def deadline_dates(
    found: tuple[Deadline | DeadlineProblem, ...],
) -> tuple[dict[str, date], dict[str, str]]:
    """The dates a summary shows, by clock id (and "clock.part"), and why any cannot be shown."""
    from send_tui.model.deadlines import Deadline

    days: dict[str, date] = {}
    problems: dict[str, str] = {}
    for item in found:
        if not isinstance(item, Deadline):
            problems.setdefault(item.clock, item.reason)
            continue
        days.setdefault(item.clock, item.due)
        if item.act_by is not None:
            days.setdefault(f"{item.clock}.act_by", item.act_by)
        for milestone in item.dates:
            days.setdefault(f"{item.clock}.{milestone.key}", milestone.due)
    return days, problems


def _clocks_in_play(
    session: Session, found: tuple[Deadline | DeadlineProblem, ...]
) -> dict[str, str]:
    """Every clock the adviser could be shown, and where: the deadlines, the outcome, the plan.

    The outcome and plan part is what the outcome and deadlines screens list (`model.clocks`),
    so a clock the answers rule out (mediation advice for a school-only appeal) is not counted.
    """
    from send_tui.model import clocks

    where: dict[str, str] = {}
    for item in found:
        where.setdefault(item.clock, "in the deadlines of the summary and the .ics")
    outcome = session.outcome()
    if outcome is not None:
        for clock in clocks.node_clocks(session, outcome):
            where.setdefault(clock, f"on the outcome {outcome.id}")
    for entry in session.plan():
        for clock in clocks.keep(session, entry.route.clocks):
            where.setdefault(clock, f"on the plan's route {entry.route.id}")
    return where


def _texts(
    failed: Callable[[str, str], None],
    what: str,
    text: str,
    contains: tuple[str, ...],
    excludes: tuple[str, ...],
) -> None:
    """Phrases the text must and must not hold; line wrapping and repeated spaces do not count."""
    flat = _flat(text)
    for phrase in contains:
        if _flat(phrase) not in flat:
            failed(f"{what}_contains", f"{phrase!r} is not in the {what}")
    for phrase in excludes:
        if _flat(phrase) in flat:
            failed(f"{what}_excludes", f"{phrase!r} is in the {what}")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _ids(ids: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(ids) + "]"


def run_folder(folder: Path, content: Content) -> tuple[list[ScenarioResult], list[ContentError]]:
    """Load and run every scenario in `folder`: the results, and the files that would not load."""
    errors: list[ContentError] = []
    scenarios = load_scenarios(folder, content, errors)
    return [run_scenario(s, content) for s in scenarios], errors


# --- every path through the content ----------------------------------------------------------

#: What the every-path render types into the letter, so a letter is made wherever one fits.
SAMPLE_LETTER: Mapping[str, str] = {
    "complainant_name": "Sample Caller",
    "child_name": "Sample Child",
    "setting": "Sample School",
    "addressee_name": "Sample Addressee",
    "outcome": "A written reply and a meeting.",
    "reply_unit": "working_days",
    "reply_within": "10",
}


def path_session(content: Content, steps: tuple[tuple[str, str | None], ...]) -> Session:
    """The session an adviser makes walking `steps` (from `graph.paths`), before dates and letter."""
    session = Session(content)
    for node_id, option in steps:
        node = content.nodes[node_id]
        if node.kind is NodeKind.OUTCOME:
            break
        if node.kind is NodeKind.INFO:
            session.mark_read(node_id)
        elif node.kind is NodeKind.MULTI:
            session.answer(node_id, (option,) if option else ())
        elif option is not None:
            session.answer(node_id, option)
    return session


def _describe_path(steps: tuple[tuple[str, str | None], ...]) -> str:
    return " > ".join(f"{n}={o}" if o else n for n, o in steps)


def render_every_path(content: Content, today: date) -> tuple[int, list[str]]:
    """Render every path's summary (txt, md, html), letter (.docx, text) and .ics, twice.

    Once as the call stands (no dates, no letter) and once with every date a clock on the path
    counts from and a sample letter. Returns (paths tried, problems), each problem naming the
    path and the format; an exception is caught and reported, never raised.
    """
    from send_tui.model import graph

    problems: list[str] = []
    count = 0
    for steps in graph.paths(content):
        count += 1
        for problem in _render_path(content, steps, today):
            problems.append(f"path {_describe_path(steps)}: {problem}")
    return count, problems


def _render_path(
    content: Content, steps: tuple[tuple[str, str | None], ...], today: date
) -> Iterator[str]:
    try:
        session = path_session(content, steps)
    except Exception as error:  # noqa: BLE001 - reported, with the path, instead of a traceback
        yield f"cannot be walked: {_error(error)}"
        return
    reached = session.current()
    if session.content.nodes[reached].kind is not NodeKind.OUTCOME:
        # The graph's paths follow every branch; a branch that also depends on an earlier answer
        # is not taken on this walk, which stops at a question. An answered step that leads
        # nowhere, though, would leave an adviser stuck.
        if reached in session.answers:
            yield f"the answers stop at {reached!r}, which has no way on for them"
        return
    yield from _render_session(session, today, "as answered")
    in_play = _clocks_in_play(session, ())
    for clock in in_play:
        for key in CLOCK_DATE_KEYS.get(clock, ()):
            session.dates.setdefault(key, today - timedelta(days=7))
    session.letter_fields.update(SAMPLE_LETTER)
    yield from _render_session(session, today, "with dates and a letter")


def _render_session(session: Session, today: date, variant: str) -> Iterator[str]:
    from send_tui.model.deadlines import Deadline
    from send_tui.model.summary import build_summary, session_deadlines
    from send_tui.render import render
    from send_tui.render.ics import deadlines_to_ics
    from send_tui.render.text import render_letter_text

    try:
        summary = build_summary(session, today)
    except Exception as error:  # noqa: BLE001
        yield f"{variant}: the summary cannot be built: {_error(error)}"
        return
    formats = ["txt", "md", "html"] + (["docx", "letter"] if summary.letter else [])
    for fmt in formats:
        try:
            if fmt == "letter" and summary.letter is not None:
                render_letter_text(summary.letter)
            else:
                render(summary, fmt)
        except Exception as error:  # noqa: BLE001
            yield f"{variant}: {fmt} fails to render: {_error(error)}"
    try:
        found = [d for d in session_deadlines(session, today) if isinstance(d, Deadline)]
        if found:
            deadlines_to_ics(found, stamp=datetime(2026, 1, 1))
    except Exception as error:  # noqa: BLE001
        yield f"{variant}: ics fails to render: {_error(error)}"


def _error(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
