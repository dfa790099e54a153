"""Who claims an event, and whether the claim is hedged.

A source is the subject of a cue verb ("Turkish officials said", "said X", "X told Reuters",
"X confirmed"), the agent of a passive cue ("reported only by Syrian sources") or the object of
"according to". Statements in the outlet's own voice have no source. The cue covers events in
its clause; a cue that heads the sentence covers the whole sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.antecedents import PERSONAL
from sitrep.extract.arguments import bounds, phrase
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.setting import STATEMENT_NOUNS
from sitrep.extract.triggers import Token, Trigger, lemma

MEDIA_WORDS = frozenset(
    {
        "reuters",
        "afp",
        "ap",
        "agency",
        "reporter",
        "journalist",
        "television",
        "tv",
        "media",
        "newspaper",
        "press",
        "broadcaster",
        "channel",
        "outlet",
    }
)


TALLY_VERBS = frozenset({"put", "place", "give", "raise", "revise", "update"})
TALLY_NOUNS = frozenset({"toll", "number", "figure", "tally", "count", "total"})


def _ancestors(token: Token) -> list[Token]:
    chain = []
    for _ in range(40):
        if token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
    return chain


def speaker_of(cue: Token) -> Token | None:
    """The subject (or passive agent) of a cue verb: who says it."""
    inverted = _inverted_speaker(cue)
    if inverted is not None:
        return inverted
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "there")]
    if subjects:  # two subjects are a parse slip ("..., Borno state, ..., the agency said"): the nearest
        return subjects[-1] if all(s.i < cue.i for s in subjects) else subjects[0]
    for child in cue.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if cue.dep_ == "advcl" and cue.tag_ == "VBG":
        # "X refuted these allegations, stating that ...": the participle's speaker is its verb's subject
        owner = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
        if owner is not None:
            return owner
    doc = cue.doc  # "..., Ali Demir, a local official, told reporters": a parse that lost the subject
    before = _noun_before(cue)
    if before is not None:
        return before
    for i in range(cue.i - 1, max(cue.i - 12, cue.sent.start) - 1, -1):
        if doc[i].ent_type_ in ("PERSON", "ORG") and doc[i].dep_ != "compound":
            return doc[i]
    return None


# Cue verbs whose object is the listener, never the speaker ("told Reuters", "briefed reporters").
_LISTENER_VERBS = frozenset({"tell", "inform", "brief", "assure", "notify", "remind"})


def _inverted_speaker(cue: Token) -> Token | None:
    """The speaker of a cue placed after what it reports, speaker last: "..., said the General
    Prosecutors of Azerbaijan", "..., confirmed the Ukrainian and French presidents" (a parse may
    make the earlier noun its subject, or the speaker its object)."""
    doc = cue.doc
    if cue.i <= cue.sent.start or not doc[cue.i - 1].is_punct:
        return None
    for child in cue.children:
        if child.i <= cue.i or child.i - cue.i > 12 or child.dep_ not in ("nsubj", "dobj"):
            continue
        if child.dep_ == "dobj" and lemma(cue) in _LISTENER_VERBS:
            continue  # "..., al-Shami, a commander, told Reuters": the object of "told" is who listened
        named = (
            child.pos_ == "PROPN"
            or any(t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") for t in child.children if t.i < child.i)
            or child.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
        )
        if child.dep_ == "nsubj" or named:
            return child
    return None


def _noun_before(cue: Token) -> Token | None:
    """The noun phrase ending right before a subjectless cue: "..., killing 40, two security sources and a
    resident said" (sources), "..., a community leader, Malam Sani, told reporters" (leader)."""
    doc = cue.doc
    i = cue.i - 1
    while i > cue.sent.start and doc[i].is_punct:
        i -= 1
    token = doc[i]
    if i < cue.sent.start or token.pos_ not in ("NOUN", "PROPN"):
        return None
    for _ in range(6):  # climb to the first conjunct and the head of an appositive chain
        chained = token.dep_ in ("conj", "appos") and token.head.dep_ in ("conj", "appos")
        if (chained and token.head.i < token.i) or (token.dep_ == "compound" and token.head.i > token.i):
            token = token.head
        else:
            break
    return token


