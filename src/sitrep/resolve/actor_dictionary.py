"""The actor dictionary's data and its phrase matcher.

The dictionary is data (src/sitrep/data/actors/*.toml); this module turns it into typed entries and
one token index, built once, so that matching a phrase is a walk over its tokens with dictionary
look-ups: no regular expression per alias, and loading stays well under 100 ms.

Matching is forgiving where news text varies and strict where it misleads: case is ignored for
lower-case words, a capitalised alias needs a capitalised word ("Turkey", not "turkey"), an ALL-CAPS
acronym needs the same capitals ("IS", never "is"); accents, possessive "'s", inner apostrophes and the
Arabic article ("al-", "el-", "Al ") are ignored; the longest alias wins. Text becomes matchable
words in resolve/actor_tokens.py.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any, Literal

from sitrep.resolve.actor_tokens import Token, fold, normalize, tokenize

# What a dictionary entry names; the resolver decides what the words around it make of it.
EntryKind = Literal[
    "country",
    "demonym",
    "people",
    "seat",
    "city",
    "force",
    "leader",
    "group",
    "body",
    "generic",
    "identity",
    "blocked",
]
# Entries that tie a phrase to a state (directly, or through a leader in office).
STATE_KINDS: frozenset[str] = frozenset({"country", "demonym", "people", "seat", "city", "force"})


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    # Whose troops "troops", "soldiers" and "forces" are when reports from this place name no one:
    # another state's where it holds the ground (Israel's in the Palestinian territories).
    bare_forces: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One office or command held from `start` until `end` (None: still held)."""

    start: date
    end: date | None
    role: str
    country: str | None = None  # the state whose government (or forces) the holder speaks for
    group: str | None = None  # or the armed group the holder led
    kind: str | None = None  # "state_forces" for commanders; government otherwise

    def covers(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    country: str
    terms: tuple[Term, ...]

    def term_on(self, when: date | None) -> Term | None:
        """The term covering the date; with no date, the latest term (the likeliest reading)."""
        if when is None:
            return max(self.terms, key=lambda t: t.start) if self.terms else None
        for term in self.terms:
            if term.covers(when):
                return term
        return None


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    kind: str
    countries: tuple[str, ...]
    backed_by: tuple[str, ...]
    government_of: str | None = None  # the group became this state's government ...
    government_from: date | None = None  # ... on this date
    transnational: bool = False  # branches in many states: no home country of its own

    def country_for(self, context: str | None) -> str | None:
        """The group's home country wherever it acts (al-Shabaab in Kenya is still Somali), as
        analysts code it; a transnational network's is the country it operates in, if listed."""
        if self.transnational:
            return context if context in self.countries else None
        return self.countries[0] if self.countries else None


@dataclass(frozen=True, slots=True)
class Body:
    name: str


@dataclass(frozen=True, slots=True)
class GenericTerm:
    cls: str
    kind: str
    label: str
    priority: int


EntryRef = Country | Leader | Group | Body | GenericTerm | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One alias of one dictionary item, with the case each of its words demands."""

    kind: EntryKind
    ref: EntryRef
    alias: str
    cases: tuple[str, ...]  # per word: "exact" (acronym), "mixed:LeT", "cap" (proper name), "any"


@dataclass(frozen=True, slots=True)
class Match:
    """Entries matching tokens[start:end] (indices into the token list)."""

    start: int
    end: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Cues:
    equipment_suffixes: frozenset[str]
    backing_suffixes: frozenset[str]
    affiliation_suffixes: frozenset[str]
    installed_suffixes: frozenset[str]
    backing_verbs: frozenset[str]
    backing_nouns: frozenset[tuple[str, ...]]
    owner_words: frozenset[str]
    place_words: frozenset[str]
    clause_words: frozenset[str]
    coordinators: frozenset[tuple[str, ...]]
    harm_verbs: frozenset[str] = frozenset()  # lemmas whose object is who an act hurt
    seat_suffixes: frozenset[str] = frozenset()  # "London-based": where a body sits, no actor
    act_nouns: frozenset[str] = frozenset()  # "the Mogadishu attack": a town on an act's noun is its place
    dealings_nouns: frozenset[str] = frozenset()  # lemmas of talks and ties: "with" names the other side
    reciprocal_verbs: frozenset[str] = frozenset()  # lemmas of fighting: a coordinated subject is both sides
    office_holders: frozenset[str] = frozenset()  # one holder of an office: "chief", "prime minister"


def _alias_words(alias: str) -> list[str]:
    """The words of a dictionary alias as `tokenize` would keep them (articles dropped), faster."""
    if alias.isascii() and alias.replace("'", "").isalpha():
        return [alias]
    return [t.surface for t in tokenize(normalize(alias)) if not t.article]


def _case_of(word: str) -> str:
    if word.isupper() and sum(ch.isalpha() for ch in word) >= 2:
        return "exact"
    if word[1:] != word[1:].lower() and word.isalpha():
        return "mixed:" + word  # "LeT", "FAMa": its capitals are where the alias has them ("Let" is a verb)
    return "cap" if word[0].isupper() else "any"


def _case_ok(rule: str, token: Token) -> bool:
    if rule == "exact":
        surface = token.surface[:-2] if token.surface.endswith("'s") else token.surface
        return all(ch.isupper() for ch in surface if ch.isalpha())  # "RSF's" is "RSF"
    if rule == "cap":
        return token.surface[0].isupper() or token.surface[0].isdigit()
    if rule.startswith("mixed:"):
        alias, surface = rule[6:], token.surface
        return len(surface) >= len(alias) and all(
            surface[i].isupper() for i, ch in enumerate(alias) if ch.isupper()
        )
    return True


class Lexicon:
    """Every alias of every entry, indexed by its folded words (articles left out)."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], list[Entry]] = {}
        self._lengths: dict[str, set[int]] = {}  # first word -> lengths of the aliases it starts
        self._longest_first: dict[str, tuple[int, ...]] = {}  # the same lengths, longest first

    def add(self, kind: EntryKind, ref: EntryRef, aliases: Iterable[str]) -> None:
        for alias in aliases:
            words = _alias_words(alias)
            if not words:
                continue
            key = tuple(fold(w) for w in words)
            entry = Entry(kind, ref, alias, tuple(_case_of(w) for w in words))
            bucket = self._index.setdefault(key, [])
            if not any(e.kind == kind and e.ref is ref for e in bucket):
                bucket.append(entry)
            lengths = self._lengths.setdefault(key[0], set())
            lengths.add(len(key))
            self._longest_first[key[0]] = tuple(sorted(lengths, reverse=True))

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        """Leftmost-longest matches over the words, articles skipped, never across punctuation."""
        words = [i for i, t in enumerate(tokens) if not t.article]
        folded = [tokens[i].folded for i in words]
        matches: list[Match] = []
        longest_first = self._longest_first
        pos = 0
        while pos < len(words):
            lengths = longest_first.get(folded[pos])
            if lengths is None:  # most words start no alias
                pos += 1
                continue
            found = None
            for length in lengths:
                if pos + length > len(words):
                    continue
                span = words[pos : pos + length]
                candidates = self._index.get(tuple(folded[pos : pos + length]))
                if not candidates or any(tokens[i].break_before for i in span[1:]):
                    continue
                after_el = span[0] > 0 and tokens[span[0] - 1].folded == "el"
                fitting = tuple(
                    e
                    for e in candidates
                    if all(_case_ok(rule, tokens[i]) for rule, i in zip(e.cases, span, strict=True))
                    and (after_el or not e.alias.startswith("El "))  # "Salvador Magaña" is no El Salvador
                )
                if fitting:
                    found = Match(span[0], span[-1] + 1, fitting)
                    break
            if found is None:
                pos += 1
            else:
                matches.append(found)
                pos += found.end - found.start - sum(tokens[i].article for i in range(found.start, found.end))
        return matches


@dataclass(frozen=True, slots=True)
class DictionaryData:
    lexicon: Lexicon
    countries: dict[str, Country]
    groups: dict[str, Group]
    leaders: dict[str, Leader]
    cues: Cues
    versions: dict[str, int]


def _read(name: str) -> dict[str, Any]:
    text = resources.files("sitrep").joinpath("data", "actors", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _strings(raw: Any) -> list[str]:
    return [str(x) for x in raw] if isinstance(raw, list) else []


def load_data() -> DictionaryData:
    """Read the five data files and build the index."""
    lexicon = Lexicon()
    versions: dict[str, int] = {}
    raw_countries = _read("countries.toml")
    raw_groups = _read("groups.toml")
    raw_leaders = _read("leaders.toml")
    raw_bodies = _read("bodies.toml")
    raw_generic = _read("generic.toml")
    for file, raw in [
        ("countries", raw_countries),
        ("groups", raw_groups),
        ("leaders", raw_leaders),
        ("bodies", raw_bodies),
        ("generic", raw_generic),
    ]:
        versions[file] = int(raw["version"])

    countries: dict[str, Country] = {}
    for item in raw_countries["country"]:
        country = Country(item["iso3"], item["name"], item.get("bare_forces"))
        countries[country.iso3] = country
        lexicon.add("force", country, item["forces"])
        lexicon.add("country", country, item["names"])
        lexicon.add("demonym", country, item["demonyms"])
        lexicon.add("people", country, item["people"])
        lexicon.add("seat", country, item["seats"])
        lexicon.add("city", country, item["cities"])

    groups: dict[str, Group] = {}
    for item in raw_groups["group"]:
        became = item.get("government_from") or {}
        group = Group(
            id=item["id"],
            name=item["name"],
            kind=item["kind"],
            countries=tuple(item["countries"]),
            backed_by=tuple(item["backed_by"]),
            government_of=became.get("country"),
            government_from=became.get("start"),
            transnational=bool(item.get("transnational", False)),
        )
        groups[group.id] = group
        lexicon.add("group", group, item["aliases"])

    leaders: dict[str, Leader] = {}
    for item in raw_leaders["leader"]:
        terms = tuple(
            Term(
                start=t["start"],
                end=t.get("end"),
                role=t["role"],
                country=t.get("country"),
                group=t.get("group"),
                kind=t.get("kind"),
            )
            for t in item["terms"]
        )
        leader = Leader(item["name"], item["country"], terms)
        leaders[leader.name] = leader
        lexicon.add("leader", leader, item["aliases"])

    for item in raw_bodies["body"]:
        lexicon.add("body", Body(item["name"]), item["aliases"])

    for item in raw_generic["term"]:
        term = GenericTerm(item["class"], item["kind"], item["label"], int(item["priority"]))
        lexicon.add("generic", term, item["words"])
    lexicon.add("identity", None, _strings(raw_generic["identity"]["words"]))
    lexicon.add("blocked", None, _strings(raw_generic["not_actors"]["phrases"]))

    cue = raw_generic["cues"]

    def phrases(name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(fold(w) for w in p.split()) for p in _strings(cue[name]))

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in _strings(cue[name]))

    cues = Cues(
        equipment_suffixes=words("equipment_suffixes"),
        backing_suffixes=words("backing_suffixes"),
        affiliation_suffixes=words("affiliation_suffixes"),
        installed_suffixes=words("installed_suffixes"),
        backing_verbs=words("backing_verbs"),
        backing_nouns=phrases("backing_nouns"),
        owner_words=words("owner_words"),
        place_words=words("place_words"),
        clause_words=words("clause_words"),
        coordinators=phrases("coordinators"),
        harm_verbs=words("harm_verbs"),
        seat_suffixes=words("seat_suffixes"),
        act_nouns=words("act_nouns"),
        dealings_nouns=words("dealings_nouns"),
        reciprocal_verbs=words("reciprocal_verbs"),
        office_holders=words("office_holders"),
    )
    return DictionaryData(lexicon, countries, groups, leaders, cues, versions)
