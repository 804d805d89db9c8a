"""Rich Text for pieces of content (contacts, references, clocks, steps), built in one place.

Content and user text go in as plain `Text`, never markup, so a bracket in a title is a bracket.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from rich.text import Text

from send_tui.model.content import Clock, Contact, Content, Reference, is_unconfirmed

T = TypeVar("T")


def heading(text: str) -> Text:
    return Text(text, style="bold underline")


def paragraphs(text: str) -> Text:
    return Text(text.strip())


def numbered(items: Iterable[str]) -> Text:
    out = Text()
    for number, item in enumerate(items, start=1):
        out.append(f"{number}. ", style="bold")
        out.append(item)
        out.append("\n")
    out.rstrip()
    return out


def contact(item: Contact) -> Text:
    out = Text()
    out.append(item.name, style="bold")
    if item.local:
        out.append(" (local)")
    if item.description:
        out.append(f"\n  {item.description}")
    for label, value in item.details():
        out.append(f"\n  {label}: ")
        if is_unconfirmed(value):
            out.append("TO BE CONFIRMED", style="bold reverse")
            out.append(" (check before giving it out)")
        else:
            out.append(value)
    return out


def reference(ref: Reference) -> Text:
    return Text.assemble((ref.cite, "bold"), f"  {ref.title}")


def clock(item: Clock) -> Text:
    return Text.assemble((item.title, "bold"), f"\n  {item.rule}")


def _each(items: Mapping[str, T], ids: Iterable[str], show: Callable[[T], Text]) -> Text:
    """Each named item once, in the order named, one to a line."""
    return Text("\n").join(show(items[i]) for i in dict.fromkeys(ids))


def contacts(content: Content, ids: Iterable[str]) -> Text:
    return _each(content.contacts, ids, contact)


def references(content: Content, ids: Iterable[str]) -> Text:
    return _each(content.refs, ids, reference)


def clocks(content: Content, ids: Iterable[str]) -> Text:
    return _each(content.clocks, ids, clock)
