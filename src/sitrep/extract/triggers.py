"""Trigger finding: which tokens of a sentence name an event, and in which sense.

A trigger is a verb ("attacked"), a phrasal verb ("shot down", "sent in"), a nominalisation
("offensive", "the downing of"), a compound ("air strike", "artillery strikes") or a backing
modifier ("Russia-backed forces", "rebels supported by Turkish artillery"). Senses are chosen by
the lexicon's conditions, so "support from the US" is SUPPORT while "backing rebels" is AID.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.extract.lexicon import Lexicon, Sense

Token = Any  # spacy.tokens.Token; only parse.py imports spaCy

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PHRASE_CHILD_DEPS = frozenset({"prt", "advmod", "prep", "dobj", "compound:prt"})
BACKING_LEMMAS = frozenset({"back", "support", "sponsor", "arm", "fund", "bolster"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """One event word in a sentence: its head token, all its tokens, and its sense."""

    head: Token
    tokens: tuple[Token, ...]
    sense: Sense
    modifier: bool = False  # a backing relation stated as a modifier: "Russia-backed", "supported by"

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens)


# Lower-cased lemma text by the lemma's string-store hash: `lemma_` decodes the string on every
# call and extraction asks for the same few thousand lemmas hundreds of thousands of times. The
# hash of a string is the same in every vocabulary, so the entries never go stale; bounded.
_LOWER_LEMMAS: dict[int, str] = {}
_LOWER_LEMMAS_MAX = 200_000


def lemma(token: Token) -> str:
    key = token.lemma
    found = _LOWER_LEMMAS.get(key)
    if found is None:
        found = str(token.lemma_).lower()
        if len(_LOWER_LEMMAS) < _LOWER_LEMMAS_MAX:
            _LOWER_LEMMAS[key] = found
    return found


def neighbourhood(token: Token) -> set[str]:
    """Lemmas near a word: children and grandchildren, its head, and the three words before it."""
    near = {lemma(token.head)}
    for child in token.children:
        near.add(lemma(child))
        near.update(  # "units, supported by armoured vehicles, entered": the subject's backing is no context
            lemma(g) for g in child.children if not (g.dep_ in ("acl", "amod") and lemma(g) in BACKING_LEMMAS)
        )
    doc = token.doc
    near.update(lemma(doc[i]) for i in range(max(token.i - 3, 0), token.i))
    return near


def parties(token: Token) -> set[str]:
    """Lemmas of the words that can be the parties of a trigger: objects, agents, modified nouns."""
    found: set[str] = set()
    if token.dep_ in ("amod", "acl", "compound") or (token.pos_ in NOUN_POS and token.dep_ == "pobj"):
        found.add(lemma(token.head))
    for child in token.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "npadvmod", "attr"):
            found.add(lemma(child))
        elif child.dep_ in ("agent", "prep"):
            for grandchild in child.children:
                found.add(lemma(grandchild))
                found.update(lemma(g) for g in grandchild.children if g.dep_ == "compound")
    return found


def argument_words(token: Token) -> set[str]:
    """The words of a trigger's own arguments: its children, the noun an "of" phrase on it names
    ("the evacuation of most of the school's 500 students": students), what a verb is "to" ("agreed
    to a static rally": rally), and the object of its infinitive ("asking not to use his name")."""
    words = {lemma(child) for child in token.children}
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "conj":  # "banners left beside the bodies were signed": shared
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        words.update(lemma(c) for c in subjects)
    for subject in subjects:  # "about thirty wounded were evacuated": the words that say who they are
        words.update(lemma(g) for g in subject.children if g.dep_ in ("acl", "amod", "compound"))
    for agent in (c for c in token.children if c.dep_ == "agent"):
        # "evacuated by reinforcements to hospital": the parse hangs where they went on the agent
        words.update(
            lemma(p) for g in agent.children for c in g.children if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj"
        )
    for subject in (c for c in subjects if c.pos_ == "VERB"):
        # "banners left at the scene were signed by the cartel": the parse made "left" the subject
        words.update(lemma(g) for g in subject.children if g.dep_ in ("nsubj", "nsubjpass"))
    if token.dep_ == "acl" and token.tag_ == "VBN":
        words.add(lemma(token.head))  # "messages signed by the cartel": what was signed
    if token.dep_ == "amod" and token.tag_ == "VBN":
        words.add(lemma(token.head))  # "abandoned suitcases": what the participle describes
    if token.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in token.children) and any(
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children
    ):
        words.add(lemma(token.head))  # "a statement he jointly signed": what was signed
    for clause in (c for c in token.children if c.dep_ == "xcomp"):  # "asking not to use his name"
        words.update(lemma(g) for g in clause.children if g.dep_ == "dobj")
    if token.pos_ == "VERB":  # "agreed to a rally", "called for backup", "visiting Tehran with her family"
        words.update(
            lemma(g) for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "with")
            for g in c.children if g.dep_ == "pobj"
        )
    if token.pos_ in NOUN_POS:  # "requests for comment": what the request is for
        words.update(
            lemma(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
            if g.dep_ == "pobj"
        )
    for preposition in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (g for g in preposition.children if g.dep_ == "pobj"):
            words.add(lemma(noun))
            for inner in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                words.update(lemma(g) for g in inner.children if g.dep_ == "pobj")
    # "narco-banners signed by the cartel", "cease-fire": a hyphened word also counts by its last part
    return words | {w.rsplit("-", 1)[1] for w in words if "-" in w.strip("-")}


def sense_applies(sense: Sense, token: Token, lexicon: Lexicon) -> bool:
    if sense.unless and sense.unless & argument_words(token):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if sense.unless and token.pos_ == "VERB" and before is not None and lemma(before) in sense.unless:
        return False  # "the peace deal struck between the US and the Taliban", however it is parsed
    if sense.context and not sense.context & neighbourhood(token):
        return False
    if sense.armed_party:
        armed = lexicon.word_set("armed") | lexicon.word_set("weapons")
        if not armed & parties(token):
            return False
    if sense.infinitive and not _governs_infinitive(token):
        return False
    return not sense.place_party or _takes_a_place(token, lexicon)


def _governs_infinitive(token: Token) -> bool:
    """ "told them to leave", "ordered troops to withdraw": a clause of the word with its own "to",
    not "told reporters the truck was heading to the city" or "told villagers, according to a statement"."""
    return any(
        child.dep_ in ("xcomp", "ccomp", "advcl")
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        for child in token.children
    )


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _takes_a_place(token: Token, lexicon: Lexicon) -> bool:
    """ "seized the town", "took most of Aleppo", "captured parts of the province": ground as object."""
    places = lexicon.word_set("place_nouns") | lexicon.word_set("sites")
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        candidates = [obj, *(g for c in obj.children if c.lower_ == "of" for g in c.children)]
        if any(c.ent_type_ in PLACE_ENTITIES or lemma(c) in places for c in candidates):
            return True
    return False


def choose(senses: Iterable[Sense], token: Token, lexicon: Lexicon) -> Sense | None:
    for sense in senses:
        if sense_applies(sense, token, lexicon):
            return sense
    return None


def _verb_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    key = lexicon.lemma_fixes.get(token.lower_) or lemma(token)
    for child in token.children:
        if child.dep_ in PHRASE_CHILD_DEPS:
            for word in (child.lower_, lemma(child)):
                senses = lexicon.particles.get((key, word))
                if senses:
                    sense = choose(senses, token, lexicon)
                    if sense:
                        return Trigger(token, (token, child), sense)
    senses = lexicon.verbs.get(key)
    if not senses:
        return None
    sense = choose(senses, token, lexicon)
    if sense is None:
        return None
    modifier = key in BACKING_LEMMAS and token.dep_ in ("amod", "acl") and token.tag_ == "VBN"
    if modifier and not any(child.dep_ == "agent" for child in token.children):
        return None  # "Iran-backed rebels": a standing relation, the actor's backed_by, not an event
    if key in BACKING_LEMMAS and token.tag_ == "VBN" and not any(
        child.dep_ in ("agent", "dobj", "nsubjpass", "auxpass") for child in token.children
    ):
        return None  # "some of them armed", "heavily armed": a state, not an act of arming
    if key in BACKING_LEMMAS and token.tag_ == "VBN" and token.dep_ == "advcl" and not any(
        child.dep_ in ("nsubjpass", "auxpass") for child in token.children
    ):
        return None  # "the coalition entered the war in 2015, backed by the United States": its backer
    if (
        sense.plover in ("SANCTION", "COERCE", "COOPERATE")
        and token.dep_ == "amod"
        and token.i < token.head.i
        and not any(child.dep_ == "agent" for child in token.children)
    ):
        return None  # "internationally banned cluster munitions", "the outlawed party", "allied forces"
    if (
        sense.plover in ("SANCTION", "COERCE", "COOPERATE")
        and token.dep_ == "conj"
        and token.head.pos_ in NOUN_POS
        and token.tag_ in ("VBN", "VBD")
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
    ):
        return None  # "Army troops and allied tribal fighters": the participle the parse took for a verb
    if key == "ally" and not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children):
        return None  # "clashes with the army and allied armed movements": who they are, not an alliance made
    # "the PKK, designated a terrorist group by Ankara" (a participle the parse may take for a verb
    # joined to the clause): what the group is held to be, no measure told
    participle = token.dep_ == "acl" and token.tag_ == "VBN"
    subjectless = not any(c.dep_ == "nsubj" for c in token.children)
    misparsed = token.dep_ == "conj" and token.tag_ == "VBD" and subjectless and any(
        c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in token.children
    )
    if sense.plover == "SANCTION" and (participle or misparsed) and not names_a_time(token):
        return None
    if sense.plover == "MOBILIZE" and _present_state(token) and _where_clause(token):
        return None  # "13km from where troops are stationed": a presence that places something else
    if sense.plover == "COOPERATE" and token.dep_ == "acl" and token.tag_ in ("VBN", "VBD"):
        return None  # "a gang apparently allied with the Jalisco cartel": a standing relation
    if sense.plover in _STANDING_ACTS and token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP"):
        return None  # "a militia that backs the army", "roads that supply the front": a standing relation
    if sense.plover == "AID" and token.tag_ == "VBN" and _by_aircraft(token):
        return None  # "high-explosive bombs delivered by aircraft": the means of a strike, no aid
    if sense.plover == "AGREE" and _on_condition(token):
        return None  # "Baku agrees to sign the treaty only if Armenia changes its constitution": an offer
    if sense.plover in _SPOKEN and token.dep_ == "relcl" and _undated_past_perfect(token):
        return None  # "her mother, who had pleaded for her release, has died": who she was, no act told
    if sense.plover in _STANDING_ACTS and token.dep_ == "acl" and token.tag_ == "VBG":
        return None  # "the UN agency providing aid", "a village hosting displaced families": who they are
    return Trigger(token, (token,), sense, modifier=modifier and sense.plover in ("AID", "SUPPORT"))


