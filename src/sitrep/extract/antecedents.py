"""Who a pronoun or a stand-in names: "they", "who", "its forces", "the country" -> the party.

The parse gives the word that fills an actor or target slot; when that word only points at a party
named elsewhere, the party is the one named. The search stays near (the nearest party-like word
earlier in the sentence or just before it); a pronoun left unresolved is dropped by the caller
(extract/arguments.py::party).
"""

from __future__ import annotations

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import Token, lemma

# Pronouns that stand for a party ("they", relative "who"), and possessives that point at an owner.
PERSONAL = frozenset({"he", "she", "it", "they", "them", "him", "her", "we", "us", "who", "which", "that"})
POSSESSIVE = frozenset({"its", "their", "his", "her", "our"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# the pronouns that, in what a party says, stand for that party ("said its forces", "said they had")
_SPEAKERS_WORDS = frozenset({"it", "its", "they", "their", "he", "his", "she", "her"})


def _party_like(cand: Token, lexicon: Lexicon) -> bool:
    return cand.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or (
        cand.pos_ == "NOUN" and lemma(cand) in lexicon.word_set("armed") | lexicon.word_set("roles")
    )


def _a_person(cand: Token, lexicon: Lexicon) -> bool:
    # "the UN Humanitarian Coordinator": a title, even where the parser calls it a name
    return cand.ent_type_ == "PERSON" or lemma(cand).lower() in lexicon.word_set("roles")


def _a_place_named(cand: Token, lexicon: Lexicon) -> bool:
    """ "stormed the village of Tungar Kara", "a market in Gao": a name in a place phrase is where
    something happened, never who "they" are."""
    if cand.dep_ != "pobj":
        return False
    preposition = cand.head
    if preposition.lower_ == "of":  # "the village of X", whatever the parser calls X
        return lemma(preposition.head) in lexicon.word_set("place_nouns")
    return cand.ent_type_ in ("GPE", "LOC", "FAC") and preposition.lower_ in lexicon.word_set("place_preps")


def _owns_a_place(owner: Token, lexicon: Lexicon) -> bool:
    """ "Dera Ismail Khan's Kulachi tehsil", "Peshawar's Hayatabad area": the possessor of a place
    noun (or of a name compounded with one) is a place, whatever the parser calls the name."""
    owned = owner.head
    while owned.dep_ == "compound" and owned.head.i != owned.i:
        owned = owned.head
    return lemma(owned) in lexicon.word_set("place_nouns")


def _opens_clause(token: Token) -> bool:
    """Only time and linking words stand before the pronoun in its sentence: "Later on Friday they"."""
    before = token.doc[token.sent.start : token.i]
    if len(before) > 6:
        return False
    return all(
        t.pos_ in ("ADV", "ADP", "PUNCT", "CCONJ", "SCONJ", "DET") or t.ent_type_ in ("DATE", "TIME")
        for t in before
    )


def _speaker(token: Token, exclude: Token | None, lexicon: Lexicon) -> Token | None:
    """ "The RSF, which has taken over most of Khartoum, said its forces had shot down a jet": a
    pronoun in what a party says points at the party that says it, not at the last name before it."""
    word = token.lower_
    if word not in _SPEAKERS_WORDS or (word in PERSONAL and token.dep_ not in SUBJECT_DEPS):
        return None
    clause = token.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in PERSONAL or (exclude is not None and subject.i == exclude.i):
        return None
    if not _party_like(subject, lexicon):
        return None
    person = subject.ent_type_ == "PERSON" or lemma(subject) in lexicon.word_set("roles")
    if word in ("he", "his", "she", "her"):
        return subject if person else None
    if word in ("it", "its"):  # "the army said its troops", "the RSF said it had"
        return subject if not person and subject.tag_ in ("NN", "NNP", "NNPS") else None
    return subject if not person else None  # "they", "their": a group, never one person


def _candidate_antecedent(token: Token, exclude: Token | None, lexicon: Lexicon) -> Token | None:
    """The speaker whose words hold the pronoun; else the nearest earlier party-like word in the
    sentence (then the sentence before)."""
    speaker = _speaker(token, exclude, lexicon)
    if speaker is not None:
        return speaker
    group = _group_speaking(token, exclude, lexicon) if token.lower_ in _FIRST_PERSON else None
    if group is not None:
        return group
    doc = token.doc
    doer = token.dep_ in SUBJECT_DEPS or token.dep_ == "poss"  # who acts or owns is never a place named
    personal = token.lower_ in ("he", "him", "his", "she", "her")
    start = max(token.sent.start - 60, 0)
    for i in range(token.i - 1, start - 1, -1):
        cand = doc[i]
        if exclude is not None and cand.i == exclude.i:
            continue
        if cand.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"):
            continue
        if cand.lower_ in PERSONAL or cand.lower_ in POSSESSIVE:
            continue
        if cand.dep_ == "poss" and _owns_a_place(cand, lexicon):
            continue  # "in Dera Ismail Khan's Kulachi tehsil": the owner of a place is a place
        if _party_like(cand, lexicon) and not (doer and _a_place_named(cand, lexicon)):
            if personal and not _a_person(cand, lexicon):
                continue  # "he" is someone, never a town or a country
            if personal and cand.dep_ == "pobj" and cand.head.lower_ in ("in", "at"):
                continue  # "died in Mardan's Takht Bhai ... fired on him": a name one is in is a place
            return cand
    return None


_FIRST_PERSON = frozenset({"we", "us", "our"})


def _group_speaking(token: Token, exclude: Token | None, lexicon: Lexicon) -> Token | None:
    """ "we" in a quote is the group of whoever says it, not the last party named before it: "Sarwar,
    one of the protesters police dispersed, said, 'We demand her resignation'": the protesters. A
    person speaking alone is left to the nearest party before ("an army spokesman said, 'we ...'")."""
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    doc = token.doc
    after = range(token.i + 1, token.sent.end)  # "'We have arrested five,' police said"
    before = range(token.i - 1, max(token.sent.start - 80, 0) - 1, -1)
    for i in [*after, *before]:
        if doc[i].pos_ != "VERB" or lemma(doc[i]) not in cues:
            continue
        subject = next((c for c in doc[i].children if c.dep_ == "nsubj"), None)
        if subject is None or (exclude is not None and subject.i == exclude.i):
            return None
        one_of = next((c for c in subject.children if c.dep_ == "appos" and c.lower_ == "one"), None)
        parts = one_of.children if one_of is not None else ()
        group = next((g for c in parts if c.lower_ == "of" for g in c.children), None)
        if group is not None:
            return group  # "one of the protesters": the protesters
        # a body ("the ministry said", "police said"), never one person, nor a name the parser read
        # as a nationality ("Hassan Aden Iraqi said")
        body = subject.ent_type_ in ("ORG", "GPE") or subject.tag_ in ("NNS", "NNPS")
        return subject if body and _party_like(subject, lexicon) and not _a_person(subject, lexicon) else None
    return None


def _carried_subject(token: Token, exclude: Token | None, lexicon: Lexicon) -> Token | None:
    """ "The attackers struck overnight, killing residents of a village near the border with Niger.
    They also burned houses": a sentence opened by "they" (or "it", for an organisation) goes on with
    the sentence before's doer, not with the last name that sentence happened to end on."""
    if token.lower_ not in ("they", "it") or token.dep_ != "nsubj":
        return None
    if token.head.dep_ not in ("ROOT", "ccomp"):
        return None
    if token.sent.start == 0 or not _opens_clause(token):
        return None
    before = token.doc[token.sent.start - 1].sent.root
    subject = next((c for c in before.children if c.dep_ == "nsubj"), None)
    if subject is None or (exclude is not None and subject.i == exclude.i):
        return None
    doers = lexicon.word_set("armed") | lexicon.word_set("roles") | lexicon.word_set("doers")
    if token.lower_ == "it":  # "The Sudan Doctors Network said ... It condemned the attack"
        named = subject.ent_type_ in ("ORG", "NORP") and subject.tag_ == "NNP"
        return subject if named or (subject.tag_ == "NN" and lemma(subject) in doers) else None
    armed = any(c.dep_ == "amod" and c.lower_ == "armed" for c in subject.children)  # "armed men"
    return subject if subject.tag_ == "NNS" and (lemma(subject) in doers or armed) else None



def _reporters_self(token: Token, exclude: Token | None, lexicon: Lexicon) -> Token | None:
    """ "The intelligence agency said on Tuesday that it had killed 40 militants": "it" (or "they")
    subject of what a body says it did is that body."""
    if token.lower_ not in ("it", "they") or token.dep_ != "nsubj" or token.head.dep_ != "ccomp":
        return None
    saying = token.head.head
    if lemma(saying) not in lexicon.attribution.get("cue_verbs", frozenset()):
        return None
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if speaker is None or (exclude is not None and speaker.i == exclude.i):
        return None
    plural = speaker.tag_ in ("NNS", "NNPS")
    if (token.lower_ == "they") != plural:
        return None
    return speaker if speaker.ent_type_ in ("ORG", "NORP", "GPE") or speaker.tag_ in ("NNP", "NNPS") else None


def _an_assault(token: Token, lexicon: Lexicon) -> bool:
    return token.pos_ == "NOUN" and lexicon.names_an_assault(lemma(token))


def resolve_head(token: Token, exclude: Token | None, lexicon: Lexicon) -> Token:
    """Follow relative and personal pronouns, "its forces" and "the country" to the party named."""
    if token.lower_ in ("who", "which", "that") and token.dep_ in SUBJECT_DEPS:
        clause = token.head
        if clause.dep_ == "relcl":
            relative, token = token, clause.head
            act = token.head.head if token.dep_ == "pobj" else None
            if relative.lower_ != "who" and act is not None and _an_assault(act, lexicon):
                token = act  # "the bombing in Kabul, which killed 12": the bombing killed, not Kabul
    if token.lower_ in PERSONAL | POSSESSIVE and token.pos_ == "PRON":
        found = (
            _reporters_self(token, exclude, lexicon)
            or _carried_subject(token, exclude, lexicon)
            or _candidate_antecedent(token, exclude, lexicon)
        )
        return found or token
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessor is not None and possessor.lower_ in POSSESSIVE and lemma(token) in lexicon.word_set("armed"):
        return _candidate_antecedent(possessor, None, lexicon) or token  # "its forces": the owner
    is_definite = any(c.lower_ == "the" for c in token.children)
    if is_definite and lemma(token) in lexicon.word_set("country_anaphors"):
        doc = token.doc
        for i in range(token.i - 1, token.sent.start - 1, -1):
            if doc[i].ent_type_ == "GPE" and (exclude is None or doc[i].i != exclude.i):
                return doc[i]
    return token
