"""What a situation report says, gathered from the store: incidents, statements, relations, outlets.

Everything is read through the corroborate stage (incident records with their claims) and the
store (events), restricted to a country (ISO3), optionally one province (admin1), and a window of
days. Every number the report prints carries a footnote: a Footnote lists the claims behind it
(outlet, claimant, article, quote), so a reader can check each figure against its sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sitrep.corroborate.outlets import UNKNOWN_OUTLET, outlet_record
from sitrep.corroborate.relations import country_name
from sitrep.corroborate.relations import relations as aggregate_relations
from sitrep.serve.explain import figure_sentence

if TYPE_CHECKING:
    from sitrep.app import Sitrep
    from sitrep.models import Event

FIGURES = ("killed", "injured", "displaced")
# The statements section: threats, demands (and appeals), agreements, by PLOVER type.
STATEMENTS = {"THREATEN": "threat", "REQUEST": "demand", "AGREE": "agreement"}
KEY_INCIDENTS = 12
NOT_ACLED = "Other violence"


@dataclass(slots=True)
class Claim:
    outlet: str | None
    claimant: str | None  # None: the outlet's own voice
    article_id: str
    quote: str
    value: Any = None

    @classmethod
    def of(cls, claim: Mapping[str, Any]) -> Claim:
        value = claim.get("value")
        if isinstance(value, Mapping):
            value = value.get("name")
        if claim.get("qualifier") and value is not None:
            value = f"{claim['qualifier']} {value}"
        return cls(claim.get("outlet"), claim.get("attributed_to"), str(claim.get("article_id")),
                   " ".join(str(claim.get("quote") or "").split()), value)  # fmt: skip


@dataclass(slots=True)
class Footnote:
    number: int
    label: str  # what the note backs: "killed at Idlib, 2020-02-20"
    claims: list[Claim]


@dataclass(slots=True)
class Footnotes:
    notes: list[Footnote] = field(default_factory=list)

    def add(self, label: str, claims: Iterable[Claim]) -> int:
        note = Footnote(len(self.notes) + 1, label, list(claims))
        self.notes.append(note)
        return note.number


@dataclass(slots=True)
class Figure:
    name: str  # killed, injured, displaced
    value: int
    low: int | None
    high: int | None
    status: str
    sentence: str  # who claims what, which figure is published (serve/explain.py)
    note: int


@dataclass(slots=True)
class KeyIncident:
    incident_id: str
    date: str | None
    kind: str  # ACLED event type, or the PLOVER type
    place: str
    lat: float | None
    lon: float | None
    actor1: str | None
    actor2: str | None
    status: str
    independent_sources: int
    figures: list[Figure]
    note: int  # the claims that it happened (every report of it)
    marker: int = 0  # its number on the map

    @property
    def killed(self) -> int:
        return next((f.value for f in self.figures if f.name == "killed"), 0)


@dataclass(slots=True)
class Statement:
    kind: str  # threat, demand, agreement
    date: str | None
    actor1: str | None
    actor2: str | None
    quote: str
    repeated: bool  # the same kind between the same sides before the window
    note: int


@dataclass(slots=True)
class RelationChange:
    source: str
    relation: str
    target: str
    change: str  # new, continuing, not seen
    events: int
    independent_sources: int
    note: int | None


@dataclass(slots=True)
class OutletRow:
    outlet: str
    claims: int
    corroborated: int
    contested: int
    single: int
    outside_range: int
    compared: int
    note: int


@dataclass(slots=True)
class DayCount:
    day: str
    kind: str
    killed: int
    notes: list[int]


@dataclass(slots=True)
class Report:
    country: str
    country_name: str
    admin1: str | None
    since: date
    until: date
    incidents: int
    key_incidents: list[KeyIncident]
    fatalities: list[DayCount]
    statements: list[Statement]
    relations: list[RelationChange]
    outlets: list[OutletRow]
    footnotes: Footnotes
    events: int = 0

    @property
    def total_killed(self) -> int:
        return sum(day.killed for day in self.fatalities)

    @property
    def title(self) -> str:
        place = f"{self.admin1}, {self.country_name}" if self.admin1 else self.country_name
        return f"Situation report: {place}, {self.since.isoformat()} to {self.until.isoformat()}"


def _claims(record: Mapping[str, Any], *names: str) -> list[Claim]:
    fields = record.get("fields") or {}
    for name in names:
        found = (fields.get(name) or {}).get("claims") or []
        if found:
            return [Claim.of(c) for c in found]
    return []


def _in_place(record: Mapping[str, Any], country: str, admin1: str | None) -> bool:
    location = record.get("location") or {}
    if location.get("country") not in (None, country):
        return False
    return admin1 is None or str(location.get("admin1") or "").casefold() == admin1.casefold()


def _is_violent(record: Mapping[str, Any]) -> bool:
    return bool(record.get("acled_event_type")) or record.get("family") == "violence"


def _key_incident(record: Mapping[str, Any], notes: Footnotes, brief: bool = False) -> KeyIncident:
    """An incident's summary; `brief` (incidents beyond the key ones) keeps only its death toll."""
    location = record.get("location") or {}
    place = location.get("name") or "(place not stated)"
    when = record.get("date")
    kind = record.get("acled_event_type") or record.get("plover") or ""
    label = f"{kind} at {place}, {when}"
    report_claims = _claims(record, "actors", "place", "date") or _claims(record, *FIGURES)
    incident_note = 0 if brief else notes.add(f"reports of the {label}", report_claims)
    figures = []
    for name in FIGURES[:1] if brief else FIGURES:
        figure = record.get(name)
        if not figure or figure.get("conservative") is None:
            continue
        note = notes.add(f"{name}: {label}", [Claim.of(c) for c in figure.get("claims") or []])
        sentence = figure_sentence(name, figure, record.get("independent_sources"))
        figures.append(Figure(name, int(figure["conservative"]), figure.get("min"), figure.get("max"),
                              figure.get("status") or "single-source", sentence, note))  # fmt: skip
    return KeyIncident(
        record["incident_id"], when, kind, place, location.get("lat"), location.get("lon"),
        record.get("actor1"), record.get("actor2"), record.get("status") or "single-source",
        int(record.get("independent_sources") or 0), figures, incident_note,
    )  # fmt: skip


