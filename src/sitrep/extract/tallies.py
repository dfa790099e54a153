"""Is an act told as a tally or a habit rather than one act? "has killed thousands since 2015",
"regularly carries out attacks", "killed 312 people from 2012 to 2014", "the war has killed 17,500";
and statements or talks told as many ("has consistently denied", "multiple ceasefires have failed").
"""

from __future__ import annotations

from sitrep.extract.arguments import governing_verb
from sitrep.extract.background import since_clause
from sitrep.extract.figures import KILLED
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.modality import CLAUSE_POS, DAYS_NAMED
from sitrep.extract.setting import MONTH_NAMES
from sitrep.extract.triggers import Token, Trigger, lemma, names_a_time

_DAY_WORDS = DAYS_NAMED | {"tonight", "overnight"}


def _one_day(verb: Token) -> bool:
    """The verb's own clause names one day ("arrested 50 people yesterday", "on Monday"), not the
    report's ("..., the UN said on Monday")."""
    return any(t.lower_ in _DAY_WORDS for t in verb.subtree)


def _wages_a_campaign(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of fighting whose object is a war or an insurgency: "is battling an insurgency", "has
    been fighting a war against the rebels"."""
    waging = lexicon.modality.get("waging_verbs", frozenset())
    campaigns = lexicon.modality.get("campaign_nouns", frozenset())
    return verb.pos_ == "VERB" and lemma(verb) in waging and any(
        c.dep_ == "dobj" and lemma(c) in campaigns for c in verb.children
    )


# Acts counted in tens or more are a tally: one report does not tell each ("97 attacks in February")
_MANY_ACTS = 10


def _counted_many(acts: Token, lexicon: Lexicon) -> bool:
    """A plural act noun counted with a number of at least ten ("97 militant attacks", "more than 650
    airstrikes")."""
    if acts.tag_ not in ("NNS", "NNPS") or not _act_noun(acts, lexicon):
        return False  # "in October 2017 when a truck bomb killed": a date, no acts counted
    for number in (c for c in acts.children if c.dep_ == "nummod"):
        digits = number.text.replace(",", "")
        if digits.isdigit() and int(digits) >= _MANY_ACTS:
            return True
    return False


def _so_far(verb: Token) -> bool:
    """ "so far", "thus far", "to date" on a verb: counted up to now."""
    for child in verb.children:
        far = child.dep_ == "advmod" and child.lower_ == "far"
        if far and any(g.lower_ in ("so", "thus") for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "date" for g in child.children):
            return True
    return False


def _in_dozens(acts: Token, lexicon: Lexicon) -> bool:
    """Acts counted in dozens or hundreds ("dozens of attacks", "hundreds of airstrikes")."""
    counter = acts.head.head if acts.dep_ == "pobj" and acts.head.lower_ == "of" else None
    return counter is not None and counter.lower_ in lexicon.word_set("round_counts")


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
    if head.dep_ in ("oprd", "acomp") and head.head.pos_ in CLAUSE_POS:
        clause = head.head  # "left nearly 3,000 people dead last year": the verb's frame
    habitual = lexicon.modality.get("habitual", frozenset())
    spans = lexicon.modality.get("span_units", frozenset())
    campaigns = lexicon.modality.get("campaign_nouns", frozenset())
    repeated = lexicon.modality.get("habitual_modifiers", frozenset())
    several = _several(lexicon)
    plural = head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("NNS", "NNPS")
    # "the country saw 97 militant attacks in February" (or "64 attacks that killed 70"): a month's
    # count, no one act (but "carried out 30 airstrikes overnight" is one night's)
    counted = head if plural else clause.head if clause.dep_ == "relcl" else None
    if counted is not None and _counted_many(counted, lexicon) and not _one_day(counted.head):
        return True
    if plural and _in_dozens(head, lexicon) and not _one_day(clause):
        return True  # "have launched dozens of attacks on ships": many acts, no one told
    if _present_perfect(clause) and _so_far(clause) and not _one_day(clause):
        return True  # "the clashes have so far claimed 160 lives": a running total
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
    if _inside_a_count_since(head, clause):
        return True
    if _counted_in_a_campaign(head, campaigns | lexicon.modality.get("since_began_nouns", frozenset())):
        return True
    if trigger.sense.plover in _DONE_AS_A_HABIT and _done_as_a_habit(head, clause):
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
    if _in_a_war_since_it_began(clause, began):
        return True
    if _counted_over_a_span(clause, spans) or _counted_over_a_year(clause, lexicon):
        return True
    verb = next((a for a in head.ancestors if a.pos_ in CLAUSE_POS and a.dep_ != "prep"), None)
    if plural and verb is not None and _counted_over_a_year(verb, lexicon):
        return True  # "... were killed in Niger in 2024, including 416 in attacks on civilians"
    if plural and head.dep_ in ("dobj", "nsubj", "nsubjpass") and _over_a_whole_year(clause):
        return True  # "Al-Shabab carried out large-scale attacks in Mandera last year": a year's acts
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
            if _since(child) and not _compared(word):
                return True
            at_will = child.dep_ == "prep" and child.lower_ == "at"
            if at_will and any(lemma(g) == "will" for g in child.children):
                return True  # "the groups attack communities at will": a habit
            if child.dep_ == "prep" and child.lower_ in ("throughout", "during", "in") and any(
                g.dep_ == "pobj" and lemma(g) in campaigns for g in child.children
            ) and _present_perfect(word):
                return True  # "Throughout the war, Russia has fired hundreds of drones": a war's tally
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


# Acts a simple present in running text tells as what someone does as a rule
_DONE_AS_A_HABIT = frozenset({"ASSAULT", "COERCE"})
_EVERY = frozenset({"every", "each"})


def _done_as_a_habit(head: Token, clause: Token) -> bool:
    """The act's verb, or the verb launching the acts a plural noun names ("militants launch
    cross-border attacks", "continues to launch attacks"), tells a habit."""
    if head.i == clause.i:
        return _habitual_present(clause)
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    verb = governing_verb(head)
    if verb is None:
        return False
    kept_up = verb.dep_ == "xcomp" and lemma(verb.head) in _KEEPING_ON and verb.head.tag_ in ("VBP", "VBZ")
    return (kept_up and not names_a_time(verb.head)) or _habitual_present(verb)


# "continues to launch attacks", "keeps carrying out raids": acts told as going on, no one act
_KEEPING_ON = frozenset({"continue", "keep"})


def _habitual_present(verb: Token) -> bool:
    """An act told in the simple present in a sentence of running text with no day of its own ("they
    kill people with impunity"), or on a recurring one ("kill villagers every week"): a habit, not
    one act. A line with no full stop (a subheading, a caption) is not running text; headlines are
    read apart (`headline_spans`)."""
    # a conjoined verb shares its first verb's tense and time ("kill villagers and burn homes every week")
    shared = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    present = verb if verb.tag_ != "VB" else shared[-1]  # "burn" in "kill ... and burn": "kill"'s tense
    if verb.pos_ != "VERB" or present.tag_ not in ("VBP", "VBZ"):
        return False
    if any(c.dep_ == "aux" for v in {verb, present} for c in v.children):
        return False
    words = [t for t in verb.sent if not t.is_space]
    if len(words) < 6 or words[-1].text not in (".", "!"):
        return False
    if any(t.lower_ in _EVERY and t.head.ent_type_ in ("DATE", "TIME") for v in shared for t in v.subtree):
        return True
    return not any(names_a_time(v) for v in shared)


def _inside_a_count_since(head: Token, clause: Token) -> bool:
    """An act named inside a sentence whose main verb counts from a time ("Since October 2014, the
    territory has become the centre of attacks which have killed 700"): the whole sentence is a
    tally, unless the act's own clause names its day."""
    root = head.sent.root
    if root.i in (head.i, clause.i) or not _present_perfect(root) or _one_day(clause):
        return False
    if head.tag_ not in ("NNS", "NNPS") and not _present_perfect(clause):
        return False  # "attempts have been made to end the fighting since ...": not told as many acts
    if not any(_since(c) for c in root.children):
        return False
    # the act hangs under the counting verb's subject, object or their clauses, not a clause of its own
    node = clause
    while node.head.i != node.i and node.head.i != root.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "prep", "relcl", "acl")