def _present_state(verb: Token) -> bool:
    """A passive in the simple present with no day ("are stationed", "is deployed"): a state, not an
    act ("are being deployed" and "were deployed on Monday" tell one)."""
    passive = [c.lower_ for c in verb.children if c.dep_ == "auxpass"]
    if verb.tag_ != "VBN" or passive not in (["is"], ["are"]):
        return False
    return not names_a_time(verb)


def _where_clause(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)


def split_passive_subject(verb: Token) -> Token | None:
    """The subject of a passive the parser cut in two at a time or place set between auxiliary and
    participle ("three students were on Tuesday kidnapped": "were" the root with the subject, the
    participle a clause of it): the one the act was done to."""
    head = verb.head
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "xcomp") or head.i > verb.i or lemma(head) != "be":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return None
    if any(c.dep_ in ("attr", "acomp") for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def subject_on_auxiliary(verb: Token) -> Token | None:
    """A passive's subject the parse hung on its auxiliary ("three men were on Tuesday killed": "men"
    the subject of "were", "were" the auxiliary of "killed")."""
    auxiliary = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    return next((c for c in auxiliary.children if c.dep_ == "nsubj"), None) if auxiliary else None


def names_a_time(word: Token) -> bool:
    """The phrase a word heads names a day or a time ("were deployed on Monday", "last week")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in word.subtree)


# Acts that can also name what someone does as a rule: a present tense relative clause or a participle
# on a noun describes the noun ("an agency supporting refugees"), it tells no act.
_STANDING_ACTS = frozenset({"AID", "SUPPORT", "CONSULT", "COOPERATE"})


# Acts done by saying: told in a relative clause in the past perfect with no time of its own, they
# describe the person ("the mother, who had pleaded for her daughter's release").
_SPOKEN = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})


_AIRCRAFT = frozenset({"aircraft", "plane", "warplane", "jet", "helicopter", "drone", "bomber", "airplane"})


def _by_aircraft(verb: Token) -> bool:
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(lemma(g) in _AIRCRAFT for g in agents)


def _on_condition(verb: Token) -> bool:
    """An agreement bound to a condition: an "if" or "unless" clause on the verb or on what it agrees to."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for clause in clauses
        for c in clause.children
    )


