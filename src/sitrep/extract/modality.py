"""Is an event asserted as having happened? Questions, conditionals, modals, futures, negations,
intentions and the content of threats, demands and accusations are not events.

The walk goes from the trigger up the dependency tree to the sentence root and stops at a source
cue ("said", "claimed"): what a source says happened is asserted (by that source).
"""

from __future__ import annotations

from sitrep.extract.background import WEEKDAYS
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import Token, Trigger, lemma, names_a_time

CLAUSE_POS = frozenset({"VERB", "AUX"})
# how a clause or noun hangs below its governor when the governor embeds it (not "conj": a sibling)
EMBEDDING_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "prep", "pcomp", "acl", "advcl", "oprd", "attr", "pobj"}
)
DAYS_NAMED = WEEKDAYS | {"yesterday", "today"}  # a day named as one ("on Monday", "yesterday")
INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "ccomp"})
# subordinators of a clause that states a fact of its own, whatever its governor does
NARRATIVE_MARKS = frozenset(
    {"while", "whereas", "after", "as", "when", "since", "because", "although", "though"}
)


# verbs that only carry an event noun: negating them negates the event
# verbs that only state or hold an act named by their noun: negated, they deny it ("there was no
# strike", "did not carry out the raid", "we don't have specific threats")
LIGHT_VERBS = frozenset({"be", "happen", "occur", "take", "carry", "launch", "conduct", "stage", "have"})


def _never(verb: Token) -> bool:
    return any(c.dep_ in ("advmod", "neg") and c.lower_ == "never" for c in verb.children)


def _has_infinitive_to(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def negated(token: Token) -> bool:
    """A `not`/`never`/`no` on the clause of a trigger ("did not attack", "no attack took place"), or a
    subject that is no one ("No one was arrested", "no security personnel were deployed")."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and _no_one(child):
            return True
    return False


def _no_one(subject: Token) -> bool:
    """ "No one was arrested", "nobody fired", "no security personnel were deployed": a subject that
    denies anyone did or underwent it (not "there was no progress during a meeting")."""
    if subject.lower_ in ("nobody", "no-one"):
        return True
    denied = any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
    return denied and (subject.dep_ == "nsubjpass" or subject.lower_ == "one")


def _in_a_noun_denied(token: Token) -> bool:
    """A trigger inside a noun phrase that "no" opens: "no information on the number of people
    injured", "no word of anyone killed": nothing was told to have happened."""
    for _ in range(6):
        if token.dep_ not in ("acl", "amod", "pobj", "prep", "compound") or token.head.i == token.i:
            return False
        token = token.head
        opened_by_no = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
        if token.pos_ in ("NOUN", "PROPN") and opened_by_no:
            return True
    return False


def _modal_or_future(token: Token, lexicon: Lexicon) -> bool:
    modals = lexicon.modality.get("modals", frozenset()) | lexicon.modality.get("future", frozenset())
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in modals:
            return True
        if child.dep_ == "aux" and child.lower_ in ("'ll", "wo"):
            return True
    return False


def _conditional(token: Token, lexicon: Lexicon) -> bool:
    marks = lexicon.modality.get("conditional_marks", frozenset())
    return any(child.dep_ == "mark" and child.lower_ in marks for child in token.children)


def is_asserted(trigger: Trigger, lexicon: Lexicon) -> bool:
    """True when the sentence states the event as having happened (or as happening)."""
    head = trigger.head
    cues = lexicon.attribution.get("cue_verbs", frozenset())
    non_factive = lexicon.modality.get("non_factive", frozenset())
    implicative = lexicon.modality.get("implicative", frozenset())
    if negated(head) or _in_a_noun_denied(head):
        return False
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("attr", "nsubj", "dobj"):
        governor = head.head  # "there was never a strike", "did not carry out the raid"
        if lemma(governor) in LIGHT_VERBS and (negated(governor) or _never(governor)):
            return False
    if trigger.modifier:
        return True  # "Russia-backed forces": a standing relation, stated as background
    if _granted(head):
        return False  # "Despite a November ceasefire, Israel has kept up its strikes": a given, not told
    if _stopped_or_lacking(head):
        return False
    if _not_the_first_time(head):
        return False
    if _yet_to_come(head):
        return False  # "ahead of planned protests", "residents fled an imminent attack"
    token = head
    first = True
    came_from = ""
    previous = head
    for _ in range(40):  # a parse tree is never deeper; guards against cycles in broken parses
        clause = token.pos_ in CLAUSE_POS or first
        # "would only prolong the conflict and warned that ...": a past-tense conjunct has no modal
        finite_conjunct = came_from == "conj" and previous.tag_ in ("VBD", "VBZ")
        hypothetical = _modal_or_future(token, lexicon) or _conditional(token, lexicon)
        if clause and not finite_conjunct and hypothetical:
            return False
        if first and _finite_misparse(token):
            return True  # "gunmen believed to be members of a faction shot dead a leader": a main verb
        if not first:
            if lemma(token) in cues and came_from not in ("xcomp", "conj"):  # "confirm or deny": a sibling
                # "denied reports that shelling destroyed an airfield": a report denied asserts nothing
                denying = lexicon.modality.get("denying_verbs", frozenset())
                denied = token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj"
                return not (denied and lemma(token.head) in denying)
            # "demanded a ransom, threatening to kill": a participle clause beside the demand, not its content
            participle = came_from == "advcl" and previous.tag_ == "VBG"
            if lemma(token) in non_factive and came_from in EMBEDDING_DEPS and not participle:
                return False
            if _ruled_out(token) and came_from in EMBEDDING_DEPS:
                return False  # "ruling out an American attack": an act denied
        if token.dep_ in INFINITIVE_DEPS and _has_infinitive_to(token):
            governor = token.head
            if _going_to(governor):
                return False  # "the army is going to attack", "I am not going to agree": a future
            if _yet_to(governor):
                return False  # "has yet to confirm or deny the attack": not done
            if (
                lemma(governor) not in implicative
                and not (governor.dep_ == "acomp" and lemma(governor) in implicative)
                and not _reported_perfect(token, governor, lexicon)
            ):
                return False
        if token.head.i == token.i:
            return True
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in NARRATIVE_MARKS for c in token.children
        ):
            return True  # "condemned the strikes, while Russia requested a meeting": its own statement
        # "until the last terrorist is defeated" is a goal; "before police detained them" is narrative
        if token.dep_ in ("prep", "pcomp", "pobj") and token.lower_ == "until":
            return False
        came_from = token.dep_
        previous = token
        token = token.head
        first = False
    return True


