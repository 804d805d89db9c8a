"""What the first screen says and offers, for the full app and plain mode alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from send_tui.model.autosave import Pending
    from send_tui.model.session import Session

ABOUT = (
    "Walks a caller's disagreement about special educational needs and disability (SEND) "
    "provision in England to the routes open to them: talking to the school, SENDIASS, "
    "complaints, disagreement resolution, mediation, appeals to the First-tier Tribunal (SEND) "
    "and challenging an exclusion. It works offline and saves a printable summary and a "
    "complaint letter. It gives information, not legal advice."
)


def start_choices(
    session: Session | None,
    resumable: Pending | None,
    common_questions: Sequence[tuple[str, str]] | None = None,
) -> list[tuple[str, str, str]]:
    """(key, label, action) for each choice, in the order shown.

    `session` None: no call has begun (the app has not loaded its content yet), so the look-ups
    come from `common_questions` (the content cache's front page), which otherwise defaults to
    the session's content's own.

    The numbers never move: 1 always starts a new call, then the common questions, then the
    glossary. A call to carry on (resumed from the autosave, or the one in progress) gets a
    letter of its own ("r", "c"), shown first, so offering it never renumbers anything else.
    Actions: "resume", "continue", "begin", "open:<node id>", "glossary".
    """
    choices: list[tuple[str, str, str]] = []
    if resumable is not None:
        saved = resumable.saved
        when = f" (autosaved {saved:%a %d %b %H:%M})" if saved else ""
        choices.append(("r", f"Resume the call in progress{when}", "resume"))
    if session is not None and session.answers:
        choices.append(("c", "Continue this call", "continue"))
    if common_questions is None:
        assert session is not None, "the look-ups come from the session's content, or are given"
        common_questions = session.content.common_questions
    numbered = [("Start a new call", "begin")]
    numbered += [
        (f"Look up: {question}", f"open:{node_id}") for question, node_id in common_questions
    ]
    numbered.append(("Glossary of terms", "glossary"))
    choices += [
        (str(number), label, action) for number, (label, action) in enumerate(numbered, start=1)
    ]
    return choices


def new_call_question(session: Session, *, resumable: bool, kept_autosave: bool = False) -> str:
    """What to ask before clearing for a new call, so both front ends warn of the same loss.

    `resumable`: an earlier call waits in the autosave; `kept_autosave`: it was kept aside while
    a record is open, so clearing this call leaves it there to resume.
    """
    if resumable and not session.has_work():
        return (
            "Start a new call? The call in this computer's autosave will be cleared and "
            "cannot be resumed afterwards. Saved summaries are kept."
        )
    if kept_autosave:
        return (
            "Start with a new client? This call will be cleared from the screen. The earlier "
            "call kept in the autosave stays, to resume. Saved summaries are kept."
        )
    return (
        "Start with a new client? Everything about this call will be cleared from the "
        "screen and from this computer's autosave. Saved summaries are kept."
    )
