"""Reading an actor phrase: what is set aside, where it splits, what its head says.

The reading is separate from the deciding (sitrep.resolve.actors) so that each stays small: this
module knows the cue words (data/actors/generic.toml [cues]) and punctuation, not the actor kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sitrep.resolve.actor_dictionary import (
    Country,
    Cues,
    GenericTerm,
    Group,
    Leader,
    Lexicon,
    Match,
)
from sitrep.resolve.actor_tokens import Token, normalize, tokenize

# A weapon designation ("Su-24", "Mi-17", "TB2"): a country's aircraft or drone, i.e. its forces.
_MODEL = re.compile(r"^[A-Za-z]{1,4}\d{1,4}[A-Za-z]?$")
# The generic term such a designation stands for; also used for "the Russians" and commanders.
ASSET = GenericTerm("asset", "state_forces", "Military Forces", 60)
# Places attacked ("a crowded market", "the army base"): they stand for the people in them, but only
# as the target of an attack; anywhere else they name no actor.
SITE_CLASSES = frozenset({"civilian_site", "military_site"})
# Phrases up to this long (an actor span, not a line or a whole article) are read once and reused.
_SHORT_PHRASE = 200


@dataclass(slots=True)
class Phrase:
    """A phrase's words, its dictionary matches, and the words set aside as equipment or backers."""

    tokens: list[Token]
    matches: list[Match]
    equipment: set[int] = field(default_factory=set)  # token indices naming equipment origin
    backing: set[int] = field(default_factory=set)  # token indices naming backers
    backers: list[str] = field(default_factory=list)  # ISO3, in order of mention
    installed_by: str | None = None  # "Russian-installed authorities": the state whose administration it is

    def add_backer(self, iso3: str | None) -> None:
        if iso3 and iso3 not in self.backers:
            self.backers.append(iso3)

    def covered(self) -> set[int]:
        return {i for m in self.matches for i in range(m.start, m.end)}


@dataclass(frozen=True, slots=True)
class Head:
    """What the head of one part of a phrase says, and where the rest of the part starts."""

    matches: list[Match]
    top: GenericTerm | None  # the decisive common noun ("forces", "rebels"), if any
    identity: bool  # a community adjective ("Fulani", "Kurdish") in the head
    rest: tuple[int, int] | None  # the words after "of"/"in"/"loyal to" ...
    rest_kind: str  # "owner", "place" or "clause"
    equipment_head: bool = False  # the head noun is a weapon or vehicle ("the military helicopter")
    owner_noun: bool = False  # a noun besides weapons and actions ("government" in "government airstrikes")
    designation: bool = False  # a weapon designation ("Mi-35", "Su-24"): military equipment, a state's
    classes: frozenset[str] = frozenset()  # the classes of every generic noun in the head


def state_of(
    match: Match, when: date | None, with_groups: bool = False, with_cities: bool = False
) -> str | None:
    """The state a match names (countries, demonyms, seats, forces, leaders), if any. An alias shared by
    several states ("SDF": the Sahel states' forces and Syria's Democratic Forces; "al-Shabaab" in
    Somalia and in Mozambique) names none."""
    states: set[str | None] = set()
    for entry in match.entries:
        ref = entry.ref
        if isinstance(ref, Country) and (entry.kind != "city" or with_cities):
            states.add(ref.iso3)
        elif isinstance(ref, Leader):
            term = ref.term_on(when)
            states.add(term.country if term and term.country else ref.country)
    if with_groups:
        states |= {e.ref.country_for(None) for e in match.entries if isinstance(e.ref, Group)}
    return states.pop() if len(states) == 1 else None


