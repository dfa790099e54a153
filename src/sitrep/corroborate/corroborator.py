"""`Corroborator.attach`: one new article's events into incidents, incrementally, in one transaction.

Attaching never recomputes everything: the article's near-duplicates come from indexed band keys,
the candidate incidents of all its events from one query on a covering index (type family,
country, start date), their members from one more, and only the incidents the article touches (or
whose sources it relabels) are summarised again, from the members already in hand. The number of
queries per article does not grow with its events. Attaching the same articles in the same order
gives the same incident ids: an incident is named after the first event that opened it.

A large incident (more than 2 x `linkage_sample` events) is read as its sample and its digest, and
an article that only adds reports to it goes through rolling.py: neither the reads nor the writes
grow with the incident. An edit or a relabel of one of its reports summarises it whole again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection

from sitrep.corroborate import rolling, syndication
from sitrep.corroborate.claims import claim_rows, summarise
from sitrep.corroborate.digest import is_large, rep_ids, sample_ids
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
from sitrep.store import clusters
from sitrep.store import digests as digest_rows
from sitrep.store.incidents import CandidateSearch, IncidentStore


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
            rows = self.db.stored_events(conn, [e.event_id for e in events])
            stored = {event_id: row.incident_id for event_id, row in rows.items()}
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
            assigned, opened, members, large = self._place_events(conn, events, stored)
            # The article's events as stored (what a re-read would give) stand in for the caller's.
            for incident_id in set(assigned) & members.keys():
                members[incident_id] = [rows.get(e.event_id, e) for e in members[incident_id]]
            # A large incident that only gains this article's events grows its digest; any other is
            # summarised again from all its reports (a large one read whole: an edit or a relabel).
            rolled = sorted(set(assigned) & large.digests.keys() - touched - opened)
            known = {i: found for i, found in members.items() if i not in large.digests}
            self._summarise(conn, (touched | set(assigned)) - set(rolled), opened, known)
            if rolled:
                source = rolling.source_of(self.db.sources_of(conn, [clean.id]).get(clean.id), events[0])
                for incident_id in rolled:
                    mine = [
                        rows.get(e.event_id, e)
                        for e, i in zip(events, assigned, strict=True)
                        if i == incident_id
                    ]
                    digest = large.digests[incident_id]
                    rolling.roll(conn, incident_id, digest, mine, large.reps, source, self.rules)
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
        # The stories joined: those of the matches, and the article's own when it is re-attached.
        # Every member of a story carries its label and origin, so one row tells them per story.
        joined: dict[str, str] = {}  # cluster label -> its origin (source_key)
        for source in self.db.sources_of(conn, [m.article_id for m in matches]).values():
            joined[source["cluster"]] = source["source_key"]
        if prior is not None and matches:
            joined[prior["cluster"]] = prior["source_key"]
        # an edited text with no match leaves its old story alone: a story of its own again
        deciding = clusters.deciding_rows(conn, joined, clean.id) if joined else []
        deciding.append({**row, "cluster": clean.id})
        origin = _cluster_origin(deciding)
        cluster = min(deciding, key=lambda m: m["seq"])["article_id"]
        row.update(source_key=origin, cluster=cluster)
        self.db.save_source(conn, row, replace=prior is not None)
        self.db.save_bands(conn, clean.id, keys, replace=prior is not None)
        changed = [
            member
            for label, key in sorted(joined.items())
            if key != origin or label != cluster
            for member in clusters.member_ids(conn, label, clean.id)
        ]
        self.db.relabel(conn, changed, origin, cluster)
        return changed

    # -- incidents ------------------------------------------------------------------------------

    def _place_events(
        self, conn: Connection, events: Sequence[Event], stored: dict[str, str | None]
    ) -> tuple[list[str], set[str], dict[str, list[Event]], _Large]:
        """Choose or open an incident for each event; events placed earlier in this call count as members.

        Returns the incident of each event, the incidents this call opened, the members of every
        incident it read or opened, this call's events included (of a large incident, its sample),
        and the large candidates' digests.

        The stored candidates of every event, their member events and the taken incident ids are
        read up front, three queries for the whole article; the choices then run in memory, in the
        article's order, exactly as if each event had queried the store in turn (the store does
        not change until the assignments are written at the end).
        """
        rules = self.rules
        pending = [_Placing(e, date_span(e, rules), rules) for e in events if not stored.get(e.event_id)]
        found = self.db.candidate_rows(conn, _searches(pending, rules))
        for placing in pending:
            placing.candidates = _narrow(found, placing)
        wanted = sorted({i for placing in pending for i in placing.candidates})
        members, large = self._members(conn, wanted)  # incident -> its events, or its sample
        taken = self.db.existing_incidents(conn, [incident_id_for(p.event.event_id) for p in pending])
        opened: dict[str, tuple[str, Span | None, str | None]] = {}  # new incident -> (family, span, country)
        by_event = {p.event.event_id: p for p in pending}
        assigned: list[str] = []
        for event in events:
            known = stored.get(event.event_id)
            if known:
                assigned.append(known)
                continue
            placing = by_event[event.event_id]
            span, kind, country = placing.span, placing.family, placing.country
            ids = list(placing.candidates)
            ids += [
                i
                for i, (k, s, c) in opened.items()
                if k == kind and i not in ids and _near(s, span, c, country)
            ]
            chosen = choose_incident(event, [(i, members.get(i, [])) for i in ids], rules)
            if chosen is None:
                chosen = incident_id_for(event.event_id)
                suffix = 1
                while chosen in opened or (chosen in taken if suffix == 1 else self._taken(conn, chosen)):
                    suffix += 1  # reopened by an edit
                    chosen = f"{incident_id_for(event.event_id)}-{suffix}"
                opened[chosen] = (kind, span, country)
            elif chosen in opened:
                kind_, old, place = opened[chosen]
                opened[chosen] = (kind_, _widen(old, span), place or country)
            members.setdefault(chosen, []).append(event)
            assigned.append(chosen)
        self.db.assign(conn, {e.event_id: i for e, i in zip(events, assigned, strict=True)})
        return assigned, set(opened), members, large

    def _members(self, conn: Connection, wanted: Sequence[str]) -> tuple[dict[str, list[Event]], _Large]:
        """Every event of each small incident; of a large one its sample (the first and the latest
        `linkage_sample` events), read with the events its digest's claim groups stand on."""
        rules = self.rules
        large = _Large(
            {i: d for i, d in digest_rows.digests(conn, wanted).items() if d and is_large(d, rules)}
        )
        members = self.db.member_events(conn, [i for i in wanted if i not in large.digests])
        if not large.digests:
            return members, large
        ids = {e for d in large.digests.values() for e in (*sample_ids(d), *rep_ids(d))}
        found = self.db.stored_events(conn, sorted(ids))
        for incident_id, digest in sorted(large.digests.items()):
            sample = [
                found[e] for e in sample_ids(digest) if e in found and found[e].incident_id == incident_id
            ]
            if len(sample) < len(sample_ids(digest)) or not rep_ids(digest) <= found.keys():
                # an event of the digest is gone (never by attach): read the incident whole, rebuild it
                del large.digests[incident_id]
                members.update(self.db.member_events(conn, [incident_id]))
                continue
            members[incident_id] = sample
            large.reps.update({e: found[e] for e in rep_ids(digest)})
        return members, large

    def _taken(self, conn: Connection, incident_id: str) -> bool:
        return bool(self.db.existing_incidents(conn, [incident_id]))

    def _summarise(
        self, conn: Connection, incident_ids: set[str], opened: set[str], known: dict[str, list[Event]]
    ) -> None:
        """Summarise these incidents again; `known` holds the complete members of some of them."""
        ordered = sorted(incident_ids)
        members = {i: known[i] for i in ordered if i in known}
        members.update(self.db.member_events(conn, [i for i in ordered if i not in known]))
        sources = self.db.sources_of(conn, {e.article_id for events in members.values() for e in events})
        # A digest is kept from the attach that makes an incident large (its sample is then taken in
        # attach order); a smaller incident's digest would go unused.
        grown = [i for i in ordered if len(members[i]) >= 2 * self.rules.linkage_sample]
        seqs = digest_rows.article_seqs(conn, {e.article_id for i in grown for e in members[i]})
        saved, built = [], {}
        for incident_id in ordered:
            events = members[incident_id]
            if events:
                by_article = {e.article_id: rolling.source_of(sources.get(e.article_id), e) for e in events}
                summary = summarise(incident_id, events, by_article, self.rules)
                saved.append((summary, claim_rows(summary)))
                if incident_id in grown:
                    digest = rolling.build(incident_id, events, by_article, summary, seqs, self.rules)
                    built[incident_id] = digest
        self.db.save_incidents(conn, ordered, saved, new=opened)
        gone = [i for i in ordered if not members[i] and i not in opened]  # an edit took all its reports
        if built or gone:
            digest_rows.save_digests(conn, [*built, *gone], built, new=opened)