def source_text(source: Token) -> str:
    """The claimant as named: the noun phrase, with an acronym or a name in apposition ("The National
    Network for the Defence of Human Rights (RNDDH)", "Hamas's armed wing, the Qassam Brigades")."""
    first, last = bounds(source)
    doc = source.doc
    for child in source.children:
        named = child.ent_type_ in ("ORG", "PERSON") or child.pos_ == "PROPN"
        if child.dep_ == "appos" and named and child.i > last:
            end = max(t.i for t in child.subtree)
            if end - last <= 8:
                last = end
        elif child.dep_ == "appos" and child.i > last and _names_its_body(source, child):
            last = _role_end(child)  # "Hassan Ali, the director of Kismayo Rescue Service": his body
        elif child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and child.i > last:
            end = max(t.i for t in child.subtree)  # "Both police and the president said": both claim it
            if end - last <= 8:
                last = end
    opened = any(doc[i].text == "(" for i in range(first, last))
    if opened and last + 1 < len(doc) and doc[last + 1].text == ")":
        last += 1  # "... Northern Cauca (ACIN)": the acronym's closing bracket too
    acronym = last + 3 < len(doc) and doc[last + 1].text == "(" and doc[last + 3].text == ")"
    if acronym and doc[last + 2].text.isupper():
        last += 3
    while last > first and doc[last].is_punct and doc[last].text != ")":
        last -= 1
    while first < last and (doc[first].is_space or doc[first].is_quote):
        first += 1  # the blanks of a page's date stamp, or a quote closing with no space after it
    return str(doc[first : last + 1].text).strip().lstrip("”“\"’‘'").strip()


def _names_its_body(source: Token, role: Token) -> bool:
    """A person's role in apposition that names the body he speaks for ("the head of the health
    department in Saada", "mayor of the nearby town of Bankass"): the body is the claimant too."""
    person = source.ent_type_ == "PERSON" or source.pos_ == "PROPN"
    of = any(c.dep_ == "prep" and c.lower_ == "of" for c in role.children)
    return person and role.pos_ == "NOUN" and of


def _role_end(role: Token) -> int:
    """The last token of a role appositive, without relative clauses and participles trailing it
    ("..., the head of a health department in Saada where the air strikes took place,")."""
    cut: set[int] = set()
    for token in role.subtree:
        if token.dep_ in ("relcl", "acl", "advcl") and token.i != role.i:
            cut.update(t.i for t in token.subtree)
    kept = [t for t in role.subtree if t.i not in cut and not t.is_punct]
    return max(t.i for t in kept) if kept else role.i


# what "a report in ..." names that is no outlet: "a report in March", "a report in Kano"
_NO_PAPER = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def _claimant_of(noun: Token, lexicon: Lexicon) -> Token:
    """The body behind a claim noun: "a statement from a regional aid agency" is the agency's,
    "a report by the monitor" the monitor's; any other noun is the claimant itself."""
    if lemma(noun) not in lexicon.attribution.get("claim_nouns", frozenset()):
        return noun
    for prep in noun.children:
        # "a report in the Daily Trust", "a report on TASS": the paper's or the channel's
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
            paper = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if paper is not None and paper.ent_type_ not in _NO_PAPER and (
                paper.pos_ == "PROPN" or lemma(paper) in MEDIA_WORDS
            ):
                return paper
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            body = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if body is not None and (
                body.pos_ == "PROPN"
                or body.ent_type_
                or lemma(body) not in lexicon.attribution.get("claim_nouns", frozenset())
            ):
                return body
    return noun


def _cue_text(cue: Token) -> str:
    obj = next((c for c in cue.children if c.dep_ == "dobj" and lemma(c) in MEDIA_WORDS | {"agency"}), None)
    if obj is None:
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.ent_type_ == "ORG"), None)
    if obj is not None:
        return str(cue.doc[cue.i : _last_index(obj) + 1].text)
    return str(cue.text)


def _last_index(token: Token) -> int:
    return max(t.i for t in token.subtree)


_SAYING = frozenset({"say", "tell", "add", "report", "state", "confirm", "announce"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "from"})


