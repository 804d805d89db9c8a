"""A cache of the loaded and checked content, so a large pack starts in a fraction of the time.

Reading and checking TOML is most of start-up for a big council pack (74% of a 10,000-node load
is `tomllib`). The cache holds the finished `Content`, keyed by a hash of send-tui's version,
Python's, where the content is, the local pack asked for, and the bytes of every content file.
A changed file changes the key, so it is always read again. The cache is only a copy: one
that is corrupt, truncated, written by another version or for other content is ignored and
rewritten, never trusted, and any failure to read or write it just means a normal load.

The file is a header line, the key, a SHA-256 of the payload, then the pickled payload; the
payload is unpickled only when the key matches and its hash checks. Beside it, a front page
(TOML, the same key) holds what the start screen shows of the content, so the app can show
that screen before it imports the content model and unpickles the content (`cached_front`).
Both live in the user's own cache folder (owner-only, written atomically): they hold content,
never anything about a caller.
"""

from __future__ import annotations

import copyreg
import hashlib
import os
import stat
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from send_tui.model.content_names import MANIFEST

# The loader (tomllib, the checks, the graph) is imported only when the cache cannot be used,
# so a cached start does not pay for importing it; and the content model itself only when
# the cache is read, so the start screen can be shown from the front page first (`Front`).

if TYPE_CHECKING:
    from send_tui.model.content import Content
    from send_tui.model.search import SearchIndex

MAGIC = b"send-tui content cache 1\n"
INDEX_MAGIC = b"send-tui search index cache 1\n"

#: The content this process last loaded through the cache, with its key and cache file, so the
#: search index built from it can be cached beside it. Only the latest: nothing accumulates.
_last_loaded: tuple[Content, str, Path] | None = None


def mapping_proxy(items: dict) -> MappingProxyType:  # type: ignore[type-arg]
    """Rebuilds a read-only mapping on unpickling (the type itself has no importable name)."""
    return MappingProxyType(items)


def _reduce_mapping_proxy(
    proxy: MappingProxyType,  # type: ignore[type-arg]
) -> tuple[Callable[..., MappingProxyType], tuple[dict]]:  # type: ignore[type-arg]
    return mapping_proxy, (dict(proxy),)


# The content's read-only mappings cannot be pickled as they are; rebuilt from a plain dict.
copyreg.pickle(MappingProxyType, _reduce_mapping_proxy)


#: The code that shapes what is cached: a change to any of it is a change of key.
_MODEL = Path(__file__).resolve().parent
_CODE = (
    "content.py",
    "loader.py",
    "graph.py",
    "toml_table.py",
    "toml_file.py",
    "content_errors.py",
    "search.py",
    "content_cache.py",
)


def _content_files(root: Path) -> list[Path]:
    """Every file the loader may read: the manifest, national/ and every local pack."""
    from send_tui.model.toml_file import misnamed_toml_files

    files = [root / MANIFEST, *sorted((root / "national").glob("*.toml"))]
    files += sorted((root / "local").glob("*/*.toml"))
    # a misnamed `contacts.toml.txt` changes the key too, so the loader runs and reports it
    for folder in [root / "national", *sorted((root / "local").glob("*"))]:
        if folder.is_dir():
            files += [path for path, _ in misnamed_toml_files(folder)]
    return files


def content_key(root: Path, local_pack: str | None) -> str:
    """A hash of everything the loaded content depends on; any change gives another key."""
    from send_tui import __version__

    digest = hashlib.sha256()
    for part in (__version__, sys.version, str(root.resolve()), local_pack or ""):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for module in _CODE:  # so an edited loader in a checkout (same version) is not trusted either
        digest.update(hashlib.sha256((_MODEL / module).read_bytes()).digest())
    for path in _content_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cache_file(folder: Path, root: Path, local_pack: str | None) -> Path:
    """One file per content location and pack, so other content never overwrites this one."""
    where = hashlib.sha256(
        f"{root.resolve()}\0{local_pack or ''}".encode("utf-8", "surrogateescape")
    )
    return folder / f"content-{where.hexdigest()[:24]}.cache"


