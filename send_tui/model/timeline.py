"""Every running clock of one call on one timeline, earliest first, with what to do if a date passes.

Advisers see a family's routes one at a time elsewhere; here every clock the session's dates allow
(appeal, mediation, complaint reply, exclusion, discrimination claim, EHC timescales) sits in one
list, each saying whether it is a firm legal limit or a target, what starts it, and, for a clock
that waits on someone else, the next step if the date passes with no answer. The model also works
out the warnings an adviser would otherwise have to spot in their head: a date that comes before
the route the plan starts with, an appeal deadline before the complaint reply, a date already gone.

A call moves on: once a step is done (a mediation certificate issued settles the contact with the
mediation adviser, `content.CLOCK_DONE_BY`), its entry says so, at the day it was done, and is no
longer a limit to meet or warn about. Each entry also carries the clock's own notes (the deadline
engine's caveats, such as unconfirmed term dates), once on the timeline however many dates share them.

The dates come from `summary.session_deadlines` (the deadline engine); every sentence about a clock
comes from the content (`[timeline.<clock>]` in route-comparison.toml). No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from send_tui.model.content import CLOCK_DONE_BY, Escalation
from send_tui.model.dates import long_date

if TYPE_CHECKING:
    from send_tui.model.deadlines import Deadline
    from send_tui.model.session import Session
    from send_tui.model.summary import DeadlineProblem


@dataclass(frozen=True, slots=True)
class TimelineWording:
    """The timeline's fixed phrases, once, so the screen and every output word it alike."""

    heading: str = "Timeline: every date, earliest first"
    escalation_heading: str = "If a date passes with no answer"
    warnings_heading: str = "Watch out"
    firm: str = "firm legal limit"
    target: str = "target"
    empty: str = (
        "Nothing on the timeline yet: no date was entered that starts a deadline for this call."
    )
    started_by: str = "Starts from"
    waits_on: str = "Waits on"
    done: str = "done"
    note: str = "Note"

    def done_status(self, day: date) -> str:
        """'done on Wed 13 May 2026': a step settled, where the deadlines would say days left."""
        return f"{self.done} on {long_date(day)}"

    def plan_alert(self, count: int) -> str:
        """The plan's one line about the warnings; the timeline (t) has them in full."""
        things = "1 warning" if count == 1 else f"{count} warnings"
        return f"{self.warnings_heading}: {things} about the dates (a date gone, or one that comes first). Press t for the timeline."


TIMELINE_WORDS = TimelineWording()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One date on the timeline: a clock, or one of the dates of a clock that gives several (EHC)."""

    key: str  # "appeal", or "ehc.assessment_decision" for one of several dates
    clock: str
    title: str
    due: date
    act_by: date | None
    by_5pm: bool
    firm: bool
    started_by: str
    waits_on: str
    escalation: Escalation | None
    if_passed: str
    if_passed_route: str | None
    done_on: date | None = None  # the day the step was done (a certificate issued), else None
    done: str = ""  # what it means that it is done, from the content
    notes: tuple[str, ...] = ()  # the clock's own caveats not already on an earlier entry

    @property
    def when(self) -> date:
        """The day to act by: the earlier safe day where the engine gives one, else the deadline.

        A step that is done sits at the day it was done: nothing is left to act on by its limit.
        """
        return self.done_on or self.act_by or self.due

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def kind(self) -> str:
        if self.is_done:
            return TIMELINE_WORDS.done
        return TIMELINE_WORDS.firm if self.firm else TIMELINE_WORDS.target

    def status(self, today: date) -> str:
        from send_tui.model.deadlines import days_left

        return TIMELINE_WORDS.done if self.is_done else days_left(self.when, today)

    def done_line(self) -> str:
        """'Done on Wed 13 May 2026: The mediation certificate has been issued.', or ''."""
        if self.done_on is None:
            return ""
        status = TIMELINE_WORDS.done_status(self.done_on)
        line = status[:1].upper() + status[1:]  # not str.capitalize: it lowercases "Wed 13 May"
        return f"{line}: {self.done}" if self.done else line

    def date_text(self) -> str:
        """'Tue 12 Jan 2027, by 5pm', or with the earlier safe day first when there is one."""
        if self.done_on is not None:
            return long_date(self.done_on)
        text = long_date(self.due) + (", by 5pm" if self.by_5pm else "")
        if self.act_by is not None:
            text = f"{long_date(self.act_by)} (to be safe; the limit is {text})"
        return text

    def when_text(self) -> str:
        """The day to act by, short: 'Fri 4 Dec 2026', or 'Mon 7 Dec 2026, by 5pm'."""
        late = ", by 5pm" if self.by_5pm and self.act_by is None and not self.is_done else ""
        return long_date(self.when) + late

    def escalation_line(self) -> str:
        """'No reply by Fri 11 Dec 2026: write to the chair of governors, ...', or ''."""
        if self.escalation is None or self.is_done:
            return ""
        return f"{self.escalation.no_answer} by {long_date(self.due)}: {self.escalation.text}"

    @property
    def next_route(self) -> str | None:
        """The route the next step belongs to: the escalation's, or what to do once it has passed."""
        return self.escalation.route if self.escalation else self.if_passed_route


