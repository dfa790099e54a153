"""Is an event asserted as having happened? Questions, conditionals, modals, futures, negations,
intentions and the content of threats, demands and accusations are not events.

The walk goes from the trigger up the dependency tree to the sentence root and stops at a source
cue ("said", "claimed"): what a source says happened is asserted (by that source).
"""

from __future__ import annotations

from sitrep.extract.background import WEEKDAYS, since_clause
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.setting import MONTH_NAMES
from sitrep.extract.triggers import Token, Trigger, lemma

CLAUSE_POS = frozenset({"VERB", "AUX"})
# how a clause or noun hangs below its governor when the governor embeds it (not "conj": a sibling)
EMBEDDING_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "prep", "pcomp", "acl", "advcl", "oprd", "attr", "pobj"}
)
INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "ccomp"})
# subordinators of a clause that states a fact of its own, whatever its governor does
NARRATIVE_MARKS = frozenset(
    {"while", "whereas", "after", "as", "when", "since", "because", "although", "though"}
)


# verbs that only carry an event noun: negating them negates the event
LIGHT_VERBS = frozenset({"be", "happen", "occur", "take", "carry", "launch", "conduct", "stage"})


def _never(verb: Token) -> bool:
    return any(c.dep_ in ("advmod", "neg") and c.lower_ == "never" for c in verb.children)


