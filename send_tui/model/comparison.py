"""The routes side by side for one caller: who decides, how to start, the time limit, and so on.

Every cell is content (`[compare.<route>]` in content/national/route-comparison.toml); the model
only chooses which routes are open to this caller (a route is closed when one of its
`closed_when` conditions holds for the answers, with the content's reason), orders them with the
plan's routes first, and fills the time-limit cell with the dates the session's clocks give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from send_tui.model.content import RouteComparison

if TYPE_CHECKING:
    from send_tui.model.session import Session
    from send_tui.model.timeline import Timeline

#: The rows of the comparison, in order: (cell key, what the row is about).
ASPECTS: tuple[tuple[str, str], ...] = (
    ("who_decides", "Who decides"),
    ("how_to_start", "How to start"),
    ("time_limit", "Time limit"),
    ("mediation_first", "Mediation advice first?"),
    ("pauses", "Pauses other clocks?"),
    ("achieves", "Can achieve"),
    ("cannot", "Cannot"),
    ("cost", "Cost"),
)


@dataclass(frozen=True, slots=True)
class ComparisonColumn:
    """One open route: its title, whether it is in the plan, and its cells in `ASPECTS` order."""

    route: str
    title: str
    in_plan: bool
    cells: tuple[str, ...]

    def cell(self, key: str) -> str:
        return self.cells[[k for k, _ in ASPECTS].index(key)]


@dataclass(frozen=True, slots=True)
class ClosedRoute:
    route: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class Comparison:
    open: tuple[ComparisonColumn, ...]
    closed: tuple[ClosedRoute, ...]


def build_comparison(session: Session, today: date, timeline: Timeline | None = None) -> Comparison:
    """The routes open to this caller (the plan's first, in plan order) and those closed, with why."""
    from send_tui.model.timeline import build_timeline

    content = session.content
    timeline = timeline or build_timeline(session, today)
    plan = [entry.route.id for entry in session.plan()]
    known = [r for r in plan if r in content.comparisons]
    known += sorted(
        (r for r in content.comparisons if r not in plan), key=lambda r: content.routes[r].order
    )
    columns: list[ComparisonColumn] = []
    closed: list[ClosedRoute] = []
    for route_id in known:
        compared = content.comparisons[route_id]
        title = content.routes[route_id].title
        reason = next((c.reason for c in compared.closed_when if c.holds(session.answers)), None)
        if reason is not None:
            closed.append(ClosedRoute(route_id, title, reason))
            continue
        cells = _cells(compared, timeline, today)
        columns.append(ComparisonColumn(route_id, title, route_id in plan, cells))
    return Comparison(tuple(columns), tuple(closed))


def _cells(compared: RouteComparison, timeline: Timeline, today: date) -> tuple[str, ...]:
    dated = [
        f"{entry.title}: {entry.date_text()} ({entry.status(today)})"
        for entry in timeline.entries
        if entry.clock in compared.time_limit_clocks
    ]
    time_limit = "\n".join([compared.time_limit, *dated])
    values = {
        "who_decides": compared.who_decides,
        "how_to_start": compared.how_to_start,
        "time_limit": time_limit,
        "mediation_first": compared.mediation_first,
        "pauses": compared.pauses_note,
        "achieves": compared.achieves,
        "cannot": compared.cannot,
        "cost": compared.cost,
    }
    return tuple(values[key] for key, _ in ASPECTS)