@dataclass(frozen=True, slots=True)
class Timeline:
    """The call's clocks in date order, the clocks that could not be worked out, and the warnings."""

    entries: tuple[TimelineEntry, ...]
    problems: tuple[DeadlineProblem, ...]
    warnings: tuple[str, ...]
    today: date

    def escalations(self) -> tuple[str, ...]:
        return tuple(line for e in self.entries if (line := e.escalation_line()))


def build_timeline(session: Session, today: date) -> Timeline:
    """The timeline of `session` as of `today`, from the dates the adviser entered."""
    from send_tui.model.deadlines import Deadline
    from send_tui.model.summary import session_deadlines

    entries: list[TimelineEntry] = []
    problems: list[DeadlineProblem] = []
    for found in session_deadlines(session, today):
        if isinstance(found, Deadline):
            entries += _entries(session, found, today)
        else:
            problems.append(found)
    entries.sort(key=lambda e: (e.when, e.due, e.key))
    ordered = _notes_once(entries)
    return Timeline(ordered, tuple(problems), _warnings(session, ordered, today), today)


def done_on(session: Session, clock: str, today: date) -> date | None:
    """The day `clock`'s step was done, from the date that settles it, or None while it is not.

    A date that cannot be right settles nothing, so the limit stays in view: a certificate dated
    before its decision (the appeal cannot be counted either) or one not yet issued (after today).
    """
    from send_tui.model.clocks import date_applies
    from send_tui.model.deadlines import certificate_problem

    key = CLOCK_DONE_BY.get(clock)
    day = session.dates.get(key) if key else None
    if key is None or day is None or day > today or not date_applies(session, key):
        return None
    decision = session.dates.get("decision")
    if key == "certificate" and decision is not None and certificate_problem(decision, day):
        return None
    return day