def _undated_past_perfect(verb: Token) -> bool:
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    return had and not names_a_time(verb)


# entities whose inner words are a name's, not an event's ("Alliance", "Front", "Resistance")
_NAME_ENTITIES = frozenset({"ORG", "NORP", "FAC", "PERSON", "WORK_OF_ART"})


def _noun_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    doc = token.doc
    key = lemma(token)
    if token.i > 0:
        previous = doc[token.i - 1]
        if previous.text == "-" and token.i > 1:
            joined = f"{doc[token.i - 2].lower_}-{key}"
            senses = lexicon.nouns.get(joined)
            if senses:
                sense = choose(senses, token, lexicon)
                if sense:
                    return Trigger(token, (doc[token.i - 2], previous, token), sense)
        senses = lexicon.compounds.get((lemma(previous), key)) or lexicon.compounds.get(
            (previous.lower_, key)
        )
        if senses:
            sense = choose(senses, token, lexicon)
            if sense:
                return Trigger(token, (previous, token), sense)
    if token.dep_ == "compound":
        return None  # "fighting groups", "attack helicopter": a modifier, not an event
    if token.ent_type_ in _NAME_ENTITIES and token.text[:1].isupper() and token.ent_iob_ == "I":
        return None  # "the Three Brotherhood Alliance", "the Liberation Front": a word of a name
    if token.ent_type_ == "DATE" and token.text[:1].isupper():
        return None  # "in March": the month, not a march
    senses = lexicon.nouns.get(key) or lexicon.nouns.get(token.lower_)
    if not senses:
        return None
    sense = choose(senses, token, lexicon)
    return Trigger(token, (token,), sense) if sense else None


