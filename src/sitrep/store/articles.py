"""Article and rejected-input rows: saving one cleaned article with its events, and reading back.

Every function takes an open Connection; `Store` (database.py) owns the transaction, so saving an
article and its events is all or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from sitrep.models import CleanArticle, OffsetMap, Removed
from sitrep.store.events import insert_events
from sitrep.store.schema import articles as articles_table
from sitrep.store.schema import events as events_table
from sitrep.store.schema import rejected as rejected_table

SaveStatus = Literal["ingested", "unchanged", "updated"]


def utc(moment: datetime) -> datetime:
    """A timezone-aware UTC datetime: SQLite hands back naive ones, PostgreSQL aware ones."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def article_row(clean: CleanArticle, ingested_at: datetime) -> dict[str, Any]:
    return {
        "id": clean.id,
        "content_hash": clean.content_hash,
        "source": clean.source,
        "title": clean.title,
        "byline": clean.byline,
        "published": clean.published,
        "outlet": clean.outlet,
        "url": clean.url,
        "source_url": clean.source_url,
        "republished_from": clean.republished_from,
        "language": clean.language,
        "dateline_place": clean.dateline_place,
        "dateline_agency": clean.dateline_agency,
        "text": clean.text,
        "original": clean.original,
        "removed": [{"text": r.text, "rule": r.rule, "start": r.start, "end": r.end} for r in clean.removed],
        "offsets": [list(run) for run in clean.offsets.runs],
        "ingested_at": ingested_at,
    }


def save_article(
    conn: Connection, clean: CleanArticle, event_rows: Sequence[Mapping[str, Any]], now: datetime
) -> SaveStatus:
    """Insert, replace or skip one article and its events, inside the caller's transaction.

    Equal text means the same article: a stored row with this content hash (under this id or
    another) leaves everything as it is. The same id with new text replaces the article and all
    of its events, so no event outlives the text it was read from.
    """
    c = articles_table.c
    stored = conn.execute(
        select(c.id, c.content_hash).where(or_(c.id == clean.id, c.content_hash == clean.content_hash))
    ).all()
    if any(row.content_hash == clean.content_hash for row in stored):
        return "unchanged"
    row = article_row(clean, now)
    status: SaveStatus
    if stored:
        conn.execute(delete(events_table).where(events_table.c.article_id == clean.id))
        conn.execute(update(articles_table).where(c.id == clean.id).values(row))
        status = "updated"
    else:
        conn.execute(insert(articles_table).values(row))
        status = "ingested"
    insert_events(conn, event_rows)
    return status


def record_rejected(conn: Connection, source: str, reason: str, now: datetime) -> None:
    """Log a rejection once: rerunning a batch refreshes the time of a known one, adds no copy."""
    c = rejected_table.c
    known = conn.execute(update(rejected_table).where(c.source == source, c.reason == reason).values(at=now))
    if known.rowcount == 0:
        conn.execute(insert(rejected_table).values(source=source, reason=reason, at=now))


def count_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles_table)).scalar_one())


def list_articles(conn: Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    """A page of article summaries, most recently ingested first."""
    c = articles_table.c
    query = (
        select(c.id, c.title, c.outlet, c.published, c.ingested_at, func.length(c.text).label("chars"))
        .order_by(c.ingested_at.desc(), c.id)
        .limit(limit)
        .offset(offset)
    )
    return [{**row._asdict(), "ingested_at": utc(row.ingested_at)} for row in conn.execute(query)]


def article_exists(conn: Connection, article_id: str) -> bool:
    found = conn.execute(select(articles_table.c.id).where(articles_table.c.id == article_id)).first()
    return found is not None


def get_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """Every column of one article; `removed` and `offsets` decoded from JSON."""
    row = conn.execute(select(articles_table).where(articles_table.c.id == article_id)).first()
    if row is None:
        return None
    record = row._asdict()
    record["ingested_at"] = utc(record["ingested_at"])
    record["removed"] = [dict(item) for item in record["removed"] or ()]
    record["offsets"] = [list(run) for run in record["offsets"] or ()]
    return record


def clean_article_from_record(record: Mapping[str, Any]) -> CleanArticle:
    """The CleanArticle a stored row was made from, for re-analysis and evidence highlighting."""
    return CleanArticle(
        id=record["id"],
        content_hash=record["content_hash"],
        source=record["source"],
        text=record["text"],
        original=record["original"],
        title=record["title"],
        byline=record["byline"],
        published=record["published"],
        outlet=record["outlet"],
        url=record["url"],
        source_url=record["source_url"],
        republished_from=record["republished_from"],
        language=record["language"],
        dateline_place=record["dateline_place"],
        dateline_agency=record["dateline_agency"],
        removed=tuple(Removed(r["text"], r["rule"], r["start"], r["end"]) for r in record["removed"]),
        offsets=OffsetMap(tuple((int(a), int(b), int(n)) for a, b, n in record["offsets"])),
    )


def list_rejected(conn: Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    """Rejected inputs, newest first: {id, source, reason, at}."""
    c = rejected_table.c
    query = select(rejected_table).order_by(c.at.desc(), c.id.desc()).limit(limit).offset(offset)
    return [{**row._asdict(), "at": utc(row.at)} for row in conn.execute(query)]


def count_rejected(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(rejected_table)).scalar_one())
