"""The `sitrep` command: parses options, builds the one Sitrep application object, prints results.

This is the only module that turns errors into exit codes: every failure is one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.markup import escape
from rich.table import Table

from sitrep import cli_ingest, cli_sources
from sitrep.cli_common import (
    ActorName,
    Country,
    DbOption,
    Paths,
    PloverType,
    Since,
    Status,
    Until,
    add_row,
    err,
    event_filters,
    make_app,
    out,
    parse_date,
    safe,
    write_jsonl,
)
from sitrep.errors import ConfigError, SitrepError
from sitrep.escaping import for_terminal

# What `sitrep clean --format text` shows above each text.
CLEAN_FIELDS = ("title", "byline", "published", "outlet", "language", "source_url", "republished_from")
# The exit status of a command line Sitrep cannot understand (an unknown command, `--limit abc`).
USAGE_EXIT = 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Sitrep: a verified event record from news about armed conflict and political crises.",
)


app.command()(cli_ingest.ingest)
app.command()(cli_ingest.watch)


@app.command()
def articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option(help="How many to skip.")] = 0,
) -> None:
    """List stored articles, newest first."""
    rows = make_app(db).articles(limit=limit, offset=offset)
    table = Table("id", "published", "outlet", "title", "chars")
    for row in rows:
        add_row(
            table,
            str(row["id"]),
            str(row.get("published") or ""),
            str(row.get("outlet") or ""),
            str(row.get("title") or "")[:60],
            str(row.get("chars") or ""),
        )
    out.print(table)


@app.command()
def article(article_id: str, db: DbOption = None) -> None:
    """Show one stored article: metadata, cleaned text, and the removed boilerplate apart."""
    row = make_app(db).article(article_id)
    if row is None:
        raise ConfigError(f"no article with id {article_id!r}")
    for key in ("id", "title", "byline", "published", "outlet", "url", "source_url", "republished_from"):
        out.print(f"[bold]{key}:[/bold] ", end="")
        out.print(safe(row.get(key) or ""), markup=False)
    out.rule("text")
    out.print(for_terminal(row["text"], keep_newlines=True), markup=False)
    out.rule(f"removed boilerplate ({len(row.get('removed') or [])})")
    for removed in row.get("removed") or []:
        out.print(f"[dim]\\[{escape(safe(removed['rule']))}][/dim] ", end="")
        out.print(safe(removed["text"]), markup=False)


@app.command()
def clean(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", help="jsonl or text.")] = "jsonl",
) -> None:
    """Clean articles without storing them: one JSON object per article (or readable text)."""
    if format not in ("jsonl", "text"):
        raise ConfigError(f"--format takes jsonl or text, not {format!r}")
    failed = 0
    for analysis in make_app().analyze(paths, until="clean"):
        if analysis.rejected is not None:
            failed += 1
            err.print(f"rejected {safe(analysis.source)}: {safe(analysis.rejected.reason)}", markup=False)
            continue
        assert analysis.clean is not None
        if format == "jsonl":
            write_jsonl([analysis.clean.to_dict()])
        else:
            record = analysis.clean.to_dict()
            out.rule(str(record["id"]))
            for key in CLEAN_FIELDS:
                if record[key]:
                    out.print(f"{key}: {safe(record[key])}", markup=False)
            out.print(for_terminal(record["text"], keep_newlines=True), markup=False)
    if failed:
        raise typer.Exit(1)


def _print_events_table(events: list[Any]) -> None:
    table = Table("article", "date", "type", "actor1", "actor2", "place", "killed", "source", "evidence")
    for event in events:
        add_row(
            table,
            event.article_id,
            event.date or "",
            f"{event.plover}{'/' + event.mode if event.mode else ''}",
            _actor_cell(event.actor1),
            _actor_cell(event.actor2),
            event.location.name if event.location else "",
            "" if event.killed is None else f"{event.figure_qualifier or ''} {event.killed}".strip(),
            (event.attributed_to or "") + (" (hedged)" if event.hedged else ""),
            (event.evidence.text[:80] if event.evidence else ""),
        )
    out.print(table)


def _actor_cell(actor: Any) -> str:
    if actor is None:
        return ""
    backers = f" backed by {','.join(actor.backed_by)}" if actor.backed_by else ""
    return f"{actor.name} ({actor.country or '?'} {actor.kind or '?'}){backers}"


@app.command()
def analyze(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that do not state one.")
    ] = None,
) -> None:
    """Print the events of articles without storing anything."""
    if format not in ("jsonl", "table"):
        raise ConfigError(f"--format takes jsonl or table, not {format!r}")
    default_date = parse_date(published, "--published")
    collected: list[Any] = []
    failed = 0
    for analysis in make_app().analyze(paths, published=default_date):
        if analysis.rejected is not None:
            failed += 1
            err.print(f"rejected {safe(analysis.source)}: {safe(analysis.rejected.reason)}", markup=False)
            continue
        if analysis.not_analysed:
            err.print(f"{safe(analysis.source)}: {safe(analysis.not_analysed)}", markup=False)
        if format == "jsonl":
            write_jsonl(event.to_dict() for event in analysis.events)
        else:
            collected.extend(analysis.events)
    if format == "table":
        _print_events_table(collected)
    if failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = None,
    country: Country = None,
    actor: ActorName = None,
    type: PloverType = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 100,
    format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """List stored events, with filters."""
    found = make_app(db).store.events(**event_filters(country, actor, type, since, until), limit=limit)
    if format == "jsonl":
        write_jsonl(event.to_dict() for event in found)
    else:
        _print_events_table(found)


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[
        str,
        typer.Option("--format", help="jsonl, csv (ACLED), gdelt (GDELT 2.0 columns), geojson or parquet."),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout; parquet needs one).")
    ] = None,
    country: Country = None,
    actor: ActorName = None,
    type: PloverType = None,
    since: Since = None,
    until: Until = None,
    what: Annotated[str, typer.Option("--what", help="events, incidents or network.")] = "events",
    status: Status = None,
) -> None:
    """Export events (JSON Lines, CSV in ACLED's columns, GDELT-style, GeoJSON, Parquet), incidents
    (JSON Lines, CSV, GeoJSON, Parquet) or the actor network (GraphML or JSON Lines)."""
    from sitrep.export import FORMATS, export_events

    filters = event_filters(country, actor, type, since, until)
    if format == "parquet" and what in ("events", "incidents"):
        _export_parquet(db, what, output, filters, status)
        return
    if what in ("incidents", "network"):
        cli_sources.export_sources(db, what, format, output, filters, status)
        return
    if what != "events":
        raise ConfigError(f"--what takes events, incidents or network, not {what!r}")
    if format not in FORMATS:
        raise ConfigError(f"--format takes {', '.join(FORMATS)}, not {format!r}")
    found = make_app(db).store.events(**filters)
    chunks = export_events(found, format)
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        written = sum(1 for event in found if event.acled_event_type) if format == "csv" else len(found)
        left = f" ({len(found) - written} with no ACLED event type left out)" if written < len(found) else ""
        err.print(f"wrote {written} events to {safe(output)}{left}", markup=False)


def _export_parquet(
    db: str | None, what: str, output: Path | None, filters: dict[str, Any], status: str | None
) -> None:
    from sitrep.export import parquet

    if output is None:
        raise ConfigError("--format parquet writes a file: give one with -o FILE")
    sitrep = make_app(db)
    if what == "events":
        count = parquet.write_events(sitrep.store.events(**filters), output)
    else:
        records = sitrep.corroborator.incident_records(**filters, status=status)
        count = parquet.write_incidents(records, output)
    err.print(f"wrote {count} {what} to {safe(output)}", markup=False)


@app.command()
def report(
    country: Annotated[str, typer.Option("--country", help="ISO3 code of the country (SYR, UKR...).")],
    since: Annotated[str, typer.Option("--since", help="First day (YYYY-MM-DD).")],
    until: Annotated[str, typer.Option("--until", help="Last day (YYYY-MM-DD), inclusive.")],
    admin1: Annotated[str | None, typer.Option("--admin1", help="Only this province or state.")] = None,
    format: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout; pdf needs one).")
    ] = None,
    db: DbOption = None,
) -> None:
    """A situation report: key incidents with their contested figures, fatalities per day, a map,
    threats, demands and agreements, changes in actor relations, the outlets' record; every figure
    footnoted to its claims."""
    from sitrep import report as reports

    if format not in reports.FORMATS:
        raise ConfigError(f"--format takes {', '.join(reports.FORMATS)}, not {format!r}")
    first, last = parse_date(since, "--since"), parse_date(until, "--until")
    assert first is not None and last is not None
    if format == "pdf" and output is None:
        raise ConfigError("--format pdf writes a file: give one with -o FILE")
    built = reports.build(make_app(db), country, first, last, admin1)
    if output is None:
        sys.stdout.write(str(reports.render(built, format)))
        return
    written = reports.write(built, format, output)
    err.print(f"wrote {', '.join(safe(path) for path in written)}", markup=False)


@app.command(name="eval")
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(help="A gold directory (tests/gold/README.md) or bench/realtext.")
    ],
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    split: Annotated[
        str | None, typer.Option(help="Event-level gold only: score one split (dev or test).")
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss, not only the first 40.")] = False,
) -> None:
    """Score extraction against a gold set: event precision/recall/F1 and accuracy per field."""
    from sitrep.evaluate import format_report

    report = make_app().evaluate(gold_dir, split=split)
    if format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), indent=1) + "\n")
    else:
        out.print(format_report(report, max_misses=len(report.misses) if errors else 40), markup=False)


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default 127.0.0.1, or SITREP_HOST).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000, or SITREP_PORT).")] = None,
    db: DbOption = None,
    token: Annotated[
        str | None,
        typer.Option(
            help="Bearer token allowing POST /api/articles (or SITREP_TOKEN); without one, no writes."
        ),
    ] = None,
    tile_url: Annotated[
        str | None, typer.Option(help="Optional map tile URL template, for users online.")
    ] = None,
) -> None:
    """Serve the web dashboard and the JSON API (OpenAPI at /docs) until Ctrl-C."""
    from sitrep.serve import serve_command

    serve_command(
        host=host,
        port=port,
        db=db,
        token=token,
        tile_url=tile_url,
        announce=lambda line: out.print(line, markup=False),
    )


# The commands over incidents, sources and relations live in cli_sources.py; registered here, in one place.
app.command()(cli_sources.incidents)
app.command()(cli_sources.incident)
app.command()(cli_sources.actors)
app.command()(cli_sources.network)
app.command()(cli_sources.outlets)


def main() -> None:
    """Entry point: run the CLI, turning every error into one line and an exit code."""
    try:
        status = app(standalone_mode=False)  # a command's typer.Exit comes back as its exit code
        if isinstance(status, int) and not isinstance(status, bool) and status:
            sys.exit(status)
    except (click.exceptions.Exit, typer.Exit) as done:
        sys.exit(done.exit_code)
    except (click.exceptions.Abort, typer.Abort):
        err.print("aborted")
        sys.exit(130)
    except (click.ClickException, typer.TyperException) as problem:
        # Typer ships its own copy of click: its usage errors are TyperExceptions, not click's.
        err.print(f"error: {safe(problem.format_message())} (see sitrep --help)", markup=False)
        sys.exit(USAGE_EXIT)
    except SitrepError as problem:
        err.print(f"error: {safe(problem)}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as problem:  # noqa: BLE001 - the one place that turns any failure into a line
        err.print(f"error: unexpected {type(problem).__name__}: {safe(problem)}", markup=False)
        sys.exit(1)
