"""Where: the place phrase of an event mention (the time expression is in extract/timing.py).

Phrases keep their wording ("near the town of Nairab", "south of Idlib city") so the resolve stage
can set geo precision.

The place is chosen by attachment, the way a reader does: a place that modifies the event word (or
its target: "shelled a camp near El Fasher") wins over one that modifies another clause of the
sentence, and a phrase that belongs to the speaker ("a resident of Jabra said", "told our
correspondent in Gusau") is never the event's. The small parser's entity labels miss many towns
("Niamey" as a person), so a proper noun after a place preposition is a candidate too; the gazetteer
decides later whether it names a place. The attachment helpers shared with the time expression
(event_word, in_speakers_phrase) live here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence

from sitrep.extract.arguments import _child, _prep_object, bounds, governing_verb, span_of
from sitrep.extract.lexicon import Lexicon, a_country
from sitrep.extract.triggers import NOUN_POS, Token, Trigger, lemma
from sitrep.models import TextSpan
from sitrep.parse import doc_text

PLACE_ENTITIES = ("GPE", "LOC", "FAC")
# Entity labels a proper noun in a place slot can carry and still be a place the parser mislabelled.
_NOT_PLACE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Entity labels of parties, not places: a proper-noun object with one is the target.
_PARTIES = frozenset({"PERSON", "ORG"})
# Head nouns of a province or region: a town attached as well is the more specific place.
_COARSE = frozenset(
    {"province", "region", "state", "governorate", "oblast", "county", "country", "territory", "department",
     "prefecture"}
)
# Place nouns as the parser lemmatises them ("outskirts" -> "outskirt"), sites a town contains that
# name where an event happened ("a house in the Nuseirat refugee camp"), and named natural features
# ("the Dansadau forest of Maru area", "the Mandara mountains near Gwoza"), which the resolver
# codes to the town or area they are given with.
_MORE_PLACE_NOUNS = frozenset(
    {"outskirt", "outskirts", "suburb", "camp", "neighbourhood", "neighborhood", "quarter", "locality",
     "municipality", "commune", "settlement", "hamlet", "front", "frontline", "forest", "mountain",
     "mountains", "lake", "river", "island", "beach", "desert", "coast", "plain", "vicinity", "environs",
     "sector", "tehsil", "subdistrict", "jungle", "community", "hromada"}
)
# Words taking a share of a place: "parts of Khan Younis", "much of Buthidaung", "control of Kidal".
_SHARES = frozenset({"control", "part", "most", "much", "rest", "half", "swathe", "swath"})
# People named by where they live: "delivered aid to 1,500 residents of Kupiansk".
_RESIDENTS = frozenset({"resident", "inhabitant", "villager", "population", "townspeople"})
# Prepositions giving the destination of a movement: where troops are sent or aid is delivered, and
# where a march goes ("sent troops to Sinaloa", "marched through the capital").
_DESTINATION = frozenset({"to", "toward", "towards", "into", "through"})
_MOVEMENTS = frozenset({"MOBILIZE", "AID", "PROTEST"})
# Subjects that are themselves places or events: "fighting in Khartoum killed ...".
_PLACE_SUBJECTS = frozenset({"fighting", "clash", "attack", "strike", "shelling", "violence", "battle"})
# Prepositions that say where something came from: the event happened elsewhere ("rockets fired
# from Lebanon" land in Israel), except for a withdrawal, which happens at the place left.
_ORIGIN = frozenset({"from"})
# Nouns of statements: a place or date on them is where or when something was said, not the event's.
STATEMENT_NOUNS = frozenset(
    {"statement", "interview", "briefing", "conference", "communique", "communiqué", "post", "video",
     "broadcast", "report", "tweet", "message", "speech", "release", "announcement", "claim"}
)
# Nominal events told as the cause of another ("suspended talks after a drone attack"): the
# other verb's date is later than this event's.
BEFORE = frozenset({"after", "following", "since"})
# A time expression names a time: the parser also labels names of places ("Manbij") as dates.
# Month names, lower-case ("june"): a word that dates, alone or in a span ("between June and August").
MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)

TEMPORAL_WORD = re.compile(
    r"\d|\b(?:ago|day|week|weekend|month|year|fortnight|yesterday|today|tonight|tomorrow|night|overnight|"
    r"morning|afternoon|evening|dawn|dusk|noon|midday|midnight|earlier|later|recent|eve|christmas|easter|"
    r"eid|ramadan|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|"
    r"nov|dec|spring|summer|autumn|fall|winter)s?\b",
    re.IGNORECASE,
)


def place_span(
    trigger: Trigger, sentence: Sequence[Token], exclude: set[int], lexicon: Lexicon
) -> TextSpan | None:
    """The place phrase of an event: "near the town of X in Y province", "south of X city"."""
    places = lexicon.word_set("place_nouns") | _MORE_PLACE_NOUNS
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    preps = lexicon.word_set("place_preps") | {"against", "through"}
    if trigger.sense.plover in _MOVEMENTS:
        preps = preps | _DESTINATION
    withdrawal = trigger.sense.plover == "RETREAT"
    found: list[tuple[tuple[int, int, int, int, int], TextSpan]] = []
    for rank, anchor in enumerate(_anchors(trigger)):
        for order, (span, head, is_origin, weak, depth) in enumerate(
            _attached_places(anchor, exclude, places, preps, lexicon)
        ):
            coarse = lemma(head) in _COARSE
            found.append(((is_origin and not withdrawal, weak, coarse, depth + rank, order), span))
    if found:
        key, best = min(found, key=lambda item: item[0])
        if not key[0] and not key[1]:
            return _with_following_place(best, [span for _, span in found], sentence)
    directions = lexicon.word_set("direction_words")
    facilities = lexicon.word_set("facilities")
    elsewhere = _sentence_place(trigger, sentence, exclude, places, preps | directions, cues, facilities)
    if elsewhere is None and found and key[0]:
        return None  # "youths from neighbouring Unity State raided ...": where they came from
    if elsewhere is None and found and key[1] and trigger.sense.plover in _ADDRESSED:
        return None  # "Kyiv accused Moscow of ...", "sanctioned Russia": who is addressed, not where
    return elsewhere or (best if found else None)


# Statements and measures whose object is a party: a bare name as their object is no place
_ADDRESSED = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION"})


# Prepositions of a place phrase that narrows the one just before it: "a restaurant near Lido beach
# in Mogadishu", "blocked the Pan-American Highway near Popayan" (the parser hangs them on the verb).
_NARROWING = ("in ", "near ", "outside ", "at ", "inside ")


def _with_following_place(best: TextSpan, spans: Sequence[TextSpan], sentence: Sequence[Token]) -> TextSpan:
    """The chosen place phrase joined with another attached place phrase that follows it at once:
    the resolver reads "X near Y" / "X in Y" whole and falls back to Y when X is no town."""
    doc = sentence[0].doc
    joined = True
    while joined:
        joined = False
        for span in spans:
            gap = span.start - best.end
            if 0 < gap <= 2 and span.text.lower().startswith(_NARROWING):
                between = doc_text(doc)[best.end : span.start] if gap > 1 else " "
                if between.strip() in ("", ","):
                    best, joined = TextSpan(best.text + between + span.text, best.start, span.end), True
    return best


def event_word(trigger: Trigger) -> Token:
    """The syntactic head of the trigger's words: "attack" in "drone attack"."""
    head = trigger.head
    inside = {t.i for t in trigger.tokens}
    while head.dep_ in ("compound", "amod") and head.head.i in inside and head.head.i != head.i:
        head = head.head
    return head


