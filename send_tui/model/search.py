"""One search index over all route content, shared by the command palette and `send-tui lookup`.

An adviser on a call types a few words, often misspelt or as a question ("can they appeal a
refusal to assess?"), and needs the step that answers it first. The index is built once from
the content: every step, route, glossary term, reference, contact and letter is a document
whose fields (title, options, next steps, body ...) are tokenised, stemmed lightly and weighted.
A query's words are matched against the vocabulary (exactly, by prefix, or within a small edit
distance) and only then against the documents, through an inverted index, so a query stays fast
on large packs. Nothing here imports Textual.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, KeysView, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from send_tui.model.content import Content, Node, NodeKind

ResultKind = Literal["step", "route", "term", "ref", "contact", "letter"]

#: Words that carry no meaning in an adviser's question. Removed from queries and documents alike.
STOP_WORDS = frozenset(
    """
    a about after again all also am an and any are as at be been before being but by can could
    did do does doing for from had has have he her here hers him his how i if in into is it its
    just may me might must my no not of on once only or other our ours out over own she should
    so some such than that the their theirs them then there these they this those to too under
    until up us very was we were what when where which while who whom whose why will with would
    you your yours cant dont doesnt didnt isnt arent wont wouldnt shouldnt havent hasnt
    """.split()  # noqa: SIM905 (a list of 120 quoted words is harder to read)
)

#: How much a word counts in each field: a step's title says most about what the step answers.
FIELD_WEIGHTS: Mapping[str, float] = {
    "title": 3.0,  # node, route, letter titles
    "name": 3.0,  # glossary term and aliases, contact name
    "cite": 3.0,  # a reference's cite, or the cites a step gives
    "option": 2.0,  # option labels and hints
    "step": 1.5,  # an outcome's next steps
    "body": 1.0,  # node body, route summary, definition, description, letter wording
    "range": 0.8,  # paragraphs inside a cited range ("11.50" in "11.39-11.55")
    "clock": 0.5,  # the wording of a deadline rule the step or route uses
    "source": 0.5,  # where a reference comes from
}

#: Fields whose length varies a lot; BM25 length normalisation keeps long bodies from winning by bulk.
_NORMALISED = {"body": 0.6, "step": 0.4, "option": 0.3, "clock": 0.3}
_K1 = 1.2

#: Which fields a snippet may come from (titles and names are shown already); when no sentence
#: holds a query word, the opening of the first is shown.
_SNIPPET_FIELDS = ("body", "step", "option", "source", "clock")

#: The prior belief that a kind of document answers a question; outcomes are where answers are.
_KIND_PRIOR: Mapping[str, float] = {
    "outcome": 1.35,
    "step": 1.0,
    "route": 0.9,
    "term": 1.0,
    "ref": 0.9,
    "contact": 0.9,
    "letter": 0.8,
}

#: A query that is exactly a term's name or alias (or a cite, or a contact) wants that thing.
_EXACT_NAME_BOOST = 2.5
_NAME_COVERED_BOOST = 1.25  # the name is all there, with more words besides
_TITLE_SHARE_BOOST = 0.6  # a step or route whose title holds the query's words is about them
_PHRASE_BOOST = 0.2  # per pair of query words found side by side

#: Match qualities: how far a vocabulary word may stand in for a query word.
_EXACT, _FUZZY_1, _FUZZY_2, _SYNONYM = 1.0, 0.65, 0.45, 0.7
_MAX_PREFIX_EXPANSIONS = 24
_RERANK = 60
_SNIPPET_LENGTH = 100

#: A cite ("11.45", "s.51", "r.20") is one token; other words may hold hyphens and apostrophes.
_WORD = re.compile(r"\d+(?:\.\d+)+|[a-z]{1,4}\.\d+[a-z]?|[a-z0-9]+(?:['\-][a-z0-9]+)*")
_SECTION = re.compile(r"([a-z]{1,4})(\d+[a-z]?)")  # "s51" is typed for "s.51"
_CITE_RANGE = re.compile(r"(\d+)\.(\d+)\s*[-\u2013]\s*(?:(\d+)\.)?(\d+)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_PARENTHESIS = re.compile(r"\([^)]*\)")
_MAX_RANGE = 200


# --- words ---------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, accents and curly quotes removed, so "Café’s" and "cafe's" are one word."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2010", "-"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The words of `text`; a hyphenated word also yields its joined form ("co-ordinator")."""
    return [word for raw in _WORD.findall(fold(text)) for word in _split(raw)]


