"""What every `sitrep` command shares: the consoles, the option types, the application factory."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.app import Sitrep
from sitrep.errors import ConfigError
from sitrep.escaping import for_terminal
from sitrep.settings import Settings

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default sqlite:///sitrep.db, or SITREP_DB_URL).")
]
Paths = Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .html, .jsonl, feeds, WARC).")]
Country = Annotated[str | None, typer.Option(help="ISO3 code of an actor's or the place's country.")]
ActorName = Annotated[str | None, typer.Option(help="Part of an actor's name.")]
PloverType = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")]
Since = Annotated[str | None, typer.Option(help="On or after this date (YYYY-MM-DD or YYYY-MM).")]
Until = Annotated[str | None, typer.Option(help="On or before this date (YYYY-MM-DD or YYYY-MM).")]
Status = Annotated[str | None, typer.Option("--status", help="corroborated, single-source or contested.")]
TableOrJsonl = Annotated[str, typer.Option("--format", help="table or jsonl.")]


def safe(value: Any) -> str:
    """Any stored or input-derived value as one printable line (see sitrep.escaping)."""
    return for_terminal("" if value is None else str(value))


def add_row(table: Table, *values: Any) -> None:
    """A table row of untrusted values: escaped, and never read as rich markup."""
    table.add_row(*(Text(safe(value)) for value in values))


def write_jsonl(rows: Iterable[Mapping[str, Any]]) -> None:
    """One JSON object per line on stdout, as each row comes: what every `--format jsonl` prints.
    Non-ASCII text stays readable; a value JSON has no type for (a date) is written as its text."""
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def make_app(db: str | None = None, **overrides: Any) -> Sitrep:
    return Sitrep(Settings.from_env(db_url=db, **overrides))


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


def _check_bound(value: str | None, option: str) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value if len(value) != 7 else f"{value}-01")
    except ValueError:
        raise ConfigError(f"{option} takes a date as YYYY-MM-DD or YYYY-MM, not {value!r}") from None


def event_filters(
    country: str | None, actor: str | None, type: str | None, since: str | None, until: str | None
) -> dict[str, Any]:
    _check_bound(since, "--since")
    _check_bound(until, "--until")
    return {
        "country": country.upper() if country else None,
        "actor": actor,
        "plover": type.upper() if type else None,
        "since": since,
        "until": until,
    }
