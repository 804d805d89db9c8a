"""TOML -> the content model, refusing bad content with every error named by file and key.

Reads `manifest.toml`, every file under `national/` and the chosen `local/<pack>/`. Checks the
shape of each table, then the links between them, then the decision graph, and reports all the
problems together so a content author can fix them in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from send_tui.model import graph
from send_tui.model.content import (
    CALLER_NODE,
    CLOCK_DATE_KEYS,
    CLOCK_DONE_BY,
    CLOCK_IDS,
    CLOCK_MILESTONES,
    LETTER_FIELDS,
    MANIFEST,
    MAX_OPTIONS,
    Branch,
    CallerNote,
    Clock,
    ClockTimeline,
    ClosedWhen,
    Condition,
    Contact,
    Content,
    Escalation,
    FileMeta,
    GlossaryTerm,
    LetterTemplate,
    Node,
    NodeKind,
    Option,
    Prerequisite,
    Reference,
    Route,
    RouteComparison,
    TermCalendar,
    local_pack_problem,
)
from send_tui.model.content_errors import ContentError, ContentErrors, closest, did_you_mean
from send_tui.model.toml_file import (
    TomlFileProblem,
    misnamed_problem,
    misnamed_toml_files,
    read_toml_file,
)
from send_tui.model.toml_table import Table

SECTIONS = (
    "nodes",
    "routes",
    "refs",
    "contacts",
    "glossary",
    "letters",
    "clocks",
    "compare",
    "timeline",
    "term_dates",
    "closures",
    "caller_notes",
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass
class _Collected:
    """What the files hold, before the links between them are checked."""

    files: list[FileMeta] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    routes: dict[str, Route] = field(default_factory=dict)
    refs: dict[str, Reference] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    letters: dict[str, LetterTemplate] = field(default_factory=dict)
    clocks: dict[str, Clock] = field(default_factory=dict)
    compare: dict[str, RouteComparison] = field(default_factory=dict)
    timeline: dict[str, ClockTimeline] = field(default_factory=dict)
    caller_notes: dict[str, CallerNote] = field(default_factory=dict)
    term_calendar: TermCalendar | None = None
    closure_days: list[date] = field(default_factory=list)
    # where each id was first defined, for "defined twice" messages
    origins: dict[tuple[str, str], str] = field(default_factory=dict)


def load_content(root: Path | None = None, local_pack: str | None = None) -> Content:
    """Load and check the content at `root` (the shipped content by default).

    `local_pack` overrides the manifest's choice (from the adviser's config). Raises
    `ContentErrors` listing every problem.
    """
    if root is None:
        from send_tui.paths import default_content_dir

        root = default_content_dir()
    root = Path(root)
    errors: list[ContentError] = []
    manifest = _read_toml(root / MANIFEST, MANIFEST, errors)
    if manifest is None:
        raise ContentErrors(errors, root)
    start, pack, questions = _read_manifest(manifest, errors)
    # where a pack other than the manifest's was asked for, so a bad name is not blamed on it
    asked = (
        f". It was asked for by --local-pack or the settings, instead of the manifest's {pack!r}"
        if local_pack and pack and local_pack != pack
        else ""
    )
    pack = local_pack or pack
    collected = _Collected()
    for path, relative, is_local in _content_files(root, pack, errors, asked):
        data = _read_toml(path, relative, errors)
        if data is not None:
            _read_file(data, relative, is_local, collected, errors)
    content = Content(
        root=root,
        start=start or "",
        local_pack=pack or "",
        files=tuple(collected.files),
        nodes=MappingProxyType(collected.nodes),
        routes=MappingProxyType(collected.routes),
        refs=MappingProxyType(collected.refs),
        contacts=MappingProxyType(collected.contacts),
        glossary=MappingProxyType(collected.glossary),
        letters=MappingProxyType(collected.letters),
        clocks=MappingProxyType(collected.clocks),
        term_calendar=collected.term_calendar,
        closure_days=tuple(sorted(set(collected.closure_days))),
        common_questions=questions,
        comparisons=MappingProxyType(collected.compare),
        clock_timeline=MappingProxyType(collected.timeline),
        caller_notes=MappingProxyType(collected.caller_notes),
    )
    if not errors:
        _check_links(content, errors)
    if not errors:
        errors += graph.check(content)
    if errors:
        raise ContentErrors(errors, root)
    return content


def manifest_local_pack(root: Path | None = None) -> str:
    """The local pack the content's manifest names ("" if none, or the manifest cannot be read).

    For `send-tui config show`, which says where the pack in force comes from without loading
    (and checking) all the content.
    """
    if root is None:
        from send_tui.paths import default_content_dir

        root = default_content_dir()
    errors: list[ContentError] = []
    manifest = _read_toml(Path(root) / MANIFEST, MANIFEST, errors)
    if manifest is None:
        return ""
    pack = manifest.get("manifest", {}).get("local_pack", "")
    return pack if isinstance(pack, str) else ""


def _read_toml(path: Path, relative: str, errors: list[ContentError]) -> dict[str, Any] | None:
    try:
        return read_toml_file(path)
    except FileNotFoundError:
        saved_as = path.with_name(path.name + ".txt")
        found = saved_as.is_file()
        also = f": there is a {saved_as.name}, which is not read: rename it to {path.name}"
        errors.append(
            ContentError(relative, "", f"file not found at {path}{also if found else ''}")
        )
    except TomlFileProblem as problem:
        errors.append(ContentError(relative, "", problem.problem))
    return None


def _read_manifest(
    data: dict[str, Any], errors: list[ContentError]
) -> tuple[str | None, str | None, tuple[tuple[str, str], ...]]:
    top = Table(data, MANIFEST, "", errors)
    table = top.table("manifest", required=True)
    top.finish()
    if table is None:
        return None, None, ()
    start = table.ident("start")
    pack = table.text("local_pack")
    questions = []
    for item in table.tables("common_questions"):
        question, node = item.text("question"), item.ident("node")
        item.finish()
        if question and node:
            questions.append((question, node))
    table.finish()
    return start, pack, tuple(questions)


def _content_files(
    root: Path, pack: str | None, errors: list[ContentError], asked: str = ""
) -> list[tuple[Path, str, bool]]:
    found: list[tuple[Path, str, bool]] = []
    national = root / "national"
    if not national.is_dir():
        errors.append(ContentError("national/", "", f"folder not found under {root}"))
    else:
        found += [
            (p, p.relative_to(root).as_posix(), False) for p in sorted(national.glob("*.toml"))
        ]
        _report_misnamed(root, national, errors)
    if pack and local_pack_problem(pack):
        errors.append(ContentError(MANIFEST, "manifest.local_pack", str(local_pack_problem(pack))))
    elif pack:
        local = root / "local" / pack
        if not local.is_dir():
            errors.append(
                ContentError(
                    MANIFEST,
                    "manifest.local_pack",
                    f"{missing_pack_problem(root, pack)}{asked}",
                )
            )
        else:
            found += [
                (p, p.relative_to(root).as_posix(), True) for p in sorted(local.glob("*.toml"))
            ]
            _report_misnamed(root, local, errors)
    return found


def missing_pack_problem(root: Path, wanted: str) -> str:
    """Local pack `wanted` has no folder: say so, with the packs there are (the likely one first)."""
    local = root / "local"
    try:
        packs = sorted(p.name for p in local.iterdir() if p.is_dir()) if local.is_dir() else []
    except OSError:  # (unreadable: the message still names the folder that is missing)
        packs = []
    if not packs:
        return (
            f"no local pack folder at local/{wanted}/: there is no local/ folder with a pack in it"
        )
    guess = did_you_mean(wanted, packs)
    return f"no local pack folder at local/{wanted}/{guess}: the local packs are {', '.join(packs)}"


def _report_misnamed(root: Path, folder: Path, errors: list[ContentError]) -> None:
    for path, right in misnamed_toml_files(folder):
        relative = path.relative_to(root).as_posix()
        errors.append(ContentError(relative, "", misnamed_problem(path.name, right)))


def _read_file(
    data: dict[str, Any],
    relative: str,
    is_local: bool,
    into: _Collected,
    errors: list[ContentError],
) -> None:
    top = Table(data, relative, "", errors)
    meta = top.table("meta", required=True)
    if meta is not None:
        title = meta.text("title")
        reviewed = meta.day("reviewed")
        sources = meta.texts("sources", required=True)
        if meta.has("sources") and not sources:
            meta.error("sources", "is empty: name at least one source")
        meta.finish()
        if title and reviewed:
            into.files.append(FileMeta(relative, title, reviewed, sources, local=is_local))
    readers = {
        "nodes": _read_node,
        "routes": _read_route,
        "refs": _read_ref,
        "contacts": lambda t, i: _read_contact(t, i, is_local),
        "glossary": _read_term,
        "letters": _read_letter,
        "clocks": _read_clock,
        "compare": _read_compare,
        "timeline": _read_timeline,
        "caller_notes": _read_caller_note,
    }
    for section, reader in readers.items():
        table = top.table(section)
        if table is None:
            continue
        store: dict[str, Any] = getattr(into, section)
        for item_id, item_table in table.subtables():
            item = reader(item_table, item_id)
            item_table.finish()
            origin = into.origins.get((section, item_id))
            if origin is not None:
                copy = (
                    ""
                    if origin == relative
                    else " (if one of the two files is a copy of the other, remove the copy)"
                )
                item_table.error(
                    None, f"the id {item_id!r} is already used in {origin}: choose another{copy}"
                )
            elif item is not None:
                store[item_id] = item
                into.origins[(section, item_id)] = relative
    _read_term_dates(top, into)
    closures = top.table("closures")
    if closures is not None:
        into.closure_days += closures.days("days", required=True)
        closures.finish()
    top.finish()


def _condition(table: Table | None) -> Condition:
    if table is None:
        return Condition()
    answers: dict[str, frozenset[str]] = {}
    for node_id in list(table.data):
        options = table.idents(node_id, required=True)
        if not options:
            table.error(node_id, "lists no options: name at least one option id")
        answers[node_id] = frozenset(options)
    table.finish()
    return Condition(MappingProxyType(answers))


def _read_node(table: Table, node_id: str) -> Node | None:
    kind_text = table.text("kind")
    kinds = [k.value for k in NodeKind]
    if kind_text is not None and kind_text not in kinds:
        table.error("kind", f"{kind_text!r} is not a kind of node: use one of {', '.join(kinds)}")
        kind_text = None
    title = table.text("title")
    options = tuple(_read_option(t) for t in table.tables("options"))
    branches = []
    for branch in table.tables("branches"):
        to = branch.ident("to")
        when = _condition(branch.table("when", required=True))
        branch.finish()
        if to:
            branches.append(Branch(to, when))
    node = Node(
        id=node_id,
        kind=NodeKind(kind_text) if kind_text else NodeKind.INFO,
        title=title or "",
        body=table.text("body", required=False, default="") or "",
        options=tuple(o for o in options if o is not None),
        branches=tuple(branches),
        next=table.ident("next", required=False),
        route=table.ident("route", required=False),
        also_routes=table.idents("also_routes"),
        next_steps=table.texts("next_steps"),
        contacts=table.idents("contacts"),
        refs=table.idents("refs"),
        clocks=table.idents("clocks"),
        letter=table.ident("letter", required=False),
        terms=table.idents("terms"),
        caller_notes=table.idents("caller_notes"),
        default=table.ident("default", required=False),
        source_file=table.file,
    )
    if kind_text is None or title is None:
        return None
    _check_node_shape(node, table)
    return node


def _read_option(table: Table) -> Option | None:
    option_id = table.ident("id")
    label = table.text("label")
    option = Option(
        id=option_id or "",
        label=label or "",
        next=table.ident("next", required=False),
        route=table.ident("route", required=False),
        exclusive=table.flag("exclusive"),
        hint=table.text("hint", required=False, default="") or "",
    )
    table.finish()
    return option if option_id and label else None


def _check_node_shape(node: Node, table: Table) -> None:
    """What each kind of node must have, and what it must not."""
    kind = node.kind
    chooses = kind in (NodeKind.QUESTION, NodeKind.MULTI)
    if chooses:
        if not node.options:
            table.error("options", f"a {kind} needs at least one option")
        if len(node.options) > MAX_OPTIONS:
            table.error(
                "options",
                f"has {len(node.options)} options; at most {MAX_OPTIONS}, so the number keys choose each one",
            )
        seen: set[str] = set()
        for index, option in enumerate(node.options):
            if option.id in seen:
                table.error(f"options[{index}].id", f"{option.id!r} is used twice on this node")
            seen.add(option.id)
    elif table.has("options"):
        table.error("options", f"a {kind} has no options: remove them or make it a question")
    for index, option in enumerate(node.options):
        where = f"options[{index}]"
        if kind is NodeKind.QUESTION and not option.next:
            table.error(f"{where}.next", "is missing: say which node this option leads to")
        if kind is NodeKind.QUESTION and (option.route or option.exclusive):
            table.error(where, "route and exclusive belong on multi-choice options only")
        if kind is NodeKind.MULTI and option.next:
            table.error(f"{where}.next", "multi-choice options do not lead anywhere: use branches")
    if node.default is not None and (
        kind is not NodeKind.QUESTION or node.option(node.default) is None
    ):
        table.error("default", f"{node.default!r} is not an option of this question")
    if kind is NodeKind.MULTI and sum(o.exclusive for o in node.options) > 1:
        table.error("options", "only one option may be exclusive")
    if kind in (NodeKind.INFO, NodeKind.MULTI) and not node.next:
        table.error("next", f"is missing: a {kind} needs a default way on")
    if kind in (NodeKind.QUESTION, NodeKind.OUTCOME) and (node.next or node.branches):
        table.error("next" if node.next else "branches", f"a {kind} does not use next or branches")
    if kind is NodeKind.OUTCOME:
        if not node.route:
            table.error("route", "is missing: an outcome names the route it recommends")
        if not node.next_steps:
            table.error("next_steps", "is missing: an outcome lists at least one next step")
    else:
        for key in ("route", "also_routes", "next_steps", "letter", "clocks", "caller_notes"):
            if table.has(key):
                table.error(key, "belongs on outcome nodes only")


def _read_route(table: Table, route_id: str) -> Route | None:
    before = []
    for item in table.tables("before"):
        before_route = item.ident("route")
        note = item.text("note")
        unless = item.table("unless")
        condition = _condition(unless) if unless is not None else None
        item.finish()
        if before_route and note:
            before.append(Prerequisite(before_route, note, condition))
    title = table.text("title")
    summary = table.text("summary")
    route = Route(
        id=route_id,
        title=title or "",
        summary=summary or "",
        order=table.whole("order"),
        refs=table.idents("refs"),
        contacts=table.idents("contacts"),
        clocks=table.idents("clocks"),
        letter=table.ident("letter", required=False),
        before=tuple(before),
        plannable=table.flag("plannable", default=True),
        source_file=table.file,
    )
    return route if title and summary else None


def _read_ref(table: Table, ref_id: str) -> Reference | None:
    cite, title = table.text("cite"), table.text("title")
    source = table.text("source", required=False, default="") or ""
    return Reference(ref_id, cite, title, source, table.file) if cite and title else None


def _read_contact(table: Table, contact_id: str, is_local: bool) -> Contact | None:
    name = table.text("name")
    contact = Contact(
        id=contact_id,
        name=name or "",
        description=table.text("description", required=False, default="") or "",
        website=table.text("website", required=False),
        phone=table.text("phone", required=False),
        email=table.text("email", required=False),
        address=table.text("address", required=False),
        local=is_local,
        source_file=table.file,
    )
    return contact if name else None


def _read_term(table: Table, term_id: str) -> GlossaryTerm | None:
    term, definition = table.text("term"), table.text("definition")
    aliases = table.texts("aliases")
    return (
        GlossaryTerm(term_id, term, definition, aliases, table.file)
        if term and definition
        else None
    )


def _read_letter(table: Table, letter_id: str) -> LetterTemplate | None:
    title, heading, procedure = table.text("title"), table.text("heading"), table.text("procedure")
    roles = table.texts("addressee_roles", required=True)
    paragraphs = table.texts("paragraphs", required=True)
    if table.has("addressee_roles") and not roles:
        table.error("addressee_roles", "is empty: give at least one role")
    if table.has("paragraphs") and not paragraphs:
        table.error("paragraphs", "is empty: the letter needs some wording")
    texts = {"heading": heading or ""} | {f"paragraphs[{i}]": p for i, p in enumerate(paragraphs)}
    for_caller: dict[str, tuple[str, ...]] = {}
    callers = table.table("for_caller")
    if callers is not None:
        for caller in list(callers.data):
            opening = callers.texts(caller, required=True)
            if len(opening) > len(paragraphs):
                callers.error(
                    caller,
                    f"has {len(opening)} paragraphs, more than the letter's {len(paragraphs)}",
                )
            for_caller[caller] = opening
            texts |= {f"for_caller.{caller}[{i}]": p for i, p in enumerate(opening)}
        callers.finish()
    term_time = table.flag("term_time", default=False)
    reply_note = table.text("reply_note", required=False, default="") or ""
    if _PLACEHOLDER.search(reply_note):
        table.error(
            "reply_note", "is a note for the adviser, not the letter: it cannot use {fields}"
        )
    about: dict[str, str] = {}
    drafts = table.table("about")
    if drafts is not None:
        about = drafts.text_values()
        for caller, text in about.items():
            if _PLACEHOLDER.search(text):
                drafts.error(caller, "is the family's own words: it cannot use {fields}")
        if not drafts.has("parent"):
            drafts.error(
                "parent",
                "is missing: the draft for a parent or carer stands for every other caller",
            )
    from send_tui.model.letter import fields_never_asked, optional_phrase_problem

    misspelt = False
    for key, text in texts.items():
        if problem := optional_phrase_problem(text):
            table.error(key, problem)
        for name in _PLACEHOLDER.findall(text):
            if name not in LETTER_FIELDS:
                misspelt = True
                close = closest(name, LETTER_FIELDS)
                guess = f" (did you mean {{{close}}}?)" if close else ""
                table.error(
                    key,
                    f"{{{name}}} is not a letter field{guess}: use one of {', '.join(LETTER_FIELDS)}",
                )
    if not (title and heading and procedure and roles and paragraphs):
        return None
    template = LetterTemplate(
        letter_id,
        title,
        roles,
        heading,
        paragraphs,
        procedure,
        term_time,
        reply_note,
        MappingProxyType(for_caller),
        MappingProxyType(about),
        table.file,
    )
    if misspelt:  # which fields the form asks for is not known until the spelling is put right
        return template
    for caller, names in fields_never_asked(template).items():
        it = "them" if len(names) > 1 else "it"
        table.error(
            f"for_caller.{caller}",
            f"uses {', '.join(f'{{{n}}}' for n in names)}, which the letter's own heading and "
            f"paragraphs do not, so the form never asks for {it}: word the opening without "
            f"{it}, or use {it} in the letter itself",
        )
    return template


def _read_caller_note(table: Table, note_id: str) -> CallerNote | None:
    """`[caller_notes.<id>]`: one string per caller option; which options exist is checked later."""
    wording = table.text_values()
    for caller, text in wording.items():
        if _PLACEHOLDER.search(text):
            table.error(caller, "is read out as written: it cannot use {fields}")
    if not wording:
        table.error(None, "gives no wording: add a note for at least one caller")
        return None
    return CallerNote(note_id, MappingProxyType(wording), table.file)


def _read_clock(table: Table, clock_id: str) -> Clock | None:
    title, rule = table.text("title"), table.text("rule")
    refs = table.idents("refs")
    unless = table.table("unless")
    condition = _condition(unless) if unless is not None else None
    when = table.table("when")
    only_when = _condition(when) if when is not None else None
    if clock_id not in CLOCK_IDS:
        table.error(
            None,
            f"{clock_id!r} is not a clock the deadline engine knows: use one of {', '.join(CLOCK_IDS)}",
        )
        return None
    if not (title and rule):
        return None
    return Clock(clock_id, title, rule, refs, condition, table.file, only_when)


def _conditions(table: Table, key: str, required: bool = False) -> tuple[Condition, ...]:
    """`key` as one condition table or a list of them (any one holding is enough)."""
    if isinstance(table.data.get(key), list):
        found = tuple(_condition(item) for item in table.tables(key, required=required))
        if not found:
            table.error(key, "is an empty list: give at least one condition, or remove the key")
        return found
    single = table.table(key, required=required)
    return (_condition(single),) if single is not None else ()


def _read_compare(table: Table, route_id: str) -> RouteComparison | None:
    cells = {
        key: table.text(key)
        for key in (
            "who_decides",
            "how_to_start",
            "time_limit",
            "mediation_first",
            "pauses_note",
            "achieves",
            "cannot",
            "cost",
        )
    }
    pauses = table._typed("pauses_clocks", True, lambda v: isinstance(v, bool), "true or false")
    closed = []
    for item in table.tables("closed_when"):
        when = _conditions(item, "when", required=True)
        reason = item.text("reason")
        item.finish()
        if when and reason:
            closed.append(ClosedWhen(when, reason))
    clocks = table.idents("time_limit_clocks")
    if pauses is None or not all(cells.values()):
        return None
    return RouteComparison(
        route=route_id,
        pauses_clocks=pauses,
        time_limit_clocks=clocks,
        closed_when=tuple(closed),
        source_file=table.file,
        **cells,  # type: ignore[arg-type]
    )


def _read_timeline(table: Table, clock_id: str) -> ClockTimeline | None:
    if clock_id not in CLOCK_IDS:
        table.error(
            None,
            f"{clock_id!r} is not a clock the deadline engine knows: use one of {', '.join(CLOCK_IDS)}",
        )
        return None
    firm = table._typed("firm", True, lambda v: isinstance(v, bool), "true or false")
    started_by = table.text("started_by")
    waits_on = table.text("waits_on", required=False, default="") or ""
    escalations = []
    for item in table.tables("escalation"):
        no_answer, text, route = item.text("no_answer"), item.text("text"), item.ident("route")
        node = item.ident("node", required=False)
        when = _conditions(item, "when")
        milestones = item.idents("milestones")
        item.finish()
        if no_answer and text and route:
            escalations.append(Escalation(no_answer, text, route, node, when, milestones))
    if_passed = table.text("if_passed", required=False, default="") or ""
    if_passed_route = table.ident("if_passed_route", required=False)
    done = table.text("done", required=False, default="") or ""
    if clock_id in CLOCK_DONE_BY and not done:
        table.error(
            "done",
            f"is missing: say what it means that this step is done once the {CLOCK_DONE_BY[clock_id]} date is entered",
        )
    elif done and clock_id not in CLOCK_DONE_BY:
        table.error("done", "no date marks this clock as done: remove the key")
    by_date = table.table("started_by_date")
    started_by_date = by_date.text_values() if by_date is not None else {}
    if waits_on and not table.has("escalation"):
        table.error(
            "escalation", "is missing: a clock that waits on someone says what to do when it passes"
        )
    if not waits_on and not if_passed:
        table.error(
            "if_passed", "is missing: say what the family can still do once this date has passed"
        )
    if firm is None or not started_by:
        return None
    return ClockTimeline(
        clock_id,
        firm,
        started_by,
        waits_on,
        tuple(escalations),
        if_passed,
        if_passed_route,
        done,
        MappingProxyType(started_by_date),
        table.file,
    )


def _read_term_dates(top: Table, into: _Collected) -> None:
    table = top.table("term_dates")
    if table is None:
        return
    if into.term_calendar is not None:
        table.error(None, f"term dates are already given in {into.term_calendar.source_file}")
        return
    from send_tui.model.calendars import read_term_dates  # only packs with term dates need it

    into.term_calendar = read_term_dates(table)


def _check_links(content: Content, errors: list[ContentError]) -> None:
    """Every id that content names must exist, in the kind of thing it names."""

    # (kind, id) -> every (file, key) naming it: a missing id is one problem, however many name it
    undefined: dict[tuple[str, str], list[tuple[str, str]]] = {}
    defined: dict[str, Mapping[str, object]] = {}

    def need(file: str, key: str, kind: str, ids: Mapping[str, object], wanted: str | None) -> None:
        if wanted and wanted not in ids:
            undefined.setdefault((kind, wanted), []).append((file, key))
            defined[kind] = ids

    def need_all(
        file: str, key: str, kind: str, ids: Mapping[str, object], wanted: tuple[str, ...]
    ) -> None:
        for index, item in enumerate(wanted):
            need(file, f"{key}[{index}]", kind, ids, item)

    def need_condition(file: str, key: str, condition: Condition) -> None:
        for node_id, options in condition.answers.items():
            node = content.nodes.get(node_id)
            if node is None:
                errors.append(
                    ContentError(
                        file, f"{key}.{node_id}", f"names node {node_id!r}, which does not exist"
                    )
                )
                continue
            for option in sorted(options):
                if node.option(option) is None:
                    errors.append(
                        ContentError(
                            file, f"{key}.{node_id}", f"node {node_id!r} has no option {option!r}"
                        )
                    )

    if content.start not in content.nodes:
        errors.append(
            ContentError(
                MANIFEST, "manifest.start", f"names node {content.start!r}, which does not exist"
            )
        )
    for index, (_question, node_id) in enumerate(content.common_questions):
        need(MANIFEST, f"manifest.common_questions[{index}].node", "node", content.nodes, node_id)
    for node in content.nodes.values():
        f, base = node.source_file, f"nodes.{node.id}"
        for index, option in enumerate(node.options):
            need(f, f"{base}.options[{index}].next", "node", content.nodes, option.next)
            need(f, f"{base}.options[{index}].route", "route", content.routes, option.route)
        for index, branch in enumerate(node.branches):
            need(f, f"{base}.branches[{index}].to", "node", content.nodes, branch.to)
            need_condition(f, f"{base}.branches[{index}].when", branch.when)
        need(f, f"{base}.next", "node", content.nodes, node.next)
        need(f, f"{base}.route", "route", content.routes, node.route)
        need_all(f, f"{base}.also_routes", "route", content.routes, node.also_routes)
        need_all(f, f"{base}.contacts", "contact", content.contacts, node.contacts)
        need_all(f, f"{base}.refs", "reference", content.refs, node.refs)
        need_all(f, f"{base}.clocks", "clock", content.clocks, node.clocks)
        need(f, f"{base}.letter", "letter", content.letters, node.letter)
        need_all(f, f"{base}.terms", "glossary term", content.glossary, node.terms)
        need_all(f, f"{base}.caller_notes", "caller note", content.caller_notes, node.caller_notes)
    for route in content.routes.values():
        f, base = route.source_file, f"routes.{route.id}"
        need_all(f, f"{base}.refs", "reference", content.refs, route.refs)
        need_all(f, f"{base}.contacts", "contact", content.contacts, route.contacts)
        need_all(f, f"{base}.clocks", "clock", content.clocks, route.clocks)
        need(f, f"{base}.letter", "letter", content.letters, route.letter)
        for index, prerequisite in enumerate(route.before):
            need(f, f"{base}.before[{index}].route", "route", content.routes, prerequisite.route)
            if prerequisite.unless is not None:
                need_condition(f, f"{base}.before[{index}].unless", prerequisite.unless)
    caller = content.nodes.get(CALLER_NODE)
    callers = ", ".join(o.id for o in caller.options) if caller else "(none)"
    # (file, key, caller id) for everything worded by caller: letters' openings and drafts, notes.
    # "parent" is the default caller, so wording for a parent is always allowed.
    by_caller = [
        (letter.source_file, f"letters.{letter.id}.{part}.{caller_id}", caller_id)
        for letter in content.letters.values()
        for part, worded in (("for_caller", letter.for_caller), ("about", letter.about))
        for caller_id in worded
    ]
    by_caller += [
        (note.source_file, f"caller_notes.{note.id}.{caller_id}", caller_id)
        for note in content.caller_notes.values()
        for caller_id in note.wording
    ]
    for file, key, caller_id in by_caller:
        if caller_id != "parent" and (caller is None or caller.option(caller_id) is None):
            errors.append(
                ContentError(
                    file,
                    key,
                    f"{caller_id!r} is not an option of the node {CALLER_NODE!r}: use one of {callers}",
                )
            )
    for clock in content.clocks.values():
        need_all(
            clock.source_file, f"clocks.{clock.id}.refs", "reference", content.refs, clock.refs
        )
        if clock.unless is not None:
            need_condition(clock.source_file, f"clocks.{clock.id}.unless", clock.unless)
        if clock.when is not None:
            need_condition(clock.source_file, f"clocks.{clock.id}.when", clock.when)

    for comparison in content.comparisons.values():
        f, base = comparison.source_file, f"compare.{comparison.route}"
        if comparison.route not in content.routes:
            errors.append(
                ContentError(
                    f, base, f"{comparison.route!r} is not a route: compare only routes that exist"
                )
            )
        need_all(
            f, f"{base}.time_limit_clocks", "clock", content.clocks, comparison.time_limit_clocks
        )
        for index, closed in enumerate(comparison.closed_when):
            for number, condition in enumerate(closed.when):
                need_condition(f, f"{base}.closed_when[{index}].when[{number}]", condition)
    for timeline in content.clock_timeline.values():
        f, base = timeline.source_file, f"timeline.{timeline.clock}"
        need(f, f"{base}.if_passed_route", "route", content.routes, timeline.if_passed_route)
        for index, escalation in enumerate(timeline.escalations):
            need(f, f"{base}.escalation[{index}].route", "route", content.routes, escalation.route)
            need(f, f"{base}.escalation[{index}].node", "node", content.nodes, escalation.node)
            known = CLOCK_MILESTONES.get(timeline.clock, ())
            for number, milestone in enumerate(escalation.milestones):
                if milestone not in known:
                    errors.append(
                        ContentError(
                            f,
                            f"{base}.escalation[{index}].milestones[{number}]",
                            f"{milestone!r} is not one of this clock's dates: use one of {', '.join(known) or '(none: it gives one date)'}",
                        )
                    )
            for number, condition in enumerate(escalation.when):
                need_condition(f, f"{base}.escalation[{index}].when[{number}]", condition)
        counted_from = CLOCK_DATE_KEYS.get(timeline.clock, ())
        for key in timeline.started_by_date:
            if key not in counted_from:
                errors.append(
                    ContentError(
                        f,
                        f"{base}.started_by_date.{key}",
                        f"{key!r} is not a date this clock counts from: use one of {', '.join(counted_from)}",
                    )
                )
    errors += _missing_ids(undefined, defined, content.local_pack)
    unplaced = [c for c in CLOCK_IDS if c not in content.clock_timeline]
    if content.clock_timeline and unplaced:
        errors.append(
            ContentError(
                "national/",
                "timeline",
                f"no timeline entry for the clocks {', '.join(unplaced)}: add a [timeline.<id>] table for each",
            )
        )
    missing = [c for c in CLOCK_IDS if c not in content.clocks]
    if missing:
        errors.append(
            ContentError(
                "national/",
                "clocks",
                f"no wording for the clocks {', '.join(missing)}: add a [clocks.<id>] table for each",
            )
        )


def _missing_ids(
    undefined: dict[tuple[str, str], list[tuple[str, str]]],
    known: Mapping[str, Mapping[str, object]],
    local_pack: str,
) -> list[ContentError]:
    """One error for each id named but not defined, at the first place that names it."""
    found = []
    for (kind, wanted), places in undefined.items():
        (file, key), others = places[0], places[1:]
        message = (
            f"names {kind} {wanted!r}, which does not exist{did_you_mean(wanted, known[kind])}"
        )
        if others:
            shown = "; ".join(f"{f}: {k}" for f, k in others[:3])
            more = f"; and {len(others) - 3} more" if len(others) > 3 else ""
            places_name = (
                "1 more place names" if len(others) == 1 else f"{len(others)} more places name"
            )
            message += f". {places_name} it too: {shown}{more}"
        if kind == "contact" and local_pack:
            message += (
                f". If it is a local contact, add [contacts.{wanted}] to the local pack "
                f"(local/{local_pack}/)"
            )
        found.append(ContentError(file, key, message))
    return found