class PhraseReader:
    """Splits and reads phrases with the dictionary's index and cue words."""

    def __init__(self, lexicon: Lexicon, cues: Cues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        # The resolver reads the same actor span several times per event (resolve, owner, backers):
        # short phrases are read once. The Phrase returned is shared: callers must not change it.
        self._read_short = lru_cache(maxsize=4096)(self._read)

    def read(self, text: str, when: date | None) -> Phrase:
        """Tokens and matches, with equipment origin and backers set aside (do not modify)."""
        if len(text) <= _SHORT_PHRASE:
            return self._read_short(text, when)
        return self._read(text, when)

    def _read(self, text: str, when: date | None) -> Phrase:
        tokens = tokenize(normalize(text))
        phrase = Phrase(tokens, self.lexicon.match(tokens))
        cues = self.cues
        for k, m in enumerate(phrase.matches):
            after = tokens[m.end] if m.end < len(tokens) else None
            iso3 = state_of(m, when)
            if iso3 is None:
                # "al-Qaeda-linked": the group named is an ally, not the actor
                group = any(isinstance(e.ref, Group) for e in m.entries)
                glued = after is not None and after.hyphen_before
                if group and glued and after is not None and after.folded in cues.affiliation_suffixes:
                    phrase.backing |= set(range(m.start, m.end + 1))
                elif glued and after is not None and after.folded in cues.seat_suffixes:
                    phrase.equipment |= set(range(m.start, m.end + 1))  # "the UN-recognised government"
                continue
            before = [t.folded for t in tokens[max(0, m.start - 2) : m.start]]
            span = set(range(m.start, m.end))
            made = after is not None and after.folded in cues.equipment_suffixes | cues.seat_suffixes
            if made and after is not None and (after.hyphen_before or after.folded == "origin"):
                phrase.equipment |= span | {m.end}
            elif after is not None and after.hyphen_before and after.folded in cues.installed_suffixes:
                phrase.backing |= span | {m.end}
                phrase.installed_by = phrase.installed_by or iso3
            elif before == ["made", "in"]:
                phrase.equipment |= span
            elif m.start > 0 and tokens[m.start - 1].folded == "pro" and tokens[m.start].hyphen_before:
                phrase.backing |= span | {m.start - 1}  # "pro-Russian separatists"
                phrase.add_backer(iso3)
            elif (
                after and after.folded in cues.backing_suffixes and not after.break_before
                and (after.hyphen_before or after.folded != "armed")
            ):
                # "Iran backed militias", "Iran-armed militias"; but "Kenyan armed forces" are Kenya's own
                phrase.backing |= span | {m.end}
                phrase.add_backer(iso3)
            elif self._names_a_building(phrase, k):
                phrase.equipment |= span  # "the Saudi Hospital" in Khartoum: a name, not Saudis
            elif (
                k + 1 < len(phrase.matches)
                and self._is_proxy(phrase.matches[k + 1])
                and phrase.matches[k + 1].start == m.end
            ):
                phrase.backing |= span
                phrase.add_backer(iso3)
        self._backing_clauses(phrase, when)
        return phrase

    def _backing_clauses(self, phrase: Phrase, when: date | None) -> None:
        """Set aside "backed by Russian airstrikes", "with support from the US": the rest of the
        clause names backers, not the actor."""
        tokens = phrase.tokens
        backing_verbs = self.cues.backing_verbs
        for i, tok in enumerate(tokens):
            if tok.folded not in backing_verbs and tok.folded != "with":
                continue  # most words: neither a backing verb nor "with"
            nxt = [t.folded for t in tokens[i + 1 : i + 3]]
            by_verb = tok.folded in backing_verbs and (nxt[:1] == ["by"] or nxt == ["up", "by"])
            with_noun = tok.folded == "with" and any(
                tuple(t.folded for t in tokens[j : j + len(n)]) == n
                for j in range(i + 1, min(i + 5, len(tokens)))
                for n in self.cues.backing_nouns
            )
            if not (by_verb or with_noun) or i in phrase.backing:
                continue
            end = next((j for j in range(i + 1, len(tokens)) if tokens[j].break_before), len(tokens))
            phrase.backing |= set(range(i, end))
            for m in phrase.matches:
                if i <= m.start < end and m.start not in phrase.equipment:
                    phrase.add_backer(state_of(m, when))

    def parts(self, phrase: Phrase) -> list[tuple[int, int]]:
        """Apposition parts, then coordinated parts: (start, end) token ranges in reading order."""
        tokens, covered = phrase.tokens, phrase.covered()
        cuts = [i for i, t in enumerate(tokens) if t.break_before]
        parts: list[tuple[int, int]] = []
        for a, b in zip([0, *cuts], [*cuts, len(tokens)], strict=True):
            start = a
            i = a
            while i < b:
                size = self._coordinator_at(tokens, i, b) if i not in covered and i > start else 0
                if size:
                    parts.append((start, i))
                    start = i + size
                    i = start
                else:
                    i += 1
            if start < b:
                parts.append((start, b))
        return [(a, b) for a, b in parts if any(i not in phrase.backing for i in range(a, b))]

    def _coordinator_at(self, tokens: list[Token], i: int, end: int) -> int:
        for size in (3, 2, 1):
            if i + size <= end and tuple(t.folded for t in tokens[i : i + size]) in self.cues.coordinators:
                return size
        return 0

    def head(self, phrase: Phrase, a: int, b: int, sites: bool = False) -> Head:
        """Split a part at its first owner, place or clause word; read what the head says.
        Site nouns ("the market", "a checkpoint") count only when `sites` (the phrase is a target)."""
        tokens, covered, cues = phrase.tokens, phrase.covered(), self.cues
        split, split_kind = b, "clause"
        for i in range(a + 1, b):
            t = tokens[i]
            if i in covered or i in phrase.backing or t.hyphen_before:
                continue
            kind = next(
                (
                    k
                    for k, words in (
                        ("owner", cues.owner_words),
                        ("place", cues.place_words),
                        ("clause", cues.clause_words),
                    )
                    if t.folded in words
                ),
                None,
            )
            if kind:
                split, split_kind = i, kind
                break
        skip = phrase.backing | phrase.equipment
        matches = [m for m in phrase.matches if a <= m.start < split and m.start not in skip]
        generics = [
            e.ref
            for m in matches
            for e in m.entries
            if isinstance(e.ref, GenericTerm) and (sites or e.ref.cls not in SITE_CLASSES)
        ]
        designation = any(
            _MODEL.match(tokens[i].surface) or (tokens[i].hyphen_before and tokens[i].surface.isdigit())
            for i in range(a, split)
            if i not in skip
        )
        if designation:
            generics.append(ASSET)
        rest = (split + 1, b) if split_kind != "clause" and split + 1 < b else None
        return Head(
            matches=matches,
            top=max(generics, key=lambda g: g.priority) if generics else None,
            equipment_head=bool(generics) and generics[-1].cls == "asset",
            owner_noun=any(g.cls not in {"asset", "strike"} for g in generics),
            designation=designation,
            classes=frozenset(g.cls for g in generics),
            identity=any(e.kind == "identity" for m in matches for e in m.entries),
            rest=rest,
            rest_kind=split_kind,
        )

    @staticmethod
    def _names_a_building(phrase: Phrase, k: int) -> bool:
        """A demonym inside a building's proper name: "the Saudi Hospital", "the Turkish School"
        (after "the", followed by a capitalised civilian site), where the nationality is the
        founder's, not the people's inside; and a leader's name inside a site's name after another
        name word ("the Ain al-Assad air base" in Iraq is no Syrian base)."""
        m, tokens = phrase.matches[k], phrase.tokens
        if m.start == 0 or k + 1 >= len(phrase.matches):
            return False
        site = phrase.matches[k + 1]
        if site.start != m.end:
            return False
        previous = m.start - 1
        while previous > 0 and tokens[previous].folded in ("al", "el"):
            previous -= 1  # "Ain al-Assad": the article the name carries
        named_before = tokens[previous].surface[:1].isupper() and tokens[previous].folded != "the"
        if named_before and any(e.kind == "leader" for e in m.entries):
            return any(
                isinstance(e.ref, GenericTerm) and e.ref.cls in ("civilian_site", "military_site")
                for e in site.entries
            )
        return (
            tokens[m.start - 1].folded == "the"
            and tokens[site.start].surface[:1].isupper()
            and any(e.kind == "demonym" for e in m.entries)
            and any(isinstance(e.ref, GenericTerm) and e.ref.cls == "civilian_site" for e in site.entries)
        )

    @staticmethod
    def _is_proxy(match: Match) -> bool:
        return any(isinstance(e.ref, GenericTerm) and e.ref.cls == "proxy" for e in match.entries)
