"""Generate large, valid content packs, so the benchmark can show how loading and search scale.

A real council pack holds a few dozen screens; the benchmark asks what happens at 1,000 and
10,000. The packs follow docs/content-format.md exactly (the loader must accept them): questions
with up to 9 options, information and multi-choice steps with branches, outcomes, routes with
prerequisites, references, glossary terms with aliases, letters, the shipped clocks (all of them) and a
local pack with contacts and term dates. The same seed always gives the same pack.

    .venv/bin/python bench/generate.py OUT_DIR --nodes 10000
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "content"
LOCAL_PACK = "bench-council"
REVIEWED = date(2026, 11, 28)
NODES_PER_FILE = 500

#: Words a SEND adviser's content is made of, so search sees a realistic vocabulary; generated
#: syllable words are added so that a large pack also has a large vocabulary.
_SEND_WORDS = (
    "school college council appeal tribunal mediation complaint exclusion suspension plan "
    "assessment provision support health social care needs parent child young person letter "
    "decision review deadline certificate adviser sendiass senco governor head teacher panel "
    "nursery early years transport placement therapy speech language occupational annual "
    "amendment section refusal disagreement resolution independent local offer family "
    "information advice reasonable adjustments discrimination equality timetable attendance"
).split()
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "shi", "bo", "de", "fa", "gu", "pe", "zo", "vin")


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    made = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return [*_SEND_WORDS, *sorted(made)]


@dataclass
class _Writer:
    """Builds the pack's tables; `text()` draws words from one vocabulary for every field."""

    rng: random.Random
    vocabulary: list[str]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def text(self, low: int, high: int) -> str:
        words = self.rng.choices(self.vocabulary, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def file(self, relative: str, title: str) -> dict[str, Any]:
        """The tables of one content file, created with its [meta] table on first use."""
        if relative not in self.files:
            self.files[relative] = {
                "meta": {
                    "title": title,
                    "reviewed": REVIEWED,
                    "sources": ["Generated for the benchmark"],
                }
            }
        return self.files[relative]


@dataclass(frozen=True)
class PackStats:
    """What a generated pack holds, for the benchmark table."""

    root: Path
    nodes: int
    routes: int
    refs: int
    terms: int
    files: int


def _shape(rng: random.Random, total: int) -> tuple[list[str], dict[int, list[int]]]:
    """Node kinds and the tree that makes every node reachable, in breadth-first order.

    Ids grow along every edge, so extra links to any later node keep the graph acyclic, and the
    leaves (outcomes) give every walk an end.
    """
    kinds = ["question"]
    children: dict[int, list[int]] = {}
    queue, count, head = [0], 1, 0
    while head < len(queue) and count < total:
        parent = queue[head]
        head += 1
        kind = kinds[parent]
        wanted = {"question": rng.randint(1, 3), "info": 1, "multi": rng.randint(1, 2)}[kind]
        wanted = min(wanted, total - count)
        children[parent] = list(range(count, count + wanted))
        for child in children[parent]:
            kinds.append(rng.choices(("question", "info", "multi"), weights=(70, 15, 15))[0])
            queue.append(child)
        count += wanted
    for index in range(total):
        if not children.get(index):
            kinds[index] = "outcome"
    return kinds, children


def generate_pack(root: Path, nodes: int, seed: int = 0) -> PackStats:
    """Write a valid content pack of `nodes` nodes under `root` (replacing what is there)."""
    rng = random.Random(seed)
    writer = _Writer(rng, _vocabulary(rng, max(200, nodes // 2)))
    kinds, children = _shape(rng, nodes)
    node_ids = [f"n{index}" for index in range(nodes)]

    clocks = tomllib.loads((SHIPPED / "national" / "clocks.toml").read_text("utf-8"))
    clock_ids = sorted(clocks["clocks"])
    clock_refs = sorted(
        {ref for clock in clocks["clocks"].values() for ref in clock.get("refs", [])}
    )
    letters = tomllib.loads((SHIPPED / "national" / "letters.toml").read_text("utf-8"))
    letter_ids = sorted(letters["letters"])

    refs = writer.file("national/references.toml", "References")
    refs["refs"] = {}
    ref_ids = list(clock_refs)
    for ref_id in clock_refs:
        refs["refs"][ref_id] = {"cite": ref_id.replace("_", " "), "title": writer.text(4, 10)}
    for index in range(max(20, nodes // 10)):
        ref_id = f"ref{index}"
        ref_ids.append(ref_id)
        refs["refs"][ref_id] = {
            "cite": f"{index // 100 + 1}.{index % 100 + 1}",
            "title": writer.text(4, 12),
            "source": f"https://example.org/guidance/{index}",
        }

    glossary = writer.file("national/glossary.toml", "Glossary")
    glossary["glossary"] = {}
    term_ids = [f"term{index}" for index in range(max(20, nodes // 20))]
    for term_id in term_ids:
        glossary["glossary"][term_id] = {
            "term": writer.text(1, 3).rstrip("."),
            "definition": writer.text(12, 30),
            "aliases": [writer.text(1, 2).rstrip(".") for _ in range(rng.randint(0, 3))],
        }

    organisations = writer.file("national/organisations.toml", "Organisations")
    organisations["contacts"] = {
        f"org{index}": {
            "name": writer.text(2, 5).rstrip("."),
            "description": writer.text(8, 20),
            "website": f"https://example.org/org{index}",
        }
        for index in range(10)
    }
    local = writer.file(f"local/{LOCAL_PACK}/contacts.toml", "Local contacts")
    local["contacts"] = {
        f"local{index}": {
            "name": writer.text(2, 5).rstrip("."),
            "description": writer.text(8, 20),
            "phone": "to be confirmed",
            "email": "to be confirmed",
        }
        for index in range(6)
    }
    contact_ids = [*organisations["contacts"], *local["contacts"]]

    route_count = max(10, nodes // 50)
    route_ids = [f"route{index}" for index in range(route_count)]
    routes = writer.file("national/routes.toml", "Routes")
    routes["routes"] = {}
    for index, route_id in enumerate(route_ids):
        route: dict[str, Any] = {
            "title": writer.text(2, 6).rstrip("."),
            "summary": writer.text(15, 35),
            "order": index * 10,
            "refs": rng.sample(ref_ids, 3),
            "contacts": rng.sample(contact_ids, 2),
            "clocks": rng.sample(clock_ids, 2),
        }
        if index % 7 == 3:
            route["letter"] = rng.choice(letter_ids)
        routes["routes"][route_id] = route

    questions = [index for index, kind in enumerate(kinds) if kind == "question"]
    option_ids: dict[int, list[str]] = {}
    for index in range(nodes):
        kind = kinds[index]
        node: dict[str, Any] = {"kind": kind, "title": writer.text(5, 14).rstrip(".") + "?"}
        node["body"] = "\n\n".join(writer.text(10, 40) for _ in range(rng.randint(1, 3)))
        node["terms"] = rng.sample(term_ids, rng.randint(0, 4))
        if rng.random() < 0.3:
            node["refs"] = rng.sample(ref_ids, rng.randint(1, 3))
        later = list(range(index + 1, nodes))
        own = children.get(index, [])
        if kind == "question":
            targets = (
                own + [rng.choice(later) for _ in range(rng.randint(0, 9 - len(own)))]
                if later
                else own
            )
            node["options"] = [
                {
                    "id": f"o{number}",
                    "label": writer.text(3, 9).rstrip("."),
                    "next": node_ids[target],
                }
                | ({"hint": writer.text(3, 8)} if rng.random() < 0.1 else {})
                for number, target in enumerate(targets)
            ]
            option_ids[index] = [option["id"] for option in node["options"]]
        elif kind == "info":
            node["next"] = node_ids[own[0]]
        elif kind == "multi":
            count = rng.randint(2, 9)
            node["options"] = [
                {
                    "id": f"o{number}",
                    "label": writer.text(2, 6).rstrip("."),
                    "route": rng.choice(route_ids),
                }
                for number in range(count - 1)
            ] + [{"id": "not_sure", "label": "Not sure", "exclusive": True}]
            node["next"] = node_ids[own[0]]
            if len(own) > 1:
                node["branches"] = [{"when": {node_ids[index]: ["o0"]}, "to": node_ids[own[1]]}]
        else:
            node["route"] = rng.choice(route_ids)
            node["next_steps"] = [writer.text(5, 15) for _ in range(rng.randint(1, 5))]
            node["contacts"] = rng.sample(contact_ids, rng.randint(1, 3))
            node["clocks"] = rng.sample(clock_ids, rng.randint(0, 3))
            if rng.random() < 0.3:
                node["also_routes"] = rng.sample(route_ids, 2)
            if rng.random() < 0.1:
                node["letter"] = rng.choice(letter_ids)
        part = index // NODES_PER_FILE
        writer.file(f"national/steps-{part:03d}.toml", f"Steps, part {part}").setdefault(
            "nodes", {}
        )[node_ids[index]] = node

    # A few prerequisites, some waived by an answer, as the appeal route is by appeal_scope.
    for index, route_id in enumerate(route_ids[1:], start=1):
        if index % 5 == 0 and questions:
            question = rng.choice(questions)
            routes["routes"][route_id]["before"] = [
                {
                    "route": route_ids[index - 1],
                    "note": writer.text(6, 14),
                    "unless": {node_ids[question]: [option_ids[question][0]]},
                }
            ]

    # The shipped clocks and letters name the `caller`, `appeal_scope`, `discrimination_who` and
    # `council_decision` questions (a letter's wording per caller, clocks waived by the scope of
    # an appeal, by who discriminated or by the council's decision), so the pack has all four.
    first = node_ids[0]
    writer.file("national/start.toml", "Opening questions")["nodes"] = {
        "caller": {
            "kind": "question",
            "title": "Who is calling?",
            "default": "parent",
            "body": writer.text(10, 30),
            "options": [
                {"id": "parent", "label": "A parent or carer", "next": first},
                {"id": "young_person", "label": "The young person", "next": "appeal_scope"},
                {"id": "helper", "label": "A helper", "next": "discrimination_who"},
                {"id": "representative", "label": "A representative", "next": "council_decision"},
            ],
        },
        "appeal_scope": _question(
            writer,
            {"school_only": "Only the school named", "other_parts": "Other parts too"},
            first,
        ),
        "discrimination_who": _question(
            writer, {"school": "A school", "other": "Someone else"}, first
        ),
        "council_decision": _question(
            writer,
            {
                option: option.replace("_", " ").capitalize()
                for option in (
                    "refuse_assessment",
                    "no_plan",
                    "refuse_amend",
                    "cease_plan",
                    "health_social_in_plan",
                    "other_council",
                    "plan_contents",
                    "amendments",
                )
            },
            first,
        ),
    }

    if root.exists():
        shutil.rmtree(root)
    for relative, tables in writer.files.items():
        _write(root / relative, tables)
    _write(root / "manifest.toml", {"manifest": {"start": "caller", "local_pack": LOCAL_PACK}})
    shutil.copy(SHIPPED / "national" / "clocks.toml", root / "national" / "clocks.toml")
    shutil.copy(SHIPPED / "national" / "letters.toml", root / "national" / "letters.toml")
    shipped_terms = next((SHIPPED / "local").glob("*/term-dates.toml"))
    shutil.copy(shipped_terms, root / "local" / LOCAL_PACK / "term-dates.toml")
    return PackStats(
        root, nodes + 4, len(route_ids), len(ref_ids), len(term_ids), len(writer.files) + 4
    )


def _question(writer: _Writer, options: dict[str, str], first: str) -> dict[str, Any]:
    """A question the shipped content names, with these options (id: label), all on to `first`."""
    return {
        "kind": "question",
        "title": writer.text(5, 12).rstrip(".") + "?",
        "body": writer.text(10, 30),
        "options": [{"id": i, "label": label, "next": first} for i, label in options.items()],
    }


def _write(path: Path, tables: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tomli_w.dumps(tables).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the pack into (replaced)")
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check", action="store_true", help="load the pack with send-tui's loader")
    args = parser.parse_args(argv)
    stats = generate_pack(args.out, args.nodes, args.seed)
    print(
        f"{stats.nodes} nodes, {stats.routes} routes, {stats.refs} refs, {stats.terms} terms "
        f"in {stats.files} files under {stats.root}"
    )
    if args.check:
        from send_tui.model.loader import load_content

        content = load_content(args.out)
        print(f"valid: {len(content.nodes)} nodes loaded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