def _anchors(trigger: Trigger) -> list[Token]:
    """The event word, and the verb it is part of: the light verb of an event noun ("launched an
    attack"), the main verb of a participle telling the outcome ("struck a market, killing 40")."""
    word = event_word(trigger)
    anchors = [word]
    verb = governing_verb(word) if word.pos_ in NOUN_POS else None
    if verb is None and word.dep_ == "advcl" and word.tag_ == "VBG" and word.head.pos_ == "VERB":
        verb = word.head
    if verb is not None:
        anchors.append(verb)
    if word.dep_ == "compound" and word.head.pos_ in NOUN_POS:
        anchors.append(word.head)  # "a car bomb explosion at a checkpoint": the explosion's place
    for child in word.children:  # "were killed when a strike hit their car on the road to X"
        if child.dep_ == "advcl" and any(c.lower_ in ("when", "as") for c in child.children):
            anchors.append(child)
    return anchors


def _attached_places(
    anchor: Token, exclude: set[int], places: frozenset[str], preps: frozenset[str], lexicon: Lexicon
) -> Iterator[tuple[TextSpan, Token, bool, bool, int]]:
    """Places modifying the event word, nearest first: its own place phrases, then those of its
    target ("struck a market in the town of X"), and a target that is itself a place ("seized
    Kidal"); each as (span, head, names-an-origin, weak, depth). A weak one is a bare proper noun
    as object ("attacked Sake" or "attacked Hamas"), used when nothing better is attached."""
    directions = lexicon.word_set("direction_words")
    frontier = [anchor]
    for depth in range(3):
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.lower_ in directions and child.dep_ in ("advmod", "npadvmod", "prep"):
                    obj = _prep_object(child, ("of",))
                    if obj is not None:  # "south of Idlib", "on the outskirts of Goma"
                        last = _place_bounds(obj, places)[1]
                        yield span_of([child, token.doc[last]]), obj, False, False, depth
                        continue
                out_of = child.lower_ == "of" and (token.pos_ == "VERB" or lemma(token) in _RESIDENTS)
                if child.dep_ == "prep" and (child.lower_ in preps or out_of):
                    obj = _child(child, ("pobj",))
                    if obj is None:
                        continue
                    # an actor's own words are no place ("a strike on a market"); its place phrases are
                    party = obj.i in exclude and not _may_name_place(obj, places, child)
                    if not party and _is_place(obj, places) and _is_named(obj, places):
                        yield _phrase(child, obj, places), obj, child.lower_ in _ORIGIN, False, depth
                    following.append(obj)  # its own place phrases: "a market in the town of X"
                elif child.dep_ in ("dobj", "nsubjpass") and depth == 0:
                    if token.pos_ == "VERB":
                        named = _is_named(child, places)
                        if _said_to_be_someone(child):
                            pass
                        elif named and _is_place_word(child, places):  # "captured the town of Rutshuru"
                            yield _phrase(None, child, places), child, False, False, depth
                        elif child.pos_ == "PROPN" and child.ent_type_ not in _PARTIES and (
                            _name_label_fits(child)
                        ):
                            # "recaptured Wad Madani, the capital of Gezira state": the apposition says place
                            weak = not any(c.dep_ == "appos" and lemma(c) in places for c in child.children)
                            yield _phrase(None, child, places), child, False, weak, depth
                    following.append(child)
        frontier = following