def _ruled_out(verb: Token) -> bool:
    """ "ruled out", "ruling out": what is ruled out did not happen."""
    return lemma(verb) == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _yet_to(governor: Token) -> bool:
    """ "has yet to", "is yet to": what is yet to be done was not done."""
    return lemma(governor) in ("have", "be") and any(c.lower_ == "yet" for c in governor.children)


def _going_to(governor: Token) -> bool:
    """ "is going to", "were going to": the future of "be going to", not the "go on to" of a sequel."""
    return (
        governor.tag_ == "VBG"
        and lemma(governor) == "go"
        and any(c.dep_ == "aux" and lemma(c) == "be" for c in governor.children)
    )


def _reported_perfect(verb: Token, governor: Token, lexicon: Lexicon) -> bool:
    """ "South Africans are believed to have been killed", "he is reported to have fled": a passive
    verb of belief or report over a perfect infinitive tells a past act, hedged, as news."""
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    # "the ULFA-I is suspected to be behind the attack": being behind an act is having done it
    behind = lemma(verb) == "be" and any(c.dep_ == "prep" and c.lower_ == "behind" for c in verb.children)
    passive = any(c.dep_ == "auxpass" for c in governor.children)
    reported = lemma(governor) in lexicon.modality.get("reported_perfect", frozenset())
    return (perfect or behind) and passive and reported


def _finite_misparse(verb: Token) -> bool:
    """A past-tense verb with its own object parsed as a participle on a noun before it."""
    return (
        verb.dep_ in ("acl", "amod")
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
    )


# what a yielding verb that needs its particle gives: "give up", "give in", "give way", "give ground"
_YIELDED = frozenset({"up", "in", "way", "ground"})


# Subordinators of a clause telling the circumstance of its governor's act, not an act of its own.
_CIRCUMSTANCE = frozenset({"when", "after", "because", "as", "since", "if", "once", "until", "before"})