def find_triggers(tokens: Sequence[Token], lexicon: Lexicon) -> list[Trigger]:
    """Every trigger in a sentence, in text order, one per head token."""
    found: list[Trigger] = []
    used: set[int] = set()
    for token in tokens:
        if token.i in used:
            continue
        if token.pos_ in VERB_POS:
            trigger = _verb_trigger(token, lexicon)
        elif token.pos_ in NOUN_POS:
            trigger = _noun_trigger(token, lexicon)
        else:
            trigger = None
        if trigger is not None and _told_before(trigger, lexicon):
            trigger = None
        if trigger is not None and not any(t.i in used for t in trigger.tokens):
            found.append(trigger)
            used.update(t.i for t in trigger.tokens)
    return found


# Statements a sentence only refers back to, or that a document makes.
_STATEMENT_ACTS = frozenset({"REQUEST", "THREATEN", "ACCUSE"})


def _told_before(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A statement the sentence refers to, not one it tells: a warning or an appeal someone defied or
    ignored ("defying warnings by Russian authorities", "defied the state's appeal not to gather"),
    or a call a document makes ("a peace deal that calls for the full withdrawal of troops")."""
    if trigger.sense.plover not in _STATEMENT_ACTS:
        return False
    head = trigger.head
    defied = lexicon.modality.get("defying_verbs", frozenset())
    if head.pos_ in NOUN_POS and head.dep_ in ("dobj", "pobj"):
        governor = head.head.head if head.dep_ == "pobj" else head.head
        if lemma(governor) in defied:
            return True
    documents = lexicon.modality.get("document_nouns", frozenset())
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    relative = subject is not None and subject.lower_ in ("that", "which") and head.dep_ == "relcl"
    if relative:
        subject = head.head  # "a peace deal that calls for ...": the deal
    return head.pos_ in VERB_POS and subject is not None and lemma(subject) in documents