@lru_cache(maxsize=1 << 16)
def _split(raw: str) -> tuple[str, ...]:
    word = raw.removesuffix("'s").replace("'", "")
    if section := _SECTION.fullmatch(word):
        return (f"{section[1]}.{section[2]}",)
    if "-" in word:
        parts = tuple(p for p in word.split("-") if p)
        return ("".join(parts), *parts)
    return (word,) if word else ()


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light, predictable stemmer: plurals, -ly, -ing, -ed and a final -e, so "needs",
    "needed", "arranging" and "arrange" meet. Cites and numbers are left alone."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _strip_plural(word)
    if word.endswith("ly") and len(word) >= 7:
        word = word[:-2]
    else:
        word = _strip_verb_ending(_verb_of_noun(word))
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


def _strip_plural(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


#: Nouns advisers use for the verbs in the content: "exclusion" for "excluded", "complaint" for
#: "complain".
_NOUN_ENDINGS = (
    ("usion", "ude"),
    ("ision", "ide"),
    ("ission", "it"),
    ("ension", "end"),
    ("aint", "ain"),
)


def _verb_of_noun(word: str) -> str:
    for ending, verb in _NOUN_ENDINGS:
        if word.endswith(ending) and len(word) >= 8:
            return word[: -len(ending)] + verb
    return word


def _strip_verb_ending(word: str) -> str:
    """-ing and -ed, undoubling a final consonant: "planned" and "planning" become "plan"."""
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            return word
    return word


def tokens(text: str) -> list[str]:
    """Stemmed words without stop words, in order: what both documents and queries are made of."""
    return [token for raw in _WORD.findall(fold(text)) for token in _tokens_of(raw)]


@lru_cache(maxsize=1 << 16)
def _tokens_of(raw: str) -> tuple[str, ...]:
    """One written word's tokens, remembered: a pack repeats its words many times over."""
    return tuple(stem(w) for w in _split(raw) if w not in STOP_WORDS)


def query_tokens(query: str) -> list[str]:
    """A query's tokens, each once; if only stop words were typed, keep them (the user meant them)."""
    found = tokens(query) or [stem(w) for w in words(query)]
    return list(dict.fromkeys(found))


def edit_distance(a: str, b: str, bound: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), or ``bound + 1`` once it exceeds
    `bound`; a transposed pair of letters ("exlcusion") counts as one edit."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > bound:
            return bound + 1
        before, previous = previous, current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """Typos tolerated in a query word: none in short words (too many false friends), one from
    four letters, two from eight. Cites and numbers must be exact."""
    if any(c.isdigit() for c in word):
        return 0
    return 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0


def bigrams(word: str) -> set[str]:
    """The letter pairs of `word`, its ends marked: one edit changes at most three of them, so
    words within a few edits share most of their pairs."""
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


# --- results and documents -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One match, ready for a palette hit or a line of `send-tui lookup`."""

    kind: ResultKind
    id: str
    title: str
    snippet: str
    refs: tuple[str, ...]
    target_node: str | None
    score: float

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "snippet": self.snippet,
            "refs": list(self.refs),
            "node": self.target_node,
            "score": round(self.score, 3),
        }


@dataclass(slots=True)
class _Document:
    """What the index knows of one searchable thing: its fields, and how to present it."""

    kind: ResultKind
    id: str
    title: str
    prior: float
    refs: tuple[str, ...]
    target_node: str | None
    fields: list[tuple[str, str]] = field(default_factory=list)
    names: tuple[tuple[str, ...], ...] = ()  # token tuples a query may spell out exactly
    sequence: array[int] = field(default_factory=lambda: array("I"))  # token ids, 0 between texts

    def add(self, field_name: str, *texts: str | None) -> None:
        self.fields.extend((field_name, t) for t in texts if t)