def _person_before(token: Token) -> Token | None:
    """The name a pronoun speaker stands for: a person for "he"/"she", a person or body else."""
    doc = token.doc
    one = token.lower_ in ("he", "she", "his", "her")
    kinds = ("PERSON",) if one else ("PERSON", "ORG")
    window = range(token.i - 1, max(token.i - 80, 0) - 1, -1)
    for i in window:
        # the last one said to speak: "..., local authorities said. ..., they added", before any
        # name told since ("State officials said the attack happened near the Taxco municipality.
        # The attackers opened fire, they said": the officials)
        said = doc[i].dep_ == "nsubj" and lemma(doc[i].head) in _SAYING and doc[i].head.i < token.sent.start
        fits = doc[i].ent_type_ in kinds or (doc[i].tag_ == "NNS") != one
        if said and doc[i].lower_ not in PERSONAL and fits:
            return doc[i]
    for i in window:
        if doc[i].dep_ == "pobj" and doc[i].head.lower_ in _PLACE_PREPOSITIONS:
            continue  # "killed in Maradun", "attacks in western Cameroon": a place, not a speaker
        if doc[i].dep_ in ("dobj", "dative") and lemma(doc[i].head) == "tell":
            continue  # "Ibrahim Khatir told Xinhua. ... he added": the one told, not the one speaking
        if doc[i].ent_type_ in kinds and doc[i].dep_ in (
            "nsubj",
            "pobj",
            "compound",
            "appos",
            "dobj",
        ):
            head = doc[i]
            while head.dep_ == "compound" and head.head.ent_type_ == head.ent_type_:
                head = head.head
            return head
    return None


# What a document or an unnamed source does when it tells something: "a government statement read",
# "sources indicate that ...", "the report shows"; the verbs report only with such a subject
_DOCUMENT_VERBS = frozenset({"read", "indicate", "show", "suggest"})
_DOCUMENTS = STATEMENT_NOUNS | {"source", "document", "data", "record", "figure"}


def find_source(
    trigger: Trigger, sentence: Sequence[Token], lexicon: Lexicon
) -> tuple[str | None, str | None]:
    """(attributed_to, attribution_cue) for a trigger, or (None, None) for the outlet's own voice.

    "According to X" wins; else the outermost cue verb covering the trigger (the outlet cites
    the monitor that said the group claimed the raid: the monitor). A statement act (accusing,
    denying, demanding) is its speaker's own act, not a claim he reports: his cue is no source.
    """
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    according = lexicon.attribution.get("according", frozenset())
    head = trigger.head
    above = {t.i for t in _ancestors(head)}
    candidates: list[Token] = []
    for token in sentence:
        if token.i == head.i:
            continue
        word = lemma(token)
        as_per = token.lower_ == "per" and token.i > 0 and token.nbor(-1).lower_ == "as"  # "as per X"
        if word in according or token.lower_ in according or as_per:
            grand = (g for c in token.children for g in c.children if g.dep_ == "pobj")
            direct = (c for c in token.children if c.dep_ == "pobj")
            obj = next(grand, None) or next(direct, None)
            if obj is not None:
                return source_text(_claimant_of(obj, lexicon)), "according to"
            # "According to corroborating sources": the parse made the adjective a verb, its noun an object
            slipped = next(
                (v for c in token.children for v in c.children if v.dep_ == "pcomp" and v.tag_ == "VBG"), None
            )
            if slipped is not None and any(g.dep_ == "dobj" for g in slipped.children):
                return slipped.doc[slipped.i : slipped.right_edge.i + 1].text, "according to"
        if word in cues and token.pos_ == "VERB" and not _claims_lives(token):
            candidates.append(token)
        elif word in _DOCUMENT_VERBS and any(  # the tagger may call "read" a noun; its subject says
            c.dep_ == "nsubj" and lemma(c) in _DOCUMENTS for c in token.children
        ):
            candidates.append(token)  # "..., a government statement read", "Sources indicate that ..."
        elif word in TALLY_VERBS and any(
            c.dep_ == "dobj" and lemma(c) in TALLY_NOUNS for c in token.children
        ):
            candidates.append(token)  # "the ambulance service put the toll at 31": a source's own figure
    statement = trigger.sense.plover in lexicon.attribution.get("statement_acts", frozenset())
    for cue in sorted(candidates, key=lambda c: (len(_ancestors(c)), c.i)):
        if any(c.dep_ == "neg" for c in cue.children):
            continue  # "the group has not claimed the attack": no one's claim
        if _qualifies_argument(cue, head):  # "the shelling, alleged by Turkey, killed nine"
            source = _agent(cue)
            if source is not None:
                return source_text(source), _cue_text(cue)
            continue
        # "..., shot dead four men ..., a community leader told reporters": a comma-joined conjunct
        asyndetic = cue.dep_ == "conj" and not any(c.dep_ == "cc" for c in cue.head.children)
        covers = cue.i in above or cue.dep_ in ("ROOT", "parataxis") or (asyndetic and cue.i > head.i)
        if not covers or (statement and _own_conjunct(cue, head)):
            continue
        source = speaker_of(cue)
        if source is not None and _no_one(source):
            continue  # "No one has claimed the attack, which came after ...": no one speaks
        inside = source is not None and source.i in {t.i for t in head.subtree}
        if source is None or (source.dep_ == "nsubj" and inside and cue.dep_ != "parataxis"):
            continue
        if statement and _speaks_for_itself(head, source):
            return None, None  # "the mayor said ... and called on the army": the mayor's own demand
        if statement and _voices_a_body(source, lexicon):
            return None, None  # "the Kremlin denied any role, its spokesman said": the Kremlin's denial
        if source.lower_ in PERSONAL:
            source = _person_before(source) or source
        return source_text(_claimant_of(source, lexicon)), _cue_text(cue)
    return None, None


