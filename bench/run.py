"""send-tui's benchmark (`make bench`): is the app as fast as Textual allows, and does it scale?

Every measure runs in the same process run, interleaved round by round (so a busy moment on the
machine hits every measure alike), and the table shows medians. Start-up and memory are compared
with a bare Textual app started the same way, because what an adviser feels is send-tui's cost on
top of Textual's. Targets come from issues 8 and 16 (key to the settled frame); a missed target
is reported, with a profile of what dominates, and never fails the run. The table also goes into
README.md under "## Performance".

    .venv/bin/python bench/run.py [--rounds 5] [--no-readme] [--no-profile] [--quick] [--note TEXT]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import math
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import generate
from walk import TYPING, WalkResult, bare_keys

if TYPE_CHECKING:
    from send_tui.model.content import Content
    from send_tui.model.graph import Step
    from send_tui.model.session import Session

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
README = REPO / "README.md"
STARTUP = BENCH / "startup.py"
WALK = BENCH / "walk.py"
#: The walks, by their name in the table, and the name walk.py knows each by.
WALK_APPS = {"send": "send", "bare": "bare", "in place": "inplace", "shaped": "shaped"}
#: The typing walks (`walk.TYPING` into a letter form), by their name in the table and walk.py's.
TYPING_APPS = {"send": "letter", "bare": "letter-bare"}
#: How many rounds type into the letter forms: each child types every character of `TYPING`
#: (some fifty), and costs its start-up and a second on its first screen, so one round keeps
#: the whole run about as long as it was; characters, not rounds, give the samples.
TYPING_ROUNDS = 1
PYTHON = sys.executable
T = TypeVar("T")
#: The date the long session is made on: inside the shipped term dates, so every clock counts.
BENCH_TODAY = date(2026, 11, 28)
HEAVY_MODULES = ("docx", "icalendar")
STARTUP_PHASES = ("interpreter", "imports", "building the app", "first paint")
PACK_SIZES = (1_000, 10_000)
#: How many shipped paths the walk takes, spread across the content (each there and back).
WALK_PATHS = 10


# --- targets and results ---------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the table; `met` is None for lines that are context, not a target."""

    measure: str
    result: str
    target: str = ""
    met: bool | None = None
    profile: str = ""  # which profile explains this line if the target is missed


@dataclass
class Samples:
    """Every sample of every measure, by name, gathered across the interleaved rounds."""

    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)

    def median(self, name: str) -> float:
        return statistics.median(self.values[name])

    def p95(self, name: str) -> float:
        data = sorted(self.values[name])
        return data[min(len(data) - 1, math.ceil(0.95 * len(data)) - 1)]

    def count(self, name: str) -> int:
        return len(self.values.get(name, []))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "MISSED")


# --- the machine -----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the numbers came from: they mean little without it."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or "?"),
        "python": platform.python_version(),
        "textual": metadata.version("textual"),
        "os": f"{platform.system()} {platform.release()}",
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


# --- 1, 2: start-up and memory, each in a fresh process ----------------------------------------


@dataclass(frozen=True)
class Startup:
    """One start-up: to the first painted screen (from launch), whole process, peak memory."""

    to_screen: float
    process: float
    phases: dict[str, float]  # interpreter, imports, building the app, to first paint
    peak_rss_kb: int
    screen: str
    heavy_loaded: tuple[str, ...]