def _said_to_be_someone(name: Token) -> bool:
    """A name a "who" clause describes ("Ibarra, who was driving, was shot"): a person, whatever
    town shares the name."""
    return any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") for g in c.children)
        for c in name.children
    )


def _sentence_place(
    trigger: Trigger,
    sentence: Sequence[Token],
    exclude: set[int],
    places: frozenset[str],
    preps: frozenset[str],
    cues: frozenset[str],
    facilities: frozenset[str],
) -> TextSpan | None:
    """No attached phrase: the first place named after a place preposition elsewhere in the
    sentence, unless it belongs to the speaker's part of it or names where something came from."""
    for token in sentence:
        if token.pos_ not in NOUN_POS:
            continue
        named = token.ent_type_ in PLACE_ENTITIES and token.ent_iob_ == "B"
        governor = token
        while governor.dep_ in ("compound", "amod", "poss", "appos", "conj", "nmod"):
            governor = governor.head
        if governor.lower_ == "time":
            continue  # "at 14:00 Moscow time": an hour in a city's zone, no place
        if not named and not (token.pos_ == "PROPN" and governor.dep_ == "pobj" and _name_label_fits(token)):
            continue  # a name inside a prepositional object: "in Abuja's Lugbe area"
        if not named and token.ent_type_ == "PERSON" and _through_apposition(token, governor):
            continue  # "into the forest, a community leader, Musa Garba, said": a person in apposition
        preposition = governor.head
        area = preposition.lower_ == "of" and lemma(preposition.head) in places | _SHARES
        if governor.dep_ != "pobj" or preposition.lower_ in _ORIGIN:
            continue
        # "a shrine south of Damascus": preps holds the direction words too
        direction = preposition.lower_ == "of" and preposition.head.lower_ in preps
        if not (area or direction or preposition.lower_ in preps):
            continue
        # An actor's own words are not its place, but a place phrase inside the actor's phrase is
        # ("troops operating in the Jabalia area seized ...").
        if token.i in exclude and (area or not _may_name_place(token, places)):
            continue
        if not named and not _is_place(governor, places):
            continue
        if _in_speakers_part(governor, trigger.head, cues) or _in_earlier_event(governor, trigger.head):
            continue
        if _describes_a_party(governor, trigger):
            continue
        if area and lemma(preposition.head) in places:  # "the northeastern province of Arauca"
            first, last = _place_bounds(preposition.head, places)
            return span_of([token.doc[first], token.doc[last]])
        if direction:
            return span_of([preposition.head, token.doc[_place_bounds(governor, places)[1]]])
        head = token
        while head.dep_ in ("compound", "amod", "poss", "nmod") and (
            lemma(head.head) in places or head.head.ent_type_ in PLACE_ENTITIES or head.head.pos_ == "PROPN"
            or (head.dep_ == "compound" and lemma(head.head) in facilities)  # "at Madina hospital"
        ):
            head = head.head
        if head.i in exclude and not _may_name_place(head, places):
            continue
        first, last = _place_bounds(head, places)
        return span_of([head.doc[first], head.doc[last]])
    return None


