"""Actor resolution: an actor phrase as an article words it -> a canonical models.Actor.

Why a phrase-level resolver rather than entity lookup: the words around a name decide what it is.
"Turkey" said something (the government), "Turkish troops" fired (state forces), "Turkish-backed
rebels" attacked (rebels, backed by Turkey), a "Turkish-made drone" is equipment (no actor at all),
and "a commander in a coalition of rebel factions" is a rebel. The phrase is read in this order:

1. cues that are not the actor are set aside: equipment origin ("Russian-made"), backers
   ("Russia-backed", "backed by Russian airstrikes", "Iranian proxies");
2. apposition ("Abdulah al-Shami, a commander in ...") and coordination ("Turkish forces and their
   proxy fighters") split the phrase; the first part that names an actor wins;
3. in each part the head (the words before "of", "in", "loyal to", "who" ...) decides; a head that
   only says "commander", "members", "forces" defers to the owner named after it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sitrep.models import Actor
from sitrep.resolve.actor_dictionary import (
    STATE_KINDS,
    Body,
    Country,
    DictionaryData,
    Entry,
    GenericTerm,
    Group,
    Leader,
    load_data,
)
from sitrep.resolve.actor_phrase import ASSET, Phrase, PhraseReader, state_of
from sitrep.resolve.actor_tokens import fold
from sitrep.resolve.sides import ARMED_NON_STATE

# Words that make a group another's offshoot: the offshoot's own name, apposed, is the actor.
OFFSHOOT_WORDS = frozenset({"splinter", "breakaway", "offshoot", "affiliate", "franchise"})

# Which entry wins when one alias names several things, before the article's country decides.
_KIND_ORDER = {
    "group": 8,
    "force": 7,
    "leader": 6,
    "body": 5,
    "country": 4,
    "seat": 3,
    "demonym": 3,
    "people": 3,
    "city": 1,
}
_FORCE_CLASSES = frozenset({"force", "police", "asset", "strike", "military_site"})
# A person named by a title with no office held ("former senator X"): the name is the phrase itself.
_PERSON_LABEL = "Person"
_ARMED_CLASSES = frozenset(
    {"force", "police", "fighters", "rebels", "militia", "armed_group", "identity_militia", "mercenaries"}
)


# Dictionary entries a pronoun or "the group" can refer back to.
_REFERENT_KINDS = frozenset({"group", "body", "country", "force", "leader", "seat", "people"})
_NO_ONE = frozenset({"generic", "city"})  # a word for anyone, a town


@dataclass(frozen=True, slots=True)
class NamedMention:
    """A name in an article's text: where it stands, its words, whether it names an armed group."""

    start: int
    end: int
    text: str
    group: bool


