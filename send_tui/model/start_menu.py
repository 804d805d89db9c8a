"""What the first screen says and offers, for the full app and plain mode alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from send_tui.model.autosave import Pending
    from send_tui.model.session import Session

ABOUT = (
    "Walks a caller's disagreement about special educational needs and disability (SEND) "
    "provision in England to the routes open to them: talking to the school, SENDIASS, "
    "complaints, disagreement resolution, mediation, appeals to the First-tier Tribunal (SEND) "
    "and challenging an exclusion. It works offline and saves a printable summary and a "
    "complaint letter. It gives information, not legal advice."
)


def start_choices(session: Session, resumable: Pending | None) -> list[tuple[str, str]]:
    """(label, action) for each numbered choice: "resume", "continue", "begin", "open:<node>", "glossary"."""
    choices: list[tuple[str, str]] = []
    if resumable is not None:
        saved = resumable.saved
        when = f" (autosaved {saved:%a %d %b %H:%M})" if saved else ""
        choices.append((f"Resume the call in progress{when}", "resume"))
    if session.answers:
        choices.append(("Continue this call", "continue"))
    choices.append(("Start a new call", "begin"))
    for question, node_id in session.content.common_questions:
        choices.append((f"Look up: {question}", f"open:{node_id}"))
    choices.append(("Glossary of terms", "glossary"))
    return choices
