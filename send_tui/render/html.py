"""The summary as one self-contained HTML page (.html) that opens and prints from any browser.

No scripts and nothing fetched from elsewhere: the page must work offline and must not run code a
caller's name could smuggle in. A Content-Security-Policy says so to the browser as well, and
every piece of text is escaped. The print stylesheet sets A4 pages and starts the letter on a
fresh page, so the letter can be handed over on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TypeVar

from send_tui.model.letter import Letter
from send_tui.model.summary import WORDS, ContactCard, DeadlineLine, PlanItem, Summary, warning_line
from send_tui.model.timeline import TIMELINE_WORDS

Item = TypeVar("Item")

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35;
  color: #000; background: #fff; max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.3em; }
h2 { font-size: 14pt; margin: 1.1em 0 0.3em; border-bottom: 1px solid #555; }
h3 { font-size: 11.5pt; margin: 0.7em 0 0.15em; }
p, li, dd, dt, td { overflow-wrap: anywhere; }
p { margin: 0.25em 0; }
ul, ol { margin: 0.2em 0; padding-left: 1.4em; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0.4em 0; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; }
.disclaimer { font-weight: bold; }
.workings { font-size: 9pt; color: #333; }
.warning { font-weight: bold; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 0.3em 1.2em; }
.cards h3 { margin-top: 0.3em; }
.cards dl.details { margin: 0.1em 0; }
.letter { border: 1px solid #999; padding: 1em 1.4em; margin-top: 0.6em; }
.letter .heading { font-weight: bold; text-transform: uppercase; }
.missing { border-left: 4px solid #000; padding-left: 0.6em; }
@page { size: A4; margin: 14mm 15mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.2; max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: 0.6em 0 0.2em; }
  h3 { font-size: 10pt; margin: 0.4em 0 0.1em; }
  .letter-section, .letter { font-size: 11pt; line-height: 1.4; }
  .letter p { margin: 0.6em 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  li, .cards .card { break-inside: avoid; page-break-inside: avoid; }
  .letter-section { break-before: page; page-break-before: always; }
  .letter { border: none; padding: 0; }
  .workings { font-size: 8pt; }
  .cards dl.details, .cards p { font-size: 8.5pt; }
  #references ul { columns: 2; column-gap: 1.5em; font-size: 8.5pt; }
  #references li { break-inside: avoid; }
  #timeline ol, #timeline ul { font-size: 8.5pt; }
  #references li { margin: 0; }
}
"""

#: The browser may load nothing and run nothing; only the inline stylesheet applies.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"


