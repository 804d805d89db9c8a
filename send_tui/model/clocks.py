"""Which deadline clocks apply to this call: one choice, driven by the answers, for every surface.

The outcome screen, the deadlines screen (F8), the summary in every format and the .ics all ask
here, so a clock the answers rule out is gone from all of them at once. The rule is content: a
clock's `unless` and `when` conditions in content/national/clocks.toml. For example, an appeal
only about the school or institution named needs no mediation advice (CFA 2014 s.55(3)), so the
mediation adviser's and the certificate's clocks never appear for it; and the reply to a draft
plan appears only where the plan's contents or amendments are disputed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from send_tui.model.content import CLOCK_DATE_KEYS, Answer, Content, Node

if TYPE_CHECKING:
    from send_tui.model.session import Session

#: A date that only means something while a clock applies: without a certificate clock, a
#: certificate's date is neither asked for nor used (the 2 months from the decision stand).
DATE_NEEDS_CLOCK: Mapping[str, str] = {"certificate": "mediation_certificate"}


def applies(content: Content, clock_id: str, answers: Mapping[str, Answer]) -> bool:
    """Does `clock_id` apply, given these answers? Yes unless its `unless` holds, or it has a
    `when` that does not (a clock with neither always applies)."""
    clock = content.clocks.get(clock_id)
    if clock is None:
        return True
    if clock.when is not None and not clock.when.holds(answers):
        return False
    return clock.unless is None or not clock.unless.holds(answers)


def keep(session: Session, clock_ids: Iterable[str]) -> tuple[str, ...]:
    """`clock_ids` in order, without repeats and without the clocks the answers rule out."""
    return tuple(
        c for c in dict.fromkeys(clock_ids) if applies(session.content, c, session.answers)
    )


def node_clocks(session: Session, node: Node) -> tuple[str, ...]:
    """The clocks an outcome screen lists: its own, then its route's, that apply to this call.

    An outcome opened from a look-up is judged by the answers that lead to it, so the school-only
    appeal never lists the mediation clocks, whatever path the call itself is on.
    """
    route = session.content.routes.get(node.route or "")
    answers = {**session.answers, **implied_answers(session.content, node.id)}
    wanted = dict.fromkeys([*node.clocks, *(route.clocks if route else ())])
    return tuple(c for c in wanted if applies(session.content, c, answers))


def implied_answers(content: Content, node_id: str) -> dict[str, Answer]:
    """The answers every way to `node_id` must have given: back along single question options.

    Walks back while exactly one option of one question leads to the node (school-only appeal
    <- "appeal" at what_next_school_only <- "school_only" at appeal_scope), and stops at a join.
    """
    implied: dict[str, Answer] = {}
    current = node_id
    while True:
        ways = [
            (n.id, o.id) for n in content.nodes.values() for o in n.options if o.next == current
        ]
        leads_in = [n for n in content.nodes.values() if current in n.targets()]
        if len(ways) != 1 or len(leads_in) != 1 or ways[0][0] in implied:
            return implied
        implied[ways[0][0]] = ways[0][1]
        current = ways[0][0]


def clocks_in_play(session: Session) -> tuple[str, ...]:
    """The clocks of the outcome reached and of every route in the plan, that apply (F8)."""
    found: list[str] = []
    outcome = session.outcome()
    if outcome is not None:
        found += outcome.clocks
    for entry in session.plan():
        found += entry.route.clocks
    return keep(session, found)


def date_applies(session: Session, key: str) -> bool:
    """Is the date `key` asked for and used? Not when the one clock it serves is ruled out."""
    clock = DATE_NEEDS_CLOCK.get(key)
    return clock is None or applies(session.content, clock, session.answers)


def date_keys_for(session: Session, clock_ids: Iterable[str]) -> list[str]:
    """The dates a form asks for, in `DATE_KEYS` order: those the clocks count from, that apply."""
    from send_tui.model.summary import DATE_KEYS

    wanted = {k for clock in keep(session, clock_ids) for k in CLOCK_DATE_KEYS.get(clock, ())}
    return [k.key for k in DATE_KEYS if k.key in wanted and date_applies(session, k.key)]