def _own_bytes(path: Path) -> bytes | None:
    """The bytes of `path` if this user alone could have written them; None otherwise.

    Unpickling runs code, so a cache is read only if it is this user's own file and nobody
    else can write to it: on a shared desktop, a cache folder set to a shared place (a
    SEND_TUI_CACHE_DIR in /tmp, say) must not let another account plant a file the adviser's
    app then runs. The checks are on the open file itself, so it cannot be swapped between
    check and read. (Windows has no owner ids here; its profile folders are per user.)
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(file.fileno())
            if hasattr(os, "geteuid") and (
                info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            ):
                return None
            return file.read()
        except OSError:
            return None


def _checked_payload(path: Path, key: str, magic: bytes) -> bytes | None:
    """The pickled payload of the cache at `path` if it is for exactly `key` and checks out."""
    data = _own_bytes(path)
    if data is None:
        return None
    header = magic + key.encode("ascii") + b"\n"
    if not data.startswith(header):
        return None
    checksum, newline, payload = data[len(header) :].partition(b"\n")
    if not newline or hashlib.sha256(payload).hexdigest().encode("ascii") != checksum:
        return None
    return payload


def read_cached(path: Path, key: str, magic: bytes = MAGIC, kind: type | None = None) -> Any:
    """What `path` caches if it is a sound cache of `kind` (`Content` if not given) for exactly
    `key`; None otherwise."""
    if kind is None:
        from send_tui.model.content import Content

        kind = Content
    payload = _checked_payload(path, key, magic)
    if payload is None:
        return None
    import pickle  # (here, not at the top: a start from the front page does not unpickle yet)

    try:
        content = pickle.loads(payload)
    except Exception:  # a cache is only a copy: anything wrong with it means "read the files"
        return None
    return content if isinstance(content, kind) else None


def write_cache(path: Path, key: str, content: object, magic: bytes = MAGIC) -> bool:
    """Write the cache atomically, owner-only; False (and nothing else) if it cannot be written."""
    import pickle

    from send_tui.model.storage import SaveError, ensure_private_dir, write_atomic

    try:
        payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    checksum = hashlib.sha256(payload).hexdigest().encode("ascii")
    try:
        ensure_private_dir(path.parent)
        write_atomic(
            path, magic + key.encode("ascii") + b"\n" + checksum + b"\n" + payload, overwrite=True
        )
    except (SaveError, OSError):
        return False
    return True


@dataclass(frozen=True)
class Front:
    """What the start screen shows of the content, readable before the content model loads."""

    review_date: date
    local_pack: str
    common_questions: tuple[tuple[str, str], ...]  # (question, node id)

    @classmethod
    def of(cls, content: Content) -> Front:
        return cls(content.review_date, content.local_pack, tuple(content.common_questions))


def front_file(cache: Path) -> Path:
    return cache.with_suffix(".front")


def write_front(cache: Path, key: str, content: Content) -> None:
    """Write the start screen's facts beside the cache (TOML, atomic, owner-only); or nothing.

    TOML, since the settings have already imported `tomllib` when the front page is read."""
    import tomli_w

    from send_tui.model.storage import SaveError, ensure_private_dir, write_atomic

    facts = Front.of(content)
    front = {
        "key": key,
        "review_date": facts.review_date.isoformat(),
        "local_pack": facts.local_pack,
        "common_questions": [list(question) for question in facts.common_questions],
    }
    try:
        ensure_private_dir(cache.parent)
        write_atomic(front_file(cache), tomli_w.dumps(front).encode("utf-8"), overwrite=True)
    except (SaveError, OSError):
        pass


def cached_front(
    root: Path, local_pack: str | None = None, *, folder: Path | None = None
) -> tuple[Front, Callable[[], Content]] | None:
    """The start screen's facts for exactly this content, and what loads the content itself.

    Only content that loaded and checked cleanly is cached, and the cache's payload is read
    and its checksum checked here: the loader returned then only unpickles it (importing the
    content model). (Should unpickling still fail, it reads the files as without a cache.)
    None when there is no sound front page and cache for these files: the content is then
    loaded at once.
    """
    if folder is None:
        from send_tui.paths import cache_dir

        folder = cache_dir()
    root = Path(root)
    try:
        key = content_key(root, local_pack)
        path = cache_file(folder, root, local_pack)
        front = tomllib.loads(front_file(path).read_bytes().decode("utf-8"))
        questions = tuple((str(q), str(n)) for q, n in front["common_questions"])
        if front["key"] != key or not isinstance(front["local_pack"], str):
            return None
        facts = Front(date.fromisoformat(front["review_date"]), front["local_pack"], questions)
    except (OSError, ValueError, KeyError, TypeError):  # (tomllib's error is a ValueError)
        return None
    payload = _checked_payload(path, key, MAGIC)
    if payload is None:
        return None

    def load() -> Content:
        import pickle

        from send_tui.model.content import Content

        global _last_loaded
        try:
            content = pickle.loads(payload)
        except Exception:  # (checked above: only a broken Python install gets here)
            content = None
        if not isinstance(content, Content):
            return load_content_cached(root, local_pack, folder=folder)
        _last_loaded = (content, key, path)
        return content

    return facts, load


def load_content(root: Path, local_pack: str | None = None) -> Content:
    """Read and check the files (the loader, imported now: see above)."""
    from send_tui.model import loader

    return loader.load_content(root, local_pack)


def load_content_cached(
    root: Path, local_pack: str | None = None, *, folder: Path | None = None
) -> Content:
    """`load_content`, from the cache in `folder` when it holds this exact content.

    Raises `ContentErrors` as `load_content` does; content with errors is never cached.
    """
    if folder is None:
        from send_tui.paths import cache_dir

        folder = cache_dir()
    root = Path(root)
    try:
        key = content_key(root, local_pack)
    except OSError:
        return load_content(root, local_pack)  # a file cannot be read: let the loader say which
    path = cache_file(folder, root, local_pack)
    global _last_loaded
    cached = read_cached(path, key)
    if cached is not None:
        _last_loaded = (cached, key, path)
        if not front_file(path).exists():  # (a cache written before there were front pages)
            write_front(path, key, cached)
        return cast("Content", cached)
    content = load_content(root, local_pack)
    if content_key(root, local_pack) == key:  # not edited while it was being read
        if write_cache(path, key, content):
            write_front(path, key, content)
        _last_loaded = (content, key, path)
    return content


def search_index_cached(content: Content) -> SearchIndex:
    """The search index for `content`, from beside its cache when it came through the cache.

    Building the index for 10,000 nodes takes seconds; reading it back takes a tenth of that.
    Content that did not come through `load_content_cached` gets a freshly built index.
    """
    from send_tui.model.search import SearchIndex

    if _last_loaded is None or _last_loaded[0] is not content:
        return SearchIndex.build(content)
    _, key, path = _last_loaded
    index_path = path.with_suffix(".index")
    cached = read_cached(index_path, key, INDEX_MAGIC, SearchIndex)
    if cached is not None:
        return cast("SearchIndex", cached)
    index = SearchIndex.build(content)
    write_cache(index_path, key, index, INDEX_MAGIC)
    return index
