"""One caller's session: the answers given, the path they make, and the plan of routes.

State lives here, not in widgets, so the wizard, the summary, the autosave and the saved record
all read the same thing. Screens send small commands (`answer`, `add_route`) and redraw.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from send_tui.model.content import Answer, Content, Node, NodeKind, Route


@dataclass(frozen=True, slots=True)
class DroppedAnswer:
    """An answer that no longer applies after an earlier answer changed."""

    node_id: str
    question: str
    answer: str  # the option labels, joined


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """A route in the plan, why it is there, and what must come before it."""

    route: Route
    reason: str  # "recommended", "chosen", "needed first"
    first: tuple[str, ...] = ()  # notes on what must come first


@dataclass(frozen=True, slots=True)
class SentLetter:
    """The letter as it was saved: its date and reply-by date, fixed so a later render agrees.

    `fingerprint` is what the letter said when it was fixed (`summary.letter_fingerprint`): once
    the adviser changes the letter it is a new letter, dated the day it is made.
    """

    dated: date
    reply_by: date | None
    fingerprint: str


#: What consent means, in the words the call-details dialog and plain mode both show.
CONSENT_HELP = (
    "With the caller's agreement, the call is autosaved on this computer and saved files include "
    "names. Without it, nothing personal is written to disk and autosave is off."
)


def dropped_message(dropped: list[DroppedAnswer]) -> str:
    """The message for answers a change removed, one "- question: answer" line each."""
    listing = "\n".join(f"- {d.question}: {d.answer}" for d in dropped)
    return f"These answers no longer apply and were removed:\n{listing}"


def toggle_choice(node: Node, selected: set[str], option_id: str) -> set[str]:
    """The ticks on a multi-choice step after ticking or unticking `option_id`.

    An exclusive option ("not sure") clears the others, and ticking another clears it.
    """
    option = node.option(option_id)
    if option is None:
        return set(selected)
    if option_id in selected:
        return set(selected) - {option_id}
    if option.exclusive:
        return {option_id}
    exclusive = {o.id for o in node.options if o.exclusive}
    return (set(selected) - exclusive) | {option_id}


@dataclass
class CaseDetails:
    """What the adviser records about the call itself (never required)."""

    reference: str = ""
    consent_to_record: bool = False


@dataclass
class Session:
    """The state of one call; plain data, no Textual."""

    content: Content
    answers: dict[str, Answer] = field(default_factory=dict)
    chosen_routes: list[str] = field(default_factory=list)
    letter_fields: dict[str, str] = field(default_factory=dict)
    dates: dict[str, date] = field(default_factory=dict)
    case: CaseDetails = field(default_factory=CaseDetails)
    sent_letter: SentLetter | None = None  # set when the letter is saved (`summary.fix_letter`)
    # The saved letter whose date a changed letter keeps, as a correction (F9,
    # `summary.toggle_letter_date`). It counts only while it is still `sent_letter`, and the next
    # save clears it (`summary.fix_letter`), so the choice never outlives the letter it was for.
    # Never in `dates`: that would date every later letter the same day.
    kept_date_of: SentLetter | None = None
    # The day the call's summary was first made (its first save, or the reopened record's), so a
    # copy printed later does not pass the printing day off as it (`summary.fix_made`).
    made: date | None = None
    revision: int = 0  # bumped on every change, for autosave and "unsaved work"

    # -- the path --------------------------------------------------------------------------

    def next_node(self, node: Node, answer: Answer | None) -> str | None:
        """Where `answer` at `node` leads, given every answer so far (branches are data)."""
        if node.kind is NodeKind.OUTCOME:
            return None
        if node.kind is NodeKind.QUESTION:
            if not isinstance(answer, str):
                return None
            option = node.option(answer)
            return option.next if option else None
        if node.kind is NodeKind.MULTI and answer is None:
            return None
        given: Mapping[str, Answer] = self.answers
        if answer is not None:
            given = {**self.answers, node.id: answer}
        for branch in node.branches:
            if branch.when.holds(given):
                return branch.to
        return node.next

    def path(self) -> list[str]:
        """The nodes walked from the start, following the answers, up to the first unanswered one.

        Info steps count as read once the adviser has gone past them (their answer is "seen").
        A question with a default ("Who is calling?") is walked past with its default until
        it is answered, so a new call opens on the next question and older records still open.
        """
        nodes = self.content.nodes
        current: str | None = self.content.start
        walked: list[str] = []
        while current is not None and current in nodes and current not in walked:
            walked.append(current)
            node = nodes[current]
            answer = self.answers.get(current, node.default)
            if answer is None:
                break
            current = self.next_node(node, answer)
        return walked

    def step_number(self, node_id: str) -> int:
        """Where `node_id` stands on the path, counting from 1, for the step shown on screen
        and in plain mode, whatever has been answered after it.

        A question with a default that nobody has answered ("Who is calling?") is walked past,
        so it is not counted, except while it is the step shown: then it is the step it
        stands at, not a number after the question that follows it. A node off the path
        (a look-up) gets the number after the last.
        """
        nodes = self.content.nodes
        counted = [
            n for n in self.path() if n == node_id or n in self.answers or nodes[n].default is None
        ]
        return counted.index(node_id) + 1 if node_id in counted else len(counted)

    def current(self) -> str:
        """The node the adviser is at: the end of the path."""
        return self.path()[-1]

    def outcome(self) -> Node | None:
        node = self.content.nodes[self.current()]
        return node if node.kind is NodeKind.OUTCOME else None

    def trail(self) -> list[tuple[Node, str]]:
        """(node, answer in words) for every answered node on the path: the "your answers" list."""
        nodes = self.content.nodes
        return [
            (nodes[node_id], self.answer_text(node_id))
            for node_id in self.path()
            if node_id in self.answers and nodes[node_id].kind is not NodeKind.INFO
        ]

    def answer_text(self, node_id: str) -> str:
        node = self.content.nodes[node_id]
        answer = self.answers.get(node_id)
        if answer is None:
            return ""
        chosen = (answer,) if isinstance(answer, str) else answer
        labels = [o.label for o in node.options if o.id in chosen]
        return "; ".join(labels) if labels else "Read"

    # -- answering -------------------------------------------------------------------------

    def answer(self, node_id: str, answer: Answer) -> list[DroppedAnswer]:
        """Record an answer; drop, and return, the later answers that no longer apply.

        Later answers are kept while their node is still on the new path or can still be
        reached from where the new path stops, so nobody re-answers what still holds.
        """
        node = self.content.nodes[node_id]
        answer = self._normalise(node, answer)
        if self.answers.get(node_id) == answer:
            return []
        before = {k: self.answer_text(k) for k in self.answers}
        self.answers[node_id] = answer
        still = self._still_applicable()
        dropped = [
            DroppedAnswer(k, self.content.nodes[k].title, before[k])
            for k in list(self.answers)
            if k not in still
        ]
        for item in dropped:
            del self.answers[item.node_id]
        self.revision += 1
        return [d for d in dropped if self.content.nodes[d.node_id].kind is not NodeKind.INFO]

    def mark_read(self, node_id: str) -> None:
        """An information step has been read and the adviser went on."""
        self.answer(node_id, "seen")

    def forget_from(self, node_id: str) -> None:
        """Clear the answer at `node_id` (the adviser wants to answer it afresh)."""
        if self.answers.pop(node_id, None) is not None:
            self.revision += 1

    def _normalise(self, node: Node, answer: Answer) -> Answer:
        if node.kind is NodeKind.INFO:
            return "seen"
        if node.kind is NodeKind.MULTI:
            chosen = (answer,) if isinstance(answer, str) else tuple(answer)
            valid = tuple(o.id for o in node.options if o.id in chosen)
            exclusive = [o.id for o in node.options if o.exclusive and o.id in valid]
            return (exclusive[0],) if exclusive else valid
        if not isinstance(answer, str) or node.option(answer) is None:
            raise ValueError(f"{answer!r} is not an option of {node.id!r}")
        return answer

    def _still_applicable(self) -> set[str]:
        walked = self.path()
        keep = set(walked)
        queue = deque([walked[-1]])
        while queue:
            for target in self.content.nodes[queue.popleft()].targets():
                if target not in keep and target in self.content.nodes:
                    keep.add(target)
                    queue.append(target)
        return keep

    # -- the plan --------------------------------------------------------------------------

    def add_route(self, route_id: str) -> bool:
        if route_id not in self.content.routes or route_id in self.chosen_routes:
            return False
        self.chosen_routes.append(route_id)
        self.revision += 1
        return True

    def remove_route(self, route_id: str) -> bool:
        if route_id not in self.chosen_routes:
            return False
        self.chosen_routes.remove(route_id)
        self.revision += 1
        return True

    def _routes_from_answers(self) -> list[str]:
        """The outcome's route, and routes chosen on a multi-choice step on the path."""
        found: list[str] = []
        nodes = self.content.nodes
        for node_id in self.path():
            node = nodes[node_id]
            answer = self.answers.get(node_id)
            if node.kind is NodeKind.MULTI and isinstance(answer, tuple):
                found += [o.route for o in node.options if o.id in answer and o.route]
            if node.kind is NodeKind.OUTCOME and node.route:
                found.append(node.route)
        return found

    def plan(self) -> list[PlanEntry]:
        """The routes to follow, in a sensible order, with what must come first.

        A prerequisite (such as mediation advice before an appeal) joins the plan unless its
        condition says it is not needed (an appeal only about the school named).
        """
        routes = self.content.routes
        reasons: dict[str, str] = {}
        for route_id in self._routes_from_answers():
            reasons.setdefault(route_id, "recommended")
        for route_id in self.chosen_routes:
            reasons.setdefault(route_id, "chosen")
        firsts: dict[str, list[str]] = {}
        queue = deque(reasons)
        while queue:
            route = routes[queue.popleft()]
            for need in route.before:
                if need.unless is not None and need.unless.holds(self.answers):
                    continue
                firsts.setdefault(route.id, []).append(need.note)
                if need.route not in reasons:
                    reasons[need.route] = "needed first"
                    queue.append(need.route)
        ordered = sorted(
            (routes[r] for r in reasons if routes[r].plannable),
            key=lambda r: (r.order, r.title),
        )
        return [PlanEntry(r, reasons[r.id], tuple(firsts.get(r.id, ()))) for r in ordered]

    def addable_routes(self) -> list[Route]:
        """Routes the adviser may add by hand: every plannable route not yet in the plan."""
        in_plan = {entry.route.id for entry in self.plan()}
        return [
            r
            for r in sorted(self.content.routes.values(), key=lambda r: r.order)
            if r.plannable and r.id not in in_plan
        ]

    def node_contacts(self, node: Node) -> tuple[str, ...]:
        """The contacts an outcome shows: its own, then its route's, without repeats."""
        return self._node_ids(node, "contacts")

    def node_refs(self, node: Node) -> tuple[str, ...]:
        """The references an outcome shows: its own, then its route's, without repeats."""
        return self._node_ids(node, "refs")

    def _node_ids(self, node: Node, kind: str) -> tuple[str, ...]:
        route = self.content.routes.get(node.route or "")
        return tuple(
            dict.fromkeys([*getattr(node, kind), *(getattr(route, kind) if route else ())])
        )

    def offered_routes(self, node: Node, *, preview: bool = False) -> list[Route]:
        """The plannable routes an outcome offers to add with one key.

        On the call, the outcome's suggestions not yet in the plan; opened as a look-up, the
        outcome's own route and suggestions not yet in the plan.
        """
        if not preview:
            return [r for r in self.suggested_routes() if r.plannable]
        in_plan = {e.route.id for e in self.plan()}
        ids = [r for r in (node.route, *node.also_routes) if r and r not in in_plan]
        return [self.content.routes[r] for r in ids if self.content.routes[r].plannable]

    def suggested_routes(self) -> list[Route]:
        """Routes the outcome suggests that are not yet in the plan, for one-key adding."""
        outcome = self.outcome()
        if outcome is None:
            return []
        in_plan = {entry.route.id for entry in self.plan()}
        return [self.content.routes[r] for r in outcome.also_routes if r not in in_plan]

    # -- what the adviser types -------------------------------------------------------------

    def set_letter_fields(self, fields: Mapping[str, str]) -> list[str]:
        """Store letter fields as the form typed them: control characters out, cut to each limit.

        Returns a message for each field that had to be cut (the form shows them); the
        revision is bumped only if something changed.
        """
        from send_tui.model.fields import fit_field

        messages: list[str] = []
        changed = False
        for name, text in fields.items():
            value, problem = fit_field(name, text)
            if problem:
                messages.append(problem)
            if self.letter_fields.get(name) != value:
                self.letter_fields[name] = value
                changed = True
        if changed:
            self.revision += 1
        return messages

    def set_case(self, reference: str, consent_to_record: bool) -> list[str]:
        """Store the call details; the reference cleaned and cut like every typed field."""
        from send_tui.model.fields import REFERENCE, fit_field

        value, problem = fit_field(REFERENCE, reference)
        case = CaseDetails(reference=value, consent_to_record=consent_to_record)
        if case != self.case:
            self.case = case
            self.revision += 1
        return [problem] if problem else []

    def set_date(self, key: str, day: date | None) -> None:
        """Store (or, with None, forget) a date; one outside 1990-2100 is a `DateFormatError`."""
        from send_tui.model.dates import DateFormatError, range_problem

        if day is None:
            if self.dates.pop(key, None) is not None:
                self.revision += 1
            return
        problem = range_problem(day)
        if problem:
            raise DateFormatError(problem)
        if self.dates.get(key) != day:
            self.dates[key] = day
            self.revision += 1

    # -- the whole call --------------------------------------------------------------------

    def has_work(self) -> bool:
        """Is there anything a new client or quitting would throw away?

        Of the letter, what was typed: the choices the letter form fills in as it opens (the
        template, the addressee's role, the reply unit) are not work, or a letter looked up from
        the start screen and closed would count as a call to keep, autosave and resume.
        """
        from send_tui.model.letter import letter_started

        return bool(self.answers or self.chosen_routes or letter_started(self) or self.dates)

    def clear(self, *, keep_case: bool = False) -> None:
        """Forget everything about this caller (new client).

        `keep_case` keeps the call details: typed before the new call has begun (F6 on the
        start screen), they are the next caller's, not the call being cleared.
        """
        self.answers.clear()
        self.chosen_routes.clear()
        self.letter_fields.clear()
        self.dates.clear()
        if not keep_case:
            self.case = CaseDetails()
        self.sent_letter = None
        self.kept_date_of = None
        self.made = None
        self.revision += 1
