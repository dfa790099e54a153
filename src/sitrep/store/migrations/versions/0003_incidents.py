"""Incidents: events grouped across articles, the source each article counts as, MinHash band keys
for finding copies with indexed look-ups, and the claims per incident and field.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def _figure_columns(name: str) -> list[sa.Column]:
    return [
        sa.Column(name, sa.BigInteger),
        sa.Column(f"{name}_min", sa.BigInteger),
        sa.Column(f"{name}_max", sa.BigInteger),
    ]


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("family", sa.Text, nullable=False),
        sa.Column("plover", sa.Text, nullable=False),
        sa.Column("acled_event_type", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("date_first", sa.Text),
        sa.Column("date_last", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("location_name", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("precision", sa.Integer),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("independent_sources", sa.Integer, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        *_figure_columns("killed"),
        *_figure_columns("injured"),
        *_figure_columns("displaced"),
        sa.Column("detail", JSONType, nullable=False),
    )
    candidates = ["family", "country", "date_first"]  # the index attach scans for candidate incidents
    op.create_index("ix_incidents_family_country_date_first", "incidents", candidates)
    op.create_index("ix_incidents_date_first", "incidents", ["date_first"])
    op.create_index("ix_incidents_country", "incidents", ["country"])
    op.create_index("ix_incidents_status", "incidents", ["status"])

    op.create_table(
        "article_sources",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("own_key", sa.Text, nullable=False),
        sa.Column("explicit_key", sa.Text),
        sa.Column("basis", sa.Text, nullable=False),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("cluster", sa.Text, nullable=False),
        sa.Column("copy_of", sa.Text),
        sa.Column("similarity", sa.Float),
        sa.Column("shingles", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary),
    )
    op.create_index("ix_article_sources_source_key", "article_sources", ["source_key"])
    op.create_index("ix_article_sources_cluster", "article_sources", ["cluster"])
    op.create_index("ix_article_sources_seq", "article_sources", ["seq"], unique=True)

    op.create_table(
        "minhash_bands",
        sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("article_id", sa.Text, primary_key=True),
    )
    op.create_index("ix_minhash_bands_article_id", "minhash_bands", ["article_id"])

    op.create_table(
        "incident_claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.Text, nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("claimant", sa.Text),
        sa.Column("value", sa.Text),
        sa.Column("number", sa.BigInteger),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("outside_range", sa.Boolean),
    )
    op.create_index("ix_incident_claims_incident_id", "incident_claims", ["incident_id"])
    op.create_index("ix_incident_claims_article_id", "incident_claims", ["article_id"])
    op.create_index("ix_incident_claims_outlet", "incident_claims", ["outlet"])


def downgrade() -> None:
    for table in ("incident_claims", "minhash_bands", "article_sources", "incidents"):
        op.drop_table(table)