class _Documents:
    """Turns content into documents; a separate step so the index knows nothing of the model."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.cites = {ref.id: ref.cite for ref in content.refs.values()}
        self.opens = _where_used(content)

    def all(self) -> Iterator[_Document]:
        for node in self.content.nodes.values():
            yield self.node(node)
        for route in self.content.routes.values():
            yield self.route(route.id)
        for term in self.content.glossary.values():
            yield self.term(term.id)
        for ref in self.content.refs.values():
            yield self.ref(ref.id)
        for contact in self.content.contacts.values():
            yield self.contact(contact.id)
        for letter in self.content.letters.values():
            yield self.letter(letter.id)

    def _cites(self, ref_ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.cites[r] for r in ref_ids if r in self.cites)

    def _clock_texts(self, clock_ids: Iterable[str]) -> list[str]:
        clocks = [self.content.clocks[c] for c in clock_ids if c in self.content.clocks]
        return [f"{c.title}. {c.rule}" for c in clocks]

    def node(self, node: Node) -> _Document:
        prior = _KIND_PRIOR["outcome" if node.kind is NodeKind.OUTCOME else "step"]
        doc = _Document("step", node.id, node.title, prior, self._cites(node.refs), node.id)
        doc.add("title", node.title)
        doc.add("option", *(f"{o.label}. {o.hint}" if o.hint else o.label for o in node.options))
        doc.add("step", *node.next_steps)
        doc.add("body", node.body)
        doc.add("cite", *doc.refs)
        doc.add("clock", *self._clock_texts(node.clocks))
        doc.names = (tuple(tokens(node.title)),)
        return doc

    def route(self, route_id: str) -> _Document:
        route = self.content.routes[route_id]
        target = self.opens.get(("route", route_id))
        doc = _Document(
            "route", route.id, route.title, _KIND_PRIOR["route"], self._cites(route.refs), target
        )
        doc.add("title", route.title)
        doc.add("body", route.summary, *(p.note for p in route.before))
        doc.add("cite", *doc.refs)
        doc.add("clock", *self._clock_texts(route.clocks))
        doc.names = (tuple(tokens(route.title)),)
        return doc

    def term(self, term_id: str) -> _Document:
        term = self.content.glossary[term_id]
        target = self.opens.get(("term", term_id))
        doc = _Document("term", term.id, term.term, _KIND_PRIOR["term"], (), target)
        doc.add("name", term.term, *term.aliases)
        doc.add("body", term.definition)
        doc.names = _names(term.term, *term.aliases)
        return doc

    def ref(self, ref_id: str) -> _Document:
        ref = self.content.refs[ref_id]
        target = self.opens.get(("ref", ref_id))
        title = f"{ref.cite}: {ref.title.partition(': ')[2] or ref.title}"
        doc = _Document("ref", ref.id, title, _KIND_PRIOR["ref"], (ref.cite,), target)
        cite = f"CoP {ref.cite}" if "code of practice" in ref.title.lower() else ref.cite
        doc.add("cite", cite)
        doc.add("body", ref.title)
        doc.add("range", " ".join(_cites_in_range(ref.cite)))
        if ref.source and "://" not in ref.source:
            doc.add("source", ref.source)
        doc.names = tuple(dict.fromkeys((tuple(tokens(ref.cite)), tuple(tokens(cite)))))
        return doc

    def contact(self, contact_id: str) -> _Document:
        contact = self.content.contacts[contact_id]
        target = self.opens.get(("contact", contact_id))
        doc = _Document("contact", contact.id, contact.name, _KIND_PRIOR["contact"], (), target)
        doc.add("name", contact.name)
        doc.add("body", contact.description)
        doc.names = _names(contact.name)
        return doc

    def letter(self, letter_id: str) -> _Document:
        letter = self.content.letters[letter_id]
        target = self.opens.get(("letter", letter_id))
        doc = _Document("letter", letter.id, letter.title, _KIND_PRIOR["letter"], (), target)
        doc.add("title", letter.title)
        wording = (letter.heading, *letter.paragraphs, f"Using {letter.procedure}.")
        doc.add("body", *(_PLACEHOLDER.sub("…", text) for text in wording))
        doc.add("option", *letter.addressee_roles)
        doc.names = (tuple(tokens(letter.title)),)
        return doc


def _where_used(content: Content) -> dict[tuple[str, str], str]:
    """The step to open for each route, ref, contact, letter and glossary term: the first
    outcome (in content order) that uses it, else the first step; for a term, the first step
    that lists it, so the glossary and the help agree."""
    opens: dict[tuple[str, str], str] = {}
    outcomes_first = sorted(content.nodes.values(), key=lambda n: n.kind is not NodeKind.OUTCOME)
    for node in outcomes_first:
        uses = [("route", node.route), ("letter", node.letter)]
        uses += [("ref", r) for r in node.refs] + [("contact", c) for c in node.contacts]
        for kind, used in uses:
            if used:
                opens.setdefault((kind, used), node.id)
    for node in content.nodes.values():
        for term in node.terms:
            opens.setdefault(("term", term), node.id)
    return opens


def _names(*names: str) -> tuple[tuple[str, ...], ...]:
    """The token forms a query may spell a name in: "Integrated Care Board (ICB)" is also
    "Integrated Care Board" and "ICB"."""
    forms: list[str] = []
    for name in names:
        forms += [name, _PARENTHESIS.sub("", name), *_PARENTHESIS.findall(name)]
    found = (tuple(tokens(form.strip("()"))) for form in forms)
    return tuple(dict.fromkeys(f for f in found if f))


def _cites_in_range(cite: str) -> list[str]:
    """The paragraphs inside a range cite: "11.39-11.55" holds "11.45", so it finds the range too."""
    match = _CITE_RANGE.search(cite)
    if not match:
        return []
    chapter, first, chapter_end, last = match.groups()
    if chapter_end not in (None, chapter):
        return []
    start, end = int(first), int(last)
    if not 0 < end - start <= _MAX_RANGE:
        return []
    return [f"{chapter}.{n}" for n in range(start + 1, end)]


# --- the index -----------------------------------------------------------------------------


class SearchIndex:
    """Built once from the content; `search` then answers each keystroke of the palette."""

    def __init__(self, documents: list[_Document]) -> None:
        self._docs = documents
        self._term_ids: dict[str, int] = {"": 0}
        self._vocabulary: list[str] = [""]
        field_lengths = [self._read(doc) for doc in documents]
        average = _average_lengths(field_lengths)
        postings: list[dict[int, float]] = [{} for _ in self._vocabulary]
        for number, fields in enumerate(field_lengths):
            for field_name, counts, length in fields:
                for term, count in counts.items():
                    weight = _field_weight(field_name, count, length, average[field_name])
                    postings[term][number] = postings[term].get(number, 0.0) + weight
        self._postings = [(array("I", p.keys()), array("f", p.values())) for p in postings]
        total = len(documents)
        self._idf = [math.log(1 + (total - len(p) + 0.5) / (len(p) + 0.5)) for p in postings]
        self._sorted_vocabulary = sorted(self._vocabulary[1:])
        self._bigram_index = self._build_bigrams()
        self._names = self._build_names()
        self._synonyms = self._build_synonyms()
        self._match_cache: dict[tuple[str, bool], dict[int, float]] = {}
        self._sentence_cache: dict[int, list[tuple[str, tuple[int, ...]]]] = {}

    @classmethod
    def build(cls, content: Content) -> SearchIndex:
        """Index every step, route, glossary term, reference, contact and letter in `content`."""
        return cls(list(_Documents(content).all()))

    def __len__(self) -> int:
        return len(self._docs)

    def answer(self, question: str) -> SearchResult | None:
        """The best match for `question` that opens a step: what a common question leads to."""
        return next((r for r in self.search(question) if r.target_node), None)

    # building

    def _term(self, word: str) -> int:
        term = self._term_ids.get(word)
        if term is None:
            term = self._term_ids[word] = len(self._vocabulary)
            self._vocabulary.append(word)
        return term

    def _read(self, doc: _Document) -> list[tuple[str, Counter[int], int]]:
        """Tokenise each field of `doc` into term ids, recording its token sequence for the
        phrase bonus: (field, counts of each term, length) per field."""
        fields: dict[str, tuple[Counter[int], list[int]]] = {}
        for field_name, text in doc.fields:
            found = [self._term(w) for w in tokens(text)]
            counts, length = fields.setdefault(field_name, (Counter(), [0]))
            counts.update(found)
            length[0] += len(found)
            doc.sequence.extend(found)
            doc.sequence.append(0)
        return [(name, counts, length[0]) for name, (counts, length) in fields.items()]

    def _build_bigrams(self) -> dict[str, array[int]]:
        """Vocabulary words by letter pair, so a typo is compared only with words that share
        most of its pairs, not with the whole vocabulary."""
        found: dict[str, array[int]] = {}
        for term, word in enumerate(self._vocabulary):
            if len(word) >= 3 and word.isalpha():
                for pair in bigrams(word):
                    found.setdefault(pair, array("I")).append(term)
        return found

    def _build_names(self) -> dict[tuple[str, ...], list[int]]:
        """Documents by each name's sorted tokens: a query that is exactly a name finds it at once."""
        names: dict[tuple[str, ...], list[int]] = {}
        for number, doc in enumerate(self._docs):
            for name in doc.names:
                if name:
                    names.setdefault(tuple(sorted(set(name))), []).append(number)
        return names

    def _build_synonyms(self) -> dict[str, tuple[str, ...]]:
        """A one-word glossary alias ("EHCP", "governors", "expelled") also means the words of
        the term's own name ("EHC plan"), so a step that only uses the name is found too."""
        found: dict[str, tuple[str, ...]] = {}
        for doc in self._docs:
            if doc.kind != "term" or not doc.names:
                continue
            canonical = tuple(
                dict.fromkeys(tokens(_PARENTHESIS.sub("", doc.title)) or doc.names[0])
            )
            for name in doc.names:
                if len(name) == 1 and name[0] not in canonical:
                    found[name[0]] = found.get(name[0], ()) + canonical
        return found

    # matching words

    def _matches(self, token: str, last: bool) -> dict[int, float]:
        """Vocabulary terms that `token` may mean, each with how good a match it is. Only the
        last word may be half typed, so only it (or a word the content never uses) is read as
        a prefix."""
        key = (token, last)
        cached = self._match_cache.get(key)
        if cached is None:
            exact = self._exact(token)
            cached = dict(exact)
            synonyms = {self._term_ids[w]: _SYNONYM for w in self._synonyms.get(token, ())}
            prefixed = self._prefixed(token, exact) if last or not exact else {}
            for found in (prefixed, self._fuzzy(token, exact), synonyms):
                for term, quality in found.items():
                    cached[term] = max(quality, cached.get(term, 0.0))
            if len(self._match_cache) > 4096:
                self._match_cache.clear()
            self._match_cache[key] = cached
        return cached

    def _exact(self, token: str) -> dict[int, float]:
        term = self._term_ids.get(token)
        return {term: _EXACT} if term else {}

    def _prefixed(self, token: str, exact: dict[int, float]) -> dict[int, float]:
        """Words that start with `token`, the nearest in length first: the palette sees words
        half typed. When `token` is a word itself, a longer one never counts for more than it
        would ("sen" is worth no more for finding the rare "sendco"). A cite only extends when
        nothing matches exactly, so "11.6" keeps to 11.6, and a plain number never does."""
        cite = not token.isalpha()
        if len(token) < 3 or (cite and (exact or token.isdigit())):
            return {}
        start = bisect_left(self._sorted_vocabulary, token)
        found: list[str] = []
        for word in self._sorted_vocabulary[start:]:
            if not word.startswith(token):
                break
            if word != token and (not cite or word[len(token)].isdigit()):
                found.append(word)
        found.sort(key=len)
        qualities = {
            self._term_ids[w]: 0.4 + 0.4 * len(token) / len(w)
            for w in found[:_MAX_PREFIX_EXPANSIONS]
        }
        ceiling = max((self._idf[t] for t in exact), default=math.inf)
        return self._cap_rarity(qualities, ceiling)

    def _fuzzy(self, token: str, exact: dict[int, float]) -> dict[int, float]:
        """Words within the allowed edits of `token`. A word the content uses as typed only
        takes neighbours one edit away, at a lower quality, and only when it is long:
        "complaint" also finds "complain", but "plan" does not find "plain"."""
        bound = allowed_edits(token)
        if exact:
            bound = 1 if len(token) >= 7 else 0
        if not bound:
            return {}
        pairs = bigrams(token)
        shared: Counter[int] = Counter()
        for pair in pairs:
            shared.update(self._bigram_index.get(pair, ()))
        needed = max(len(pairs) - 3 * bound, 1)
        found: dict[int, float] = {}
        for term, count in shared.items():
            if count < needed or abs(len(self._vocabulary[term]) - len(token)) > bound:
                continue
            distance = edit_distance(token, self._vocabulary[term], bound)
            if 0 < distance <= bound:
                found[term] = _FUZZY_2 if exact or distance > 1 else _FUZZY_1
        return self._cap_rarity(found, min((self._idf[t] for t in found), default=0.0))

    def _cap_rarity(self, found: dict[int, float], ceiling: float) -> dict[int, float]:
        """Lower the quality of rarer words so none counts for more than `ceiling` allows: a
        typo most likely means the commonest word near it ("mediaton" is "mediation" before it
        is "mediator"), and a typed word is not worth more for the rare words it begins."""
        return {t: min(q, q * ceiling / self._idf[t]) for t, q in found.items()}

    # scoring

    def search(self, query: str, limit: int = 10) -> list[SearchResult]:
        """The best `limit` matches for `query`, best first; [] when nothing matches."""
        query_words = query_tokens(query)
        if not query_words or limit <= 0:
            return []
        matches = [self._matches(w, w == query_words[-1]) for w in query_words]
        base = self._base_scores(matches)
        shortlist = dict(heapq.nlargest(_RERANK, base.items(), key=lambda item: item[1]))
        for number in self._names.get(tuple(sorted(set(query_words))), ()):
            shortlist.setdefault(number, base.get(number, 0.0))
        scored = self._rerank(shortlist, matches, limit)
        phrase = " ".join(words(query))
        return [self._result(number, score, matches, phrase) for score, number in scored[:limit]]

    def _base_scores(self, matches: list[dict[int, float]]) -> dict[int, float]:
        """BM25-like field-weighted scores, scaled by the document's prior and by the share of
        the query's words it contains (squared, so a document with every word comes first)."""
        totals: dict[int, float] = {}
        covered: Counter[int] = Counter()
        for token_matches in sorted(matches, key=self._postings_length):
            if totals and len(totals) * len(token_matches) * 4 < self._postings_length(
                token_matches
            ):
                best = self._score_known(token_matches, totals)
            else:
                best = self._score_all(token_matches)
            for number, score in best.items():
                totals[number] = totals.get(number, 0.0) + score
            covered.update(best.keys())
        share = len(matches)
        return {
            number: total * self._docs[number].prior * (covered[number] / share) ** 2
            for number, total in totals.items()
        }

    def _postings_length(self, token_matches: dict[int, float]) -> int:
        return sum(len(self._postings[term][0]) for term in token_matches)

    def _score_all(self, token_matches: dict[int, float]) -> dict[int, float]:
        """One query word's best score in every document holding any word it may mean."""
        best: dict[int, float] = {}
        for term, quality in token_matches.items():
            factor = quality * self._idf[term]
            docs, weights = self._postings[term]
            for number, weight in zip(docs, weights, strict=True):
                score = factor * weight
                if score > best.get(number, 0.0):
                    best[number] = score
        return best

    def _score_known(
        self, token_matches: dict[int, float], known: Mapping[int, float]
    ) -> dict[int, float]:
        """The same, for the documents already found only: the query's rarer words choose the
        documents, a common word ("council", "school") only ranks them. Words are taken rarest
        first, so on a large pack this skips most of a common word's long list."""
        best: dict[int, float] = {}
        for term, quality in token_matches.items():
            factor = quality * self._idf[term]
            docs, weights = self._postings[term]
            for number in known:
                at = bisect_left(docs, number)
                if at < len(docs) and docs[at] == number:
                    score = factor * weights[at]
                    if score > best.get(number, 0.0):
                        best[number] = score
        return best

    def _rerank(
        self, shortlist: Mapping[int, float], matches: list[dict[int, float]], limit: int
    ) -> list[tuple[float, int]]:
        """(score, document) best first, after the boosts that need a document's own words:
        its names and title, then (for the leaders only, where it can change the order) the
        query's words side by side."""
        named = [
            (score * self._name_boost(self._docs[n], matches), n) for n, score in shortlist.items()
        ]
        named.sort(reverse=True)
        matched: list[KeysView[int]] = [m.keys() for m in matches]
        leaders = max(limit * 2, 20)
        scored = [
            (score * (1 + _PHRASE_BOOST * self._adjacent_pairs(n, matched)), n)
            for score, n in named[:leaders]
        ]
        scored = [(score, n) for score, n in scored + named[leaders:] if score > 0]
        scored.sort(key=lambda item: (-item[0], _kind_order(self._docs[item[1]]), item[1]))
        return scored

    def _adjacent_pairs(self, number: int, matched: list[KeysView[int]]) -> int:
        """How many neighbouring pairs of query words appear side by side, in either order,
        somewhere in the document ("refusal to assess" in a step that says "a refusal to
        assess"; "deadline to appeal" in one that says "the appeal deadline")."""
        if len(matched) < 2:
            return 0
        wanted = set().union(*matched)
        at = {p: t for p, t in enumerate(self._docs[number].sequence) if t in wanted}
        return sum(
            any(
                t in first and (at.get(p + 1) in second or at.get(p - 1) in second)
                for p, t in at.items()
            )
            for first, second in pairwise(matched)
        )

    def _name_boost(self, doc: _Document, matches: list[dict[int, float]]) -> float:
        """How far the query spells out one of the document's names: a term or alias, a contact,
        a cite, or a step's title (by the share of the query's words it holds). A cite counts in
        full once its numbers are typed ("r.20" for "HESC Rules r.20", but "11.6" is only part
        of "11.6-11.10"); a name reached by a prefix or a typo counts for less when a closer
        word was there to match."""
        best = 1.0
        lookup = doc.kind in ("term", "contact", "ref")
        for name in doc.names:
            ids = [self._term_ids.get(t, -1) for t in name]
            all_in_name = all(not m.keys().isdisjoint(ids) for m in matches)
            if not lookup:
                share = sum(not m.keys().isdisjoint(ids) for m in matches) / len(matches)
                best = max(best, 1 + _TITLE_SHARE_BOOST * share**2)
                continue
            numbers = [i for i, t in zip(ids, name, strict=False) if not t.isalpha()]
            needed = numbers if doc.kind == "ref" and numbers else ids
            quality = min((_relative_quality(i, matches) for i in needed), default=0.0)
            if quality and all_in_name:
                best = max(best, 1 + (_EXACT_NAME_BOOST - 1) * quality)
            elif quality or doc.kind == "ref" and all_in_name:
                best = max(best, _NAME_COVERED_BOOST)
        return best

    # presenting

    def _result(
        self, number: int, score: float, matches: list[dict[int, float]], phrase: str
    ) -> SearchResult:
        doc = self._docs[number]
        return SearchResult(
            kind=doc.kind,
            id=doc.id,
            title=doc.title,
            snippet=self._snippet(number, matches, phrase),
            refs=doc.refs,
            target_node=doc.target_node,
            score=score,
        )

    def _snippet(self, number: int, matches: list[dict[int, float]], phrase: str) -> str:
        """One line of at most 100 characters: the sentence that holds most of the query's words
        (weighted as in scoring, so a rare word counts for more and a typo's neighbour for
        less), or that says the query word for word ("What can be appealed"), trimmed around
        the weightiest word; the opening sentence if none holds any."""
        sentences = self._sentences(number)
        if not sentences:
            return ""
        best, best_score, focus = sentences[0][0], 0.0, 0
        for sentence, ids in sentences:
            weights = [{i: m[i] * self._idf[i] for i in ids if i in m} for m in matches]
            score = sum(max(w.values(), default=0.0) for w in weights)
            if score and phrase in " ".join(words(sentence)):
                score *= 2
            if score > best_score:
                merged = {i: v for w in weights for i, v in w.items()}
                best, best_score, focus = sentence, score, max(merged, key=merged.__getitem__)
        return _trim(best, self._vocabulary[focus] if best_score else "")

    def _sentences(self, number: int) -> list[tuple[str, tuple[int, ...]]]:
        """A document's snippet sentences with their token ids, tokenised on first use: only the
        documents a query returns need them."""
        found = self._sentence_cache.get(number)
        if found is None:
            fields = self._docs[number].fields
            ordered = sorted(
                (f for f in fields if f[0] in _SNIPPET_FIELDS),
                key=lambda f: _SNIPPET_FIELDS.index(f[0]),
            )
            texts = (s for _, text in ordered for s in _sentences(text))
            found = [(s, tuple(self._term_ids.get(w, 0) for w in tokens(s))) for s in texts]
            if len(self._sentence_cache) > 2048:
                self._sentence_cache.clear()
            self._sentence_cache[number] = found
        return found