def said_by_habit(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A statement verb with an adverb of a standing position ("has consistently denied", "routinely
    condemns"); "repeatedly called on" still tells calls made."""
    stance = lexicon.modality.get("stance_adverbs", frozenset())
    if any(c.dep_ in ("advmod", "npadvmod") and lemma(c) in stance for c in trigger.head.children):
        return True
    return _standing_charge(trigger.head)


# What a standing charge and its standing denial hold against: "accuses the YPG of being the PKK's
# wing", "The YPG denies the charge"
_CHARGES = frozenset({"charge", "accusation", "allegation", "claim"})


def _standing_charge(verb: Token) -> bool:
    """A charge of what someone is, and its denial, in the simple present with no day: the background
    every story on a conflict carries ("Turkey accuses the YPG of being a PKK offshoot", "The YPG
    denies the charge"), not a statement made."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children):
        return False
    if names_a_time(verb):
        return False
    word = lemma(verb)
    if word == "accuse":
        return any(
            c.dep_ == "prep" and c.lower_ == "of" and any(lemma(g) == "be" for g in c.children)
            for c in verb.children
        )
    denial = word in ("deny", "reject")
    return denial and any(c.dep_ == "dobj" and lemma(c) in _CHARGES for c in verb.children)


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


def _compared(noun: Token) -> bool:
    """A noun ranked against the past: "the deadliest ambush since 2010", "the first attack since the
    truce" (its "since" bounds the comparison, it counts no acts)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    ranked = (c for c in noun.children if c.dep_ == "amod")
    return any(c.tag_ == "JJS" or c.lower_ in ("first", "last") for c in ranked)


def _counted_in_a_campaign(head: Token, campaigns: frozenset[str]) -> bool:
    """A participle counting people over a campaign or since a start: "the number of suspected militants
    killed in the Sinai campaign since it began" tallies its acts (not "the soldiers killed in the
    ambush", one act)."""
    if head.tag_ != "VBN" or head.dep_ not in ("acl", "amod"):
        return False
    for child in head.children:
        if since_clause(child) or _since(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "throughout") and any(
            g.dep_ == "pobj" and lemma(g) in campaigns for g in child.children
        ):
            return True
    return False


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
    also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in clause.children)
    if also and hit.dep_ == "dobj" and hit.tag_ == "NNS" and _act_noun(hit, lexicon) and not _one_day(clause):
        return True  # "Turkey has also launched military incursions in Syria": background, many acts
    if hit.lower_ in lexicon.modality.get("masses", frozenset()) or _a_wars_dead(clause, hit):
        return not any(_one_act_named(c, lexicon) for c in clause.children)
    if lemma(hit) == "number":
        return _modified_by(hit, lexicon.modality.get("growing", frozenset()))
    return hit.tag_ == "NNS" and _modified_by(hit, _many(lexicon))


# More people than one act of war kills: "An estimated 600,000 people have been killed" counts a war.
_A_WARS_COUNT = 10_000


def _a_wars_dead(verb: Token, counted: Token) -> bool:
    """The dead counted in tens of thousands or more ("40,000 people have been killed"; not "has
    called up 300,000 reservists")."""
    if lemma(verb) not in KILLED:
        return False
    for number in (c for c in counted.children if c.dep_ == "nummod"):
        words = [t.lower_ for t in number.subtree]
        if any(w in ("million", "millions", "billion") for w in words):
            return True
        digits = number.text.replace(",", "")
        if digits.isdigit() and int(digits) >= _A_WARS_COUNT:
            return True
    return False


def _in_a_war_since_it_began(clause: Token, began: frozenset[str]) -> bool:
    """ "180 people have been killed in the ethnic violence which broke out in May last year": a
    present perfect counted within violence told from its outbreak is a tally of its acts (not
    "... in the clashes that broke out on Sunday", one day's)."""
    if clause.dep_ == "conj" and clause.head.pos_ in CLAUSE_POS:
        clause = clause.head  # "have been killed and 40,000 displaced in the violence ...": one frame
    if not _present_perfect(clause):
        return False
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS)]
    links = [c for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "during")]
    for link in links:
        for noun in (g for g in link.children if g.dep_ == "pobj" and lemma(g) in began):
            for told in (c for c in noun.children if c.dep_ == "relcl" and lemma(c) in _OUTBREAK_VERBS):
                if not any(t.lower_ in DAYS_NAMED for t in told.subtree):
                    return True
    return False