def _weight(record: Mapping[str, Any]) -> tuple[int, int, int]:
    killed = (record.get("killed") or {}).get("conservative") or 0
    contested = any((record.get(n) or {}).get("status") == "contested" for n in FIGURES)
    return (-int(killed), -int(contested), -int(record.get("independent_sources") or 0))


def _fatalities(incidents: list[KeyIncident]) -> list[DayCount]:
    days: dict[tuple[str, str], DayCount] = {}
    for incident in incidents:
        figure = next((f for f in incident.figures if f.name == "killed"), None)
        if figure is None or not incident.date or figure.value <= 0:
            continue
        kind = incident.kind if incident.kind != "ASSAULT" else NOT_ACLED
        day = days.setdefault((incident.date[:10], kind), DayCount(incident.date[:10], kind, 0, []))
        day.killed += figure.value
        day.notes.append(figure.note)
    return sorted(days.values(), key=lambda d: (d.day, d.kind))


def _statements(records: list[dict[str, Any]], before: list[dict[str, Any]], notes: Footnotes
                ) -> list[Statement]:  # fmt: skip
    seen_before = {(r.get("plover"), r.get("actor1"), r.get("actor2")) for r in before}
    found = []
    for record in sorted(records, key=lambda r: (str(r.get("date")), r["incident_id"])):
        kind = STATEMENTS.get(str(record.get("plover")))
        if kind is None:
            continue
        claims = _claims(record, "actors", "place", "date")
        quote = claims[0].quote if claims else ""
        note = notes.add(
            f"{kind} by {record.get('actor1') or 'an unnamed actor'}, {record.get('date')}", claims
        )
        key = (record.get("plover"), record.get("actor1"), record.get("actor2"))
        found.append(Statement(kind, record.get("date"), record.get("actor1"), record.get("actor2"), quote,
                               key in seen_before, note))  # fmt: skip
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _event_claims(events: Iterable[Event]) -> list[Claim]:
    claims = [
        Claim(e.outlet, e.attributed_to, e.article_id, _one_line(e.evidence.text) if e.evidence else "")
        for e in events
    ]
    unique = {(c.outlet, c.claimant, c.article_id, c.quote): c for c in claims}
    return list(unique.values())