def _through_apposition(token: Token, governor: Token) -> bool:
    """True when the word hangs off its governing noun through an apposition ("X, a leader, Y")."""
    while token.i != governor.i:
        if token.dep_ == "appos":
            return True
        token = token.head
    return False


def _in_speakers_part(place: Token, event: Token, cues: frozenset[str]) -> bool:
    """True when the place hangs off a reporting verb rather than the event ("a resident of Jabra
    said", "told our correspondent in Gusau", "according to officials in Kyiv")."""
    if in_speakers_phrase(place, event, cues):
        return True
    ancestors = {t.i for t in event.ancestors} | {event.i}
    for token in [place, *place.ancestors]:
        if token.i in ancestors:
            return token.i != event.i and token.pos_ == "VERB" and lemma(token) in cues
        if token.lower_ == "according":
            return True
    return False


# How a phrase hangs off a reporting verb when it describes the speaker or the hearer.
_SPEAKER_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "attr"})


def in_speakers_phrase(word: Token, event: Token, cues: frozenset[str]) -> bool:
    """True when the word is inside the speaker's or hearer's phrase or the statement itself: "a
    resident who fled on Monday told us", "told our correspondent in Gusau" (even where the parser
    made "told" a conjunct of the event verb), "claimed it in a statement on Monday"."""
    below = word
    for token in word.ancestors:
        if token.i == event.i:
            return False
        if token.pos_ == "VERB" and lemma(token) in cues:
            if below.dep_ in _SPEAKER_ARGUMENTS:
                return True
            obj = _child(below, ("pobj",)) if below.dep_ == "prep" else None
            return obj is not None and lemma(obj) in STATEMENT_NOUNS
        below = token
    return False


def _describes_a_party(place: Token, trigger: Trigger) -> bool:
    """True when the place is part of another verb's subject: "the Ministry of Health in Ramallah
    put the toll at eight", "our correspondent in Rafah says": where that party sits. The event's
    own subject ("police in Addis Ababa detained") does say where the event was."""
    anchors = {t.i for t in _anchors(trigger)}
    # a subject shared by conjoined verbs is each one's: "troops in Jabalia killed ... and seized ..."
    anchors |= {t.head.i for t in _anchors(trigger) if t.dep_ == "conj"}
    for token in place.ancestors:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in NOUN_POS:
            if token.head.i in anchors or lemma(token) in _PLACE_SUBJECTS:
                return False
            return trigger.head.i not in {t.i for t in token.subtree}
    return False


def _in_earlier_event(place: Token, event: Token) -> bool:
    """True when the place is told with an earlier event the sentence gives as a cause ("suspended
    talks after a drone attack in Arauca") and the event is not inside that phrase."""
    for token in place.ancestors:
        if token.dep_ == "prep" and token.lower_ in BEFORE:
            return event.i not in {t.i for t in token.subtree}
        # "attacked Derna on Friday, hours after militants opened fire in Minya province": a clause
        # of the earlier act
        if (
            token.dep_ == "advcl"
            and token.head.i in (event.i, event.head.i)
            and any(c.dep_ == "mark" and c.lower_ in BEFORE for c in token.children)
        ):
            return event.i not in {t.i for t in token.subtree}
    return False


