"""The content cache: a copy that is used only for exactly the same files, and never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from send_tui.model import content_cache
from send_tui.model.content_cache import (
    cache_file,
    cached_front,
    front_file,
    load_content_cached,
)
from send_tui.model.content_errors import ContentErrors
from send_tui.model.loader import load_content

SHIPPED = Path(__file__).parents[2] / "content"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(SHIPPED, copy)
    return copy


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each time the TOML is really read (the cache was not used)."""
    seen: list[Path] = []
    real = content_cache.load_content

    def counting(root: Path, local_pack: str | None = None):  # type: ignore[no-untyped-def]
        seen.append(root)
        return real(root, local_pack)

    monkeypatch.setattr(content_cache, "load_content", counting)
    return seen


def test_the_second_load_comes_from_the_cache_and_is_the_same_content(
    root: Path, tmp_path: Path, reads
) -> None:
    folder = tmp_path / "cache"
    first = load_content_cached(root, folder=folder)
    second = load_content_cached(root, folder=folder)
    assert len(reads) == 1
    assert second == first == load_content(root)
    assert second.nodes[second.start].title == first.nodes[first.start].title
    written = cache_file(folder, root, None)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600  # owner-only, like every file we write


def test_a_changed_file_is_read_again(root: Path, tmp_path: Path, reads) -> None:
    folder = tmp_path / "cache"
    load_content_cached(root, folder=folder)
    start = root / "national" / "start.toml"
    old = load_content(root).nodes["situation"].title
    start.write_text(
        start.read_text(encoding="utf-8").replace(old, "What is the caller's worry?"),
        encoding="utf-8",
    )
    changed = load_content_cached(root, folder=folder)
    assert len(reads) == 2
    assert changed.nodes["situation"].title == "What is the caller's worry?"


@pytest.mark.parametrize("damage", ["truncated", "flipped", "foreign", "empty"])
def test_a_corrupt_cache_is_ignored_and_rewritten(
    root: Path, tmp_path: Path, reads, damage: str
) -> None:
    folder = tmp_path / "cache"
    good = load_content_cached(root, folder=folder)
    path = cache_file(folder, root, None)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        path.write_bytes(data[:-10] + bytes(b ^ 0xFF for b in data[-10:]))
    elif damage == "foreign":
        path.write_bytes(b"not a send-tui cache at all\n" + data)
    else:
        path.write_bytes(b"")
    again = load_content_cached(root, folder=folder)
    assert again == good
    assert len(reads) == 2
    assert path.read_bytes() == data  # rewritten whole
    load_content_cached(root, folder=folder)
    assert len(reads) == 2


_RAN: list[str] = []


def _run_planted_code(what: str) -> None:
    _RAN.append(what)