def _relations(sitrep: Sitrep, window: list[Event], before: list[Event], notes: Footnotes
               ) -> list[RelationChange]:  # fmt: skip
    corroborator = sitrep.corroborator
    rows = corroborator.db.relation_events(sorted(corroborator.rules.relation_by_plover))
    window_ids = {e.event_id for e in window}
    before_ids = {e.event_id for e in before}
    by_id = {e.event_id: e for e in window}
    rules = corroborator.rules
    now = aggregate_relations([r for r in rows if r["event_id"] in window_ids], rules)
    then = aggregate_relations([r for r in rows if r["event_id"] in before_ids], rules)
    earlier = {(e["source_id"], e["relation"], e["target_id"]) for e in then}
    current = {(e["source_id"], e["relation"], e["target_id"]) for e in now}
    events_of: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    for row in rows:
        if row["event_id"] in window_ids:
            for edge in aggregate_relations([row], rules):
                events_of[(edge["source_id"], edge["relation"], edge["target_id"])].append(
                    by_id[row["event_id"]]
                )
    changes = []
    for edge in now:
        key = (edge["source_id"], edge["relation"], edge["target_id"])
        label = f"{edge['source']} {edge['relation']} {edge['target']}"
        note = notes.add(label, _event_claims(events_of[key]))
        changes.append(RelationChange(edge["source"], edge["relation"], edge["target"],
                                      "continuing" if key in earlier else "new", edge["events"],
                                      edge["independent_sources"], note))  # fmt: skip
    for edge in then:
        if (edge["source_id"], edge["relation"], edge["target_id"]) not in current:
            changes.append(RelationChange(edge["source"], edge["relation"], edge["target"], "not seen",
                                          0, 0, None))  # fmt: skip
    order = {"new": 0, "continuing": 1, "not seen": 2}
    return sorted(changes, key=lambda c: (order[c.change], -c.independent_sources, c.source, c.target))


def _outlets(sitrep: Sitrep, records: list[dict[str, Any]], events: list[Event], notes: Footnotes
             ) -> list[OutletRow]:  # fmt: skip
    """outlet_record over the window's claims; an outlet's note lists its claims by incident and article."""
    labels = {
        r["incident_id"]: f"{r.get('acled_event_type') or r.get('plover')} at "
        f"{(r.get('location') or {}).get('name') or 'an unstated place'}, {r.get('date')}"
        for r in records
    }
    claims = [c for c in sitrep.corroborator.db.claims() if c["incident_id"] in labels]
    voice: Counter[str | None] = Counter(e.outlet for e in events)
    rows = outlet_record(
        claims, [{"outlet": o, "events": n, "attributed": 0, "hedged": 0} for o, n in voice.items()]
    )
    grouped: dict[str, dict[tuple[str, str, str | None], list[Mapping[str, Any]]]] = defaultdict(dict)
    for claim in claims:
        key = (claim["incident_id"], str(claim.get("article_id")), claim.get("attributed_to"))
        grouped[claim.get("outlet") or UNKNOWN_OUTLET].setdefault(key, []).append(claim)
    found = []
    for row in rows:
        if not row["claims"]:
            continue
        backing = [
            Claim(row["outlet"] if row["outlet"] != UNKNOWN_OUTLET else None, claimant, article,
                  "", f"{labels[incident]}: {', '.join(sorted({str(c['field']) for c in group}))} "
                  f"({', '.join(sorted({str(c['status']) for c in group}))})")
            for (incident, article, claimant), group in grouped.get(row["outlet"], {}).items()
        ]  # fmt: skip
        note = notes.add(f"claims by {row['outlet']}", backing)
        found.append(OutletRow(row["outlet"], row["claims"], row["corroborated"], row["contested"],
                               row["single-source"], row["figures_outside_range"], row["figures_compared"],
                               note))  # fmt: skip
    return found


def gather(sitrep: Sitrep, country: str, since: date, until: date, admin1: str | None = None) -> Report:
    """The report's content for `country` (ISO3) between two days, inclusive."""
    corroborator = sitrep.corroborator
    notes = Footnotes()
    rows = corroborator.incidents(country=country, since=since, until=until)
    records = [r for r in (corroborator.incident(row["id"]) for row in rows) if r is not None]
    located = [r for r in records if _in_place(r, country, admin1)]
    violent = sorted((r for r in located if _is_violent(r)), key=_weight)
    key = [_key_incident(r, notes) for r in violent[:KEY_INCIDENTS]]
    for number, incident in enumerate(key, start=1):
        incident.marker = number
    rest = [_key_incident(r, notes, brief=True) for r in violent[KEY_INCIDENTS:]]
    day_before = since - timedelta(days=1)
    before_rows = corroborator.incidents(country=country, until=day_before)
    before = [r for r in (corroborator.incident(row["id"]) for row in before_rows) if r is not None]
    statements = _statements([r for r in records if r.get("plover") in STATEMENTS], before, notes)
    window_events = sitrep.store.events(country=country, since=since, until=until)
    before_events = sitrep.store.events(country=country, until=day_before)
    relations = _relations(sitrep, window_events, before_events, notes)
    outlets = _outlets(sitrep, records, window_events, notes)
    fatalities = _fatalities(key + rest)
    return Report(country, country_name(country), admin1, since, until, len(records), key, fatalities,
                  statements, relations, outlets, notes, len(window_events))  # fmt: skip