class _Large:
    """The large candidate incidents of one attach: their digests, and the events standing for
    their claim groups."""

    __slots__ = ("digests", "reps")

    def __init__(self, found: dict[str, dict[str, Any]]) -> None:
        self.digests = found
        self.reps: dict[str, Event] = {}


class _Placing:
    """One event still to place: its date span, type family, country and stored candidate incidents."""

    __slots__ = ("event", "span", "family", "country", "window", "candidates")

    def __init__(self, event: Event, span: Span | None, rules: Rules) -> None:
        self.event, self.span = event, span
        self.family = family(event.plover, rules)
        self.country = event.location.country if event.location else None
        window = search_window(span, rules)
        self.window: tuple[str, str, str] | None = None  # (first from, first to, last from), ISO days
        if span is not None and window is not None:
            last_from = span.start - timedelta(days=rules.slack_days)
            self.window = (window[0].isoformat(), window[1].isoformat(), last_from.isoformat())
        self.candidates: list[str] = []


def _searches(pending: Sequence[_Placing], rules: Rules) -> list[CandidateSearch]:
    """One search per (family, country) covering its events' windows: few range scans per article."""
    bounds: dict[tuple[str, str | None], tuple[str, str, str]] = {}
    for placing in pending:
        if placing.window is None:
            continue
        key = (placing.family, placing.country)
        old = bounds.get(key, placing.window)
        bounds[key] = (min(old[0], placing.window[0]), max(old[1], placing.window[1]),
                       min(old[2], placing.window[2]))  # fmt: skip
    return [CandidateSearch(kind, country, *window) for (kind, country), window in bounds.items()]