def rejects_by_negation(token: Token, lexicon: Lexicon) -> bool:
    """ "will not leave", "refuses to withdraw" style refusals: a negated verb of yielding."""
    word = lemma(token)
    if word not in lexicon.modality.get("reject_when_negated", frozenset()) or not negated(token):
        return False
    subordinated = any(c.dep_ in ("mark", "advmod") and c.lower_ in _CIRCUMSTANCE for c in token.children)
    if token.dep_ == "advcl" and subordinated:
        return False  # "fired at the car when it did not stop": the circumstance of another act
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    wars = lexicon.modality.get("campaign_nouns", frozenset())
    if subject is not None and (lemma(subject) in wars or lexicon.names_an_assault(lemma(subject))):
        return False  # "the violence does not stop", "the fighting did not stop": no one refusing
    stopped = next((c for c in token.children if c.dep_ == "dobj"), None)
    vowed = _modal_or_future(token, lexicon)  # "will not stop the offensive": a refusal still
    if stopped is not None and not vowed and _an_act(stopped, lexicon):
        return False  # "that did not stop another round of clashes": the act went on, no one refused
    if word in lexicon.modality.get("yield_only_with", frozenset()):  # "will not give up", not "did
        # not give details"
        kept = ("prt", "dobj", "prep", "advmod")
        return any(c.dep_ in kept and lemma(c) in _YIELDED for c in token.children)
    return True