def _phrase(preposition: Token | None, obj: Token, places: frozenset[str]) -> TextSpan:
    """The place phrase from its head, with a "town of X" or a containing "in Y" kept."""
    first, last = _place_bounds(obj, places)
    doc = obj.doc
    if preposition is not None and preposition.lower_ not in ("against", "of") and first == preposition.i + 1:
        return span_of([preposition, doc[last]])
    return span_of([doc[first], doc[last]])


def _place_bounds(head: Token, places: frozenset[str]) -> tuple[int, int]:
    """Bounds of a place phrase, extended over a containing place ("X in Y province", "X, Syria")."""
    first, last = bounds(head, verbal_modifiers=False)
    for child in head.children:
        if child.i <= last:
            continue
        adjacent = child.i == last + 1 or child.i == last + 2 and head.doc[last + 1].text == ","
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "near", "between") and adjacent:
            obj = _child(child, ("pobj",))
            if obj is not None and _is_place(obj, places):
                last = max(last, bounds(obj, verbal_modifiers=False)[1])
        elif child.dep_ == "appos" and head.doc[last + 1].text == "," and _names_region(child):
            last = max(last, bounds(child, verbal_modifiers=False)[1])
        elif child.dep_ == "appos" and child.pos_ == "PROPN" and lemma(head) in places:
            named = bounds(child, verbal_modifiers=False)
            if named[0] == last + 1:  # "the capital Wad Madani": the name right after the noun
                last = named[1]
    doc = head.doc
    if last + 3 < len(doc) and doc[last + 1].lower_ == "and" and doc[last + 3].text in ("'s", "’s"):
        # "in Jammu and Kashmir's Kathua district": a two-word owner parsed as a list, then what it owns
        owner = doc[last + 2]
        if owner.text[:1].isupper() and owner.dep_ == "poss" and owner.head.i > owner.i:
            last = max(last, bounds(owner.head, verbal_modifiers=False)[1])
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].lower_ == "in":
        obj = _child(doc[last + 2], ("pobj",))  # "Kuriga, in northwestern Kaduna state" parsed apart
        if obj is not None and _is_place_word(obj, places) and _is_named(obj, places):
            last = bounds(obj, verbal_modifiers=False)[1]
    for k in range(head.i + 1, last):  # "the town of Tame, the Ombudsman's office said": stop at the comma
        if doc[k].text == "," and not (_names_region(doc[k + 1]) or doc[k + 1].lower_ == "in"):
            return first, k - 1
    return first, last


def _names_region(token: Token) -> bool:
    """ "Borno state", "Syria", "Guanajuato": a containing place given after a comma (the parser may
    label a province it does not know an organisation: "El Penol, Antioquia")."""
    named = token.ent_type_ in ("GPE", "LOC") or token.ent_type_ == "ORG" and token.dep_ == "appos"
    return token.pos_ == "PROPN" and named or (
        lemma(token) in ("state", "province", "region", "department") and token.dep_ in ("appos", "compound")
    )


def _is_named(token: Token, places: frozenset[str]) -> bool:
    """A place phrase with a name in it: "Goma", "Idlib province", "the town of Sake", not "a bandit
    enclave" (whose own place phrases are looked at next)."""
    if token.pos_ == "PROPN" or token.ent_type_ in PLACE_ENTITIES:
        return True
    for child in token.children:
        if child.dep_ in ("compound", "poss", "nmod", "amod") and (
            child.pos_ == "PROPN" or child.ent_type_ in PLACE_ENTITIES
        ):
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "between"):  # "the road between X and Y"
            obj = _child(child, ("pobj",))
            if obj is not None and obj.pos_ == "PROPN":
                return True
        if child.dep_ == "appos" and child.pos_ == "PROPN" and lemma(token) in places:
            return True  # "seized the capital Wad Madani": the name in apposition
    return False


def _is_place_word(token: Token, places: frozenset[str]) -> bool:
    """A word that names a place by itself: a place entity or a noun such as "town", "province"."""
    return token.ent_type_ in PLACE_ENTITIES or lemma(token) in places


def _name_label_fits(token: Token) -> bool:
    """False for a name labelled a number or a real date; the small parser labels many town names
    DATE or TIME ("near Manbij on Thursday"), which a word with no time in it cannot be."""
    if token.ent_type_ in ("DATE", "TIME"):
        return not TEMPORAL_WORD.search(token.text)
    return token.ent_type_ not in _NOT_PLACE_ENTITIES