def _narrow(rows: Sequence[dict[str, Any]], placing: _Placing) -> list[str]:
    """The rows one event's own search returns, by start date then id (the store's index order)."""
    if placing.window is None:
        return []
    first_from, first_to, last_from = placing.window
    kind, country = placing.family, placing.country
    hits = [
        (row["date_first"], row["id"])
        for row in rows
        if row["family"] == kind
        and (row["country"] is None or country is None or row["country"] == country)
        and first_from <= row["date_first"] <= first_to
        and row["date_last"] is not None
        and row["date_last"] >= last_from
    ]
    return [incident_id for _day, incident_id in sorted(hits)]


def _near(span: Span | None, other: Span | None, country: str | None, other_country: str | None) -> bool:
    """Could an incident opened in this call hold an event of `other`? (the DB query's test, in memory)"""
    if country and other_country and country != other_country:
        return False
    return span is None or other is None or dates_compatible(span, other)


def _widen(span: Span | None, other: Span | None) -> Span | None:
    if span is None or other is None:
        return span or other
    return Span(min(span.start, other.start), max(span.end, other.end))


def _cluster_origin(members: Sequence[dict[str, Any]]) -> str:
    """The origin of a story cluster: a stated wire or republication, else the first publisher."""
    stated = [m for m in members if m.get("explicit_key")]
    if stated:
        first = min(stated, key=lambda m: (m.get("published") or "9999", m["seq"]))
        return str(first["explicit_key"])
    first = min(members, key=lambda m: (m.get("published") or "9999", m["seq"]))
    return str(first["own_key"])