def _claims_lives(cue: Token) -> bool:
    """ "The violence has claimed at least 280 lives": a toll taken, no one's claim."""
    lives = (c for c in cue.children if c.dep_ == "dobj" and lemma(c) in ("life", "lives"))
    return lemma(cue) == "claim" and next(lives, None) is not None


def _no_one(source: Token) -> bool:
    """ "no one", "nobody", "no group": a speaker the sentence says does not exist."""
    return source.lower_ in ("nobody", "none", "no-one") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in source.children
    )


def _voices_a_body(source: Token, lexicon: Lexicon) -> bool:
    """A spokesperson speaks for a body: "UN spokesman Farhan Haq", "his spokeswoman"."""
    voices = lexicon.attribution.get("voice_nouns", frozenset())
    first, last = bounds(source)
    return any(lemma(t) in voices or t.lower_ in voices for t in source.doc[first : last + 1])


def _agent(cue: Token) -> Token | None:
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None


def _qualifies_argument(cue: Token, head: Token) -> bool:
    """A passive cue participle on the act or its subject: "the attack, alleged by Armenia",
    "the strike, reported by local media, killed ..."."""
    if cue.dep_ != "acl" or not any(c.dep_ == "agent" for c in cue.children):
        return False
    return cue.head.i == head.i or (cue.head.head.i == head.i and cue.head.dep_ in ("nsubj", "nsubjpass"))


def _own_conjunct(cue: Token, head: Token) -> bool:
    """The act sits in a clause joined to the cue's with its own subject: "the rebels claimed they took
    the town, but the army denies it" - the denial is the army's, not the rebels' claim."""
    token = head
    for _ in range(40):
        if token.head.i == token.i:
            return False
        if token.head.i == cue.i:
            return token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        token = token.head
    return False


def _speaks_for_itself(head: Token, speaker: Token) -> bool:
    """A statement act with no subject of its own (it shares the speaker's), or whose subject is the
    speaker or the speaker's "I"/"we" in a quote."""
    doer = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is None:
        return head.dep_ in ("conj", "xcomp", "advcl", "ROOT") or head.pos_ != "VERB"
    if doer.lower_ in ("i", "we"):
        return True
    return doer.i == speaker.i or doer.lower_ in PERSONAL and _person_before(doer) is None


def is_hedged(trigger: Trigger, sentence_text: str, lexicon: Lexicon) -> bool:
    """Hedges on the trigger's path to the root, in its clause, on its doer ("suspected gunmen"), or
    as a sentence-level disclaimer. A relative clause on another word is its own statement ("the
    bomb, for which the group claimed responsibility, killed 12" does not hedge the killing), and a
    statement act's own "claimed"/"alleged" is how it is made, not a hedge on it."""
    hedges = lexicon.attribution.get("hedge_lemmas", frozenset())
    head = trigger.head
    statement = trigger.sense.plover in lexicon.attribution.get("statement_acts", frozenset())
    chain = _ancestors(head)
    for token in chain:
        if statement and token.pos_ in ("VERB", "AUX"):
            break  # the speaker's verbs: "X claimed that ... and alleged that ..."
        if (lemma(token) in hedges and not _claims_lives(token)) or any(
            c.dep_ == "advmod" and lemma(c) in hedges for c in token.children
        ):
            return True  # "the attack claimed the lives of three soldiers" is a toll, no claim
    apart = {t.i for c in head.children if c.dep_ in ("conj", "parataxis") for t in c.subtree}
    apart |= {t.i for r in head.subtree if r.dep_ == "relcl" and r.head.i != head.i for t in r.subtree}
    inside = [t for t in head.subtree if t.i not in apart and not (statement and t.i == head.i)]
    if any(lemma(t) in hedges and not _claims_lives(t) for t in inside):
        return True  # "..., and al-Shabaab claimed responsibility" is a statement of its own
    if _doer_hedged(head, lexicon):
        return True
    if any(t.dep_ == "acl" and lemma(t) in _LAID_AT for t in inside):
        return True  # "an attack blamed on the RSF", "a raid attributed to the ADF": who did it is a claim
    lowered = sentence_text.lower()
    return any(phrase_ in lowered for phrase_ in lexicon.hedge_phrases)


