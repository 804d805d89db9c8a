"""The benchmark's walks still walk (bench/walk.py): nothing is timed here, only that they work.

`make bench` is run by hand, so a change to the wizard can break its walks unseen: the shaped
baseline's recording of what send-tui shows broke once when the option rows became Visuals.
One shipped path through each walk: send-tui's own, the recording of what it showed after
every key, the shaped app playing that recording back key for key, and the bare in-place app.
And a few characters typed into send-tui's letter form and into the bare letter app.
"""

from __future__ import annotations

import sys
from pathlib import Path

from send_tui.model import graph
from tests.sessions import shipped

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import walk  # noqa: E402  (bench/ is not a package)


def short_path() -> tuple[graph.Step, ...]:
    """The shortest shipped path that goes through a question to an outcome."""
    paths = [path for path in graph.paths(shipped()) if len(path) >= 3]
    return min(paths, key=len)


async def test_each_benchmark_walk_takes_every_key_of_a_shipped_path() -> None:
    path = short_path()
    sent = await walk.walk_send_tui([path])
    assert sent.lost_keys == 0 and sent.wrong_ends == 0
    assert sent.settled and all(frames >= 1 for frames in sent.frames)

    shapes = await walk.record_wizard_shapes([path])
    script = [step for steps in shapes["paths"] for step in steps]
    assert shapes["start"]["footer"] and script
    wizard = [shown for _key, _moved, shown in script if shown["screen"] == "wizard"]
    assert wizard and all(shown["title"]["text"] and shown["footer"] for shown in wizard)
    shaped = await walk.walk_shaped(shapes["start"], script)
    assert shaped.lost_keys == 0
    assert len(shaped.settled) == len(sent.settled)  # the same moves, key for key

    keys = list(walk.bare_keys(shipped(), [path]))
    in_place = await walk.walk_bare(keys, in_place=True)
    assert in_place.lost_keys == 0 and len(in_place.settled) == len(keys)


async def test_the_typing_walk_types_every_character_into_the_letter_form() -> None:
    """Each character typed reaches its field, in send-tui (read back from the session the
    letter form keeps in step) and in the bare letter app, and each has its timing."""
    typing = [("outcome", "A m"), ("addressee_name", "Ms")]
    session = walk.letter_session(shipped())
    sent = await walk.walk_letter_send(typing, session=session)
    assert sent.lost_keys == 0 and len(sent.settled) == len(sent.first_paint) == 5
    assert session.letter_fields["outcome"] == "A m"
    assert session.letter_fields["addressee_name"] == "Ms"

    bare = await walk.walk_letter_bare(typing)
    assert bare.lost_keys == 0 and len(bare.settled) == 5
    assert bare.keys == sent.keys == ["A", "space", "m", "M", "s"]


def test_the_benchmarks_generated_packs_still_load(tmp_path: Path) -> None:
    """The generated packs copy the shipped clocks and letters, which name shipped questions: a
    new such name (a clock waived by who discriminated) once left the benchmark unable to load
    its 1,000- and 10,000-node packs."""
    import generate  # bench/generate.py

    from send_tui.model.loader import load_content

    stats = generate.generate_pack(tmp_path / "pack", nodes=60)
    content = load_content(stats.root)
    assert len(content.nodes) == stats.nodes
    assert {"caller", "appeal_scope", "discrimination_who"} <= content.nodes.keys()