def _notes_once(entries: list[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    """Each clock's note on the first entry that carries it; a done step keeps none."""
    from dataclasses import replace

    seen: set[str] = set()
    kept = []
    for entry in entries:
        notes = () if entry.is_done else tuple(n for n in entry.notes if n not in seen)
        seen.update(notes)
        kept.append(replace(entry, notes=notes) if notes != entry.notes else entry)
    return tuple(kept)


def _entries(session: Session, deadline: Deadline, today: date) -> list[TimelineEntry]:
    from send_tui.model.letter import clean_text

    placed = session.content.clock_timeline.get(deadline.clock)
    dates = [(m.key, f"{deadline.title}: {m.label}", m.due) for m in deadline.dates]
    if not dates:
        dates = [("", deadline.title, deadline.due)]
    finished = done_on(session, deadline.clock, today)
    notes = tuple(dict.fromkeys(clean_text(w).strip() for w in deadline.warnings))
    return [
        TimelineEntry(
            key=f"{deadline.clock}.{milestone}" if milestone else deadline.clock,
            clock=deadline.clock,
            title=title,
            due=due,
            act_by=deadline.act_by if not deadline.dates else None,
            by_5pm=deadline.by_5pm,
            firm=placed.firm if placed else True,
            started_by=placed.started_by_for(deadline.counts_from) if placed else "",
            waits_on=placed.waits_on if placed else "",
            escalation=(
                placed.escalation(session.answers, milestone)
                if placed and placed.waits_on
                else None
            ),
            if_passed=placed.if_passed if placed else "",
            if_passed_route=placed.if_passed_route if placed else None,
            done_on=finished,
            done=placed.done if placed and finished else "",  # the loader requires it
            notes=notes,
        )
        for milestone, title, due in dates
    ]


# --- warnings ----------------------------------------------------------------------------------


def _warnings(session: Session, entries: tuple[TimelineEntry, ...], today: date) -> tuple[str, ...]:
    found: list[str] = []
    pending = [e for e in entries if not e.is_done]
    passed = [e for e in pending if e.when < today]
    for entry in passed:
        found.append(_passed_warning(entry, today))
    running = [e for e in pending if e.when >= today]
    before_reply = _before_reply(running)
    found += [text for _, text in before_reply]
    said = {entry.key for entry, _ in before_reply}
    found += _before_first_route(session, [e for e in running if e.key not in said])
    return tuple(dict.fromkeys(found))


def _passed_warning(entry: TimelineEntry, today: date) -> str:
    text = f"{entry.title}: {entry.date_text()}, {entry.status(today)}."
    then = entry.escalation_line() or entry.if_passed
    return f"{text} {then}" if then else text


def _before_reply(running: list[TimelineEntry]) -> list[tuple[TimelineEntry, str]]:
    """The family's own firm limits that fall before the complaint reply is due."""
    replies = [e for e in running if e.clock == "reply"]
    if not replies:
        return []
    reply = replies[0]
    return [
        (
            entry,
            f"{entry.title} ({entry.when_text()}) falls before the complaint reply is due "
            f"({long_date(reply.due)}): do not wait for the reply, as a complaint does not pause it.",
        )
        for entry in running
        if entry.firm and not entry.waits_on and entry.when < reply.due
    ]


def _before_first_route(session: Session, running: list[TimelineEntry]) -> list[str]:
    """A later route in the plan whose date comes before every date of the route the plan starts with."""
    plan = [entry.route for entry in session.plan()]
    owner: dict[str, str] = {}
    for route in plan:
        for clock in route.clocks:
            owner.setdefault(clock, route.id)
    by_route: dict[str, list[TimelineEntry]] = {}
    for entry in running:
        if entry.clock in owner:
            by_route.setdefault(owner[entry.clock], []).append(entry)
    starts = next((route for route in plan if route.id in by_route), None)
    if starts is None:
        return []
    first_date = min(e.when for e in by_route[starts.id])
    titles = {route.id: route.title for route in plan}
    found = []
    for route_id, dated in by_route.items():
        if route_id == starts.id:
            continue
        earliest = min(dated, key=lambda e: e.when)
        if earliest.when < first_date:
            found.append(
                f"{earliest.title} ({earliest.when_text()}, for {titles[route_id]}) comes before "
                f"the first date of {starts.title}, which the plan puts first "
                f"({long_date(first_date)}): start it now, alongside."
            )
    return found


# --- the timeline as every output prints it ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One date in words: 'Thu 31 Dec 2026', the clock, '30 days left', 'target', what starts it."""

    date: str
    title: str
    status: str
    kind: str
    started_by: str
    done: str = ""  # what it means that the step is done; "" while it is still to do
    notes: tuple[str, ...] = ()

    def line(self) -> str:
        if self.status == TIMELINE_WORDS.done:
            text = f"{self.date}: {self.title} ({TIMELINE_WORDS.done})"
            return f"{text}. {self.done}" if self.done else text
        text = f"{self.date}: {self.title} ({self.status}; {self.kind})"
        more = [f"{TIMELINE_WORDS.started_by}: {self.started_by}"] if self.started_by else []
        more += [f"{TIMELINE_WORDS.note}: {note}" for note in self.notes]
        return f"{text}. {' '.join(more)}" if more else text


@dataclass(frozen=True, slots=True)
class TimelineSection:
    """The summary's timeline: the rows, the next step for each date that waits on someone, warnings."""

    rows: tuple[TimelineRow, ...] = ()
    escalations: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def lines(self) -> tuple[str, ...]:
        return tuple(row.line() for row in self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows or self.warnings)


def timeline_section(timeline: Timeline) -> TimelineSection:
    today = timeline.today
    rows = tuple(
        TimelineRow(e.date_text(), e.title, e.status(today), e.kind, e.started_by, e.done, e.notes)
        for e in timeline.entries
    )
    return TimelineSection(rows, timeline.escalations(), timeline.warnings)


def next_step_node(session: Session, entry: TimelineEntry) -> str | None:
    """The outcome that explains an entry's next step, for the timeline to open with one key.

    The escalation's own node where the content names one; else the outcome the path reached, if
    it recommends that route; else the route's first outcome in the content. None for a step
    that is done (`done_message` says so): its escalation ("no certificate: chase") no longer
    applies, and opening it would send the adviser after a step already taken.
    """
    if entry.is_done:
        return None
    if entry.escalation is not None and entry.escalation.node:
        return entry.escalation.node
    route = entry.next_route
    if route is None:
        return None
    reached = session.outcome()
    if reached is not None and reached.route == route:
        return reached.id
    candidates = [n.id for n in session.content.outcomes() if n.route == route]
    return candidates[0] if candidates else None


def done_message(entry: TimelineEntry) -> str:
    """What Enter on a step that is done says, instead of opening a next step; '' if not done."""
    if not entry.is_done:
        return ""
    return f"{entry.title}: {entry.done_line()} Nothing is left to do for this step."


def calendar_notes(timeline: Timeline) -> dict[tuple[str, str], tuple[str, ...]]:
    """The timeline's lines for each calendar event, by (clock, milestone key or "").

    The clock's notes are not repeated here: the event's description already carries them
    (the deadline's warnings). A step that is done says only that.
    """
    notes: dict[tuple[str, str], tuple[str, ...]] = {}
    for entry in timeline.entries:
        _, _, milestone = entry.key.partition(".")
        if entry.is_done:
            notes[(entry.clock, milestone)] = (entry.done_line(),)
            continue
        lines = [entry.kind.capitalize()]
        if entry.started_by:
            lines.append(f"{TIMELINE_WORDS.started_by}: {entry.started_by}")
        then = entry.escalation_line() or (
            f"If it passes: {entry.if_passed}" if entry.if_passed else ""
        )
        if then:
            lines.append(then)
        notes[(entry.clock, milestone)] = tuple(lines)
    return notes


def calendar_done(timeline: Timeline) -> frozenset[tuple[str, str]]:
    """The calendar events, by (clock, milestone key or ""), whose step is done: no reminder."""
    return frozenset(
        (entry.clock, entry.key.partition(".")[2]) for entry in timeline.entries if entry.is_done
    )
