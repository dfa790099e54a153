"""Days the story's narrative sentences state: "Boko Haram drove into the village of Dapchi on
Monday night in trucks." tells no event of the record, but it dates the act the next sentence tells
("They attacked the school"), as a reader takes it. Only a past-tense main verb that is no verb of
saying, judging or answering counts (data/vague_dates.toml, [scene] statement_verbs): "the governor
said Thursday" dates the statement, not the act."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.models import DatePrecision
from sitrep.parse import doc_text
from sitrep.resolve.dates import resolve_date


@lru_cache(maxsize=1)
def _statement_verbs() -> frozenset[str]:
    raw = resources.files("sitrep").joinpath("data", "vague_dates.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(raw)["scene"]["statement_verbs"])


# a verb in these is no narrative of its own ("the attack, which began on Monday", "after it ended")
_EMBEDDED = frozenset({"relcl", "acl", "advcl", "pcomp", "xcomp", "amod"})


def _said(verb: Any) -> bool:
    """A verb of saying, or a verb inside what one says ("the governor said they fled on Monday")."""
    token = verb
    for _ in range(12):
        if token.lemma_.lower() in _statement_verbs():
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def narrative_days(doc: Any, published: date | None) -> list[tuple[int, str, DatePrecision]]:
    """(sentence start, day, precision "day") for each sentence whose past-tense main verb, no verb of
    saying, carries a time phrase that resolves to a day; outside quotations."""
    if doc is None or published is None:
        return []
    found: list[tuple[int, str, DatePrecision]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        root = ent.root
        head = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
        if head.tag_ != "VBD" or head.dep_ in _EMBEDDED or _said(head):
            continue
        first = ent.start  # the sentence's first token (cheaper than `ent.sent`, which rebuilds it)
        while first > 0 and not doc[first].is_sent_start:
            first -= 1
        start = doc[first].idx
        before = doc_text(doc)[start : ent.start_char]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue
        preposition = (
            doc[ent.start - 1].lower_ + " " if ent.start > 0 and doc[ent.start - 1].pos_ == "ADP" else ""
        )
        when, precision = resolve_date(preposition + ent.text, published)
        if when is not None and precision == "day":
            found.append((start, when, precision))
    return found