def _relative_quality(term: int, matches: list[dict[int, float]]) -> float:
    """How well the query matched `term`, against the best match its word had: 1.0 for the
    word typed, or for the intended word behind a typo; less for one of several prefixes."""
    return max((m.get(term, 0.0) / max(m.values()) for m in matches if m), default=0.0)


def _kind_order(doc: _Document) -> int:
    """Ties go to steps, then routes, terms, refs, contacts and letters, in content order."""
    return ("step", "route", "term", "ref", "contact", "letter").index(doc.kind)


def _average_lengths(fields: list[list[tuple[str, Counter[int], int]]]) -> dict[str, float]:
    sums: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for doc_fields in fields:
        for name, _, length in doc_fields:
            sums[name] += length
            counts[name] += 1
    return {name: max(sums[name] / counts[name], 1.0) for name in sums}


@lru_cache(maxsize=1 << 16)
def _field_weight(field_name: str, count: int, length: int, average: float) -> float:
    """BM25's saturating term frequency, length-normalised in long fields, times the field weight.

    Memoised: a 10,000-node pack asks about a million times, for a few thousand distinct values.
    """
    b = _NORMALISED.get(field_name, 0.0)
    norm = _K1 * (1 - b + b * length / average)
    return FIELD_WEIGHTS[field_name] * count * (_K1 + 1) / (count + norm)


# --- snippets ------------------------------------------------------------------------------


def _sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        line = line.strip().lstrip("-*• ").strip()
        if line:
            yield from (s for s in _SENTENCE_END.split(line) if s)


def _trim(sentence: str, around: str) -> str:
    """Cut `sentence` to the snippet length, keeping the word `around` (a stem) in view."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= _SNIPPET_LENGTH:
        return sentence
    start = 0
    position = fold(sentence).find(around) if around else -1
    if position + len(around) > _SNIPPET_LENGTH - 20:
        start = sentence.rfind(" ", 0, max(position - 30, 0)) + 1
    prefix = "…" if start else ""
    piece = sentence[start:]
    if len(prefix) + len(piece) <= _SNIPPET_LENGTH:
        return prefix + piece
    room = _SNIPPET_LENGTH - len(prefix) - 1
    cut = piece.rfind(" ", 0, room + 1)
    return prefix + piece[: cut if cut > room // 2 else room].rstrip(" ,;:") + "…"
