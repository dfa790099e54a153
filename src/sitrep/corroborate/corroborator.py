"""`Corroborator.attach`: one new article's events into incidents, incrementally, in one transaction.

Attaching never recomputes everything: the article's near-duplicates come from indexed band keys,
each event's candidate incidents from an index on (type family, start date), and only the
incidents the article touches (or whose sources it relabels) are summarised again. Attaching the
same articles in the same order gives the same incident ids: an incident is named after the
first event that opened it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection

from sitrep.corroborate import syndication
from sitrep.corroborate.claims import Source, claim_rows, summarise
from sitrep.corroborate.incidents import (
    Span,
    choose_incident,
    date_span,
    dates_compatible,
    family,
    search_window,
)
from sitrep.corroborate.rules import Rules, load_rules
from sitrep.models import CleanArticle, Event
from sitrep.store.incidents import IncidentStore


def incident_id_for(event_id: str) -> str:
    return "inc-" + hashlib.sha1(f"incident:{event_id}".encode()).hexdigest()[:12]


class Attacher:
    """The write side of the stage; see Corroborator for the read side and the public API."""

    def __init__(self, incidents: IncidentStore, rules: Rules | None = None) -> None:
        self.db = incidents
        self.rules = rules or load_rules()

    def attach(self, clean: CleanArticle, events: Sequence[Event]) -> list[str]:
        """Group the article's (already stored) events into incidents; their incident ids, in order."""
        strays = sorted({e.article_id for e in events if e.article_id != clean.id})
        if strays:
            raise ValueError(f"events of article {clean.id!r} name other articles: {', '.join(strays)}")
        with self.db.write() as conn:
            prior = self.db.source(conn, clean.id)
            stored = self.db.stored_incident_ids(conn, [e.event_id for e in events])
            missing = [e.event_id for e in events if e.event_id not in stored]
            if missing:
                raise ValueError(
                    f"save article {clean.id!r} before attaching it: events {missing[:3]} are not stored"
                )
            if (
                prior
                and prior["content_hash"] == clean.content_hash
                and all(stored.get(e.event_id) for e in events)
            ):
                return [str(stored[e.event_id]) for e in events]
            touched: set[str] = set()
            if prior is not None:
                touched |= self.db.incidents_of_articles(conn, [clean.id])
            relabelled = self._attach_source(conn, clean, prior)
            touched |= self.db.incidents_of_articles(conn, relabelled)
            assigned = self._place_events(conn, events, stored)
            self._summarise(conn, touched | set(assigned))
            return assigned

    # -- sources --------------------------------------------------------------------------------

    def _attach_source(
        self, conn: Connection, clean: CleanArticle, prior: dict[str, Any] | None
    ) -> list[str]:
        """Record the article's origin and story cluster; the ids of other articles whose origin changed."""
        rules = self.rules
        sig = syndication.signature(clean.text, rules)
        keys = syndication.band_keys(sig, rules) if sig is not None else []
        matches: list[syndication.Match] = []
        if sig is not None:
            found = self.db.band_candidates(conn, keys, clean.id, rules.min_band_hits, rules.max_candidates)
            candidates = [
                (row["article_id"], syndication.Signature.from_bytes(row["signature"], row["shingles"]))
                for row in found
                if row["signature"] is not None
            ]
            matches = syndication.near_duplicates(sig, candidates, rules)
        explicit = syndication.explicit_origin(clean, rules)
        row: dict[str, Any] = {
            "article_id": clean.id,
            "seq": prior["seq"] if prior else self.db.next_seq(conn),
            "content_hash": clean.content_hash,
            "outlet": clean.outlet,
            "published": clean.published.isoformat() if clean.published else None,
            "own_key": syndication.own_origin(clean, rules),
            "explicit_key": explicit[0] if explicit else None,
            "basis": explicit[1] if explicit else ("near-duplicate" if matches else "own"),
            "copy_of": matches[0].article_id if matches else None,
            "similarity": matches[0].jaccard if matches else None,
            "shingles": sig.shingles if sig is not None else 0,
            "signature": sig.to_bytes() if sig is not None else None,
        }
        matched_sources = self.db.sources_of(conn, [m.article_id for m in matches])
        clusters = {s["cluster"] for s in matched_sources.values()}
        if prior is not None:
            clusters.add(prior["cluster"])
        members = [m for m in self.db.cluster_rows(conn, clusters) if m["article_id"] != clean.id]
        members.append({**row, "source_key": "", "cluster": clean.id})
        if prior is not None and not matches:
            members = [row | {"source_key": "", "cluster": clean.id}]  # an edited text leaves its old story
        members.sort(key=lambda m: m["seq"])
        origin, cluster = _cluster_origin(members), members[0]["article_id"]
        row.update(source_key=origin, cluster=cluster)
        self.db.save_source(conn, row)
        self.db.save_bands(conn, clean.id, keys)
        changed = [
            m["article_id"]
            for m in members
            if m["article_id"] != clean.id and (m["source_key"] != origin or m["cluster"] != cluster)
        ]
        self.db.relabel(conn, changed, origin, cluster)
        return changed

    # -- incidents ------------------------------------------------------------------------------

    def _place_events(
        self, conn: Connection, events: Sequence[Event], stored: dict[str, str | None]
    ) -> list[str]:
        """Choose or open an incident for each event; events placed earlier in this call count as members."""
        rules = self.rules
        members: dict[str, list[Event]] = {}  # incident id -> its events, stored and placed in this call
        opened: dict[str, tuple[str, Span | None, str | None]] = {}  # new incident -> (family, span, country)
        assigned: list[str] = []
        for event in events:
            known = stored.get(event.event_id)
            if known:
                assigned.append(known)
                continue
            span, kind = date_span(event, rules), family(event.plover, rules)
            country = event.location.country if event.location else None
            ids: list[str] = []
            window = search_window(span, rules)
            if span is not None and window is not None:
                last_from = span.start - timedelta(days=rules.slack_days)
                ids = self.db.candidate_incidents(
                    conn, kind, window[0].isoformat(), window[1].isoformat(), last_from.isoformat(), country
                )
                missing = [i for i in ids if i not in members]
                members.update(self.db.member_events(conn, missing))
            ids += [
                i
                for i, (k, s, c) in opened.items()
                if k == kind and i not in ids and _near(s, span, c, country)
            ]
            chosen = choose_incident(event, [(i, members.get(i, [])) for i in ids], rules)
            if chosen is None:
                chosen = incident_id_for(event.event_id)
                suffix = 1
                while chosen in opened or self.db.incident_exists(conn, chosen):  # reopened by an edit
                    suffix += 1
                    chosen = f"{incident_id_for(event.event_id)}-{suffix}"
                opened[chosen] = (kind, span, country)
            elif chosen in opened:
                kind_, old, place = opened[chosen]
                opened[chosen] = (kind_, _widen(old, span), place or country)
            members.setdefault(chosen, []).append(event)
            assigned.append(chosen)
        self.db.assign(conn, {e.event_id: i for e, i in zip(events, assigned, strict=True)})
        return assigned

    def _summarise(self, conn: Connection, incident_ids: set[str]) -> None:
        ordered = sorted(incident_ids)
        members = self.db.member_events(conn, ordered)
        sources = self.db.sources_of(conn, {e.article_id for events in members.values() for e in events})
        saved = []
        for incident_id in ordered:
            events = members[incident_id]
            if events:
                by_article = {e.article_id: _source(sources.get(e.article_id), e) for e in events}
                summary = summarise(incident_id, events, by_article, self.rules)
                saved.append((summary, claim_rows(summary)))
        self.db.save_incidents(conn, ordered, saved)


def _near(span: Span | None, other: Span | None, country: str | None, other_country: str | None) -> bool:
    """Could an incident opened in this call hold an event of `other`? (the DB query's test, in memory)"""
    if country and other_country and country != other_country:
        return False
    return span is None or other is None or dates_compatible(span, other)


def _widen(span: Span | None, other: Span | None) -> Span | None:
    if span is None or other is None:
        return span or other
    return Span(min(span.start, other.start), max(span.end, other.end))


def _source(row: dict[str, Any] | None, event: Event) -> Source:
    if row is None:  # an event of an article attached before its source was recorded
        return Source(f"article:{event.article_id}", event.outlet)
    return Source(row["source_key"], row["outlet"], row["basis"])


def _cluster_origin(members: Sequence[dict[str, Any]]) -> str:
    """The origin of a story cluster: a stated wire or republication, else the first publisher."""
    stated = [m for m in members if m.get("explicit_key")]
    if stated:
        first = min(stated, key=lambda m: (m.get("published") or "9999", m["seq"]))
        return str(first["explicit_key"])
    first = min(members, key=lambda m: (m.get("published") or "9999", m["seq"]))
    return str(first["own_key"])
