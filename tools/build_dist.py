"""`make dist`: the offline bundle a helpline desktop or a drop-in laptop installs from.

dist/send-tui-<version>-offline/ (and a .zip of it) holds INSTALL.txt and wheelhouse/: the
send-tui wheel and every runtime dependency as wheels for Windows (win_amd64) and Linux
(manylinux x86-64) on Python 3.11, 3.12 and 3.13. lxml (via python-docx) is the only compiled
dependency, so those are the wheels that differ by platform; the rest are pure Python.

Downloads go through pip with the pins in constraints/test.txt, into dist/wheel-cache/, which
later builds reuse: each target is first resolved from the cache alone (no network) and only
fetched from the index when something is missing. `--verify` installs the bundle with
`--no-index` into a fresh venv and runs `send-tui check` and `python -m send_tui` from it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
CACHE = DIST / "wheel-cache"
CONSTRAINTS = ROOT / "constraints" / "test.txt"

PYTHONS = ("3.11", "3.12", "3.13")
#: pip's platform tags, best first: manylinux2014 (glibc 2.17) runs on the oldest Linux desktops;
#: 2_28 is there for a dependency that no longer builds for 2014.
PLATFORMS = {
    "windows": ("win_amd64",),
    "linux": ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"),
}


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def bundle_dir() -> Path:
    return DIST / f"send-tui-{version()}-offline"


def pip(*args: str, quiet_failure: bool = False) -> None:
    """Run pip; with `quiet_failure`, a failure raises without printing pip's error."""
    output = subprocess.DEVNULL if quiet_failure else None
    subprocess.run([sys.executable, "-m", "pip", *args], check=True, stdout=output, stderr=output)


def build_wheel(into: Path) -> Path:
    """Our own wheel, built from this checkout (hatchling is in the test environment)."""
    shutil.rmtree(into, ignore_errors=True)
    pip(
        "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(into), str(ROOT)
    )
    [wheel] = into.glob("send_tui-*.whl")
    return wheel


def fetch(own: Path, wheelhouse: Path, python: str, platforms: tuple[str, ...]) -> None:
    """Every wheel send-tui needs on one Python and platform, into `wheelhouse`.

    From the cache alone when it has them; otherwise from the index into the cache, then again
    from the cache, so the wheelhouse holds exactly what this target resolves to.
    """
    target = [
        "--only-binary=:all:",
        "--python-version",
        python,
        "--implementation",
        "cp",
        *[arg for platform in platforms for arg in ("--platform", platform)],
        "--constraint",
        str(CONSTRAINTS),
        "--find-links",
        str(own),
        f"send-tui=={version()}",
    ]
    offline = [
        "download",
        "--quiet",
        "--no-index",
        "--find-links",
        str(CACHE),
        "--dest",
        str(wheelhouse),
    ]
    try:
        pip(*offline, *target, quiet_failure=True)
    except subprocess.CalledProcessError:
        print(f"fetching wheels for Python {python} on {platforms[0]}", file=sys.stderr)
        pip("download", "--quiet", "--dest", str(CACHE), *target)
        pip(*offline, *target)


def build() -> Path:
    bundle = bundle_dir()
    shutil.rmtree(bundle, ignore_errors=True)
    wheelhouse = bundle / "wheelhouse"
    wheelhouse.mkdir(parents=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    own = build_wheel(DIST / "wheel")
    for python in PYTHONS:
        for platforms in PLATFORMS.values():
            fetch(own.parent, wheelhouse, python, platforms)
    shutil.copy2(own, wheelhouse)
    text = (
        (ROOT / "tools" / "INSTALL.txt").read_text(encoding="utf-8").replace("{version}", version())
    )
    # Windows Notepad and Linux editors both read CRLF; a .txt opened on the desktop must not be one line.
    (bundle / "INSTALL.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    shutil.copy2(ROOT / "LICENSE", bundle / "LICENSE.txt")
    archive = shutil.make_archive(str(bundle), "zip", root_dir=DIST, base_dir=bundle.name)
    wheels = sorted(p.name for p in wheelhouse.glob("*.whl"))
    print(f"{bundle.relative_to(ROOT)}: {len(wheels)} wheels; {Path(archive).relative_to(ROOT)}")
    return bundle


def verify(bundle: Path) -> None:
    """Install from the bundle with no index at all into a fresh venv, then run it from elsewhere."""
    with tempfile.TemporaryDirectory(prefix="send-tui-bundle-") as scratch:
        home = Path(scratch)
        venv = home / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        bindir = venv / ("Scripts" if os.name == "nt" else "bin")
        python = bindir / ("python.exe" if os.name == "nt" else "python")
        # No pip configuration (no extra index), no index, no cache: only the wheelhouse.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PIP_", "SEND_TUI_", "VIRTUAL_ENV"))
        }
        env |= {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_CACHE_DIR": "1", "HOME": str(home)}
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-index",
                "--find-links",
                str(bundle / "wheelhouse"),
                "send-tui",
            ],
            check=True,
            env=env,
            cwd=home,
        )
        for command in (
            [str(bindir / "send-tui"), "check"],
            [str(python), "-m", "send_tui", "--version"],
        ):
            done = subprocess.run(command, env=env, cwd=home, capture_output=True, text=True)
            print(f"$ {Path(command[0]).name} {' '.join(command[1:])}\n{done.stdout}")
            if done.returncode != 0:
                sys.exit(f"{command} failed ({done.returncode}):\n{done.stderr}")
        print("the bundle installs with --no-index and runs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verify",
        action="store_true",
        help="install the built bundle into a fresh venv and run it",
    )
    args = parser.parse_args()
    if args.verify:
        bundle = bundle_dir()
        if not (bundle / "wheelhouse").is_dir():
            sys.exit(f"{bundle} is missing: run `make dist` first")
        verify(bundle)
    else:
        build()


if __name__ == "__main__":
    main()