class ActorDictionary:
    """Canonical actors from article phrases; built once per process (see `shared`)."""

    def __init__(self, data: DictionaryData) -> None:
        self.data = data
        self.reader = PhraseReader(data.lexicon, data.cues)

    @classmethod
    def load(cls) -> ActorDictionary:
        return cls(load_data())

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> ActorDictionary:
        """One dictionary per process: loading compiles the index, resolving only reads it."""
        return cls.load()

    # --- public API ------------------------------------------------------------------------------

    def resolve(
        self, text: str, when: date | None = None, context_country: str | None = None, target: bool = False
    ) -> Actor | None:
        """The actor a phrase names, or None when it names none (equipment, "the situation").

        `target`: the phrase is what an attack hit, so a place stands for the people in it ("a
        crowded market": civilians; "the army base": state forces)."""
        phrase = self.reader.read(text, when)
        actor = None
        parts = self.reader.parts(phrase)
        for k, (a, b) in enumerate(parts):
            coordinated = k + 1 < len(parts) and not phrase.tokens[parts[k + 1][0]].break_before
            borrowed = self.reader.head(phrase, *parts[k + 1]).top if coordinated else None
            actor = self._resolve_segment(phrase, a, b, when, context_country, borrowed, target)
            if actor is not None:
                if any(t.folded in OFFSHOOT_WORDS for t in phrase.tokens[a:b]):
                    # "an al-Qaeda affiliate, al-Shabaab": the group the apposition names, not the one
                    # it is an offshoot of
                    later = (
                        self._resolve_segment(phrase, c, d, when, context_country, None, target)
                        for c, d in parts[k + 1 :]
                    )
                    actor = next((x for x in later if x is not None and x.kind in ARMED_NON_STATE), actor)
                break
        if actor is None:
            return None
        bearing_arms = any(t.folded == "armed" and not t.hyphen_before for t in phrase.tokens)
        if actor.kind == "civilians" and bearing_arms:
            # "three armed Palestinians", "armed villagers": people bearing arms are no civilians
            armed = self.resolve("armed men", when, actor.country or context_country)
            actor = armed if armed is not None else actor
        if phrase.installed_by and actor.kind == "government":
            actor = self._state(phrase.installed_by, None, context_country)  # "Russian-installed officials"
        name = text.strip() if actor.kind == "person" and actor.name == _PERSON_LABEL else actor.name
        backed = [c for c in (*actor.backed_by, *phrase.backers) if c != actor.country]
        return Actor(name, actor.country, actor.kind, tuple(dict.fromkeys(backed)), text)

    def names_someone(self, text: str, target: bool = False) -> bool:
        """Whether a phrase has a word for people or forces ("fighters", "commanders", "drones" that
        someone flies; as a target, "homes" for the people in them) rather than only for things they
        own ("their camp", "its positions"): what an "its"/"their" phrase needs to be an actor."""
        phrase = self.reader.read(text, None)
        if not phrase.tokens:
            return False
        head = self.reader.head(phrase, 0, len(phrase.tokens), sites=target)
        # a town the dictionary lists for its country ("Palma") is a place, not someone
        return head.top is not None or any(e.kind not in _NO_ONE for m in head.matches for e in m.entries)

    def names_no_one(self, text: str) -> bool:
        """Whether a whole phrase is words the dictionary knows to name no actor ("Debris", "the
        national team"), which a name tagger may still take for a person."""
        phrase = self.reader.read(text, None)
        size = len(phrase.tokens)
        return size > 0 and any(
            m.start == 0 and m.end >= size and any(e.kind == "blocked" for e in m.entries)
            for m in phrase.matches
        )

    def names_one_person(self, text: str) -> bool:
        """Whether a phrase names one holder of an office or a leader ("UN chief", "the head of the
        health ministry", "Putin"), not a body ("the ministry", "Russian authorities")."""
        words = " ".join(re.findall(r"[\w-]+", fold(text)))
        if any(re.search(rf"\b{re.escape(w)}\b", words) for w in self.data.cues.office_holders):
            return True
        phrase = self.reader.read(text, None)
        return any(e.kind == "leader" for m in phrase.matches for e in m.entries)

    def defers_to_owner(self, text: str) -> bool:
        """Whether a phrase's head only says what part of someone it is ("a delegation", "members"):
        such a phrase needs the of/from phrase after it to name an actor."""
        phrase = self.reader.read(text, None)
        named = any(e.kind != "generic" for m in phrase.matches for e in m.entries)
        if not phrase.tokens or named:
            return False
        top = self.reader.head(phrase, 0, len(phrase.tokens)).top
        return top is not None and top.cls == "role"

    def backers(self, text: str) -> tuple[str, ...]:
        """States named as backers. A phrase with a backing cue ("Russia-backed", "supported by
        Turkish artillery") gives the cued states only; a phrase with none is taken to be a backer
        phrase itself ("Turkish artillery") and gives every state it names. Equipment origin
        ("US-made missiles") never counts."""
        phrase = self.reader.read(text, None)
        if phrase.backers:
            return tuple(phrase.backers)
        found: list[str] = []
        for m in phrase.matches:
            iso3 = None if m.start in phrase.equipment else state_of(m, None)
            if iso3 and iso3 not in found:
                found.append(iso3)
        return tuple(found)

    def country_context(self, texts: Iterable[str]) -> list[str]:
        """ISO3 codes of the states the texts mention (by name, demonym, capital, city, force,
        leader or a one-country group), most frequent first, ties in order of first mention."""
        return self._countries(self.reader.read(text, None) for text in texts)

    def read_article(self, text: str) -> tuple[list[str], list[NamedMention]]:
        """`country_context` of one article and the names its later "the group" or "its" may refer
        back to (`_referents`), from one reading, line by line (a name never runs across a line break)."""
        phrases = [(offset, self.reader.read(line, None)) for offset, line in _lines(text)]
        return self._countries(p for _, p in phrases), self._referents(phrases)

    def _countries(self, phrases: Iterable[Phrase]) -> list[str]:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for phrase in phrases:
            for m in phrase.matches:
                if m.start in phrase.equipment:
                    continue
                iso3 = state_of(m, None, with_groups=True, with_cities=True)
                if iso3:
                    counts[iso3] += 1
                    first.setdefault(iso3, len(first))
        return sorted(counts, key=lambda c: (-counts[c], first[c]))

    def _referents(self, phrases: Sequence[tuple[int, Phrase]]) -> list[NamedMention]:
        """Every group, body, state or leader the lines name, with its offset, in text order: the
        candidates a later "the group" or "its" refers back to. Read line by line, so offsets stay
        within a few characters of the text's own (normalising only trims spaces and "U.S.")."""
        found: list[NamedMention] = []
        for offset, phrase in phrases:
            for m in phrase.matches:
                if m.start in phrase.equipment or m.start in phrase.backing:
                    continue
                kinds = {e.kind for e in m.entries}
                if kinds & _REFERENT_KINDS:
                    first, last = phrase.tokens[m.start], phrase.tokens[m.end - 1]
                    surface = " ".join(t.surface for t in phrase.tokens[m.start : m.end])
                    start, end = offset + first.start, offset + last.end
                    found.append(NamedMention(start, end, surface, "group" in kinds))
        return found

    # --- deciding ----------------------------------------------------------------------------------

    def _resolve_segment(
        self,
        phrase: Phrase,
        a: int,
        b: int,
        when: date | None,
        context: str | None,
        borrowed: GenericTerm | None = None,
        target: bool = False,
    ) -> Actor | None:
        head = self.reader.head(phrase, a, b, sites=target)
        top, rest = head.top, head.rest
        named = [(m, self._pick(m.entries, when, context)) for m in head.matches]
        if any(e.kind == "blocked" and m.end >= b for m, e in named):
            return None  # "the Palestinian soccer team": a phrase that ends in no actor names none
        named = [(m, e) for m, e in named if e.kind not in {"generic", "identity", "blocked", "city"}]

        offshoot = next((i for i in range(a, b) if phrase.tokens[i].folded in OFFSHOOT_WORDS), None)
        if offshoot is not None and any(m.start > offshoot for m, _ in named):
            # "the al-Qaeda affiliate al-Shabaab": the group the offshoot word names, not its parent
            named = [(m, e) for m, e in named if m.start > offshoot]
        if named:
            match, entry = max(named, key=lambda me: _KIND_ORDER.get(me[1].kind, 0))
            if top is None and entry.kind == "demonym":
                top = borrowed  # "Syrian and Russian forces": "Syrian" borrows "forces"
            if top is not None and top.cls == "role" and rest and entry.kind in STATE_KINDS:
                deferred = self._resolve_segment(phrase, rest[0], rest[1], when, context)
                if deferred is not None and deferred.kind not in {"government", "state_forces"}:
                    return deferred
            definite = match.start > 0 and phrase.tokens[match.start - 1].folded == "the"
            return self._named(entry, top, when, context, definite)
        if top is None:
            if rest and head.rest_kind == "owner":
                return self._resolve_segment(phrase, rest[0], rest[1], when, context)
            return None
        if top.cls == "role" and rest:
            return self._resolve_segment(phrase, rest[0], rest[1], when, context)
        owned = rest is not None and head.rest_kind == "owner"
        place = self._place_country(phrase, (a, b))
        if not owned and (head.equipment_head or not head.owner_noun) and top.cls not in _ARMED_CLASSES:
            # Weapons and acts with no owner named: no actor ("airstrikes", "the helicopter"), unless
            # the state owns them ("junta jets"), a designation says they are military ("a Russian-made
            # Mi-35": the forces of the place fly it) or only one state's forces act where they are
            # ("a drone strike" in the West Bank). An armed noun owns its equipment ("rebel drones").
            occupier = self._bare_forces(place or context)
            if "government" in head.classes or head.designation:
                top = ASSET
            elif occupier is not None:
                return self._state(occupier, ASSET, None)
            else:
                return None
        if rest and head.rest_kind == "owner":
            owner = self._resolve_segment(phrase, rest[0], rest[1], when, context)
            if owner is not None:
                return self._owned(top, owner, head.identity)
        return self._generic(top, place or context, head.identity, phrase.backers)

    def _pick(self, entries: tuple[Entry, ...], when: date | None, context: str | None) -> Entry:
        """Of several entries sharing an alias: the leader in office, the group or state of the
        article's country, the stronger kind, the most recent leader."""

        def score(entry: Entry) -> tuple[int, int, date]:
            ref = entry.ref
            here = 0
            latest = date.min
            if isinstance(ref, Leader):
                term = ref.term_on(when)
                here = 2 if term is not None else 0
                latest = max(t.start for t in ref.terms)
                here += int(context is not None and (term.country if term else ref.country) == context)
            elif isinstance(ref, Group):
                here = int(context is not None and context in ref.countries)
            elif isinstance(ref, Country):
                here = int(ref.iso3 == context)
            return (here, _KIND_ORDER.get(entry.kind, 0), latest)

        return max(entries, key=score)

    def _named(
        self, entry: Entry, top: GenericTerm | None, when: date | None, context: str | None, definite: bool
    ) -> Actor | None:
        ref = entry.ref
        if isinstance(ref, Group):
            return self._group(ref, top, when, context)
        if isinstance(ref, Body):
            return Actor(ref.name, None, "external_other")
        if isinstance(ref, Leader):
            term = ref.term_on(when)
            if term is None:
                if top is not None and top.cls in _ARMED_CLASSES:
                    return Actor(f"Forces loyal to {ref.name}", ref.country, "political_militia")
                return Actor(ref.name, ref.country, "person")
            if term.group:
                return self._group(self.data.groups[term.group], top, when, context)
            if top is None and term.kind == "state_forces":
                top = ASSET  # a commander in office speaks for the forces
            return self._state(term.country or ref.country, top, context)
        if isinstance(ref, Country):
            if entry.kind == "force":
                return self._state(ref.iso3, ASSET, context, police="police" in entry.alias.lower())
            if entry.kind == "people" and top is None:
                if definite:
                    return self._state(ref.iso3, ASSET, context)
                return Actor(f"Civilians ({ref.name})", ref.iso3, "civilians")
            return self._state(ref.iso3, top, context)
        return None

    def _group(self, group: Group, top: GenericTerm | None, when: date | None, context: str | None) -> Actor:
        if group.government_of and group.government_from and when and when >= group.government_from:
            armed = top is not None and top.cls in _ARMED_CLASSES
            return self._state(group.government_of, ASSET if armed else None, context)
        return Actor(group.name, group.country_for(context), group.kind, group.backed_by)

    def _state(self, iso3: str, top: GenericTerm | None, context: str | None, police: bool = False) -> Actor:
        name = self.data.countries[iso3].name if iso3 in self.data.countries else iso3
        if police or (top is not None and top.cls == "police"):
            return Actor(f"Police Forces of {name}", iso3, "state_forces")
        if top is None or top.cls == "government":
            return Actor(f"Government of {name}", iso3, "government")
        if top.cls in _FORCE_CLASSES or top.cls == "role":
            return Actor(f"Military Forces of {name}", iso3, "state_forces")
        if top.cls == "proxy":
            where = context if context != iso3 else None
            place = self.data.countries.get(where or "")
            return Actor(f"{top.label} ({place.name})" if place else top.label, where, top.kind, (iso3,))
        return Actor(f"{top.label} ({name})", iso3, top.kind)

    def _owned(self, top: GenericTerm, owner: Actor, identity: bool) -> Actor | None:
        """A generic head with a named owner: "forces loyal to Assad", "residents of Gaza"."""
        if owner.kind == "person" and top.cls in _ARMED_CLASSES:
            return Actor(f"Forces loyal to {owner.name}", owner.country, "political_militia")
        if owner.kind in {"government", "state_forces"} and owner.country:
            return self._state(owner.country, top, None)
        if top.cls in _ARMED_CLASSES | {"proxy", "asset", "strike"} or owner.country is None:
            return owner
        return self._generic(top, owner.country, identity, [])

    def _generic(
        self, top: GenericTerm, country: str | None, identity: bool, backers: list[str]
    ) -> Actor | None:
        if top.cls == "role":
            return None
        if country is not None and top.cls in _FORCE_CLASSES | {"government"} and backers == [country]:
            country = None  # "Russia-backed forces" are not Russia's own forces
        kind, label = top.kind, top.label
        if identity and top.cls in _ARMED_CLASSES - {"rebels"}:
            # "Fulani gunmen", "Arab militias": a community's armed men; "Muslim insurgents", "Baloch
            # separatists" fight the state, and ACLED codes them as rebels
            kind, label = "identity_militia", "Communal Militia"
        if top.cls == "person":
            return Actor(_PERSON_LABEL, country, "person")
        if country is not None and kind in {"state_forces", "government"}:
            occupier = self._bare_forces(country)
            if occupier is not None and top.cls in _FORCE_CLASSES - {"police"}:
                country = occupier  # "troops" in the West Bank are Israel's
            return self._state(country, top, None)
        if top.cls == "settlers":
            country = self._bare_forces(country) or country  # settlers in the West Bank are Israel's
        where = self.data.countries.get(country or "")
        return Actor(f"{label} ({where.name})" if where else label, country if where else None, kind)

    def _bare_forces(self, iso3: str | None) -> str | None:
        country = self.data.countries.get(iso3 or "")
        return country.bare_forces if country is not None else None

    def _place_country(self, phrase: Phrase, rest: tuple[int, int]) -> str | None:
        for m in phrase.matches:
            if rest[0] <= m.start < rest[1] and m.start not in phrase.backing | phrase.equipment:
                iso3 = state_of(m, None, with_groups=False, with_cities=True)
                if iso3:
                    return iso3
        return None


def _lines(text: str) -> list[tuple[int, str]]:
    """The text's non-blank lines with their offsets."""
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            found.append((offset, line))
        offset += len(line) + 1
    return found