def start_once(which: str, env: dict[str, str], scratch: Path) -> Startup:
    """Start `startup.py which` as a new process and read back its clock and its peak memory."""
    result_file = scratch / f"startup-{which}.json"
    launched = time.monotonic()
    child = subprocess.run(
        [PYTHON, str(STARTUP), which, str(result_file)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    finished = time.monotonic()
    if child.returncode != 0:
        raise RuntimeError(f"startup.py {which} failed ({child.returncode}):\n{child.stderr}")
    report = json.loads(result_file.read_text(encoding="utf-8"))
    marks = [launched, report["first_line"], report["imported"], report["built"], report["ready"]]
    return Startup(
        to_screen=report["ready"] - launched,
        process=finished - launched,
        phases={
            name: end - start
            for name, start, end in zip(STARTUP_PHASES, marks, marks[1:], strict=False)
        },
        peak_rss_kb=report["peak_rss_kb"],
        screen=report["screen"],
        heavy_loaded=tuple(report["heavy_loaded"]),
    )


def import_costs(which: str, env: dict[str, str], scratch: Path) -> Counter[str]:
    """Seconds of import (own time, `-X importtime`) per package in one start-up."""
    child = subprocess.run(
        [PYTHON, "-X", "importtime", str(STARTUP), which, str(scratch / "imports.json")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    costs: Counter[str] = Counter()
    for line in child.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _cumulative, name = (
            part.strip() for part in line.removeprefix("import time:").split("|")
        )
        parts = name.split(".")
        costs[".".join(parts[:2]) if parts[0] in ("send_tui", "textual") else parts[0]] += (
            int(own) / 1e6
        )
    return costs


#: One content load, timed inside a fresh process as the app and `send-tui check` do it; the
#: benchmark's own heap (the walk's apps, the packs) would otherwise slow the collector down.
_LOAD_ONCE = """
import sys, time
from pathlib import Path
from send_tui.model.content_cache import load_content_cached
from send_tui.model.loader import load_content
from send_tui.paths import default_content_dir
root = Path(sys.argv[1]) if sys.argv[1] else default_content_dir()
started = time.perf_counter()
if sys.argv[2]:
    load_content_cached(root, folder=Path(sys.argv[2]))
else:
    load_content(root)
print(time.perf_counter() - started)
"""


def load_in_child(root: Path | None, env: dict[str, str], cache: Path | None = None) -> float:
    """Seconds to load and check the content at `root` (the shipped content if None).

    With `cache`, through the content cache in that folder (the app's way), which the
    benchmark has filled beforehand: the load an adviser gets on every start but the first.
    """
    child = subprocess.run(
        [PYTHON, "-c", _LOAD_ONCE, str(root or ""), str(cache or "")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(child.stdout)


def heavy_imports_on_import(env: dict[str, str]) -> list[str]:
    """The heavy modules that `import send_tui.app` pulls in (there should be none)."""
    code = (
        "import json, sys; import send_tui.app; "
        f"print(json.dumps([m for m in {HEAVY_MODULES!r} if m in sys.modules]))"
    )
    out = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# --- 3: key presses, each walk in a fresh process --------------------------------------------


def run_walk_py(name: str, spec: dict[str, Any], env: dict[str, str], scratch: Path) -> Any:
    """Run `walk.py name SPEC RESULT` as a new process and give what it wrote to RESULT."""
    spec_file = scratch / f"walk-{name}-spec.json"
    result_file = scratch / f"walk-{name}.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    result_file.unlink(missing_ok=True)
    child = subprocess.run(
        [PYTHON, str(WALK), name, str(spec_file), str(result_file)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if child.returncode != 0:
        raise RuntimeError(f"walk.py {name} failed ({child.returncode}):\n{child.stderr}")
    return json.loads(result_file.read_text(encoding="utf-8"))


def walk_in_child(which: str, spec: dict[str, Any], setup: Setup) -> tuple[WalkResult, list[int]]:
    """Run `walk.py` for `which` (a key of WALK_APPS) as a new process, as `start_once` does.

    Its own process, so the app is timed as an adviser's would run it: without the benchmark's
    packs and index in the heap, Textual's caches warmed by another app, or send-tui's
    `gc.freeze()` left behind. Gives the walk and the collector's thresholds it ended with.
    """
    report = run_walk_py(WALK_APPS[which], spec, setup.env, setup.scratch)
    walked = WalkResult(**{f.name: report[f.name] for f in fields(WalkResult)})
    return walked, report["gc_threshold"]


def typing_in_child(which: str, setup: Setup, profile: Path | None = None) -> WalkResult:
    """Type `TYPING` into the letter form of `which` (a key of TYPING_APPS) in a new process,
    as `walk_in_child` walks; with `profile`, a cProfile of the child goes to that file.

    The child gets an autosave folder of its own, empty: the call is a new one (an autosave
    left by another walk would open the app on the choice to carry it on, not the letter).
    """
    data = Path(tempfile.mkdtemp(prefix="typing-data-", dir=setup.scratch))
    env = {**setup.env, "SEND_TUI_DATA_DIR": str(data)}
    spec: dict[str, Any] = {"typing": [list(field) for field in TYPING]}
    if profile is not None:
        spec["profile"] = str(profile)
    report = run_walk_py(TYPING_APPS[which], spec, env, setup.scratch)
    return WalkResult(**{f.name: report[f.name] for f in fields(WalkResult)})


@dataclass(frozen=True)
class WizardShapes:
    """What send-tui showed after each key of its walk of each path (`walk.py shapes`): the
    script the shaped baseline plays, so its keys, texts and layout are send-tui's."""

    start: dict[str, Any]  # the start screen before the first key
    scripts: dict[tuple[Step, ...], list[Any]]  # per path: [key, moved, shown] for each key


def record_wizard_shapes(
    paths: list[tuple[Step, ...]], env: dict[str, str], scratch: Path
) -> WizardShapes:
    """Walk send-tui over `paths` once, untimed, in a child, noting what each key showed."""
    spec = {"paths": [list(map(list, path)) for path in paths]}
    report = run_walk_py("shapes", spec, env, scratch)
    return WizardShapes(report["start"], dict(zip(paths, report["paths"], strict=True)))


def walk_spec(which: str, paths: list[tuple[Step, ...]], setup: Setup) -> dict[str, Any]:
    """What `walk.py` walks: send-tui the paths' steps, the shaped app the script of what
    send-tui showed on them, the other bare apps as many keys (`bare_keys`)."""
    if which == "send":
        return {"paths": [list(map(list, path)) for path in paths]}
    if which == "shaped":
        shapes = setup.shapes
        return {"start": shapes.start, "script": [e for p in paths for e in shapes.scripts[p]]}
    return {"keys": [[key.key, key.moves] for key in bare_keys(setup.shipped, paths)]}


# --- 6: every summary format for a long path ---------------------------------------------------


def long_session(content: Content) -> Session:
    """The longest path whose summary has a letter, with every date and letter field filled in."""
    from send_tui.model import graph
    from send_tui.model.content import NodeKind
    from send_tui.model.session import CaseDetails, Session
    from send_tui.model.summary import DATE_KEYS

    def session_for(path: tuple[Step, ...]) -> Session:
        session = Session(content)
        for node_id, option_id in path:
            node = content.nodes[node_id]
            if node.kind is NodeKind.INFO:
                session.answer(node_id, "seen")
            elif node.kind is NodeKind.MULTI:
                session.answer(node_id, (option_id,) if option_id else (node.options[0].id,))
            elif node.kind is NodeKind.QUESTION and option_id:
                session.answer(node_id, option_id)
        return session

    from send_tui.model.letter import choose_template

    candidates = [session_for(p) for p in graph.paths(content)]
    with_letter = [s for s in candidates if choose_template(s) is not None] or candidates
    session = max(with_letter, key=lambda s: (len(s.trail()), len(s.plan())))
    session.letter_fields.update(
        {
            "complainant_name": "Alex Smith",
            "child_name": "Sam Smith",
            "setting": "Oak Primary School",
            "year_group": "Year 4",
            "addressee_name": "Ms Jones",
            "about": "Support in the EHC plan is not being delivered. " * 20,
            "tried": "Spoke to the class teacher and the SENCO several times. " * 10,
            "outcome": "A meeting with the SENCO and a written support plan. " * 5,
            "reply_unit": "working_days",
            "reply_within": "10",
            "enclosures": "Emails; the EHC plan",
        }
    )
    for offset, key in enumerate(DATE_KEYS):
        session.dates[key.key] = date(2026, 11, 2 + offset)
    session.dates["date_of_birth"] = date(2017, 5, 14)
    session.case = CaseDetails(reference="BENCH-1", consent_to_record=True)
    return session


def render_all(session: Session) -> float:
    """Build the summary and render every format, as saving does; the seconds it took."""
    from send_tui.model.summary import build_summary
    from send_tui.render import FORMATS, render

    started = time.perf_counter()
    summary = build_summary(session, BENCH_TODAY)
    for fmt in FORMATS:
        if fmt != "docx" or summary.letter is not None:
            render(summary, fmt)
    return time.perf_counter() - started


# --- 5: look-ups ------------------------------------------------------------------------------


def lookup_queries(content: Content) -> list[str]:
    """What advisers type (whole questions, typos, cites, prefixes) plus words from the pack."""
    fixed = [
        "appeal tribunal deadline",
        "can they appeal a refusal to assess",
        "mediaton certificate",
        "exclusion panel",
        "11.45",
        "senco",
        "complaint letter to the head teacher",
        "tribu",
        "ehcp annual review",
        "school transport",
        "not sure what to do",
        "health and social care",
    ]
    titles = [
        node.title for node in list(content.nodes.values())[:: max(1, len(content.nodes) // 8)]
    ]
    return fixed + [" ".join(title.split()[:3]) for title in titles[:8]]


# --- profiles of a missed target ---------------------------------------------------------------

#: Phases of Textual's work on a screen change, by (file suffix, function): cumulative, overlapping.
WALK_PHASES: dict[str, tuple[str, str]] = {
    "CSS styling": ("textual/css/stylesheet.py", "apply"),
    "layout": ("textual/screen.py", "_refresh_layout"),
    "painting": ("textual/_compositor.py", "render_update"),
    "widget recompose (Footer on binding changes)": ("textual/widget.py", "recompose"),
}


def _package(filename: str, function: str) -> str:
    """Group a profiled function by what it belongs to: a package, a stdlib module or send-tui."""
    path = filename.replace("\\", "/")
    if path == "~":
        return "builtins" if "built-in" in function else "(interpreter)"
    if "<frozen" in path:
        return "(import machinery)"
    if "/site-packages/" in path:
        return path.split("/site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path.startswith(str(REPO)):
        parts = Path(path).relative_to(REPO).with_suffix("").parts
        return ".".join(parts[:3]) if parts[0] == "send_tui" else parts[0]
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if part.startswith("python3"):
            return parts[index + 1].removesuffix(".py")
    return Path(path).stem


def own_time_by_package(stats: pstats.Stats) -> Counter[str]:
    """Seconds of own (not cumulative) time per package: where the work is actually done."""
    totals: Counter[str] = Counter()
    for (filename, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        totals[_package(filename, function)] += row[2]
    return totals


def own_share(shares: Counter[str]) -> float:
    """send-tui's own code's share of a profile's time, as `own_time_by_package` counts it."""
    return sum(v for k, v in shares.items() if k.startswith("send_tui")) / (
        sum(shares.values()) or 1.0
    )


def describe_shares(totals: Counter[str], top: int = 6, against: Counter[str] | None = None) -> str:
    """The biggest shares of a profile, or (with `against`) of its excess over a baseline."""
    if against is not None:
        totals = Counter(
            {k: totals.get(k, 0.0) - against.get(k, 0.0) for k in set(totals) | set(against)}
        )
    whole = sum(v for v in totals.values() if v > 0) or 1.0
    shares = [(name, seconds) for name, seconds in totals.most_common(top) if seconds > 0]
    listed = "; ".join(
        f"{name} {seconds * 1000:.0f} ms ({seconds / whole:.0%})" for name, seconds in shares
    )
    return f"{whole * 1000:.0f} ms: {listed}"


def describe_phases(stats: pstats.Stats, phases: dict[str, tuple[str, str]]) -> str:
    """Cumulative time in each named phase, as a share of all the time profiled."""
    whole = sum(row[2] for row in stats.stats.values()) or 1.0  # type: ignore[attr-defined]
    found = []
    for name, (suffix, function) in phases.items():
        seconds = sum(
            row[3]
            for (filename, _line, func), row in stats.stats.items()  # type: ignore[attr-defined]
            if func == function and filename.replace("\\", "/").endswith(suffix)
        )
        found.append(f"{name} {seconds / whole:.0%}")
    return ", ".join(found)


def profile_call(call: Callable[[], object]) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        call()
    finally:
        profiler.disable()
    return pstats.Stats(profiler)


def profile_startup(which: str, env: dict[str, str], scratch: Path) -> pstats.Stats:
    """Profile one start-up in a fresh process (imports included)."""
    out = scratch / f"startup-{which}.prof"
    subprocess.run(
        [
            PYTHON,
            "-m",
            "cProfile",
            "-o",
            str(out),
            str(STARTUP),
            which,
            str(scratch / "profiled.json"),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    return pstats.Stats(str(out))


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Setup:
    """What every round uses: scratch space, an isolated environment, the packs, the walk."""

    scratch: Path
    env: dict[str, str]
    packs: dict[int, generate.PackStats]
    shipped: Content
    walk_paths: list[tuple[Step, ...]]
    shapes: WizardShapes  # what send-tui shows on each walk path, for the shaped baseline
    session: Session
    cache: Path  # a content cache, filled for the shipped content and the biggest pack

    def pack_megabytes(self, size: int) -> float:
        return sum(p.stat().st_size for p in self.packs[size].root.rglob("*.toml")) / 1e6


def isolated_env(scratch: Path) -> dict[str, str]:
    """Settings, autosave and save folders in scratch space: the bench must not touch the user's."""
    env = dict(os.environ)
    env["SEND_TUI_CONFIG"] = str(scratch / "config" / "config.toml")
    env["SEND_TUI_DATA_DIR"] = str(scratch / "data")
    env["SEND_TUI_SAVE_DIR"] = str(scratch / "saved")
    # The app's own caches (the checked content, the parsed CSS) too: filled by `prepare`, so
    # every start is timed as an adviser's every start but the first, whatever is on disk.
    env["SEND_TUI_CACHE_DIR"] = str(scratch / "content-cache")
    env.pop("SEND_TUI_CONTENT", None)
    env.pop("SEND_TUI_TODAY", None)
    return env


def byte_compile_send_tui() -> None:
    """Compile send-tui's modules to bytecode, as pip does when it installs the wheel.

    The benchmark runs from the editable checkout, where nothing has compiled the sources; with
    PYTHONDONTWRITEBYTECODE set (as on this machine) every start would compile all of them,
    while Textual's installed modules load from bytecode: a start-up cost no adviser pays.
    """
    import compileall

    compileall.compile_dir(str(REPO / "send_tui"), quiet=1)


def prepare(walk_paths: int = WALK_PATHS) -> Setup:
    byte_compile_send_tui()
    scratch = Path(tempfile.mkdtemp(prefix="send-tui-bench-"))
    env = isolated_env(scratch)
    os.environ.clear()
    os.environ.update(env)  # the in-process measures (index, render) are isolated too
    from send_tui.model import graph
    from send_tui.model.loader import load_content

    say("generating packs ...")
    packs = {size: generate.generate_pack(scratch / f"pack-{size}", size) for size in PACK_SIZES}
    shipped = load_content()
    every_path = list(graph.paths(shipped))
    spread = every_path[:: max(1, len(every_path) // walk_paths)][:walk_paths]
    cache = scratch / "content-cache"
    from send_tui.model.content_cache import load_content_cached, search_index_cached

    say("filling the content cache ...")
    for root in (None, packs[max(PACK_SIZES)].root):
        load_in_child(root, env, cache)
    search_index_cached(load_content_cached(packs[max(PACK_SIZES)].root, folder=cache))
    say("starting send-tui once, untimed, as an adviser's first start (it fills the CSS cache) ...")
    start_once("send-settled", env, scratch)
    from send_tui.css_cache import FILE_PATTERN as CSS_CACHE_FILES

    if not list(cache.glob(CSS_CACHE_FILES)):
        say("  (no CSS cache was written: every start will parse the CSS)")
    say("noting what send-tui shows on the walk, for the shaped baseline ...")
    shapes = record_wizard_shapes(spread, env, scratch)
    return Setup(scratch, env, packs, shipped, spread, shapes, long_session(shipped), cache)


def timed(call: Callable[[], T], *, collect: bool = True) -> tuple[float, T]:
    """Seconds `call` took, and what it returned; garbage from earlier measures is cleared first."""
    if collect:
        gc.collect()
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(
    rounds: int, profile: bool, walk_paths: int = WALK_PATHS
) -> tuple[list[Row], dict[str, str], list[str]]:
    """Take every measure `rounds` times, interleaved, and turn the medians into table rows."""
    setup = prepare(walk_paths)
    try:
        return _measure(setup, rounds, profile)
    finally:
        shutil.rmtree(setup.scratch, ignore_errors=True)


def _measure(
    setup: Setup, rounds: int, profile: bool
) -> tuple[list[Row], dict[str, str], list[str]]:
    from send_tui.model.content_cache import load_content_cached, search_index_cached
    from send_tui.model.loader import load_content
    from send_tui.model.search import SearchIndex

    samples = Samples()
    startups: dict[str, list[Startup]] = {"send": [], "bare": []}
    walks = {which: WalkResult() for which in WALK_APPS}
    typing = {which: WalkResult() for which in TYPING_APPS}
    biggest = max(PACK_SIZES)
    for number in range(rounds):
        say(f"round {number + 1} of {rounds} ...")
        order = ("send", "bare") if number % 2 == 0 else ("bare", "send")
        for which in order:
            startups[which].append(start_once(which, setup.env, setup.scratch))
        share = setup.walk_paths[number::rounds]  # the rounds together walk every chosen path
        like_send = ("in place", "shaped") if number % 2 == 0 else ("shaped", "in place")
        for which in (*order, *like_send):
            walks[which].add(walk_in_child(which, walk_spec(which, share, setup), setup)[0])
        if number < TYPING_ROUNDS:
            for which in order:
                typing[which].add(typing_in_child(which, setup))
        samples.add("load shipped", load_in_child(None, setup.env))
        samples.add("load shipped cached", load_in_child(None, setup.env, setup.cache))
        for size, pack in setup.packs.items():
            samples.add(f"load {size}", load_in_child(pack.root, setup.env))
        samples.add(
            f"load {biggest} cached",
            load_in_child(setup.packs[biggest].root, setup.env, setup.cache),
        )
        content = load_content(setup.packs[biggest].root)
        took, index = timed(partial(SearchIndex.build, content))
        samples.add("index build", took)
        cached_content = load_content_cached(setup.packs[biggest].root, folder=setup.cache)
        samples.add("index cached", timed(partial(search_index_cached, cached_content))[0])
        del cached_content
        for query in lookup_queries(content):
            samples.add("lookup", timed(partial(index.search, query), collect=False)[0])
        samples.add("render", render_all(setup.session))
        del content, index  # so each round starts from the same heap
    for which, runs in startups.items():
        for one in runs:
            samples.add(f"{which} screen", one.to_screen)
            samples.add(f"{which} process", one.process)
            samples.add(f"{which} rss", one.peak_rss_kb)
            for phase, took in one.phases.items():
                samples.add(f"{which} {phase}", took)
    for which, walked in walks.items():
        for measure in ("settled", "first_paint"):
            for took in getattr(walked, measure):
                samples.add(f"{which} key {measure}", took)
            for direction, forward in (("forward", True), ("back", False)):
                for took in walked.of(forward, measure):
                    samples.add(f"{which} key {measure} {direction}", took)
        for frames in walked.frames:
            samples.add(f"{which} frames", frames)
    for which, typed in typing.items():
        for measure in ("settled", "first_paint"):
            for took in getattr(typed, measure):
                samples.add(f"{which} typing {measure}", took)
        for frames in typed.frames:
            samples.add(f"{which} typing frames", frames)
        if typed.lost_keys == 0:  # then the timings are the fields' characters, in order
            start = 0
            for name, text in TYPING:
                for took in typed.settled[start : start + len(text)]:
                    samples.add(f"{which} typing settled {name}", took)
                start += len(text)
    rows = table_rows(samples, setup, startups, walks, typing)
    missed = sorted({row.profile for row in rows if row.met is False and row.profile})
    notes = explain(missed, setup) if missed and profile else []
    if missed and not profile:
        notes = [f"missed: {', '.join(missed)} (run without --no-profile to see what dominates)"]
    return rows, machine(), notes


def table_rows(
    samples: Samples,
    setup: Setup,
    startups: dict[str, list[Startup]],
    walks: dict[str, WalkResult],
    typing: dict[str, WalkResult],
) -> list[Row]:
    m = samples.median
    rows: list[Row] = []
    ratio = m("send screen") / m("bare screen")
    screens = ", ".join(sorted({one.screen for one in startups["send"]}))
    rows.append(
        Row(
            "Start-up to first screen, headless 80x24 (send-tui / bare Textual)",
            f"{ms(m('send screen'))} / {ms(m('bare screen'))}: ratio {ratio:.2f} ({screens})",
            "<= 1.15",
            ratio <= 1.15,
            "startup",
        )
    )
    phases = ", ".join(
        f"{phase} {ms(m(f'send {phase}'))} / {ms(m(f'bare {phase}'))}" for phase in STARTUP_PHASES
    )
    rows.append(Row("↳ where the start-up time goes (send-tui / bare)", phases))
    ratio = m("send process") / m("bare process")
    rows.append(
        Row(
            "Whole process, launch to exit (send-tui / bare)",
            f"{ms(m('send process'))} / {ms(m('bare process'))}: ratio {ratio:.2f}",
        )
    )
    ratio = m("send rss") / m("bare rss")
    rows.append(
        Row(
            "Peak memory, VmHWM of the child (send-tui / bare)",
            f"{m('send rss') / 1024:.1f} MB / {m('bare rss') / 1024:.1f} MB: ratio {ratio:.2f}",
            "<= 1.3",
            ratio <= 1.3,
            "startup",
        )
    )
    send = walks["send"]
    faults = [
        f"{n} {what}"
        for n, what in (
            (send.lost_keys, "keys moved nothing"),
            (send.wrong_ends, "paths ended elsewhere"),
        )
        if n
    ]
    detail = f"{len(send.settled)} keys, {len(setup.walk_paths)} shipped paths there and back"
    settled, p95 = m("send key settled"), samples.p95("send key settled")
    in_place = m("in place key settled")
    rows.append(
        Row(
            "Key press to the settled frame: median",
            f"{ms(settled)} ({'; '.join([detail, *faults])})",
            "<= 20 ms",
            settled <= 0.020,
            "walk",
        )
    )
    rows.append(
        Row("Key press to the settled frame: p95", ms(p95), "<= 50 ms", p95 <= 0.050, "walk")
    )
    ratio = settled / in_place
    rows.append(
        Row(
            "Key to settled frame against bare Textual updating in place (median ratio)",
            f"{ratio:.2f} ({ms(settled)} / {ms(in_place)})",
            "<= 1.3",
            ratio <= 1.3,
            "walk",
        )
    )
    shaped, shaped_walk = m("shaped key settled"), walks["shaped"]
    drift = f"; {shaped_walk.lost_keys} keys moved nothing" if shaped_walk.lost_keys else ""
    rows.append(
        Row(
            "↳ against bare Textual shaped like the wizard (same layout and texts, stock widgets)",
            f"{settled / shaped:.2f} ({ms(settled)} / {ms(shaped)}; its first frame, one frame "
            f"of that screen: {ms(m('shaped key first_paint'))}{drift})",
        )
    )
    rows.append(
        Row(
            "↳ against bare Textual pushing a screen per step (median ratio)",
            f"{settled / m('bare key settled'):.2f} ({ms(settled)} / {ms(m('bare key settled'))})",
        )
    )
    rows.append(
        Row(
            "↳ frames painted per key, to settle: send-tui / pushing / in place / shaped",
            " / ".join(f"{m(f'{w} frames'):.0f}" for w in ("send", "bare", "in place", "shaped")),
        )
    )
    for measure, what in (("settled", "settled frame"), ("first_paint", "first paint")):
        for direction, words in (("forward", "a number (forward)"), ("back", "Esc (back)")):
            cells = ", ".join(
                f"{name} {ms(m(f'{w} key {measure} {direction}'))} / {ms(samples.p95(f'{w} key {measure} {direction}'))}"
                for w, name in (
                    ("send", "send-tui"),
                    ("bare", "pushing"),
                    ("in place", "in place"),
                    ("shaped", "shaped"),
                )
            )
            rows.append(Row(f"↳ {words} to the {what}: median / p95", cells))
    rows += typing_rows(samples, typing)
    rows.append(
        Row(
            f"Content load + validation, shipped ({len(setup.shipped.nodes)} nodes): cold / cached",
            f"{ms(m('load shipped'))} / {ms(m('load shipped cached'))}",
        )
    )
    small, big = min(PACK_SIZES), max(PACK_SIZES)
    for size in PACK_SIZES:  # cold: the first start after the content changed
        rows.append(
            Row(
                f"Content load + validation, {size:,} nodes ({setup.pack_megabytes(size):.1f} MB TOML), cold",
                ms(m(f"load {size}")),
            )
        )
    growth = m(f"load {big}") / m(f"load {small}")
    exponent = math.log(growth) / math.log(big / small)
    rows.append(
        Row(
            f"Load growth, {small:,} -> {big:,} nodes",
            f"x{growth:.1f} the time for x{big // small} the nodes (exponent {exponent:.2f})",
            "linear (exponent <= 1.1)",
            exponent <= 1.1,
            "load",
        )
    )
    rows.append(
        Row(
            f"Content load, {big:,} nodes, from the content cache (every start but the first)",
            ms(m(f"load {big} cached")),
            "<= 1 s",
            m(f"load {big} cached") <= 1.0,
            "load",
        )
    )
    rows.append(
        Row(
            f"Search index, {big:,} nodes: built / read from the cache",
            f"{ms(m('index build'))} / {ms(m('index cached'))} (built in a thread when the palette "
            "first opens, not at start-up)",
            "<= 1 s (cached)",
            m("index cached") <= 1.0,
        )
    )
    rows.append(
        Row(
            f"Look-up at {big:,} nodes: median per query (p95)",
            f"{ms(m('lookup'))} ({ms(samples.p95('lookup'))}; {samples.count('lookup')} queries)",
            "<= 10 ms",
            m("lookup") <= 0.010,
            "lookup",
        )
    )
    cold = samples.values["render"][0]
    rows.append(
        Row(
            "Summary + every format (html, txt, md, docx), long path",
            f"{ms(m('render'))} (first run, importing python-docx: {ms(cold)})",
            "<= 300 ms",
            m("render") <= 0.300,
            "render",
        )
    )
    heavy = set(heavy_imports_on_import(setup.env)).union(
        *(one.heavy_loaded for one in startups["send"])
    )
    rows.append(
        Row(
            "python-docx, icalendar deferred (not loaded by import or start-up)",
            "yes" if not heavy else f"no: {', '.join(sorted(heavy))}",
            "deferred",
            not heavy,
        )
    )
    return rows


#: Issue 16's goals are for a key to its settled frame; a character typed is such a key.
TYPING_GOALS = "(the key goals, applied to typing)"


def typing_rows(samples: Samples, typing: dict[str, WalkResult]) -> list[Row]:
    """Typing into the letter form (`walk.TYPING`), send-tui's against the bare letter app's."""
    m, p95 = samples.median, samples.p95
    send, bare = m("send typing settled"), m("bare typing settled")
    send_p95, bare_p95 = p95("send typing settled"), p95("bare typing settled")
    lost = [f"{which} lost {w.lost_keys} characters" for which, w in typing.items() if w.lost_keys]
    typed = "; ".join(
        [
            f"{len(typing['send'].settled)} characters: "
            + ", ".join(f"{len(text)} into {name}" for name, text in TYPING),
            *lost,
        ]
    )
    rows = [
        Row(
            "Typing in the letter form, a character to the settled frame: median / p95",
            f"send-tui {ms(send)} / {ms(send_p95)}, bare {ms(bare)} / {ms(bare_p95)} ({typed})",
            f"<= 20 ms / <= 50 ms {TYPING_GOALS}",
            send <= 0.020 and send_p95 <= 0.050,
            "typing",
        ),
        Row(
            "↳ against bare Textual typing into a form of the same shape, preview set out on "
            "every change (median ratio)",
            f"{send / bare:.2f} ({ms(send)} / {ms(bare)})",
            f"<= 1.3 {TYPING_GOALS}",
            send / bare <= 1.3,
            "typing",
        ),
        Row(
            "↳ a character to the first paint: median (send-tui / bare); frames per character",
            f"{ms(m('send typing first_paint'))} / {ms(m('bare typing first_paint'))}; "
            f"{m('send typing frames'):.0f} / {m('bare typing frames'):.0f} frames",
        ),
    ]
    if all(samples.count(f"send typing settled {name}") for name, _text in TYPING):
        rows.append(
            Row(
                "↳ by field, to the settled frame: median (send-tui / bare)",
                ", ".join(
                    f"{name} {ms(m(f'send typing settled {name}'))} / "
                    f"{ms(m(f'bare typing settled {name}'))}"
                    for name, _text in TYPING
                ),
            )
        )
    return rows


def walk_without_full_gc(setup: Setup) -> str:
    """The walk again, in its own process, with gen-2 collections deferred: how much of the
    tail is GC pauses. Deferred once the app has settled in, after it sets its own thresholds."""
    spec = {**walk_spec("send", setup.walk_paths, setup), "defer_full_gc": True}
    walked, (young, middle, full) = walk_in_child("send", spec, setup)
    deferred = Samples({"key": walked.settled})
    return (
        f"median {ms(deferred.median('key'))}, p95 {ms(deferred.p95('key'))} "
        f"(gc.set_threshold({young}, {middle}, {full}); {len(walked.settled)} keys, to the settled frame)"
    )


def explain(missed: list[str], setup: Setup) -> list[str]:
    """For each missed target, what dominates its time, from cProfile."""
    from send_tui.model.loader import load_content
    from send_tui.model.search import SearchIndex

    say("profiling the missed targets ...")
    notes = []
    biggest = setup.packs[max(PACK_SIZES)].root
    if "startup" in missed:
        send = own_time_by_package(profile_startup("send", setup.env, setup.scratch))
        bare = own_time_by_package(profile_startup("bare", setup.env, setup.scratch))
        notes.append(
            f"start-up, send-tui's own time over bare Textual's (cProfile), "
            f"{describe_shares(send, against=bare)}"
        )
        send = import_costs("send", setup.env, setup.scratch)
        bare = import_costs("bare", setup.env, setup.scratch)
        notes.append(
            f"start-up imports, send-tui's over bare Textual's (-X importtime), "
            f"{describe_shares(send, top=8, against=bare)}"
        )
    if "walk" in missed:
        profiled = setup.scratch / "walk-send.prof"
        spec = {**walk_spec("send", setup.walk_paths[:2], setup), "profile": str(profiled)}
        walk_in_child("send", spec, setup)
        stats = pstats.Stats(str(profiled))
        shares = own_time_by_package(stats)
        own = own_share(shares)
        notes.append(
            f"key presses, {describe_shares(shares)}; send-tui's own code {own:.1%}. "
            f"Phases (cumulative, overlapping): {describe_phases(stats, WALK_PHASES)}"
        )
        notes.append(
            f"key presses with the garbage collector's full collections deferred: {walk_without_full_gc(setup)}"
        )
    if "typing" in missed:
        profiled = setup.scratch / "typing-send.prof"
        typing_in_child("send", setup, profiled)
        stats = pstats.Stats(str(profiled))
        shares = own_time_by_package(stats)
        own = own_share(shares)
        notes.append(
            f"typing in the letter form (the whole walk: start-up, F5, every character), "
            f"{describe_shares(shares)}; send-tui's own code {own:.1%}. "
            f"Phases (cumulative, overlapping): {describe_phases(stats, WALK_PHASES)}"
        )
    if "load" in missed:
        stats = profile_call(lambda: load_content(biggest))
        notes.append(
            f"load, {max(PACK_SIZES):,} nodes, {describe_shares(own_time_by_package(stats))}"
        )
    if "lookup" in missed:
        content = load_content(biggest)
        index, queries = SearchIndex.build(content), lookup_queries(content)
        stats = profile_call(lambda: [index.search(q) for q in queries])
        notes.append(f"look-ups, {describe_shares(own_time_by_package(stats))}")
    if "render" in missed:
        stats = profile_call(lambda: render_all(setup.session))
        notes.append(f"rendering, {describe_shares(own_time_by_package(stats))}")
    return notes


# --- output -----------------------------------------------------------------------------------


def print_table(rows: list[Row], facts: dict[str, str], rounds: int, notes: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"send-tui benchmark, {facts['date']}", title_justify="left")
    for column in ("Measure", "Result (median)", "Target", ""):
        table.add_column(column, overflow="fold")
    for row in rows:
        style = "red" if row.met is False else None
        table.add_row(row.measure, row.result, row.target, verdict(row.met), style=style)
    console = Console()
    console.print(table, markup=False)
    console.print(_machine_line(facts, rounds), markup=False, highlight=False)
    for note in notes:
        console.print(f"Profile: {note}", markup=False, highlight=False)


def _machine_line(facts: dict[str, str], rounds: int) -> str:
    return (
        f"{facts['cpu']}, {facts['cores']} cores, {facts['os']}, Python {facts['python']}, "
        f"Textual {facts['textual']}; medians of {rounds} interleaved rounds."
    )


def readme_section(
    rows: list[Row], facts: dict[str, str], rounds: int, notes: list[str], note: str = ""
) -> str:
    """The "## Performance" section: the latest table and the machine it came from."""
    lines = [
        "## Performance",
        "",
        f"The latest `make bench` (bench/run.py), {facts['date']}: {_machine_line(facts, rounds)}",
        "",
        "| Measure | Result (median) | Target | |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.measure} | {r.result} | {r.target} | {verdict(r.met)} |" for r in rows]
    if note:
        lines += ["", note]
    if notes:
        lines += [
            "",
            "Where a target is missed, what dominates (cProfile, own time by package):",
            "",
        ]
        lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def replace_section(text: str, section: str, heading: str = "## Performance") -> str:
    """`text` with the section under `heading` replaced by `section` (appended if absent).

    Only that section changes: the README is shared, and other sections belong to others.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if start is None:
        return text.rstrip("\n") + "\n\n" + section
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + section + ("\n" + tail if tail else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=None, help="interleaved rounds (at least 5 for the table)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a short run while developing: 3 rounds, 3 paths, no profile, no README",
    )
    parser.add_argument(
        "--no-readme", action="store_true", help="do not write the table into README.md"
    )
    parser.add_argument("--no-profile", action="store_true", help="skip profiling missed targets")
    parser.add_argument(
        "--note",
        default="",
        help="a sentence for the README under the table (e.g. the machine was busy)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.no_readme = args.no_profile = True
    rounds = args.rounds or (3 if args.quick else 5)
    rows, facts, notes = run(
        rounds, profile=not args.no_profile, walk_paths=3 if args.quick else WALK_PATHS
    )
    print_table(rows, facts, rounds, notes)
    if not args.no_readme:
        README.write_text(
            replace_section(
                README.read_text(encoding="utf-8"),
                readme_section(rows, facts, rounds, notes, args.note),
            ),
            encoding="utf-8",
        )
        say(f"wrote the table into {README.relative_to(REPO)} (## Performance)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