# Prepositions that only ever locate: a name after them is a place even when the parser labels it
# an organisation or a person ("residents of Avdiivka", "a base near Djibo"); "against Hamas" not.
_LOCATIVE = frozenset({"in", "near", "outside", "inside", "around", "across", "throughout", "within", "of"})


def _may_name_place(token: Token, places: frozenset[str], preposition: Token | None = None) -> bool:
    """A place word, or a name in a place slot not labelled a person or organisation: what may be
    taken as a place inside an actor's phrase ("a house in Nuseirat", not "strikes against Hamas")."""
    if _is_place_word(token, places):
        return True
    if token.pos_ != "PROPN" or not _name_label_fits(token):
        return False
    if preposition is not None and preposition.lower_ in _LOCATIVE:
        return True
    return token.ent_type_ not in _PARTIES


def _is_place(token: Token, places: frozenset[str]) -> bool:
    if token.lower_ == "time":
        return False  # "at 14:00 Moscow time": an hour in a city's zone, no place
    if _is_place_word(token, places):
        return True
    if token.pos_ == "PROPN" and _name_label_fits(token):
        return True  # a name in a place slot: the gazetteer decides
    return any(c.ent_type_ in PLACE_ENTITIES for c in token.children if c.dep_ in ("compound", "poss"))


# Prepositions that list the places of several acts: "attacks in Bannu, Lakki Marwat and Tank",
# "strikes on the city of Kherson and the city of Kharkiv" ("near X and Y", "between X and Y" place one
# act in an area or on a stretch of road).
_LISTING = frozenset({"in", "on", "at"})
# Nouns of a town named by an "of" phrase: "the city of Kherson"
_SETTLEMENTS = frozenset({"city", "town", "village"})


def listed_places(
    place: TextSpan, trigger: Trigger, tokens: Sequence[Token], lexicon: Lexicon
) -> list[TextSpan]:
    """The other places a place phrase on the act itself lists with its first ("raided homes in Jenin
    and Tubas": Tubas), each a town or a "city of X" named by a proper noun; none when the list is
    one name ("Jammu and Kashmir") or the phrase belongs to another clause ("sirens sounded in
    Ashkelon and Sderot as rockets were fired")."""
    inside = [t for t in tokens if place.start <= t.idx < place.end]
    roots = [t for t in inside if not place.start <= t.head.idx < place.end or t.head.i == t.i]
    if len(roots) != 1:
        return []
    root = roots[0]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in _SETTLEMENTS:
        root = root.head.head  # "the city of Kherson" read from its name
    if root.pos_ == "ADP":
        root = _child(root, ("pobj",)) or root
    act = trigger.head
    hit = root.dep_ == "dobj" and root.head.i == act.i  # "stormed the city of X and the town of Y"
    listing = root.dep_ == "pobj" and root.head.lower_ in _LISTING
    if not hit and not listing:
        return []
    if listing and act.i not in (root.head.head.i, root.head.head.head.i):
        return []  # the places of another clause, not of this act or of what it hit
    if not _named_place(root):
        return []
    paired = lexicon.word_set("paired_place_names")
    listed: list[TextSpan] = []
    item = root
    while (item := next((c for c in item.children if c.dep_ == "conj"), None)) is not None:
        if not _named_place(item) or item.lower_ in paired:
            return []
        listed.append(_listed_name(item))
    if any(a_country(span.text) for span in (_listed_name(root), *listed)):
        return []  # "attacks in Burkina Faso, Mali and Niger": a region's tally more often than acts
    return listed


def _named_place(token: Token) -> bool:
    """A proper noun that may name a place ("Tubas"), or "the city of X" around one."""
    if lemma(token) in _SETTLEMENTS and (name := _child(token, ("prep",))) is not None:
        inner = _child(name, ("pobj",)) if name.lower_ == "of" else None
        return inner is not None and _named_place(inner)
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PLACE_ENTITIES


def _listed_name(token: Token) -> TextSpan:
    """The words of one listed place: the name with its compounds ("Lakki Marwat"), or "the city of X"."""
    first = min([token.i, *(c.i for c in token.children if c.dep_ in ("compound", "det", "amod"))])
    last = token.i
    of = _child(token, ("prep",))
    if of is not None and of.lower_ == "of" and (inner := _child(of, ("pobj",))) is not None:
        last = inner.i
    return span_of([token.doc[first], token.doc[last]])
