"""`sitrep` commands over what the corroborate stage builds: incidents, claims by source, actors,
relations and outlets' track records. cli.py registers them; errors surface there as one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from sitrep.cli_common import (
    ActorName,
    Country,
    DbOption,
    PloverType,
    Since,
    Status,
    TableOrJsonl,
    Until,
    add_row,
    err,
    event_filters,
    make_app,
    out,
    safe,
    write_jsonl,
)
from sitrep.errors import ConfigError

Limit = Annotated[int, typer.Option(help="How many to list.")]


def incidents(
    db: DbOption = None,
    country: Country = None,
    actor: ActorName = None,
    type: PloverType = None,
    since: Since = None,
    until: Until = None,
    status: Status = None,
    limit: Limit = 100,
    format: TableOrJsonl = "table",
) -> None:
    """List incidents (events grouped across articles) with their status and published figures."""
    filters = event_filters(country, actor, type, since, until)
    rows = make_app(db).corroborator.incidents(**filters, status=status, limit=limit)
    if format == "jsonl":
        write_jsonl(rows)
        return
    table = Table("id", "dates", "type", "place", "actor1 → actor2", "killed (min–max)", "sources", "status")
    for r in rows:
        killed = "" if r["killed"] is None else f"{r['killed']} ({r['killed_min']}–{r['killed_max']})"
        add_row(
                table,
            r["id"], f"{r['date_first']}…{r['date_last']}", r["plover"], r["location_name"] or "",
            f"{r['actor1'] or '?'} → {r['actor2'] or '?'}", killed, str(r["independent_sources"]),
            r["status"],
        )  # fmt: skip
    out.print(table)


def incident(
    incident_id: str,
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """One incident: every claim by source, side by side, with quotes."""
    record = make_app(db).corroborator.incident(incident_id)
    if record is None:
        raise ConfigError(f"no incident {incident_id!r}")
    if format == "json":
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    place = (record.get("location") or {}).get("name") or ""
    out.print(
        safe(
            f"{record['incident_id']}  {record['plover']}  {record['date']}  {place}  "
            f"status={record['status']}  independent sources={record['independent_sources']}"
        ),
        markup=False,
    )
    table = Table("field", "value", "outlet", "claimant", "source", "article", "quote")
    for name, field in record["fields"].items():
        if not field:
            continue
        label = f"{name} [{field['status']}]"
        if "conservative" in field:
            label += f" publish {field['conservative']}"
        for claim in field["claims"]:
            value = claim["value"]["name"] if isinstance(claim["value"], dict) else claim["value"]
            add_row(
                table,
                label, str(value), claim["outlet"] or "", claim["attributed_to"] or "(own voice)",
                claim["source"], claim["article_id"], (claim["quote"] or "")[:120],
            )  # fmt: skip
    out.print(table)


def actors(db: DbOption = None, limit: Limit = 100) -> None:
    """Actors with the number of events and incidents they appear in."""
    table = Table("actor", "country", "kind", "events", "incidents")
    for a in make_app(db).corroborator.actors()[:limit]:
        add_row(table, a["name"], a["country"] or "", a["kind"] or "", str(a["events"]), str(a["incidents"]))
    out.print(table)


def network(db: DbOption = None, format: TableOrJsonl = "table") -> None:
    """Standing relations between actors (backs, fights, threatens, negotiates with), with their sources."""
    edges = make_app(db).corroborator.relations()
    if format == "jsonl":
        write_jsonl(edges)
        return
    table = Table("actor", "relation", "actor", "events", "independent sources", "first", "last")
    for e in edges:
        add_row(
                table,
            e["source"], e["relation"], e["target"], str(e["events"]), str(e["independent_sources"]),
            e["first_seen"] or "", e["last_seen"] or "",
        )  # fmt: skip
    out.print(table)


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def outlets(db: DbOption = None, format: TableOrJsonl = "table") -> None:
    """Each outlet's measured track record: its claims corroborated, contested or single-source, and more."""
    rows = make_app(db).corroborator.outlets()
    if format == "jsonl":
        write_jsonl(rows)
        return
    table = Table(
        "outlet", "claims", "corroborated", "contested", "single-source", "figures outside range",
        "attributed", "hedged",
    )  # fmt: skip
    for r in rows:
        add_row(
                table,
            r["outlet"], str(r["claims"]), str(r["corroborated"]), str(r["contested"]),
            str(r["single-source"]),
            f"{r['figures_outside_range']}/{r['figures_compared']}", _share(r["attributed_share"]),
            _share(r["hedged_share"]),
        )  # fmt: skip
    out.print(table)


def export_sources(
    db: str | None, what: str, format: str, output: Path | None, filters: dict[str, Any], status: str | None
) -> None:
    """`sitrep export --what incidents|network`: incidents as jsonl/csv/geojson, the network as graphml."""
    corroborator = make_app(db).corroborator
    if what == "network":
        text = corroborator.export_network(format)
    else:
        text = corroborator.export_incidents(format, **filters, status=status)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {what} to {safe(output)}", markup=False)
