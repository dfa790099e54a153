"""The tables as the queries see them: the current shape of the schema, in SQLAlchemy Core.

This is the schema the migrations in `migrations/versions/` build, step by step; the migrations
never import this module (an old migration must keep meaning what it meant when it shipped), and
tests/test_store.py checks that the migrated database and these tables agree. Change both
together: add a migration, then mirror it here.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

# JSONB on PostgreSQL (indexable, compact), SQLite's JSON1 text elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")

# Strings are TEXT, never VARCHAR(n): SQLite ignores lengths and PostgreSQL enforces them, so a
# length would make an over-long outlet name fail on one backend only.
metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    Column("content_hash", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("byline", Text),
    Column("published", Date),
    Column("outlet", Text),
    Column("url", Text),
    Column("source_url", Text),
    Column("republished_from", Text),
    Column("language", Text),
    Column("dateline_place", Text),  # revision 0004
    Column("dateline_agency", Text),
    Column("text", Text, nullable=False),
    Column("original", Text, nullable=False),
    # [{text, rule, start, end}]: the boilerplate cut from `original`
    Column("removed", JSONType, nullable=False),
    # [[clean_start, original_start, length]]: models.OffsetMap.runs
    Column("offsets", JSONType, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
)

rejected = Table(
    "rejected",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column(
        "article_id",
        Text,
        ForeignKey("articles.id", ondelete="CASCADE", name="fk_events_article_id"),
        nullable=False,
    ),
    Column("incident_id", Text),
    Column("plover", Text, nullable=False),
    Column("mode", Text),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("cameo_root", Text),
    Column("quad_class", Integer),
    Column("date", Text),  # "YYYY-MM-DD" or "YYYY-MM": text, so month precision stays visible
    Column("date_precision", Text),
    Column("actor1_name", Text),
    Column("actor1_country", Text),
    Column("actor1_kind", Text),
    Column("actor1_backed_by", JSONType),
    Column("actor1_text", Text),
    Column("actor2_name", Text),
    Column("actor2_country", Text),
    Column("actor2_kind", Text),
    Column("actor2_backed_by", JSONType),
    Column("actor2_text", Text),
    Column("location_name", Text),
    Column("location_admin1", Text),
    Column("location_country", Text),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonames_id", Integer),
    Column("location_precision", Integer),
    Column("location_text", Text),
    # BIGINT: a misread number must not fail on PostgreSQL's 32-bit INTEGER and pass on SQLite.
    Column("killed", BigInteger),
    Column("injured", BigInteger),
    Column("displaced", BigInteger),
    Column("figure_qualifier", Text),
    Column("attributed_to", Text),
    Column("hedged", Boolean, nullable=False),
    Column("evidence_text", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("date_source", Text),
    Column("confidence", Float),
    Column("mentions", JSONType),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Text),
    Index("ix_events_article_id", "article_id"),
    Index("ix_events_incident_id", "incident_id"),
    Index("ix_events_date", "date"),
    Index("ix_events_plover", "plover"),
    Index("ix_events_actor1_country", "actor1_country"),
    Index("ix_events_actor2_country", "actor2_country"),
    Index("ix_events_location_country", "location_country"),
)
