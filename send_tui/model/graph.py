"""The decision graph: what reaches what, the paths an adviser can walk, and pictures of it.

Content authors need to know that every screen can be reached and every path ends somewhere
useful; reviewers want to see the routes as a diagram (`send-tui graph`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

from send_tui.model.content import Node, NodeKind
from send_tui.model.content_errors import ContentError

if TYPE_CHECKING:
    from send_tui.model.content import Content

#: A step on a path: the node and the option that was chosen there (None for info and outcome).
Step = tuple[str, str | None]


def reachable(content: Content, start: str | None = None) -> set[str]:
    """Every node a walk from `start` (the content's start by default) can come to."""
    first = start or content.start
    seen = {first} if first in content.nodes else set()
    queue = deque(seen)
    while queue:
        for target in content.nodes[queue.popleft()].targets():
            if target in content.nodes and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def reaching_an_outcome(content: Content) -> set[str]:
    """Nodes from which some walk ends at an outcome."""
    incoming: dict[str, list[str]] = {node_id: [] for node_id in content.nodes}
    for node in content.nodes.values():
        for target in node.targets():
            if target in incoming:
                incoming[target].append(node.id)
    good = {n.id for n in content.outcomes()}
    queue = deque(good)
    while queue:
        for source in incoming[queue.popleft()]:
            if source not in good:
                good.add(source)
                queue.append(source)
    return good


def _on_a_cycle(content: Content, node_id: str) -> bool:
    return node_id in reachable_from_targets(content, node_id)


def reachable_from_targets(content: Content, node_id: str) -> set[str]:
    seen: set[str] = set()
    queue = deque(t for t in content.nodes[node_id].targets() if t in content.nodes)
    while queue:
        current = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        queue.extend(t for t in content.nodes[current].targets() if t in content.nodes)
    return seen


def check(content: Content) -> list[ContentError]:
    """Unreachable nodes, dead ends and loops with no way out, each named by file and node."""
    errors: list[ContentError] = []
    seen = reachable(content)
    finishing = reaching_an_outcome(content)
    for node in content.nodes.values():
        where = (node.source_file, f"nodes.{node.id}")
        if node.id not in seen:
            errors.append(ContentError(*where, f"no path from the start ({content.start!r}) reaches this node: link to it or remove it"))
        if node.id not in finishing:
            if _on_a_cycle(content, node.id):
                message = "is in a loop with no way out to an outcome: add a way on to an outcome"
            else:
                message = "has no way on to an outcome: every path must end at an outcome"
            errors.append(ContentError(*where, message))
    return errors


def choices(node: Node) -> list[tuple[str | None, str]]:
    """(option chosen, node it leads to) for every way on from `node`.

    For a multi-choice step the choices are its branches (the option that triggers each, where
    one does) and its default way on.
    """
    if node.kind is NodeKind.QUESTION:
        return [(o.id, o.next) for o in node.options if o.next]
    found: list[tuple[str | None, str]] = []
    for branch in node.branches:
        trigger = next(iter(sorted(branch.when.answers.get(node.id, ()))), None)
        found.append((trigger, branch.to))
    if node.next:
        found.append((None, node.next))
    return found


def paths(content: Content) -> Iterator[tuple[Step, ...]]:
    """Every simple path from the start to an outcome, as (node, option) steps."""

    def walk(node_id: str, trail: tuple[Step, ...], on_path: frozenset[str]) -> Iterator[tuple[Step, ...]]:
        node = content.nodes[node_id]
        if node.kind is NodeKind.OUTCOME:
            yield (*trail, (node_id, None))
            return
        for option, target in choices(node):
            if target not in on_path and target in content.nodes:
                yield from walk(target, (*trail, (node_id, option)), on_path | {target})

    if content.start in content.nodes:
        yield from walk(content.start, (), frozenset({content.start}))


def count_paths(content: Content) -> int:
    """How many distinct paths lead from the start to an outcome (memoised for acyclic content)."""
    memo: dict[str, int] = {}
    visiting: set[str] = set()
    cyclic = False

    def count(node_id: str) -> int:
        nonlocal cyclic
        if node_id in memo:
            return memo[node_id]
        node = content.nodes[node_id]
        if node.kind is NodeKind.OUTCOME:
            return 1
        if node_id in visiting:
            cyclic = True
            return 0
        visiting.add(node_id)
        total = sum(count(t) for _, t in choices(node) if t in content.nodes)
        visiting.discard(node_id)
        memo[node_id] = total
        return total

    if content.start not in content.nodes:
        return 0
    total = count(content.start)
    return sum(1 for _ in paths(content)) if cyclic else total


def _label(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def to_mermaid(content: Content) -> str:
    lines = ["flowchart TD"]
    for node in content.nodes.values():
        shape = ('(["', '"])') if node.kind is NodeKind.OUTCOME else ('["', '"]')
        if node.kind is NodeKind.QUESTION:
            shape = ('{"', '"}')
        lines.append(f"    {node.id}{shape[0]}{_label(node.title)}{shape[1]}")
    for node in content.nodes.values():
        for option, target in choices(node):
            label = _option_label(node, option)
            arrow = f' -- "{_label(label)}" --> ' if label else " --> "
            lines.append(f"    {node.id}{arrow}{target}")
    return "\n".join(lines) + "\n"


def _option_label(node: Node, option: str | None) -> str:
    found = node.option(option) if option else None
    return found.label if found else ""


def to_dot(content: Content) -> str:
    lines = ["digraph send_tui {", "    rankdir=TB;", '    node [fontname="Helvetica"];']
    shapes = {NodeKind.QUESTION: "diamond", NodeKind.MULTI: "hexagon", NodeKind.INFO: "box", NodeKind.OUTCOME: "ellipse"}
    for node in content.nodes.values():
        lines.append(f'    {node.id} [label="{_label(node.title)}", shape={shapes[node.kind]}];')
    for node in content.nodes.values():
        for option, target in choices(node):
            label = _option_label(node, option)
            suffix = f' [label="{_label(label)}"]' if label else ""
            lines.append(f"    {node.id} -> {target}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"