class _Planted:
    """What another account might leave in a shared cache folder: unpickling it runs code."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_run_planted_code, ("ran",))


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")
@pytest.mark.parametrize("how", ["writable by others", "another user's file"])
def test_a_cache_anyone_else_could_have_written_is_never_unpickled(
    root: Path, tmp_path: Path, reads, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    folder = tmp_path / "cache"
    good = load_content_cached(root, folder=folder)
    path = cache_file(folder, root, None)
    magic, key, _checksum, _payload = path.read_bytes().split(b"\n", 3)
    planted = pickle.dumps(_Planted())
    checksum = hashlib.sha256(planted).hexdigest().encode("ascii")
    path.write_bytes(b"\n".join([magic, key, checksum, planted]))  # sound, to the checksum
    if how == "writable by others":
        path.chmod(0o666)
    else:
        real = os.geteuid()
        monkeypatch.setattr(os, "geteuid", lambda: real + 1)
    assert load_content_cached(root, folder=folder) == good
    assert _RAN == []  # the file was never unpickled: the TOML was read instead
    assert len(reads) == 2


def test_a_cache_for_other_content_is_never_used(root: Path, tmp_path: Path, reads) -> None:
    folder = tmp_path / "cache"
    other = tmp_path / "other"
    shutil.copytree(root, other)
    start = other / "national" / "start.toml"
    title = load_content(root).nodes["situation"].title
    start.write_text(
        start.read_text(encoding="utf-8").replace(title, "Another pack's question"),
        encoding="utf-8",
    )
    load_content_cached(other, folder=folder)
    # Put the other pack's cache where this pack's would be: its key does not match, so unused.
    shutil.copy(cache_file(folder, other, None), cache_file(folder, root, None))
    mine = load_content_cached(root, folder=folder)
    assert mine.nodes["situation"].title == title
    assert mine.root == root
    assert len(reads) == 2


def test_content_with_errors_is_never_cached(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    start = root / "national" / "start.toml"
    start.write_text(
        start.read_text(encoding="utf-8").replace(
            'next = "raised_with_school"', 'next = "nowhere"'
        ),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(ContentErrors):
            load_content_cached(root, folder=folder)
    assert not cache_file(folder, root, None).exists()


def test_an_unwritable_cache_folder_still_loads(root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert load_content_cached(root, folder=blocker) == load_content(root)


def test_the_search_index_is_cached_beside_the_content(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from send_tui.model.search import SearchIndex

    folder = tmp_path / "cache"
    builds: list[object] = []
    real = SearchIndex.build.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(
        SearchIndex, "build", classmethod(lambda cls, c: builds.append(c) or real(cls, c))
    )
    content = load_content_cached(root, folder=folder)
    first = content_cache.search_index_cached(content)
    again = content_cache.search_index_cached(load_content_cached(root, folder=folder))
    assert len(builds) == 1
    query = "appeal tribunal deadline"
    assert [r.title for r in again.search(query)] == [r.title for r in first.search(query)]
    # content that did not come through the cache gets its own index, built from it
    content_cache.search_index_cached(load_content(root))
    assert len(builds) == 2


def test_the_front_page_gives_the_start_screen_and_loads_the_same_content(
    root: Path, tmp_path: Path, reads
) -> None:
    folder = tmp_path / "cache"
    assert cached_front(root, folder=folder) is None  # nothing cached yet: load at once
    loaded = load_content_cached(root, folder=folder)
    found = cached_front(root, folder=folder)
    assert found is not None
    front, load = found
    assert front.review_date == loaded.review_date
    assert front.local_pack == loaded.local_pack
    assert front.common_questions == tuple(loaded.common_questions)
    assert stat.S_IMODE(front_file(cache_file(folder, root, None)).stat().st_mode) == 0o600
    assert load() == loaded
    assert len(reads) == 1  # the content came from the cache, not the TOML


def test_no_front_page_for_changed_files_or_a_damaged_cache(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_content_cached(root, folder=folder)
    cache = cache_file(folder, root, None)
    # A damaged cache: the front page alone does not do, the content must come too.
    data = cache.read_bytes()
    cache.write_bytes(data[:-10] + bytes(b ^ 0xFF for b in data[-10:]))
    assert cached_front(root, folder=folder) is None
    cache.write_bytes(data)
    # A damaged front page.
    front = front_file(cache)
    good = front.read_bytes()
    for bad in (b"", b"{", b'{"key": 1}', good.replace(b"review_date", b"reviewed")):
        front.write_bytes(bad)
        assert cached_front(root, folder=folder) is None
    front.write_bytes(good)
    assert cached_front(root, folder=folder) is not None
    # A changed content file: a new key, so the old front page is not this content's.
    start = root / "national" / "start.toml"
    start.write_text(start.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cached_front(root, folder=folder) is None


def test_a_cache_written_before_front_pages_gets_one_on_its_next_read(
    root: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    load_content_cached(root, folder=folder)
    front_file(cache_file(folder, root, None)).unlink()
    assert cached_front(root, folder=folder) is None
    load_content_cached(root, folder=folder)
    assert cached_front(root, folder=folder) is not None