def _an_act(noun: Token, lexicon: Lexicon) -> bool:
    """A noun naming an act of force or protest, or a run of them ("another round of confrontations")."""
    acts = [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    return any(
        sense.plover in ("ASSAULT", "PROTEST") for act in acts for sense in lexicon.nouns.get(lemma(act), ())
    )


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


# Words that make an act's noun one yet to come: "planned protests", "an imminent attack" ("a possible
# chemical attack" that killed 40 is a doubt about the means, not about the act).
_NOT_YET = frozenset({"planned", "upcoming", "scheduled", "proposed", "forthcoming", "future", "expected",
                      "anticipated", "imminent", "looming", "threatened"})


def _yet_to_come(head: Token) -> bool:
    """An act's noun told as still to come ("ahead of planned protests", "ahead of a Security Council
    meeting", "fled an imminent attack"): no act has happened."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in _NOT_YET for c in head.children):
        return True
    of = head.head if head.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lower_ == "ahead"


def _granted(head: Token) -> bool:
    """An act named inside a "despite" phrase ("despite a ceasefire", "despite a truce agreed in
    March"): the background the sentence sets its news against."""
    noun = head.head if head.dep_ in ("acl", "relcl") else head
    if not (noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.lower_ in _GRANTING):
        return False
    # ... unless it comes with its own day: "despite a ceasefire agreed last Saturday" is this week's news
    return not any(t.ent_type_ == "DATE" and (t.like_num or t.lower_ in DAYS_NAMED) for t in noun.subtree)


_GRANTING = frozenset({"despite", "notwithstanding"})


def _not_the_first_time(head: Token) -> bool:
    """ "This is not the first time the convoy has come under attack", "It was not the first time he
    had been targeted": an act said to recur, none told (the clause hangs on "time" after a negated
    "be")."""
    for token in (head, *head.ancestors):
        if token.dep_ == "relcl" and lemma(token.head) == "time":
            time = token.head
            first = any(c.lower_ == "first" for c in time.children)
            being = time.head
            denied = lemma(being) == "be" and any(c.dep_ == "neg" for c in being.children)
            return first and denied
        if token.dep_ in ("ROOT", "ccomp"):
            return False
    return False


# Nouns that name an act's stopping: "the cessation of hostilities", "a halt to the attacks"
_STOPPING = frozenset({"cessation", "halt", "suspension", "breakdown", "collapse", "moratorium"})


def _stopped_or_lacking(head: Token) -> bool:
    """An act named as stopped or lacking: "the cessation of hostilities, and in particular of the
    attacks on the army", "a halt to the strikes", "without Russia's agreement", "came without
    warning"; or a market's demand ("is in high demand"). None of them is told as done."""
    if head.dep_ == "pcomp" and head.head.lower_ == "without":
        return True  # "came without warning" (the parse may read "warning" as a verb)
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = head
    while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
        noun = noun.head  # "the cessation of hostilities, and in particular the attacks"
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if preposition.lower_ in ("of", "to") and lemma(preposition.head) in _STOPPING:
        return True
    if preposition.lower_ == "without":
        return True
    return preposition.lower_ == "in" and lemma(head) == "demand"


# Verbs that only carry out the act their object names: "launching attacks", "carrying out raids"
_CARRYING_OUT = frozenset({"launch", "carry", "conduct", "commit", "stage", "mount", "perpetrate", "wage"})


def accusation_of(head: Token, lexicon: Lexicon) -> tuple[str, Token] | None:
    """The accuser's words and the accused party when the act is what an accusation names ("Moscow
    accused Kyiv of shelling the plant", "blamed the army for killing 30"): the act is told as the
    accuser's claim. None for anything else, or an accusation itself hypothetical or denied."""
    if head.dep_ == "relcl" and head.head.dep_ == "dobj":
        head = head.head  # "... of launching shelling that killed 33": the shelling's killing
    if head.dep_ == "dobj" and head.head.dep_ == "pcomp" and lemma(head.head) in _CARRYING_OUT:
        head = head.head  # "accused the RSF of launching indiscriminate shelling": of the launching
    preposition = head.head if head.dep_ == "pcomp" else None
    if preposition is None or preposition.lower_ not in ("of", "for") or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if lemma(verb) not in lexicon.modality.get("accusing_verbs", frozenset()) or negated(verb):
        return None
    if preposition.lower_ == "for" and lemma(verb) != "blame":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or accused is None or subject.tag_ in ("PRP", "WP", "WDT"):
        return None
    if subject.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in subject.children):
        return None  # "nobody accused the army of ...", "no one blamed ..."
    words = subject.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    return words, accused


# What acts "become" when they are no longer news: "a daily occurrence", "the norm"
_USUAL_THINGS = frozenset(
    {"occurrence", "routine", "norm", "feature", "reality", "fact", "staple", "commonplace"}
)


def is_generic(trigger: Trigger) -> bool:
    """A statement about a kind of act, not an act: "Attacks on children are unacceptable" (a bare
    plural event noun as the subject of a present "be"), "It fights for an Islamic state", "the
    Battle holds a special place" (a simple present verb of the outlet's own narration), "the belt,
    where drone strikes target militants" (a bare plural doing it in a relative clause).

    Headlines (simple present for past acts) are not read here: their lines are skipped before.
    """
    head = trigger.head
    if _goes_on(head):
        return True
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "bombs and ambushes have become ...": the ambushes too
    if first.dep_ == "nsubj" and lemma(first.head) in ("become", "remain") and any(
        c.dep_ == "attr" and lemma(c) in _USUAL_THINGS for c in first.head.children
    ):
        return True  # "roadside bombs have become a daily occurrence": a state of things
    if head.pos_ == "NOUN" and head.tag_ == "NNS" and head.dep_ == "nsubj" and _bare(head):
        governor = head.head
        if lemma(governor) == "be" and governor.tag_ in ("VBP", "VBZ"):
            return True
        if lemma(governor) == "be" and any(c.dep_ in ("acomp", "attr") for c in governor.children):
            # "said that Houthi attacks were unacceptable", "... were a threat to shipping": a
            # judgement of a kind of act
            return True
    noun = head.head if head.dep_ == "acl" else head  # "attacks launched from Yemen": the attacks
    if noun.tag_ == "NNS" and _bare(noun) and noun.dep_ == "pobj" and _reason_of_a_measure(noun.head):
        return True  # "sanctioned two generals over attacks on civilians", "linking them to attacks"
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "nsubj" and head.head.tag_ in ("VBP", "VBZ"):
        governor = head.head
        kind = head.tag_ == "NNS" and _bare(head)
        described = governor.dep_ == "ROOT" or (governor.dep_ == "relcl" and kind)
        return lemma(governor) not in ("be", "say") and described and not _has_aux(governor)
    if head.pos_ == "VERB" and head.tag_ in ("VBP", "VBZ") and not _has_aux(head):
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if head.dep_ == "relcl":  # "the tribal belt, where drone strikes target Taliban operatives"
            return subject is not None and subject.tag_ == "NNS" and _bare(subject)
        return head.dep_ == "ROOT" and subject is not None and subject.lower_ in ("it", "they")
    return False


# Measures taken over acts, and verbs tying someone to them: their plural object of "over", "for" or
# "to" is the acts' kind, the reason for the measure, not one act ("sanctioned two generals over
# attacks on civilians", "linking them to missile attacks launched from Yemen").
_MEASURES = frozenset({"sanction", "link", "tie", "connect", "punish", "blacklist", "designate", "penalize",
                       "penalise", "indict", "charge", "convict", "fine", "jail", "sentence"})


_GOING_ON = frozenset({"continue", "persist"})


def _goes_on(head: Token) -> bool:
    """Acts of a kind said to go on, with no day: "attacks have continued around the mountain",
    "fighting continues to rage in the region" (a campaign, not an act). "Clashes continued on
    Tuesday" names its day and is an act."""
    if head.dep_ == "xcomp" and lemma(head.head) in _GOING_ON and head.head.dep_ != "xcomp":
        # "some members have continued to battle government forces", "the group continues to attack
        # convoys": a campaign told in the present or the perfect, with no day
        return _undated_present(head.head)
    kind = (head.tag_ == "NNS" and _bare(head)) or head.lower_ == "fighting"
    if head.dep_ != "nsubj" or not kind or lemma(head.head) not in _GOING_ON:
        return False
    return _undated_present(head.head)


def _undated_present(governor: Token) -> bool:
    """A verb in the present or the present perfect whose clause names no day or time."""
    perfect = any(c.lower_ in ("has", "have") for c in governor.children)
    if governor.tag_ not in ("VBP", "VBZ") and not perfect:
        return False
    return not names_a_time(governor)


_SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "year", "decade", "century"})