# verbs that tell a war or a spell of violence from its start: "which broke out", "that began"
_OUTBREAK_VERBS = frozenset({"break", "begin", "erupt", "start", "flare", "spark"})


def _counted_over_a_span(clause: Token, spans: frozenset[str]) -> bool:
    """A present perfect counted over this year or month, or from a day a clause names: "have killed
    89 militants so far this year", "515 activists have been murdered since the peace deal was
    signed" tally many acts ("has been killed", one act's toll, counts one: not a tally)."""
    if not _present_perfect(clause):
        return False
    # "4,000 people have been killed and 820,000 displaced since unrest erupted": the parse hangs the
    # span on the conjoined verb; it counts both
    conjoined = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS]
    for child in (*clause.children, *(g for c in conjoined for g in c.children)):
        if child.dep_ == "npadvmod" and lemma(child) in spans and any(
            d.dep_ == "det" and d.lower_ == "this" for d in child.children
        ):
            return True  # "so far this year", "this month"
        if since_clause(child):
            return True  # "since the peace deal was signed"
    return False


def _counted_over_a_year(clause: Token, lexicon: Lexicon) -> bool:
    """People counted dead or hurt over a whole year with no one act named: "around 1,700 people were
    killed in Niger in 2024", "more than 4,000 people were killed in Mali last year" tally a year's
    acts ("30 people were killed by a bomb in 2019", "in an ambush early this year" name their act:
    one act, dated by its year)."""
    if clause.tag_ == "VBN":
        counted = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    elif lemma(clause) in ("die", "perish"):  # "In 2015, 151 people died ... as a result of attacks"
        counted = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    else:  # "jihadist attacks left nearly 4,000 people dead last year": acts as the subject
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NNS" or not _act_noun(subject, lexicon):
            return False
        counted = next((c for c in clause.children if c.dep_ == "dobj"), None)
    if counted is None or not any(c.dep_ == "nummod" or c.like_num for c in counted.subtree):
        return False
    links = [c for c in clause.children if c.dep_ in ("prep", "agent")]
    if any(g.tag_ == "NN" and _act_noun(g, lexicon) for c in links for g in c.children if g.dep_ == "pobj"):
        return False  # "were killed ... early this year in a deadly ambush": one act
    if any(_one_act_named(c, lexicon) for c in links if c.dep_ == "agent"):
        return False
    if clause.dep_ == "conj" and clause.head.pos_ in CLAUSE_POS and _over_a_whole_year(clause.head):
        return True  # "In 2015, 151 people died and 360 were injured in attacks": the year frames both
    return _over_a_whole_year(clause)  # "last year", "this year", "in 2024"


def _over_a_whole_year(clause: Token) -> bool:
    """The clause is dated to a whole year and no day: "last year", "this year", "in 2023"."""
    if _one_day(clause):
        return False
    for child in clause.children:
        if child.dep_ == "npadvmod" and lemma(child) == "year" and any(
            d.lower_ in ("last", "past", "this") for d in child.children
        ):
            return True
        spanning = child.dep_ == "prep" and child.lower_ in ("in", "during", "throughout", "over")
        if spanning and any(g.dep_ == "pobj" and _year(g) for g in child.children):
            return True
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
        one_day = any(t.lower_ in DAYS_NAMED for t in since.subtree)  # "since violence erupted on Monday"
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
    return lexicon.names_an_assault(lemma(token))


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
    verbs = {head.i: head, clause.i: clause}
    if head.dep_ in ("oprd", "acomp"):
        verbs[head.head.i] = head.head  # "the crisis has left hundreds dead": the verb "dead" completes
    for verb in verbs.values():
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
