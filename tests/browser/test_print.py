"""The HTML summary printed by a real browser: every section on paper, A4, at most 3 pages.

Headless Chromium prints the page to PDF and poppler's pdftotext and pdfinfo read it back. Where
they are missing the test skips, except under CI (the `CI` variable set), where a skip would hide
a broken print stylesheet: there it fails. `make test` installs them first
(tests/browser/install-deps.sh).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from send_tui.model.session import Session
from send_tui.model.summary import Summary, build_summary
from send_tui.render import render
from tests.sessions import TODAY, complaint_session, shipped

MAX_PAGES = 3
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{' or '.join(names)} is not installed (run tests/browser/install-deps.sh)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the print test, not skip it")
    pytest.skip(message)


def print_to_pdf(html: Path, pdf: Path, profile: Path) -> None:
    command = [
        tool(*BROWSERS),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)
    assert pdf.is_file() and pdf.stat().st_size > 0, done.stderr[-2000:]


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(
        [tool("pdftotext"), *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    done = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def multi_route_session() -> Session:
    session = Session(shipped())
    session.answer("situation", "choose_routes")
    session.answer("choose_routes", ("appeal", "complaint", "mediation"))
    session.letter_fields.update(
        {"addressee_name": "Ms Jones", "outcome": "The support in the plan.", "reply_within": "10"}
    )
    session.dates["decision"] = date(2026, 11, 2)
    return session


@pytest.mark.parametrize(
    "make", [complaint_session, multi_route_session], ids=["complaint", "several routes"]
)
def test_a_typical_summary_prints_every_section_on_at_most_three_a4_pages(
    tmp_path: Path, make
) -> None:
    summary: Summary = build_summary(make(), TODAY)
    html = tmp_path / "summary.html"
    html.write_bytes(render(summary, "html"))
    pdf = tmp_path / "summary.pdf"
    print_to_pdf(html, pdf, tmp_path / "profile")

    text = squeeze(pdf_text(pdf))
    for heading in summary.headings():
        assert squeeze(heading) in text, f"{heading!r} is missing from the printed page"
    assert squeeze(summary.disclaimer) in text

    info = pdf_info(pdf)
    pages = int(info["Pages"])
    assert pages <= MAX_PAGES, f"{pages} pages"
    width, height = (float(n) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == (595, 842), info["Page size"]  # A4 in points

    assert summary.letter is not None
    last = squeeze(pdf_text(pdf, pages))
    assert last.startswith(squeeze(summary.headings()[-1])), (
        "the letter starts on a page of its own"
    )