def _has_infinitive_to(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def negated(token: Token) -> bool:
    """A `not`/`never`/`no` on the clause of a trigger ("did not attack", "no attack took place")."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
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
    if negated(head):
        return False
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("attr", "nsubj", "dobj"):
        governor = head.head  # "there was never a strike", "did not carry out the raid"
        if lemma(governor) in LIGHT_VERBS and (negated(governor) or _never(governor)):
            return False
    if trigger.modifier:
        return True  # "Russia-backed forces": a standing relation, stated as background
    if _granted(head):
        return False  # "Despite a November ceasefire, Israel has kept up its strikes": a given, not told
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
            if lemma(token) in cues and came_from != "xcomp":
                # "denied reports that shelling destroyed an airfield": a report denied asserts nothing
                denying = lexicon.modality.get("denying_verbs", frozenset())
                denied = token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj"
                return not (denied and lemma(token.head) in denying)
            # "demanded a ransom, threatening to kill": a participle clause beside the demand, not its content
            participle = came_from == "advcl" and previous.tag_ == "VBG"
            if lemma(token) in non_factive and came_from in EMBEDDING_DEPS and not participle:
                return False
        if token.dep_ in INFINITIVE_DEPS and _has_infinitive_to(token):
            governor = token.head
            if _going_to(governor):
                return False  # "the army is going to attack", "I am not going to agree": a future
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


def rejects_by_negation(token: Token, lexicon: Lexicon) -> bool:
    """ "will not leave", "refuses to withdraw" style refusals: a negated verb of yielding."""
    word = lemma(token)
    if word not in lexicon.modality.get("reject_when_negated", frozenset()) or not negated(token):
        return False
    if word in lexicon.modality.get("yield_only_with", frozenset()):  # "will not give up", not "did
        # not give details"
        kept = ("prt", "dobj", "prep", "advmod")
        return any(c.dep_ in kept and lemma(c) in _YIELDED for c in token.children)
    return True


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


_DAYS_NAMED = WEEKDAYS | {"yesterday", "today"}  # a day named as one ("on Monday", "yesterday")
_DAY_WORDS = _DAYS_NAMED | {"tonight", "overnight"}


def _one_day(verb: Token) -> bool:
    """The verb's own clause names one day ("arrested 50 people yesterday", "on Monday"), not the
    report's ("..., the UN said on Monday")."""
    return any(t.lower_ in _DAY_WORDS for t in verb.subtree)


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
    return not any(t.ent_type_ == "DATE" and (t.like_num or t.lower_ in _DAYS_NAMED) for t in noun.subtree)


_GRANTING = frozenset({"despite", "notwithstanding"})


def _wages_a_campaign(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of fighting whose object is a war or an insurgency: "is battling an insurgency", "has
    been fighting a war against the rebels"."""
    waging = lexicon.modality.get("waging_verbs", frozenset())
    campaigns = lexicon.modality.get("campaign_nouns", frozenset())
    return verb.pos_ == "VERB" and lemma(verb) in waging and any(
        c.dep_ == "dobj" and lemma(c) in campaigns for c in verb.children
    )


def _a_spell(noun: Token, lexicon: Lexicon) -> bool:
    """Fighting told as a spell, not as one act: "in recent fighting", "during the ongoing clashes"."""
    spells = lexicon.modality.get("spell_nouns", frozenset())
    recent = lexicon.modality.get("spell_modifiers", frozenset())
    return lemma(noun) in spells and any(lemma(m) in recent for m in noun.children)


def _kept_up(acts: Token, lexicon: Lexicon) -> bool:
    """Acts (a plural noun) that a verb of keeping on or stepping up takes as its object, in a perfect
    tense or in a sentence naming no time: "has kept up its strikes", "have stepped up their
    attacks", "has continued its raids" (but "intensified its strikes on Tuesday" tells that day's);
    or acts that grow by themselves on no one day ("the attacks intensified in March")."""
    verb = acts.head
    word = lemma(verb)
    with_up = lexicon.modality.get("trend_verbs_with_up", frozenset())
    alone = lexicon.modality.get("trend_verbs", frozenset())
    if acts.dep_ == "nsubj" and verb.pos_ == "VERB" and word in alone - {"continue", "sustain"}:
        return not _one_day(verb)  # "in March the attacks intensified": a trend (not "... on Monday")
    if acts.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    particle = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if not (word in alone or (word in with_up and particle)):
        return False
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in verb.sent)
    return perfect or not dated


def is_aggregate(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A tally or a habit rather than one act: "has killed thousands since 2015", "have been fighting
    for more than 15 years", "regularly carries out attacks", "in recent years", "killed 312 people
    from 2012 to 2014", "has witnessed repeated attacks", "the war has killed 17,500", "has been
    carrying out an operation".

    Looked for on the trigger's clause: its verb (or the verb governing an event noun), that verb's
    own prepositions, adverbs, auxiliaries and subject, and the event noun's modifiers.
    """
    head = trigger.head
    clause = head.head if head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in CLAUSE_POS else head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.head.pos_ in CLAUSE_POS:
        clause = head.head.head  # "were killed in attacks from 2012 to 2014": the verb's frame
    habitual = lexicon.modality.get("habitual", frozenset())
    spans = lexicon.modality.get("span_units", frozenset())
    campaigns = lexicon.modality.get("campaign_nouns", frozenset())
    repeated = lexicon.modality.get("habitual_modifiers", frozenset())
    several = _several(lexicon)
    plural = head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NNS", "NNPS")
    if plural and _modified_by(head, repeated):
        return True  # "has witnessed repeated attacks", "numerous raids", "died in various attacks"
    framed = head.dep_ == "pobj" and head.head.lower_ in ("in", "during")
    if plural and framed and _modified_by(head, several):
        return True  # "50 were killed in several jihadist raids": a toll over several acts
    trends = lexicon.modality.get("trend_nouns", frozenset())
    trended = head.dep_ == "pobj" and head.head.lower_ in ("in", "of") and lemma(head.head.head) in trends
    if plural and trended:
        return True  # "despite a surge in gang attacks across the capital": a trend, no one act
    if _wages_a_campaign(head, lexicon):
        return True  # "Burkina Faso is battling a jihadist insurgency": a war, no one act
    if plural and _kept_up(head, lexicon):
        return True  # "Israel has kept up its strikes in Lebanon": a trend, no one act
    if _ongoing(clause) or _campaign_subject(head, clause, campaigns):
        return True
    # a conjoined verb shares the frame: "were killed and 90 wounded over the same period"
    conjoined = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS]
    # so do the doer and the tally the act is counted in: "a series of bombings in recent months has
    # killed more than 125 people", "attacks since January have killed 40"
    frame = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        frame.append(head.head.head)
    began = campaigns | lexicon.modality.get("since_began_nouns", frozenset())
    if _acts_so_far(clause, lexicon) or _since_a_campaign_began(clause, began):
        return True
    if _counted_over_a_span(clause, spans):
        return True
    # "has been ravaged by fighting since April 2023, killing more than 20,000": a participle's toll
    # is counted over the span of the verb it goes with
    governing = [clause.head] if clause.dep_ == "advcl" and clause.tag_ == "VBG" else []
    for word in governing:  # its own "since", or its agent's ("ravaged by fighting ... since April")
        links = [c for c in word.children if c.dep_ in ("agent", "prep")]
        objects = [g for c in links for g in c.children if g.dep_ == "pobj"]
        if any(_since(c) for w in (word, *objects) for c in w.children):
            return True
    wide = lexicon.modality.get("wide_areas", frozenset())
    for word in (head, clause, *conjoined, *frame):
        bounds: set[str] = set()  # prepositions bounding a span by a year or a month ("from", "to")
        for child in word.children:
            if child.dep_ in ("advmod", "npadvmod") and lemma(child) in habitual:
                return True
            if _since(child):
                return True
            if child.dep_ == "prep" and child.lower_ in ("across", "throughout") and any(
                g.dep_ == "pobj" and lemma(g) in wide for g in child.children
            ) and not _one_day(word):
                # "790 civilians were killed across the country": a tally of many places (but
                # "arrested nearly 50 people across the country yesterday" is that day's arrests)
                return True
            if child.dep_ == "prep" and child.lower_ in ("for", "in", "over", "during"):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if any(_long_span(o, spans) for o in objects):
                    return True
                acts = [o for o in objects if o.tag_ == "NNS" and _act_noun(o, lexicon)]
                if any(_modified_by(o, several) for o in acts):
                    return True  # "died in various attacks", "were killed in several raids"
                if any(_a_spell(o, lexicon) for o in objects):
                    return True  # "60 people are known to have died in recent fighting": a tally
            if child.dep_ == "prep":
                # "from 2012 to 2014": the parser hangs "to 2014" on the verb or on "from"
                for preposition in (child, *(g for g in child.children if g.dep_ == "prep")):
                    bound = [g for g in preposition.children if g.dep_ == "pobj"]
                    if any(_year(g) or g.lower_ in MONTH_NAMES for g in bound):
                        bounds.add(preposition.lower_)
                if child.lower_ == "between" and (_year_range(child) or _month_range(child)):
                    return True  # "between 2012 and 2014", "between June and August"
                if _years_inside(child):
                    return True  # "in 2012 and 2013", "during an insurrection in 2012 and 2013"
        if "from" in bounds and {"to", "through", "until", "till"} & bounds:
            return True  # "from 2012 to 2014": a period's tally
    return False


def accusation_of(head: Token, lexicon: Lexicon) -> tuple[str, Token] | None:
    """The accuser's words and the accused party when the act is what an accusation names ("Moscow
    accused Kyiv of shelling the plant", "blamed the army for killing 30"): the act is told as the
    accuser's claim. None for anything else, or an accusation itself hypothetical or denied."""
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


def said_by_habit(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A statement verb with an adverb of a standing position ("has consistently denied", "routinely
    condemns"); "repeatedly called on" still tells calls made."""
    stance = lexicon.modality.get("stance_adverbs", frozenset())
    return any(c.dep_ in ("advmod", "npadvmod") and lemma(c) in stance for c in trigger.head.children)


def many_told(trigger: Trigger, lexicon: Lexicon) -> bool:
    """Talks, deals or calls told as many over a span, not one: a plural noun counted as several
    ("multiple ceasefires with the TTP have failed"), or the subject of a present perfect counted
    since a time ("Since 2021, ceasefire talks have collapsed")."""
    head = trigger.head
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NNS", "NNPS"):
        return False
    if _modified_by(head, _several(lexicon)):
        return True
    verb = head.head
    return head.dep_ == "nsubj" and _present_perfect(verb) and any(_since(c) for c in verb.children)


def _present_perfect(clause: Token) -> bool:
    """ "have attacked", "has been killed": a participle with "has" or "have"."""
    having = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in clause.children)
    return clause.tag_ == "VBN" and having


def _since(token: Token) -> bool:
    return token.dep_ in ("prep", "mark") and token.lower_ == "since"


def _acts_so_far(clause: Token, lexicon: Lexicon) -> bool:
    """A present perfect tallying acts: done by several of them ("Several military offensives have
    targeted the bases"), to many ("They have attacked many villages", "soldiers have also killed a
    growing number of civilians"), or to masses with no one act named ("Thousands have been killed",
    not "fighting near Sake has sent thousands fleeing")."""
    if not _present_perfect(clause):
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    acts = subject is not None and subject.tag_ == "NNS" and _act_noun(subject, lexicon)
    if acts and subject is not None and _modified_by(subject, _several(lexicon)):
        return True
    hit = next((c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if hit is None:
        return False
    if hit.lower_ in lexicon.modality.get("masses", frozenset()):
        return not any(_one_act_named(c, lexicon) for c in clause.children)
    if lemma(hit) == "number":
        return _modified_by(hit, lexicon.modality.get("growing", frozenset()))
    return hit.tag_ == "NNS" and _modified_by(hit, _many(lexicon))


def _counted_over_a_span(clause: Token, spans: frozenset[str]) -> bool:
    """A present perfect counted over this year or month, or from a day a clause names: "have killed
    89 militants so far this year", "515 activists have been murdered since the peace deal was
    signed" tally many acts ("has been killed", one act's toll, counts one: not a tally)."""
    if not _present_perfect(clause):
        return False
    for child in clause.children:
        if child.dep_ == "npadvmod" and lemma(child) in spans and any(
            d.dep_ == "det" and d.lower_ == "this" for d in child.children
        ):
            return True  # "so far this year", "this month"
        if since_clause(child):
            return True  # "since the peace deal was signed"
    return False


def _since_a_campaign_began(clause: Token, campaigns: frozenset[str]) -> bool:
    """ "More than 200 people have been killed in the state since ethnic violence broke out": a
    present perfect counted from the start of a war or of violence is a tally of its acts."""
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if not auxiliaries & {"has", "have"}:
        return False
    for since in (c for c in clause.children if c.dep_ == "advcl"):
        if not any(m.dep_ == "mark" and m.lower_ == "since" for m in since.children):
            continue
        subject = next((c for c in since.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        one_day = any(t.lower_ in _DAYS_NAMED for t in since.subtree)  # "since violence erupted on Monday"
        if subject is not None and lemma(subject) in campaigns and not one_day:
            return True
    return False


def _one_act_named(child: Token, lexicon: Lexicon) -> bool:
    """ "in the attack", "by the blast", "in a strike", "fighting has sent": the one act a mass toll
    counts."""
    if child.dep_ == "nsubj":
        return child.tag_ == "NN" and _act_noun(child, lexicon)
    if child.dep_ not in ("prep", "agent"):
        return False
    return any(g.tag_ in ("NN", "NNP") for g in child.children if g.dep_ == "pobj")


def _act_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun the lexicon reads as an assault ("attack", "raid", "shelling", "fighting")."""
    return any(sense.plover == "ASSAULT" for sense in lexicon.nouns.get(lemma(token), ()))


def _many(lexicon: Lexicon) -> frozenset[str]:
    """Words that count acts or their targets as many: "many", "multiple" and the habit modifiers."""
    modality = lexicon.modality
    return modality.get("tally_quantifiers", frozenset()) | modality.get("habitual_modifiers", frozenset())


def _several(lexicon: Lexicon) -> frozenset[str]:
    """... and "several", "successive": a count of acts, though not of targets ("has struck several
    targets overnight" can be one night's strikes)."""
    return _many(lexicon) | lexicon.modality.get("several_quantifiers", frozenset())


def _modified_by(noun: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in words for c in noun.children)


def _year(token: Token) -> int:
    """The year a number token names (1900-2099), else 0."""
    text = token.text
    return int(text) if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20") else 0


def _years_inside(preposition: Token) -> bool:
    """Two years named together on a preposition or the noun it takes ("in 2012 and 2013", "during
    an insurrection in 2012 and 2013"): a span of years."""
    inner = (g for o in preposition.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "prep")
    return any(_year_range(p) for p in (preposition, *inner))


def _month_range(preposition: Token) -> bool:
    """ "between June and August": two months named together, a span of weeks."""
    objects = [g for g in preposition.children if g.dep_ == "pobj" and g.lower_ in MONTH_NAMES]
    return any(c.dep_ == "conj" and c.lower_ in MONTH_NAMES for o in objects for c in o.children)


def _year_range(preposition: Token) -> bool:
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return any(_year(o) and any(_year(c) for c in o.children if c.dep_ == "conj") for o in objects)


def _ongoing(clause: Token) -> bool:
    """ "has been carrying out an operation", "have been shelling the city": a present perfect
    progressive tells an activity still going on, not one act."""
    if clause.tag_ != "VBG":
        return False
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return "been" in auxiliaries and bool(auxiliaries & {"has", "have", "'ve", "'s"})


def _campaign_subject(head: Token, clause: Token, campaigns: frozenset[str]) -> bool:
    """ "The Saudi-led aggression has so far killed 17,500", "an insurgency that has killed
    hundreds", "the military's crackdown has left 3,200 dead": a war or campaign as the doer is a
    tally of many acts, not one."""
    for verb in {head.i: head, clause.i: clause}.values():
        if verb.pos_ not in CLAUSE_POS:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and verb.dep_ == "relcl" and subject.tag_ == "WDT":
            subject = verb.head  # "an insurgency that has killed hundreds"
        if subject is not None and subject.pos_ == "ADJ":  # "the last of the Cold War conflicts killed"
            subject = next((g for c in subject.children if c.lower_ == "of" for g in c.children), subject)
        if subject is not None and lemma(subject) in campaigns:
            return True
    if head.pos_ == "NOUN" and lemma(head) in campaigns and head.dep_ in ("nsubj", "nsubjpass"):
        auxiliaries = {c.lower_ for c in head.head.children if c.dep_ == "aux"}
        return bool(auxiliaries & {"has", "have"})  # "the crackdown has left 3,200 dead"
    return False


def is_generic(trigger: Trigger) -> bool:
    """A statement about a kind of act, not an act: "Attacks on children are unacceptable" (a bare
    plural event noun as the subject of a present "be"), "It fights for an Islamic state", "the
    Battle holds a special place" (a simple present verb of the outlet's own narration), "the belt,
    where drone strikes target militants" (a bare plural doing it in a relative clause).

    Headlines (simple present for past acts) are not read here: their lines are skipped before.
    """
    head = trigger.head
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
    if trigger.sense.plover == "COOPERATE" and _names_a_body(head):
        return True  # "separatists from a newly formed rebel alliance": the group, not an act of allying
    if head.pos_ != "VERB" or head.tag_ not in ("VBP", "VBZ") or _has_aux(head):
        return False
    habitual = lexicon.modality.get("habitual", frozenset())
    if any(c.dep_ == "advmod" and lemma(c) in habitual for c in head.children):
        return True
    if head.dep_ != "relcl":
        return False
    return any(c.dep_ == "nsubj" and (c.tag_ == "WDT" or c.lower_ == "who") for c in head.children)


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


def _long_span(noun: Token, spans: frozenset[str]) -> bool:
    """ "more than a year", "15 years", "recent months", "the past decade": a span of time, not a date."""
    if lemma(noun) == "period":
        return True  # "in the same period", "over the period": a stretch of time
    if lemma(noun) not in spans:
        return False
    words = {lemma(c) for c in noun.children}
    return bool(words & {"recent", "past", "last", "more", "several", "many"}) or any(
        c.like_num or c.dep_ == "nummod" for c in noun.children
    ) or noun.lower_.endswith("s")