# Participles that lay an act at someone's door: the doer they name is a claim
_LAID_AT = frozenset({"blame", "attribute", "ascribe", "impute"})


def _doer_hedged(head: Token, lexicon: Lexicon) -> bool:
    """ "suspected militants set off bombs", "abducted by suspected Boko Haram fighters"."""
    words = lexicon.attribution.get("doer_hedges", frozenset())
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [
        g
        for c in head.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(m.dep_ in ("amod", "compound") and m.lower_ in words for d in doers for m in d.children)


@dataclass(frozen=True, slots=True)
class Disclaimer:
    """A sentence that qualifies claims made before it: "The claim could not be independently verified",
    "The incident ... was reported only by Syrian sources"."""

    source: str | None  # the agent of a passive cue ("Syrian sources"), or None
    cue: str | None
    topic: frozenset[str]  # content nouns naming what is disclaimed ("body", "soldier"); empty: "the claim"


def find_disclaimer(sentence: Sequence[Token], lexicon: Lexicon) -> Disclaimer | None:
    """The disclaimer a sentence without events of its own makes about earlier claims, if any.

    A hedge phrase ("could not be verified", "only by") or a negated verifying verb ("Reuters could
    not verify the account") whose subject or object is a definite back-reference ("the claim",
    "these reports", "the incident involving ...") refers to claims already told.
    """
    if not sentence:
        return None
    text = sentence[0].doc[sentence[0].i : sentence[-1].i + 1].text.lower()
    hedge_phrase = any(p in text for p in lexicon.hedge_phrases)
    verifying = lexicon.attribution.get("verify_verbs", frozenset())
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or lemma(token) not in verifying | {"report"}:
            continue
        negated = any(c.dep_ == "neg" for c in token.children)
        if not (hedge_phrase or (negated and lemma(token) in verifying)):
            continue
        roles = ("nsubjpass", "nsubj", "dobj")
        referent = next((c for c in token.children if c.dep_ in roles and _back_reference(c)), None)
        if referent is None:
            continue
        agents = (c for c in token.children if c.dep_ == "agent")
        agent = next((g for c in agents for g in c.children if g.dep_ == "pobj"), None)
        generic = lexicon.attribution.get("claim_nouns", frozenset())
        topic = frozenset(lemma(t) for t in referent.subtree if t.pos_ == "NOUN" and lemma(t) not in generic)
        source = phrase(agent).text if agent is not None and agent.lower_ not in PERSONAL else None
        return Disclaimer(source, str(token.text) if source else None, topic)
    return None


def _back_reference(token: Token) -> bool:
    """ "the claim", "these reports", "either account", "it": a noun phrase pointing back."""
    if token.lower_ in ("it", "they", "this", "these", "those"):
        return True
    pointing = ("the", "these", "this", "those", "such", "either", "both")
    return any(c.dep_ in ("det", "predet") and c.lower_ in pointing for c in token.children)


# "This was reported by the head of the regional administration", "The mayor announced this on
# Telegram", "That's according to the regional military administration": a sentence naming the source
# of what the sentence before it told
_BACK_SOURCE_VERBS = frozenset({"report", "announce", "state", "say", "confirm", "write", "post", "inform"})


def find_back_source(sentence: Sequence[Token]) -> str | None:
    """The source a sentence without events of its own names for the sentence before it, if any."""
    for token in sentence:
        subjects = [c for t in (token, token.head) for c in t.children if c.dep_ == "nsubj"]
        if token.lower_ == "according" and any(c.lower_ in ("that", "this") for c in subjects):
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if source is not None:
                return source_text(source)
        if token.pos_ not in ("VERB", "AUX") or lemma(token) not in _BACK_SOURCE_VERBS:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        roles = ("nsubjpass", "dobj")
        pointed = [c for c in token.children if c.dep_ in roles and c.lower_ in ("this", "it")]
        if not pointed:
            continue
        if pointed[0].dep_ == "nsubjpass":
            agents = (c for c in token.children if c.dep_ == "agent")
            source = next((g for c in agents for g in c.children if g.dep_ == "pobj"), None)
        else:
            source = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if source is not None and source.lower_ not in PERSONAL:
            return source_text(source)
    return None