def a_lasting_state(verb: Token) -> bool:
    """A state that has lasted, with no act told: "the temple has been abandoned for over 20 years",
    "the base has been deserted for months" (a perfect passive held "for" a span of time)."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            span = next((g for g in child.children if g.dep_ == "pobj"), None)
            if span is not None and lemma(span) in _SPANS_OF_TIME:
                return True
    return False


def _bare(noun: Token) -> bool:
    """A plural with no article, possessive or number: the kind, not acts counted or pointed at."""
    return not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _reason_of_a_measure(preposition: Token) -> bool:
    if preposition.dep_ != "prep" or preposition.lower_ not in ("over", "for", "to"):
        return False
    return lemma(preposition.head) in _MEASURES


def describes(trigger: Trigger, lexicon: Lexicon) -> bool:
    """What someone is or does, not one act: a simple present in a relative clause on its subject
    ("the commission, which coordinates the police forces", "Kenya, which supports the government"),
    or with an adverb of habit ("the Houthis persistently threaten shipping"); a stance held for years
    ("Western states have long called for an embargo"); what was so once ("a militia that was once
    supported by Rwanda", "the town the rebels formerly held")."""
    head = trigger.head
    if head.pos_ == "VERB" and (_long_standing(head) or _formerly(head)):
        return True
    if _known_for(head):
        return True  # "Dankarami, known for collaborating with other kingpins": what he is known for
    if trigger.sense.plover == "COOPERATE" and _names_a_body(head):
        return True  # "separatists from a newly formed rebel alliance": the group, not an act of allying
    # "often kill, loot and terrorise": a conjoined verb (tagged as a bare form) shares its first
    # verb's tense and habit
    first = head
    if head.tag_ in ("VB", "VBD"):  # "beat", "put": the parse may tag a present conjunct as past
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "raid, loot and burn": up the chain of conjuncts to the first verb
        first = first if first.pos_ == "VERB" else head
    if head.pos_ != "VERB" or first.tag_ not in ("VBP", "VBZ") or _has_aux(first):
        return False
    habitual = lexicon.modality.get("habitual", frozenset())
    if any(c.dep_ == "advmod" and lemma(c) in habitual for v in {head, first} for c in v.children):
        return True
    if head.dep_ != "relcl":
        return False
    return any(c.dep_ == "nsubj" and (c.tag_ == "WDT" or c.lower_ == "who") for c in head.children)


_REPUTED = frozenset({"know", "notorious", "famous", "infamous", "renowned", "noted", "feared"})


def _known_for(word: Token) -> bool:
    """An act a person or a group is known for ("known for collaborating with", "notorious for
    kidnappings"): a reputation, not an act told."""
    preposition = word.head
    if word.dep_ not in ("pcomp", "pobj") or preposition.lower_ != "for":
        return False
    return lemma(preposition.head) in _REPUTED


def _names_a_body(noun: Token) -> bool:
    """A noun of alliance that names the body its people belong to ("fighters from the alliance",
    "members of the coalition") or that acts ("the rebel alliance attacked")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    owner = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("from", "of") and owner.pos_ in ("NOUN", "PROPN"):
        return owner.tag_ in ("NNS", "NNPS")  # people of it, not "the signing of the alliance"
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB"


def _formerly(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in ("once", "formerly") for c in verb.children)


def _long_standing(verb: Token) -> bool:
    """ "have long called for an arms embargo", "has long accused Rwanda": a stance held for years."""
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    return perfect and any(c.dep_ == "advmod" and c.lower_ == "long" for c in verb.children)


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def is_imperative(trigger: Trigger) -> bool:
    """ "Just fight us like a man.": an order or a plea in the base form, with no subject."""
    root = trigger.head
    for _ in range(40):
        if root.head.i == root.i:
            break
        root = root.head
    return (
        root.tag_ == "VB"
        and root.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in root.children)
    )
