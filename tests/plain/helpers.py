"""Run plain mode on typed lines, and turn a call (answers, plan, dates, letter) into those lines."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from send_tui.model.clocks import date_keys_for
from send_tui.model.config import Config
from send_tui.model.content import CLOCK_DATE_KEYS, Answer, Content, NodeKind
from send_tui.model.letter import (
    FORM_FIELDS,
    ReplyUnit,
    caller_of,
    choose_template,
    letter_templates,
    template_fields,
)
from send_tui.model.session import Session
from send_tui.plain.console import LineConsole
from send_tui.plain.shell import PlainShell
from tests.sessions import shipped


def run_lines(
    lines: Iterable[str],
    *,
    content: Content | None = None,
    config: Config | None = None,
    config_problems: list[str] | None = None,
    clock: Callable[[], float] | None = None,
    encoding: str = "utf-8",
) -> tuple[PlainShell, str]:
    """Type `lines` into a plain-mode run, then the input ends; (the shell, everything printed)."""
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    stdout = io.StringIO()
    console = LineConsole(stdin, stdout, echo=True, encoding=encoding)
    kwargs = {"clock": clock} if clock is not None else {}
    shell = PlainShell(
        content or shipped(), console, config=config, config_problems=config_problems, **kwargs
    )
    assert shell.run() == 0
    return shell, stdout.getvalue()


def typed_lines(
    content: Content,
    answers: Iterable[tuple[str, Answer]],
    *,
    plan_add: Iterable[str] = (),
    plan_remove: Iterable[str] = (),
    dates: Mapping[str, date] | None = None,
    letter: Mapping[str, str] | None = None,
) -> list[str]:
    """The lines an adviser types in plain mode to give these answers, plan changes, dates and letter.

    A shadow session follows along, so each number is the one plain mode shows at that point.
    """
    shadow = Session(content)
    nodes = content.nodes
    lines = ["1"]  # start a new call

    def read_info(stop_at: str | None = None) -> None:
        while True:
            current = shadow.current()
            if current == stop_at or nodes[current].kind is not NodeKind.INFO:
                return
            lines.append("1")
            shadow.mark_read(current)
            if shadow.current() == current:
                return

    for node_id, answer in answers:
        read_info(stop_at=node_id)
        node = nodes[node_id]
        path = shadow.path()
        if node_id != shadow.current() and node.default is not None and node_id in path:
            # A defaulted question ("Who is calling?") was walked past: back reopens it, as Esc.
            lines += ["back"] * (len(path) - 1 - path.index(node_id))
        ids = [o.id for o in node.options]
        if node.kind is NodeKind.QUESTION:
            lines.append(str(ids.index(answer) + 1))
        elif node.kind is NodeKind.MULTI:
            chosen = (answer,) if isinstance(answer, str) else answer
            lines += [str(ids.index(a) + 1) for a in chosen]
            lines.append("done")
        else:
            lines.append("1")
        shadow.answer(node_id, answer)
    read_info()
    for route_id in plan_add:
        addable = [r.id for r in shadow.addable_routes()]
        lines += ["plan add", str(addable.index(route_id) + 1)]
        shadow.add_route(route_id)
    for route_id in plan_remove:
        planned = [e.route.id for e in shadow.plan()]
        lines.append(f"plan remove {planned.index(route_id) + 1}")
        shadow.remove_route(route_id)
    if dates:
        # `deadlines all` asks each date some clock that applies counts from, in this order.
        lines.append("deadlines all")
        for key in date_keys_for(shadow, tuple(CLOCK_DATE_KEYS)):
            lines.append(dates[key].isoformat() if key in dates else "")
            if key in dates:
                shadow.dates[key] = dates[key]
    if letter:
        lines += _letter_lines(content, shadow, letter)
    return lines


def _letter_lines(content: Content, shadow: Session, letter: Mapping[str, str]) -> list[str]:
    lines = ["letter"]
    # The form offers the templates that fit the path; a template it does not offer is not used
    # by the app either (choose_template), so Enter keeps the one the form starts with.
    templates = letter_templates(shadow) or sorted(content.letters.values(), key=lambda t: t.title)
    wanted = content.letters.get(letter.get("template", ""))
    chosen = wanted if wanted in templates else (choose_template(shadow) or templates[0])
    if len(templates) > 1:
        lines.append(str(templates.index(chosen) + 1) if wanted in templates else "")
    roles = chosen.addressee_roles
    if len(roles) > 1:
        role = letter.get("addressee_role")
        lines.append(str(roles.index(role) + 1) if role in roles else "")
    used = template_fields(chosen, caller_of(shadow))  # only what the letter's wording uses
    for name, _label, _multi in FORM_FIELDS:
        if name not in used:
            continue
        if name == "reply_within":
            units = [u.value for u in ReplyUnit]
            lines.append(
                str(units.index(letter["reply_unit"]) + 1) if "reply_unit" in letter else ""
            )
        value = letter.get(name)
        assert value is None or "\n" not in value, "plain mode types one line per field"
        lines.append("" if value is None else (value or "-"))
    return lines