def _t(text: str) -> str:
    """Text as HTML: escaped, quotes included, line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>")


def _p(text: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f'<p dir="auto"{attr}>{_t(text)}</p>'


def _list(items: tuple[str, ...] | list[str], tag: str = "ul", css: str = "") -> str:
    if not items:
        return ""
    attr = f' class="{css}"' if css else ""
    rows = "".join(f'<li dir="auto">{_t(item)}</li>' for item in items)
    return f"<{tag}{attr}>{rows}</{tag}>"


def render_html(summary: Summary) -> str:
    """The whole summary as an HTML document, sections in the same order as every other format."""
    references = [f"<strong>{_t(r.cite)}</strong>: {_t(r.title)}" for r in summary.references]
    body = [
        f"<h1>{_t(summary.title)}</h1>",
        _p(summary.disclaimer, "disclaimer"),
        _details(summary.details),
        _answers(summary),
        _section("plan", WORDS.plan, summary.plan, WORDS.no_plan, _plan_item, wrap="ol"),
        _section("deadlines", WORDS.deadlines, summary.deadlines, WORDS.no_deadlines, _deadline),
        _timeline(summary),
        _section(
            "contacts", WORDS.contacts, summary.contacts, WORDS.no_contacts, _contact, wrap="cards"
        ),
        _section("references", WORDS.references, references, WORDS.no_references, _li, wrap="ul"),
    ]
    if summary.letter is not None:
        body.append(_letter_section(summary.letter, summary.letter_missing))
    body.append(f"<footer>{_p(summary.disclaimer, 'disclaimer')}</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(summary.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + "\n</main>\n</body>\n</html>\n"
    )


def _details(details: tuple[tuple[str, str], ...]) -> str:
    rows = "".join(
        f'<dt>{_t(label)}</dt><dd dir="auto">{_t(value)}</dd>' for label, value in details
    )
    return f'<dl class="details">{rows}</dl>'


def _heading(key: str, title: str, inner: list[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f'<section id="{key}"{attr}>\n<h2>{_t(title)}</h2>\n' + "\n".join(inner) + "\n</section>"


def _section(
    key: str,
    title: str,
    items: Sequence[Item],
    empty: str,
    each: Callable[[Item], str],
    wrap: str = "",
) -> str:
    """A section: its heading, then each item (inside `wrap`: ol, ul or a card grid), or "none"."""
    if not items:
        return _heading(key, title, [_p(empty)])
    inner = "".join(each(item) for item in items)
    if wrap == "cards":
        inner = f'<div class="cards">{inner}</div>'
    elif wrap:
        inner = f"<{wrap}>{inner}</{wrap}>"
    return _heading(key, title, [inner])


def _li(html: str) -> str:
    return f'<li dir="auto">{html}</li>'


def _answers(summary: Summary) -> str:
    rows = "".join(
        _li(f"<strong>{_t(line.question)}</strong><br>{_t(line.answer)}") for line in summary.path
    )
    inner = [f"<ol>{rows}</ol>"] if rows else []
    if summary.outcome:
        inner.append(
            f'<p dir="auto"><strong>{_t(WORDS.leads_to)}:</strong> {_t(summary.outcome)}</p>'
        )
        inner += [_p(paragraph) for paragraph in summary.outcome_note]
    else:
        inner.append(_p(WORDS.no_outcome))
    return _heading("answers", WORDS.answers, inner)


def _plan_item(item: PlanItem) -> str:
    return (
        f'<li class="card"><h3 dir="auto">{_t(item.title)} ({_t(item.reason)})</h3>'
        + _p(item.summary)
        + _list([f"{WORDS.first}: {note}" for note in item.first])
        + _list(item.next_steps)
        + "</li>"
    )


def _deadline(line: DeadlineLine) -> str:
    status = f" ({_t(line.status)})" if line.status else ""
    return "".join(
        [
            f'<div class="card"><h3 dir="auto">{_t(line.title)}</h3>',
            f'<p dir="auto"><strong>{_t(line.due)}</strong>{status}</p>',
            _p(line.act_by) if line.act_by else "",
            _list([f"{label}: {day}" for label, day in line.dates]),
            _list([warning_line(w) for w in line.warnings], css="warning"),
            _list(line.workings, css="workings"),
            "</div>",
        ]
    )


def _timeline(summary: Summary) -> str:
    """Every date earliest first, what to do if one passes with no answer, and the warnings."""
    timeline = summary.timeline
    if not timeline:
        return ""
    inner = [_list(timeline.lines(), tag="ol")]
    for title, items, css in (
        (TIMELINE_WORDS.escalation_heading, timeline.escalations, ""),
        (TIMELINE_WORDS.warnings_heading, timeline.warnings, "warning"),
    ):
        if items:
            inner += [f'<h3 dir="auto">{_t(title)}</h3>', _list(items, css=css)]
    return _heading("timeline", TIMELINE_WORDS.heading, inner)


def _contact(card: ContactCard) -> str:
    rows = "".join(
        f'<dt>{_t(label)}</dt><dd dir="auto">{_t(value)}</dd>' for label, value in card.details
    )
    return (
        f'<div class="card"><h3 dir="auto">{_t(card.name)}</h3>'
        + (_p(card.description) if card.description else "")
        + (f'<dl class="details">{rows}</dl>' if rows else "")
        + "</div>"
    )


def _letter_section(letter: Letter, missing: tuple[str, ...]) -> str:
    inner = []
    if missing:
        inner.append(f'<div class="missing">{_p(WORDS.letter_missing + ":")}{_list(missing)}</div>')
    inner.append(
        '<article class="letter">'
        + _p(letter.date)
        + _p("\n".join(letter.addressee))
        + _p(letter.salutation)
        + _p(letter.heading, "heading")
        + "".join(_p(paragraph) for paragraph in letter.paragraphs)
        + _p(letter.closing)
        + _p(letter.signature)
        + "</article>"
    )
    return _heading("letter", WORDS.letter, inner, css="letter-section")
